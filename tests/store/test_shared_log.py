"""Two programs writing one log file at once: each full file is rotated once, no line is
lost, doubled or written past a rotation, and every file stays private."""

from __future__ import annotations

import re
import stat
import subprocess
import sys
import time
from pathlib import Path

from timeclock.store.logfile import BACKUP_COUNT, LOCK_NAME, LOG_NAME

LINES = 3000  # per process
MAX_BYTES = 200_000  # 2 x 3000 lines of 111 bytes (666 kB) fill 3 backups and a third of the log
WRITERS = ("a", "b")
LINE = re.compile(r"\[\d+\]: (?P<writer>[ab])-(?P<number>\d{5}) x+$")

# One writer: the log of the data folder given, opened as the command line opens it (with a
# smaller size); it says it is ready, and writes LINES records once the start file exists.
WRITER = """
import logging, sys, time
from pathlib import Path
from timeclock.store import logfile

folder, name, lines, max_bytes, start = sys.argv[1:]
logfile.MAX_BYTES = int(max_bytes)
logfile.open_log(folder=Path(folder))
log = logging.getLogger("tests.writer")
Path(start + "-" + name).touch()  # ready
while not Path(start).exists():
    time.sleep(0.001)
for number in range(int(lines)):
    log.info("%s-%05d %s", name, number, "x" * 50)
logfile.close_log()
"""


def run_writers(folder: Path) -> None:
    start = folder.parent / "start"
    arguments = (str(LINES), str(MAX_BYTES), str(start))
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(folder), name, *arguments])
        for name in WRITERS
    ]
    deadline = time.monotonic() + 30
    while not all(start.with_name(f"start-{name}").exists() for name in WRITERS):
        assert time.monotonic() < deadline, "the writers did not start"
        assert all(writer.poll() is None for writer in writers), "a writer failed"
        time.sleep(0.01)
    start.touch()  # both write from now on, at the same time
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0]


def test_two_processes_rotate_one_log_without_losing_or_doubling_a_line(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    run_writers(folder)

    oldest_first = [folder / f"{LOG_NAME}.{n}" for n in range(BACKUP_COUNT, 0, -1)]
    oldest_first.append(folder / LOG_NAME)
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [LOCK_NAME, *(path.name for path in oldest_first)]
    )  # exactly BACKUP_COUNT old files: none more, and none fell off the end
    seen: dict[str, list[int]] = {name: [] for name in WRITERS}
    for path in oldest_first:
        assert path.stat().st_size <= MAX_BYTES  # nothing was written past a rotation
        for line in path.read_text(encoding="utf-8").splitlines():
            match = LINE.search(line)
            assert match is not None, line
            seen[match["writer"]].append(int(match["number"]))
    # Every line once, and in the order written: no line went into a file already rotated.
    assert seen == {name: list(range(LINES)) for name in WRITERS}
    if sys.platform != "win32":
        modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()}
        assert set(modes.values()) == {0o600}, modes
