"""``timeclock check``: the findings of *Needs attention* as a table or as JSON.

Finding something is no failure: the command exits 0 either way, so a script tells the
two apart by the output (an empty JSON array, or the table's last line).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import ExitStack
from typing import Any, TextIO

from timeclock.cli.context import EXIT_OK, Context, UsageError
from timeclock.cli.i18n import _, current_language, plural
from timeclock.cli.text import printable
from timeclock.domain.findings import Finding
from timeclock.domain.holidays import UnknownStateError
from timeclock.domain.ranges import DayRange
from timeclock.services.attention import needs_attention
from timeclock.services.working_model import holiday_state, state_code
from timeclock.store.settings import load_settings, settings_path


def run_check(context: Context, stack: ExitStack, days: DayRange) -> int:
    """Find and print what needs attention on ``days``."""
    options = context.options
    if options.all_users and options.user:
        raise UsageError(_("--user and --all-users exclude each other"))
    state = _state(options.state)
    user = None if options.all_users else context.account().user
    findings = needs_attention(
        context.client(stack), days, user=user, zone=context.zone, now=context.now, state=state
    )
    if options.format == "json":
        write_json(findings, context.out)
        return EXIT_OK
    if findings:
        context.print(findings_table(findings))
        found = plural(len(findings), "{n} finding", "{n} findings")
        context.print(
            _("{found} from {first} to {last}.").format(
                found=found, first=days.first, last=days.last
            )
        )
    else:
        context.print(
            _("Nothing needs attention from {first} to {last}.").format(
                first=days.first, last=days.last
            )
        )
    if state is None:
        context.print(
            _(
                "Public holidays are not checked: no German state is set (use --state CODE, "
                'or "state" in {file}).'
            ).format(file=settings_path())
        )
    return EXIT_OK


def _state(given: str | None) -> str | None:
    """The state asked for on the command line, else the one in the settings."""
    if given is None:
        return holiday_state(load_settings())
    try:
        return state_code(given)
    except UnknownStateError as error:
        raise UsageError(_("--state: {error}").format(error=_(str(error)))) from None


def finding_record(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON-ready object (the detail in English)."""
    return {
        "user": finding.user,
        "date": finding.date.isoformat(),
        "rule": finding.rule.value,
        "entries": finding.ids,
        "detail": finding.detail_en,
    }


def write_json(findings: Sequence[Finding], out: TextIO) -> None:
    """A JSON array of finding objects, one object a line, and a newline."""
    if not findings:
        out.write("[]\n")
        return
    lines = (json.dumps(finding_record(f), ensure_ascii=False) for f in findings)
    out.write("[\n  " + ",\n  ".join(lines) + "\n]\n")


def findings_table(findings: Sequence[Finding]) -> str:
    """Findings as an aligned text table, a finding a line."""
    rows = [[_("Date"), _("User"), _("Rule"), _("Entries"), _("Detail")]]
    for finding in findings:
        rows.append(
            [
                finding.date.isoformat(),
                printable(finding.user),
                finding.rule.value,
                ", ".join("-" if entry_id is None else f"#{entry_id}" for entry_id in finding.ids),
                finding.detail(current_language()),
            ]
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(lines)
