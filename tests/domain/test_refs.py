"""References to entries: ``id:<server id>`` or ``local:<uuid>`` for one made here."""

from __future__ import annotations

from timeclock.domain.refs import entry_id_of, is_local, local_ref, server_ref


def test_a_server_reference_carries_the_id_back() -> None:
    assert server_ref(42) == "id:42"
    assert entry_id_of(server_ref(2**63 - 1)) == 2**63 - 1
    assert not is_local(server_ref(42))


def test_local_references_are_new_each_time_and_have_no_server_id() -> None:
    first, second = local_ref(), local_ref()

    assert first != second
    assert is_local(first) and is_local(second)
    assert entry_id_of(first) is None


def test_a_garbled_reference_has_no_server_id() -> None:
    assert entry_id_of("id:x") is None
    assert entry_id_of("other:3") is None
