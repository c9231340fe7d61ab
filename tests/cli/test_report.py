"""``timeclock report`` against the sandbox: CSV, XLSX and PDF of May 2024, read back.

The staff of tests/api/staff.py (Berlin): ivan worked 8.5 h on Monday 6 May and 7 h on
Wednesday 8 May, was sick on the 7th; lena worked 5 h on the 6th; hans was on vacation from
the 6th to the 8th. 1 May (Labour Day) and 9 May (Ascension) are holidays in Berlin.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from tests.api.staff import shift, staffed
from tests.cli.conftest import USER, Run
from tests.commands import run_timeclock
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.domain.ranges import DayRange
from timeclock.domain.totals import totals
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.store.settings import Settings, save_settings

BERLIN = ZoneInfo("Europe/Berlin")
MAY = ("--month", "2024-05")
JUNE_FIRST = datetime(2024, 6, 1, 10, tzinfo=UTC)


@pytest.fixture
def staff(connected: SandboxServer, clock: Callable[[datetime], None]) -> SandboxServer:
    """Three employees with work, a sick day, a vacation; it is 1 June 2024."""
    clock(JUNE_FIRST)
    staffed(connected)
    connected.store.insert_many(
        [
            shift("ivan", 6, 9),
            shift("ivan", 8, 7.5),
            shift("lenab", 6, 5.5),
            NewAttendance(
                user="ivan",
                start=datetime(2024, 5, 10, 6, tzinfo=UTC),
                end=datetime(2024, 5, 10, 10, tzinfo=UTC),
                break_minutes=0,
                notes="=SUM(A1:A9); Lager",
            ),
        ]
    )
    save_settings(Settings(state="BE"))
    return connected


def _report(run: Run, tmp_path: Path, kind: str, *args: str) -> Path:
    output = tmp_path / f"may.{kind}"
    result = run("report", *MAY, "--format", kind, "--output", str(output), *args)
    assert result.status == 0, result.err
    assert result.err == ""
    assert f"Wrote {output}" in result.out
    return output


def _domain_worked(server: SandboxServer, user: str | None) -> timedelta:
    """What the window's footer shows for May: domain totals over the entries."""
    with TimeTrackClient(server.base_url, Credentials(server.api_key, server.api_secret)) as client:
        since, until = DayRange(date(2024, 5, 1), date(2024, 5, 31)).utc_bounds(BERLIN)
        entries = client.list_attendances(user=user, since=since, until=until)
    return totals(entries, JUNE_FIRST, BERLIN).worked


def _hours(text: str) -> float:
    return float(text.replace(",", "."))


def test_csv_opens_in_german_excel(staff: SandboxServer, run: Run, tmp_path: Path) -> None:
    output = _report(run, tmp_path, "csv", "--all-users", "--language", "de")

    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))
    assert rows[0] == [
        "Personalnummer",
        "Benutzer",
        "Name",
        "Datum",
        "Beginn",
        "Ende",
        "Pause (Std.)",
        "Arbeitszeit (Std.)",
        "Notiz",
    ]
    assert data.count(b"\r\n") == len(rows)
    body = rows[1:]
    assert [row[:8] for row in body] == [
        ["", "lenab", "Lena Becker", "06.05.2024", "09:00", "14:30", "0,50", "5,00"],
        ["A-17", "ivan", "Ivan Petrov", "06.05.2024", "09:00", "18:00", "0,50", "8,50"],
        ["A-17", "ivan", "Ivan Petrov", "08.05.2024", "09:00", "16:30", "0,50", "7,00"],
        ["A-17", "ivan", "Ivan Petrov", "10.05.2024", "08:00", "12:00", "0,00", "4,00"],
    ]
    # A note that looks like a formula stays text; the ';' inside it is quoted.
    assert body[3][8] == "'=SUM(A1:A9); Lager"
    worked = sum(_hours(row[7]) for row in body)
    assert worked == pytest.approx(_domain_worked(staff, None).total_seconds() / 3600)


