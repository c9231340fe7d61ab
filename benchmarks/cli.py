"""``python -m benchmarks``: measure the figures of issue #9 and print the table.

Each figure is measured against its floor in the same run, samples of the two interleaved,
every sample in a fresh child process. The table gives the median, the spread (min .. max),
the number of samples, the floor's median and spread, the ratio, and the issue's goal with
whether it is met. A failed measurement shows as ``failed`` with its reason and makes the
exit status 1; a goal not met does not (the suite measures, it does not judge the build).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks import environment
from benchmarks.children import ChildError, ServerChild, Workspace, new_credentials, run_child
from benchmarks.figures import all_users, cli_list, requests, start, throughput
from benchmarks.figures.common import Options
from benchmarks.report import Row, details, markdown_table, text_table

FIGURES = ("start", "all-users", "list", "server", "requests")
QUICK = Options(
    sizes=(1_000,),
    repeats=1,
    big_repeats=1,
    sort_clicks=1,
    seconds=0.5,
    connections=4,
    timeout=60.0,
    quick=True,
)


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure TimeClock's speed figures of issue #9, each against a floor "
        "measured in the same run, and print medians, spread, ratios and goals.",
    )
    made.add_argument(
        "--quick",
        action="store_true",
        help="a small run for CI: 1,000 entries, one sample each (under a minute)",
    )
    made.add_argument(
        "--only",
        metavar="FIGURE,...",
        type=_figures,
        default=FIGURES,
        help=f"measure only these figures, of: {', '.join(FIGURES)} (default: all)",
    )
    made.add_argument(
        "--sizes",
        metavar="N,...",
        type=_sizes,
        help="entry counts for all-users and list (default 1000,10000,100000)",
    )
    made.add_argument("--repeats", type=_positive, help="samples per figure (default 7)")
    made.add_argument(
        "--big-repeats",
        type=_positive,
        help="samples for sizes of 50,000 entries and more (default 3)",
    )
    made.add_argument(
        "--sort-clicks",
        type=int,
        help="clicks on the Worked header per all-users sample (default 2; 0: none)",
    )
    made.add_argument(
        "--seconds", type=float, help="length of each requests-a-second sample (default 2)"
    )
    made.add_argument("--timeout", type=float, help="seconds a child may take (default 120)")
    made.add_argument(
        "--cold",
        action="store_true",
        help="every child starts with an empty user cache folder, so TimeClock finds no "
        "bytecode it cached itself (default: one cache for the run, warmed up first)",
    )
    made.add_argument(
        "--explain-stalls",
        action="store_true",
        help="note every event the window handles during All users, and print what filled "
        "the longest stall of each size (costs the window a little per event)",
    )
    made.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    made.add_argument("--json", metavar="FILE", type=Path, help="also write the raw samples")
    return made


def options_from(arguments: argparse.Namespace) -> Options:
    base = QUICK if arguments.quick else Options()
    changes = {
        "sizes": arguments.sizes,
        "repeats": arguments.repeats,
        "big_repeats": arguments.big_repeats,
        "sort_clicks": arguments.sort_clicks,
        "seconds": arguments.seconds,
        "timeout": arguments.timeout,
        "explain_stalls": arguments.explain_stalls or None,
    }
    fields = {name: value for name, value in changes.items() if value is not None}
    return Options(**{**_as_dict(base), **fields})


def _as_dict(options: Options) -> dict[str, object]:
    return {name: getattr(options, name) for name in Options.__dataclass_fields__}


def run(
    figures: Sequence[str], options: Options, say: Callable[[str], None], *, cold: bool = False
) -> list[Row]:
    """Measure ``figures``; the table's rows in the issue's order."""
    workspace = Workspace(shared_cache=not cold)
    rows: list[Row] = []
    try:
        if not cold:
            say("warming up: one window and one command, not measured")
            warm_up(options, workspace)
        if "start" in figures:
            say("start: timeclock --demo and a bare window")
            rows += start.measure(options, workspace)
        if "all-users" in figures or "list" in figures:
            for size in options.sizes:
                rows += _lists(size, figures, options, workspace, say)
        if "server" in figures:
            say("server: sandbox and trivial app, requests a second")
            rows += throughput.measure(options, workspace)
        if "requests" in figures:
            say("requests: stamp in, stamp out, edit")
            rows += requests.measure(options, workspace)
    finally:
        workspace.cleanup()
    order = {figure: number for number, figure in enumerate("12345")}
    return sorted(rows, key=lambda row: order.get(row.figure, 9))  # stable: sizes stay ordered


def warm_up(options: Options, workspace: Workspace) -> None:
    """Start the window and a command once, unmeasured: TimeClock caches its bytecode (where
    it does that) and the system its files, as after the first start on a person's machine.
    """
    for module, args in (
        (start.MODULE, ["product", str(options.timeout)]),
        ("benchmarks.harness.command", ["timeclock", "--demo", "list", "--range", "today"]),
    ):
        try:
            run_child(module, args, workspace.env(), workspace, timeout=options.timeout + 10)
        except ChildError as error:
            sys.stderr.write(f"warm-up failed (the samples will say more): {error}\n")


def _lists(
    size: int,
    figures: Sequence[str],
    options: Options,
    workspace: Workspace,
    say: Callable[[str], None],
) -> list[Row]:
    say(f"{size} entries: starting a sandbox with them")
    rows: list[Row] = []
    try:
        with ServerChild(
            ["sandbox", "--entries", str(size)],
            workspace.env(new_credentials()),
            timeout=options.timeout_for(size),
        ) as server:
            if "all-users" in figures:
                say(f"{size} entries: the window's All users and its floor")
                rows += all_users.measure(size, options, workspace, server)
            if "list" in figures:
                say(f"{size} entries: timeclock list and its floor")
                rows += cli_list.measure(size, options, workspace, server)
    except ChildError as error:
        rows.append(Row("2", f"sandbox with {size} entries", None, error=str(error)))
    return rows


def heading(info: dict[str, Any], options: Options, seconds: float, *, cold: bool) -> str:
    load = ", ".join(str(value) for value in info["load"])
    return (
        f"TimeClock benchmarks{' (quick)' if options.quick else ''}: "
        f"Python {info['python']}, PySide6 {info['pyside6']}, {info['cores']} cores "
        f"({info['usable_cores']} usable), load {load} at the start, {info['platform']}\n"
        f"bytecode: PYTHONDONTWRITEBYTECODE={info['pythondontwritebytecode'] or 'unset'}"
        f" (sys.dont_write_bytecode {info['dont_write_bytecode']}); "
        + (
            "every child with an empty cache folder (--cold)"
            if cold
            else "one cache folder, warmed up"
        )
        + "; 'pyc a/b' in a row: of b timeclock modules imported, a ran from cached "
        "bytecode, not compiled (all: every module)\n"
        f"samples: {options.repeats} ({options.big_repeats} for 50k entries and more), "
        f"took {seconds:.0f} s; spread is min .. max; floors are measured in the same run"
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    options = options_from(arguments)
    info = environment.machine()
    started = time.monotonic()

    def say(message: str) -> None:
        sys.stderr.write(f"[{time.monotonic() - started:5.0f} s] {message}\n")
        sys.stderr.flush()

    rows = run(arguments.only, options, say, cold=arguments.cold)
    print(heading(info, options, time.monotonic() - started, cold=arguments.cold))
    print(markdown_table(rows) if arguments.markdown else text_table(rows))
    explained = details(rows)
    if explained:
        print(explained)
    if arguments.json is not None:
        document = {
            "machine": info,
            "options": _as_dict(options),
            "rows": [r.to_json() for r in rows],
        }
        arguments.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return 1 if any(row.error for row in rows) else 0


def _figures(text: str) -> tuple[str, ...]:
    chosen = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in chosen if name not in FIGURES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"figures are {', '.join(FIGURES)}")
    return chosen


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("sizes are whole numbers, e.g. 1000,10000") from None
    if any(size < 100 for size in sizes):
        raise argparse.ArgumentTypeError("each size must be at least 100 entries")
    return sizes


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError("must be a whole number of at least 1")
    return number
