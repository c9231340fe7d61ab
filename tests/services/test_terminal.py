"""The shared terminal's state machine, without Qt: identify, PIN, stamp, confirm, idle."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

import pytest

from timeclock.domain.people import Employee
from timeclock.services.directory import EmployeeDirectory
from timeclock.services.terminal import (
    CHOICE_SECONDS,
    CONFIRMED_SECONDS,
    NOTICE_SECONDS,
    PIN_SECONDS,
    Action,
    Greeting,
    LookUp,
    People,
    Person,
    Phase,
    Problem,
    Stamp,
    Stamped,
    Standing,
    Terminal,
    greeting_at,
)

ANNA = Employee("annak", "Anna", "Kowalski", "1003")
HANS = Employee("hansm", "Hans", "Müller", "01001")
AT = datetime(2026, 12, 3, 6, 58, tzinfo=UTC)


@dataclass
class Pins:
    """PINs as plain text: the store's hashing has tests of its own."""

    employee_pins: bool = False
    admin: str = "9999"
    users: dict[str, str] = field(default_factory=dict)

    def has_pin(self, user: str) -> bool:
        return user.casefold() in self.users

    def check(self, user: str, pin: str) -> bool:
        return self.users.get(user.casefold()) == pin

    def check_admin(self, pin: str) -> bool:
        return pin == self.admin


def terminal(pins: Pins | None = None) -> Terminal:
    return Terminal(pins or Pins(), People(EmployeeDirectory([ANNA, HANS])))


def test_a_scanned_badge_of_someone_out_stamps_in_at_once_and_confirms_then_idles() -> None:
    machine = terminal()
    effect = machine.scan("1003", 0.0)
    assert effect == LookUp(Person("annak", "Anna", "Kowalski, Anna"))
    assert machine.phase is Phase.LOOKING
    effect = machine.standing(effect.person, Standing(stamped_in=False), 1.0)
    assert effect == Stamp(Person("annak", "Anna", "Kowalski, Anna"), Action.IN)
    assert machine.phase is Phase.STAMPING
    machine.stamped(effect.person, Stamped(Action.IN, AT, timedelta()), 2.0)
    assert machine.phase is Phase.CONFIRMED
    assert machine.person is not None and machine.person.greeting_name == "Anna"
    assert not machine.tick(2.0 + CONFIRMED_SECONDS - 0.1)
    assert machine.tick(2.0 + CONFIRMED_SECONDS)
    assert (machine.phase, machine.person, machine.confirmation) == (Phase.IDLE, None, None)


def test_a_badge_with_leading_zeros_finds_its_personal_number_and_an_unknown_one_says_so() -> None:
    machine = terminal()
    assert machine.scan("0001003", 0.0) == LookUp(Person.of(ANNA))
    machine = terminal()
    assert machine.scan("1001", 0.0) == LookUp(Person.of(HANS))  # stored as 01001
    machine = terminal()
    assert machine.scan("4242", 0.0) is None
    assert (machine.phase, machine.problem, machine.detail) == (
        Phase.NOTICE,
        Problem.UNKNOWN_BADGE,
        "4242",
    )
    assert machine.tick(NOTICE_SECONDS)
    assert machine.phase is Phase.IDLE


def test_the_next_scan_ends_a_confirmation_at_once() -> None:
    machine = terminal()
    first = machine.scan("1003", 0.0)
    assert isinstance(first, LookUp)
    stamp = machine.standing(first.person, Standing(False), 0.5)
    assert isinstance(stamp, Stamp)
    machine.stamped(stamp.person, Stamped(Action.IN, AT, timedelta()), 1.0)
    assert machine.scan("1001", 1.5) == LookUp(Person.of(HANS))


def test_one_stamped_in_chooses_out_or_a_break_and_the_same_badge_again_means_out() -> None:
    machine = terminal()
    anna = Person.of(ANNA)
    machine.scan("1003", 0.0)
    assert machine.standing(anna, Standing(True, since=AT), 1.0) is None
    assert (machine.phase, machine.choices) == (Phase.CHOICE, (Action.OUT, Action.BREAK_START))
    assert machine.scan("1003", 2.0) == Stamp(anna, Action.OUT)

    machine = terminal()
    machine.scan("1003", 0.0)
    machine.standing(anna, Standing(True, on_break=True, since=AT), 1.0)
    assert machine.choices == (Action.BREAK_END, Action.OUT)
    assert machine.choose(Action.BREAK_START, 2.0) is None  # not offered
    assert machine.choose(Action.OUT, 2.0) == Stamp(anna, Action.OUT)


def test_a_choice_not_made_times_out_without_a_stamp() -> None:
    machine = terminal()
    machine.scan("1003", 0.0)
    machine.standing(Person.of(ANNA), Standing(True), 1.0)
    machine.touched(5.0)
    assert not machine.tick(1.0 + CHOICE_SECONDS)
    assert machine.tick(5.0 + CHOICE_SECONDS)
    assert machine.phase is Phase.IDLE


