"""References to entries in the outbox: a server id, or a local one for an entry made here.

An entry created while offline has no server id yet; it is known by a local reference
(``local:<uuid>``) until its create went through, and later changes of it wait for that id.
An entry the server knows is ``id:<server id>``.
"""

from __future__ import annotations

import uuid

LOCAL_PREFIX = "local:"
SERVER_PREFIX = "id:"


def local_ref() -> str:
    """A new reference for an entry that exists only here so far."""
    return LOCAL_PREFIX + uuid.uuid4().hex


def server_ref(entry_id: int) -> str:
    """The reference of an entry the server knows by ``entry_id``."""
    return f"{SERVER_PREFIX}{int(entry_id)}"


def is_local(ref: str) -> bool:
    """Whether ``ref`` names an entry not yet created on the server."""
    return ref.startswith(LOCAL_PREFIX)


def entry_id_of(ref: str) -> int | None:
    """The server id in a server reference, else None."""
    if not ref.startswith(SERVER_PREFIX):
        return None
    try:
        return int(ref[len(SERVER_PREFIX) :])
    except ValueError:
        return None