def test_csv_running_entry_has_an_empty_end_and_counts_to_now(
    staff: SandboxServer, run: Run, tmp_path: Path, clock: Callable[[datetime], None]
) -> None:
    clock(datetime(2024, 5, 31, 9, 30, tzinfo=UTC))
    start = datetime(2024, 5, 31, 7, tzinfo=UTC)
    staff.store.insert_many([NewAttendance(user=USER, start=start, end=start)])

    output = _report(run, tmp_path, "csv", "--language", "en")

    rows = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][3:8] == ["Date", "Start", "End", "Break (h)", "Worked (h)"]
    assert rows[1:] == [
        ["1001", USER, "Hans Müller", "31.05.2024", "09:00", "", "0,00", "2,50", ""]
    ]


def test_xlsx_has_a_summary_and_a_sheet_per_employee(
    staff: SandboxServer, run: Run, tmp_path: Path
) -> None:
    output = _report(run, tmp_path, "xlsx", "--all-users", "--language", "de")

    book = openpyxl.load_workbook(output)
    assert book.sheetnames == [
        "Übersicht",
        "Lena Becker",
        "Hans Müller",
        "Ivan Petrov",
        "Korrekturen",
    ]
    assert book["Korrekturen"]["A2"].value == (
        "An diesem Computer wurden keine dieser Einträge korrigiert."
    )
    summary = list(book["Übersicht"].iter_rows(min_row=5, values_only=True))
    # Worked, target and difference in hours. Targets from TimeTrack's reports: 23 weekdays
    # in May less three holidays (1, 9 and 20 May) and absences; lena works 20 h over
    # Monday to Thursday.
    assert summary == [
        ("Lena Becker", "lenab", None, 5, 75, -70),
        ("Hans Müller", "hansm", "1001", 0, 136, -136),
        ("Ivan Petrov", "ivan", "A-17", 19.5, 152, -132.5),
    ]
    for cell in next(book["Übersicht"].iter_rows(min_row=5, max_row=5, min_col=4)):
        assert cell.data_type == "n"
    assert book["Übersicht"]["F5"].number_format == "+0.00;-0.00;0.00"

    ivan = book["Ivan Petrov"]
    rows = list(ivan.iter_rows(min_row=8))
    assert len(rows) == 31 + 1  # every day of May and the totals
    monday = rows[5]
    assert monday[0].value == datetime(2024, 5, 6)  # a date cell
    assert monday[0].number_format == "DD.MM.YYYY"
    assert monday[1].value == "Mo"
    assert (monday[2].value, monday[3].value) == (time(9), time(18))
    assert monday[2].number_format == "HH:MM"
    assert [cell.value for cell in monday[4:9]] == [0.5, 8.5, 8, 0.5, -15.5]
    assert monday[5].number_format == "0.00"
    assert rows[0][9].value == "Tag der Arbeit"
    assert rows[6][9].value == "K"
    total = rows[-1]
    assert total[0].value == "Summe"
    assert [cell.value for cell in total[5:8]] == [19.5, 152, -132.5]
    assert ivan["A1"].value == "Arbeitszeitnachweis Mai 2024"
    # The workbook's worked time is the window's.
    domain = _domain_worked(staff, None).total_seconds() / 3600
    assert sum(row[3] for row in summary) == pytest.approx(domain)


def test_without_work_reports_the_local_model_gives_the_same_figures(
    staff: SandboxServer, run: Run, tmp_path: Path
) -> None:
    served = openpyxl.load_workbook(_report(run, tmp_path, "xlsx", "--all-users"))
    staff.directory.quirks = PeopleQuirks.without("work_reports")
    save_settings(Settings(state="BE", work_hours="8 8 8 8 8 0 0"))
    output = tmp_path / "here.xlsx"

    result = run("report", *MAY, "--all-users", "--format", "xlsx", "--output", str(output))

    assert result.status == 0, result.err
    assert "computed here" in result.out
    here = openpyxl.load_workbook(output)
    # hans and ivan work the sandbox's default model (40 h, Monday to Friday), as the
    # settings say: the same targets, holidays, absences; lena's model differs.
    for name in ("Hans Müller", "Ivan Petrov"):
        assert _values(here[name], 8) == _values(served[name], 8)
    assert here["Hans Müller"]["A5"].value.startswith("Target, holidays and absences computed")
    assert served["Hans Müller"]["A5"].value.startswith("Target, holidays and absences as")
    summary = {row[1]: row[3:] for row in here.worksheets[0].iter_rows(min_row=5, values_only=True)}
    assert summary["lenab"] == (5, 160, -155)  # 20 working days of 8 h by the local model