def test_with_pins_the_employee_confirms_and_a_wrong_pin_waits_longer_each_time() -> None:
    machine = terminal(Pins(employee_pins=True, users={"annak": "2468"}))
    assert machine.pick(Person.of(ANNA), 0.0) is None
    assert machine.phase is Phase.PIN
    assert machine.enter_pin("1111", 1.0) is None
    assert (machine.phase, machine.wrong_pin, machine.pin_delay(1.0)) == (Phase.PIN, True, 1.0)
    assert machine.enter_pin("2468", 1.5) is None  # still waiting: not even checked
    assert machine.enter_pin("1111", 2.0) is None
    assert machine.pin_delay(2.0) == 2.0
    assert machine.enter_pin("1111", 4.0) is None
    assert machine.pin_delay(4.0) == 4.0
    assert machine.enter_pin("2468", 8.0) == LookUp(Person.of(ANNA))
    assert not machine.wrong_pin


def test_failures_are_counted_per_person_and_survive_going_back_to_idle() -> None:
    machine = terminal(Pins(employee_pins=True, users={"annak": "2468", "hansm": "1357"}))
    machine.pick(Person.of(ANNA), 0.0)
    machine.enter_pin("0000", 0.0)
    machine.tick(PIN_SECONDS)  # walked away
    machine.pick(Person.of(HANS), 40.0)
    assert machine.pin_delay(40.0) == 0.0  # Anna's failure does not hold Hans up
    machine.cancel()
    machine.pick(Person.of(ANNA), 41.0)
    machine.enter_pin("0000", 41.0)
    assert machine.pin_delay(41.0) == 2.0  # her second failure


def test_an_employee_without_a_pin_is_told_when_pins_are_asked_for() -> None:
    machine = terminal(Pins(employee_pins=True))
    assert machine.pick(Person.of(HANS), 0.0) is None
    assert (machine.phase, machine.problem) == (Phase.NOTICE, Problem.NO_PIN)


def test_leaving_needs_the_administrators_pin() -> None:
    machine = terminal()
    machine.leave(0.0)
    assert machine.phase is Phase.ADMIN_PIN
    assert not machine.enter_admin_pin("1234", 1.0)
    assert (machine.phase, machine.wrong_pin) == (Phase.ADMIN_PIN, True)
    assert not machine.enter_admin_pin("9999", 1.5)  # too soon after the wrong one
    assert machine.phase is Phase.ADMIN_PIN
    assert machine.enter_admin_pin("9999", 2.0)
    assert machine.phase is Phase.LEFT
    assert not machine.tick(1000.0)  # stays left


def test_asking_to_leave_times_out_to_idle() -> None:
    machine = terminal()
    machine.leave(0.0)
    assert machine.tick(PIN_SECONDS)
    assert machine.phase is Phase.IDLE


def test_a_failed_request_is_a_notice_and_a_late_answer_is_ignored() -> None:
    machine = terminal()
    machine.scan("1003", 0.0)
    machine.failed("TimeTrack cannot be reached", 1.0)
    assert (machine.phase, machine.problem, machine.detail) == (
        Phase.NOTICE,
        Problem.FAILED,
        "TimeTrack cannot be reached",
    )
    assert machine.standing(Person.of(ANNA), Standing(False), 2.0) is None
    assert machine.phase is Phase.NOTICE


def test_input_during_a_request_is_ignored() -> None:
    machine = terminal()
    machine.scan("1003", 0.0)
    assert machine.scan("1001", 0.5) is None
    assert machine.pick(Person.of(HANS), 0.5) is None
    machine.leave(0.5)
    machine.cancel()
    assert machine.phase is Phase.LOOKING


def test_a_typed_name_or_number_finds_the_employee_and_an_unknown_name_says_so() -> None:
    machine = terminal()
    assert machine.type_name("Anna Kowalski", 0.0) == LookUp(Person.of(ANNA))
    machine = terminal()
    assert machine.type_name(" 1003 ", 0.0) == LookUp(Person.of(ANNA))
    machine = terminal()
    assert machine.type_name("Nobody", 0.0) is None
    assert (machine.problem, machine.detail) == (Problem.UNKNOWN_NAME, "Nobody")


def test_without_users_a_typed_user_name_is_taken_and_badges_are_unknown() -> None:
    machine = Terminal(Pins(), People(None))
    assert machine.type_name("annak", 0.0) == LookUp(Person("annak", name="annak"))
    machine = Terminal(Pins(), People(None))
    assert machine.scan("1003", 0.0) is None
    assert machine.problem is Problem.UNKNOWN_BADGE
    assert People(None).named("two words") is None
    assert People(None).matches("a") == []


def test_a_search_offers_matching_people() -> None:
    assert [p.username for p in People(EmployeeDirectory([ANNA, HANS])).matches("an")] == [
        "annak",
        "hansm",
    ]


@pytest.mark.parametrize(
    ("local", "greeting"),
    [
        (time(5, 0), Greeting.MORNING),
        (time(10, 59), Greeting.MORNING),
        (time(11, 0), Greeting.DAY),
        (time(16, 59), Greeting.DAY),
        (time(17, 0), Greeting.EVENING),
        (time(23, 30), Greeting.EVENING),
    ],
)
def test_the_greeting_follows_the_time_of_day(local: time, greeting: Greeting) -> None:
    assert greeting_at(local) is greeting


def test_an_employee_who_left_is_not_offered_and_their_badge_no_longer_stamps() -> None:
    gone = Employee("olaf", "Olaf", "Alt", "1009", enabled=False)
    people = People(EmployeeDirectory([ANNA, gone]))
    assert people.badge("1009") is None
    assert people.named("olaf") is None
    assert [p.username for p in people.matches("")] == ["annak"]
