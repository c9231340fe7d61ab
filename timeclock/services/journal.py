"""Reading the correction journal: the lines of one entry, or of a span of days.

An entry created on this desk is journalled under the local reference it had while its
create waited (``local:…``); once TimeTrack made it, the outbox knows its server id
(:class:`~timeclock.store.created.CreatedEntries`). So the journal of entry 42 is the
lines of ``id:42`` and of the create that made it, and every line is told with the server
id its entry has now, where there is one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from timeclock.domain.corrections import Correction
from timeclock.domain.refs import entry_id_of, server_ref
from timeclock.store.journal import CorrectionJournal
from timeclock.store.outbox import Outbox


def corrections_of(
    journal: CorrectionJournal,
    outbox: Outbox,
    base_url: str,
    *,
    entry_id: int | None = None,
    local: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[Correction]:
    """The journal's lines for ``base_url``, oldest first, each with its entry's server id
    where known: of the entry ``entry_id`` and/or ``local`` (its local reference) only, if
    either is given; recorded in ``[since, until)`` where those are given."""
    refs: set[str] | None = None
    if entry_id is not None or local is not None:
        refs = set()
        if entry_id is not None:
            refs.add(server_ref(entry_id))
            made_by = outbox.created.ref_of_entry(base_url, entry_id)
            if made_by is not None:
                refs.add(made_by)
        if local is not None:
            refs.add(local)
            made = outbox.server_id(base_url, local)
            if made is not None:
                refs.add(server_ref(made))
    lines = journal.corrections(base_url, refs=refs, since=since, until=until)
    known: dict[str, int | None] = {}
    resolved = []
    for line in lines:
        if line.ref not in known:
            direct = entry_id_of(line.ref)
            known[line.ref] = direct if direct is not None else outbox.server_id(base_url, line.ref)
        resolved.append(replace(line, entry_id=known[line.ref]))
    return resolved