def test_without_any_people_resources_the_report_still_works(
    staff: SandboxServer, run: Run, tmp_path: Path
) -> None:
    staff.directory.quirks = PeopleQuirks.without()

    output = _report(run, tmp_path, "csv", "--all-users", "--language", "en")

    rows = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8-sig")), delimiter=";"))
    # No directory: user names stand for names, and no personal numbers.
    assert [row[:3] for row in rows[1:]] == [
        ["", "ivan", "ivan"],
        ["", "ivan", "ivan"],
        ["", "ivan", "ivan"],
        ["", "lenab", "lenab"],
    ]


def test_the_file_is_private_and_replaced_whole(
    staff: SandboxServer, run: Run, tmp_path: Path
) -> None:
    output = tmp_path / "may.csv"
    output.write_text("old and readable")
    output.chmod(0o644)

    _report(run, tmp_path, "csv")

    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert output.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--month", "2024-13"), "argument --month: '2024-13' is not a month like 2020-10"),
        (("--month", "May"), "argument --month: 'May' is not a month like 2020-10"),
        (("--month", "2024-05", "--format", "doc"), "argument --format: invalid choice"),
        (("--month", "2024-05", "--all-users", "--user", "ivan"), "exclude each other"),
        (("--month", "2024-05", "--from", "2024-05-01"), "--month and --from/--to exclude"),
        (
            (
                "--from",
                "2024-05-01",
            ),
            "give --month YYYY-MM, or --from DATE and --to DATE",
        ),
        (("--from", "2024-05-09", "--to", "2024-05-08"), "lies before the first"),
        (("--from", "9 May", "--to", "2024-05-08"), "'9 May' is not a date like"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    staff: SandboxServer, run: Run, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    defaults = ("--format", "csv") if "--format" not in args else ()
    result = run("report", *args, *defaults, "--output", str(tmp_path / "x.csv"))

    assert result.status == 2
    assert message in result.err
    assert result.err.count("\n") == 1
    assert not (tmp_path / "x.csv").exists()


def test_a_folder_as_output_is_refused(staff: SandboxServer, run: Run, tmp_path: Path) -> None:
    result = run("report", *MAY, "--format", "csv", "--output", str(tmp_path))

    assert (result.status, result.err.count("\n")) == (2, 1)
    assert "is a folder" in result.err


def test_an_unwritable_file_is_one_line_and_exit_1(
    staff: SandboxServer, run: Run, tmp_path: Path
) -> None:
    result = run("report", *MAY, "--format", "csv", "--output", str(tmp_path / "no" / "x.csv"))

    assert (result.status, result.err.count("\n")) == (1, 1)
    assert "cannot write" in result.err


def _values(
    sheet: openpyxl.worksheet.worksheet.Worksheet, first_row: int
) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(min_row=first_row, values_only=True))


