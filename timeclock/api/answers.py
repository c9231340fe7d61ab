"""Checking that an answer is about what was asked: the right entry, the right user.

A server (or a proxy, a cache, a load balancer mixing up connections) that answers a
request for entry 5 with entry 55, or a create of one user's entry with another user's,
has sent a garbled answer. Adopting it would file someone else's entry as ours (the outbox
would record its id as our created entry's), so it becomes a
:class:`~timeclock.api.errors.MalformedResponseError`: the outbox keeps the change and
tries again later.

The reader stays tolerant where nothing contradicts the request: an answer without an id
or without a user is taken as the entry asked for, and the asked-for id or user is filled
in. User names are compared without regard to case (TimeTrack treats ``HansM`` and
``hansm`` as one user); an entry of the asked-for user comes back spelled as asked, so
everything after the client can compare names exactly.
"""

from __future__ import annotations

from dataclasses import replace

from timeclock.api.errors import MalformedResponseError
from timeclock.domain.attendance import Attendance
from timeclock.domain.matching import same_user


def entry_for(entry: Attendance, *, entry_id: int | None = None, user: str = "") -> Attendance:
    """``entry`` as the answer to a request for ``entry_id`` (of ``user``, if given).

    Raises :class:`MalformedResponseError` when the answer is another entry or another
    user's. The server's words (such as the other user's name) are not quoted: they could
    carry anything into a terminal.
    """
    if entry_id is not None and entry.id != entry_id:
        raise MalformedResponseError(
            f"TimeTrack answered with entry {entry.id} to a request for entry {entry_id}; "
            "the answer was not used.",
            entry_id=entry_id,
        )
    if not user:
        return entry
    if entry.user and not same_user(entry.user, user):
        raise MalformedResponseError(
            f"TimeTrack answered with another user's entry {entry.id} to a request for an "
            f"entry of {user}; the answer was not used.",
            entry_id=entry_id,
        )
    return entry if entry.user == user else replace(entry, user=user)


def of_user(entry: Attendance, user: str) -> Attendance | None:
    """``entry`` when it belongs to ``user`` (spelled as asked, filled in when missing);
    None when it is another user's (a list that ignored the filter: dropped, no error)."""
    if entry.user and not same_user(entry.user, user):
        return None
    return entry if entry.user == user else replace(entry, user=user)