def _pdf_report(server: SandboxServer, output: Path, language: str) -> None:
    """The PDF through a separate ``timeclock`` process (Qt stays out of this one)."""
    env = {
        **os.environ,
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": USER,
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
        "TZ": "Europe/Berlin",
    }
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    result = run_timeclock(
        "report",
        *MAY,
        "--all-users",
        "--format",
        "pdf",
        "--output",
        str(output),
        "--language",
        language,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def _gray_pages(pdf: Path, folder: Path) -> list[tuple[int, int, bytes]]:
    """Each page rendered by poppler as a grey image: width, height, pixels."""
    subprocess.run(["pdftoppm", "-gray", "-r", "40", str(pdf), str(folder / "page")], check=True)
    pages = []
    for path in sorted(folder.glob("page*.pgm")):
        data = path.read_bytes()
        magic, width, height, _maximum, pixels = data.split(maxsplit=4)
        assert magic == b"P5"
        pages.append((int(width), int(height), pixels))
    return pages


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "de",
            [
                "Arbeitszeitnachweis Mai 2024",
                "Mitarbeiter: Ivan Petrov",
                "Summe",
                "Unterschrift Vorgesetzte",
                "Christi Himmelfahrt",
            ],
        ),
        (
            "en",
            [
                "Timesheet May 2024",
                "Employee: Ivan Petrov",
                "Total",
                "manager's signature",
                "Ascension Day",
            ],
        ),
    ],
)
def test_pdf_has_a_signed_a4_page_per_employee(
    staff: SandboxServer, tmp_path: Path, language: str, words: list[str]
) -> None:
    pdf = tmp_path / "may.pdf"
    _pdf_report(staff, pdf, language)

    assert pdf.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    pages = _gray_pages(pdf, tmp_path)
    assert len(pages) == 3
    for width, height, pixels in pages:
        assert height / width == pytest.approx(297 / 210, rel=0.01)  # A4 portrait
        dark = sum(1 for value in pixels if value < 128)
        assert dark > width * height * 0.004  # text and lines, not a blank page
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", "3", "-l", "3", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for word in words:
        assert word in text
    # Ivan's figures as the CSV and the workbook have them: 19:30 worked, 152:00 due.
    total = next(line for line in text.splitlines() if line.lstrip().startswith(words[2]))
    assert total.split()[1:] == ["1:00", "19:30", "152:00", "-132:30"]
    monday = next(line for line in text.splitlines() if "06" in line and "18:00" in line)
    figures = monday.split()[monday.split().index("09:00") :]
    assert figures == ["09:00", "18:00", "0:30", "8:30", "8:00", "0:30", "-15:30"]


# -- corrections and ranges ---------------------------------------------------------------

CORRECTED_AT = datetime(2024, 6, 1, 10, tzinfo=UTC)  # 12:00 in Berlin


def _corrected(server: SandboxServer, run: Run) -> tuple[int, int]:
    """ivan's 13 May, its break set from 0 to 45 min with a reason, and his 14 May, deleted:
    the ids of both."""
    kept = server.store.create(shift("ivan", 13, 8, break_minutes=0)).id
    gone = server.store.create(shift("ivan", 14, 3)).id
    edited = run("edit", str(kept), "--break", "45", "--reason", "Pause nachgetragen")
    assert edited.status == 0, edited.err
    deleted = run("delete", str(gone), "--yes", "--reason", "doppelt erfasst")
    assert deleted.status == 0, deleted.err
    return kept, gone


def test_the_workbook_lists_the_corrections_made_here(
    staff: SandboxServer, run: Run, tmp_path: Path
) -> None:
    kept, gone = _corrected(staff, run)

    book = openpyxl.load_workbook(_report(run, tmp_path, "xlsx", "--all-users", "--language", "de"))

    sheet = book["Korrekturen"]
    assert book.sheetnames[-1] == "Korrekturen"
    assert sheet["A1"].value == "Korrekturen Mai 2024"
    assert next(sheet.iter_rows(min_row=4, max_row=4, values_only=True)) == (
        "Zeitpunkt",
        "Von",
        "Mitarbeiter",
        "Eintrag",
        "Aktion",
        "Änderung (vorher → nachher)",
        "Grund",
    )
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows == [
        (
            datetime(2024, 6, 1, 12, 0),
            USER,
            "ivan",
            f"#{kept}",
            "geändert",
            "Pause 0 → 45 Min.",
            "Pause nachgetragen",
        ),
        (
            datetime(2024, 6, 1, 12, 0),
            USER,
            "ivan",
            f"#{gone}",
            "gelöscht",
            "14.05.2024 09:00-12:00, Pause 30 Min.",
            "doppelt erfasst",
        ),
    ]
    assert sheet["A5"].number_format == "DD.MM.YYYY HH:MM"
    # Not lena's report: her records have no corrections.
    lena = tmp_path / "lena.xlsx"
    assert (
        run("report", *MAY, "--user", "lenab", "--format", "xlsx", "--output", str(lena)).status
        == 0
    )
    assert list(openpyxl.load_workbook(lena)["Corrections"].iter_rows(min_row=5)) == []


def test_the_csv_gets_its_corrections_in_a_second_private_file(
    staff: SandboxServer, run: Run, tmp_path: Path
) -> None:
    kept, gone = _corrected(staff, run)
    output = tmp_path / "may.csv"

    result = run(
        "report",
        *MAY,
        "--user",
        "ivan",
        "--format",
        "csv",
        "--output",
        str(output),
        "--language",
        "en",
    )

    assert result.status == 0, result.err
    journal = tmp_path / "may-corrections.csv"
    assert f"With 2 corrections made from this computer in {journal}." in result.out
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    data = journal.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Date", "Time", "By", "Employee", "Entry", "Action", "Change (before → after)", "Reason"],
        [
            "01.06.2024",
            "12:00",
            USER,
            "ivan",
            f"#{kept}",
            "changed",
            "Break 0 → 45 min",
            "Pause nachgetragen",
        ],
        [
            "01.06.2024",
            "12:00",
            USER,
            "ivan",
            f"#{gone}",
            "deleted",
            "2024-05-14 09:00-12:00, Break 30 min",
            "doppelt erfasst",
        ],
    ]
    # The report itself is the entries' table alone, the corrected break in it.
    report = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert ["13.05.2024", "09:00", "17:00", "0,75", "7,25"] in [row[3:8] for row in report]
    # Without corrections there is no second file.
    lena = tmp_path / "lena.csv"
    quiet = run("report", *MAY, "--user", "lenab", "--format", "csv", "--output", str(lena))
    assert quiet.status == 0 and "correction" not in quiet.out
    assert not (tmp_path / "lena-corrections.csv").exists()


def test_a_report_of_any_days_for_oneself_or_another(
    staff: SandboxServer, run: Run, tmp_path: Path
) -> None:
    span = ("--from", "2024-05-06", "--to", "2024-05-08")
    output = tmp_path / "ivan.xlsx"

    result = run(
        "report",
        *span,
        "--user",
        "ivan",
        "--format",
        "xlsx",
        "--output",
        str(output),
        "--language",
        "de",
    )

    assert result.status == 0, result.err
    assert "(XLSX, 2024-05-06 to 2024-05-08, 1 employee)" in result.out
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    book = openpyxl.load_workbook(output)
    assert book.sheetnames == ["Übersicht", "Ivan Petrov", "Korrekturen"]
    assert book["Übersicht"]["A1"].value == "Arbeitszeitnachweis 06.05.2024 - 08.05.2024"
    # 8.5 h and 7 h worked; 8 h due on the 6th and 8th, none on the sick 7th.
    assert list(book["Übersicht"].iter_rows(min_row=5, values_only=True)) == [
        ("Ivan Petrov", "ivan", "A-17", 15.5, 16, -0.5)
    ]
    days = [row[0] for row in book["Ivan Petrov"].iter_rows(min_row=8, values_only=True)]
    assert days == [datetime(2024, 5, 6), datetime(2024, 5, 7), datetime(2024, 5, 8), "Summe"]

    # Without --user: one's own records only (hans, on vacation those days).
    own = tmp_path / "own.csv"
    mine = run("report", *span, "--format", "csv", "--output", str(own))
    assert mine.status == 0, mine.err
    assert "1 employee" in mine.out
    assert stat.S_IMODE(own.stat().st_mode) == 0o600
    assert own.read_text(encoding="utf-8-sig").splitlines()[1:] == []  # no entries of hans


def test_the_pdf_has_a_page_of_corrections_after_the_employees_sheet(
    staff: SandboxServer, run: Run, tmp_path: Path
) -> None:
    kept, gone = _corrected(staff, run)
    pdf = tmp_path / "may.pdf"

    _pdf_report(staff, pdf, "de")

    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) == 4  # lena, hans, ivan, ivan's corrections
    assert "Arbeitszeitnachweis Mai 2024" in pages[2] and "Seite 3 von 4" in pages[2]
    corrections = pages[3]
    assert "Korrekturen Mai 2024" in corrections and "Seite 4 von 4" in corrections
    assert "Mitarbeiter: Ivan Petrov (ivan)" in corrections
    changed = next(line for line in corrections.splitlines() if f"#{kept}" in line)
    assert "01.06.2024 12:00" in changed and "geändert" in changed
    assert "Pause 0 → 45 Min." in changed and "Pause nachgetragen" in changed
    deleted = next(line for line in corrections.splitlines() if f"#{gone}" in line)
    assert "gelöscht" in deleted and "doppelt erfasst" in deleted
