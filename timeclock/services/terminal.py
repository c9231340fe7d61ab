"""The shared terminal at the entrance: who is at it, and what it shows next.

One computer, many employees, and nobody's list of entries: a person picks their name,
types their personal number or scans a badge, confirms with a PIN where the terminal asks
for one, stamps, sees a large confirmation, and the terminal is idle again. This module is
that sequence as a state machine, without Qt and without a clock of its own:

    idle --identify--> [pin] --> looking --out--> stamping --> confirmed --timeout--> idle
                                        \\--in----> choice --> stamping

Every method takes ``now`` (monotonic seconds: only timeouts and delays use it) and returns
the :class:`Effect` the caller must carry out, if any (ask where someone stands, stamp); the
answer comes back through :meth:`Terminal.standing`, :meth:`Terminal.stamped` or
:meth:`Terminal.failed`. :meth:`Terminal.tick` moves on when a phase times out.

Stamping in happens at once; someone already in chooses between stamping out and a break
(the same badge scanned again picks the first), so a badge held twice by accident does not
end the day.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Protocol

from timeclock.domain.people import Employee
from timeclock.services.directory import EmployeeDirectory, label

# Seconds each phase stays without input before the terminal is idle again.
PIN_SECONDS = 30.0
CHOICE_SECONDS = 15.0
CONFIRMED_SECONDS = 5.0
NOTICE_SECONDS = 5.0
# After a wrong PIN the next try waits this long, doubled with each further failure.
FIRST_PIN_DELAY = 1.0
MAX_PIN_DELAY = 30.0
ADMIN = "\N{NULL}admin"  # the administrator's failures (no user name can be this)

_DIGITS = re.compile(r"[0-9]+", re.ASCII)


class Phase(enum.Enum):
    IDLE = "idle"
    PIN = "pin"  # the identified employee types their PIN
    LOOKING = "looking"  # TimeTrack is asked where they stand
    CHOICE = "choice"  # stamped in: stamp out or a break
    STAMPING = "stamping"
    CONFIRMED = "confirmed"
    NOTICE = "notice"  # a problem shown for a while (see Problem)
    ADMIN_PIN = "admin_pin"  # someone asked to leave the terminal mode
    LEFT = "left"  # the administrator's PIN ended the terminal mode


class Action(enum.Enum):
    IN = "in"
    OUT = "out"
    BREAK_START = "break_start"
    BREAK_END = "break_end"


class Problem(enum.Enum):
    UNKNOWN_BADGE = "unknown_badge"  # no employee has this personal number
    UNKNOWN_NAME = "unknown_name"  # no employee has this name
    NO_PIN = "no_pin"  # the terminal asks for PINs, and this employee has none
    FAILED = "failed"  # TimeTrack or this computer refused (detail: the message)


class Greeting(enum.Enum):
    MORNING = "morning"
    DAY = "day"
    EVENING = "evening"


def greeting_at(local: time) -> Greeting:
    """Good morning before 11:00, good day until 17:00, good evening after."""
    if local < time(11):
        return Greeting.MORNING
    return Greeting.DAY if local < time(17) else Greeting.EVENING


@dataclass(frozen=True, slots=True)
class Person:
    """Who stands at the terminal: the user name stamps are made for, and the names shown."""

    username: str
    first_name: str = ""
    name: str = ""  # "Kowalski, Anna" (the list's name); the user name without a directory

    @property
    def greeting_name(self) -> str:
        """Whom "Good morning, ..." addresses: the first name, else the list's name."""
        return self.first_name or self.name or self.username

    @classmethod
    def of(cls, employee: Employee) -> Person:
        return cls(employee.username, employee.first_name, label(employee))


class People:
    """The employees the terminal knows (TimeTrack's ``users``), or none: then a typed user
    name is taken as it is, and badges cannot be told apart."""

    def __init__(self, directory: EmployeeDirectory | None) -> None:
        self.directory = directory
        self._by_number: dict[str, list[Employee]] = {}
        for employee in directory.employees if directory is not None else ():
            if not employee.enabled:  # has left: their badge no longer stamps
                continue
            number = _badge_key(employee.personal_number)
            if number:
                self._by_number.setdefault(number, []).append(employee)

    @property
    def known(self) -> bool:
        """Whether names and personal numbers are known (else: user names are typed)."""
        return self.directory is not None

    def badge(self, number: str) -> Person | None:
        """The one employee with this personal number (leading zeros of a badge ignored)."""
        found = self._by_number.get(_badge_key(number), [])
        return Person.of(found[0]) if len(found) == 1 else None

    def named(self, text: str) -> Person | None:
        """The one employee ``text`` names (user name, full name, personal number); without
        a directory, the typed user name itself."""
        if self.directory is None:
            name = text.strip()
            return Person(name, name=name) if name and not any(c.isspace() for c in name) else None
        found = self.directory.resolve(text)
        return None if found is None or not found.enabled else Person.of(found)

    def matches(self, text: str) -> list[Person]:
        """The employees a search for ``text`` offers, best first."""
        if self.directory is None:
            return []
        return [Person.of(e) for e in self.directory.matches(text, limit=10_000) if e.enabled]


def _badge_key(number: str) -> str:
    text = number.strip()
    return text.lstrip("0") or text if _DIGITS.fullmatch(text) else text.casefold()


class PinCheck(Protocol):
    """What the terminal needs of the PIN store (:class:`~timeclock.store.terminal_pins.
    TerminalPins`)."""

    @property
    def employee_pins(self) -> bool: ...

    def has_pin(self, user: str) -> bool: ...
    def check(self, user: str, pin: str) -> bool: ...
    def check_admin(self, pin: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class Standing:
    """Where an employee stands: stamped in (since when), on a break."""

    stamped_in: bool
    on_break: bool = False
    since: datetime | None = None


@dataclass(frozen=True, slots=True)
class Stamped:
    """A stamp made: what, when (UTC), the employee's worked time today after it, and
    whether it still waits in the outbox (TimeTrack could not be reached)."""

    action: Action
    at: datetime
    worked_today: timedelta
    waiting: bool = False  # saved on this computer, not yet on TimeTrack


@dataclass(frozen=True, slots=True)
class LookUp:
    """Effect: ask where ``person`` stands, then call :meth:`Terminal.standing`."""

    person: Person


@dataclass(frozen=True, slots=True)
class Stamp:
    """Effect: make ``action`` for ``person``, then call :meth:`Terminal.stamped`."""

    person: Person
    action: Action


Effect = LookUp | Stamp


class Terminal:
    """The terminal's state; see the module's docstring."""

    def __init__(self, pins: PinCheck, people: People | None = None) -> None:
        self.pins = pins
        self.people = people if people is not None else People(None)
        self.phase = Phase.IDLE
        self.person: Person | None = None
        self.standing_now: Standing | None = None
        self.choices: tuple[Action, ...] = ()
        self.confirmation: Stamped | None = None
        self.problem: Problem | None = None
        self.detail = ""  # the failure's message, or the badge or name not found
        self.deadline: float | None = None  # when this phase times out
        self._wait_until: dict[str, float] = {}  # after a wrong PIN: no next try before
        self.wrong_pin = False  # the last PIN typed was wrong
        self._failures: dict[str, int] = {}

    # -- identifying ----------------------------------------------------------------------

    def scan(self, text: str, now: float) -> Effect | None:
        """Digits and Enter typed on the idle screen (a badge reader types so): the
        employee of that personal number. Also ends a confirmation or a notice at once."""
        if self.phase in (Phase.CONFIRMED, Phase.NOTICE):
            self._idle()
        if self.phase is Phase.CHOICE and self.person is not None:
            found = self.people.badge(text)
            if found is not None and found.username == self.person.username:
                return self.choose(self.choices[0], now)  # the same badge again: the default
            self._idle()
        if self.phase is not Phase.IDLE:
            return None
        person = self.people.badge(text)
        if person is None:
            self._notice(Problem.UNKNOWN_BADGE, text.strip(), now)
            return None
        return self._identified(person, now)

    def pick(self, person: Person, now: float) -> Effect | None:
        """The employee picked their name from the list."""
        if self.phase in (Phase.CONFIRMED, Phase.NOTICE):
            self._idle()
        if self.phase is not Phase.IDLE:
            return None
        return self._identified(person, now)

    def type_name(self, text: str, now: float) -> Effect | None:
        """A name (or user name, or personal number) typed and Enter pressed."""
        if _DIGITS.fullmatch(text.strip()) and self.people.known:
            return self.scan(text, now)
        if self.phase in (Phase.CONFIRMED, Phase.NOTICE):
            self._idle()
        if self.phase is not Phase.IDLE:
            return None
        person = self.people.named(text)
        if person is None:
            self._notice(Problem.UNKNOWN_NAME, text.strip(), now)
            return None
        return self._identified(person, now)

    def _identified(self, person: Person, now: float) -> Effect | None:
        self.person = person
        if not self.pins.employee_pins:
            return self._look_up(person)
        if not self.pins.has_pin(person.username):
            self._notice(Problem.NO_PIN, person.username, now)
            return None
        self._enter(Phase.PIN, now, PIN_SECONDS)
        return None

    # -- PINs -----------------------------------------------------------------------------

    def pin_delay(self, now: float) -> float:
        """Seconds until the PIN asked for now may be typed (0: at once)."""
        return max(0.0, self._wait_until.get(self._pin_of(), 0.0) - now)

    def _pin_of(self) -> str:
        """Whose PIN is asked for: the administrator's, or the identified employee's."""
        if self.phase is Phase.ADMIN_PIN or self.person is None:
            return ADMIN
        return self.person.username.casefold()

    def enter_pin(self, pin: str, now: float) -> Effect | None:
        """The employee's PIN; a wrong one makes the next try wait (longer each time)."""
        if self.phase is not Phase.PIN or self.person is None or self.pin_delay(now) > 0:
            return None
        if not self._checked(self.person.username.casefold(), pin, now):
            self.deadline = now + PIN_SECONDS
            return None
        return self._look_up(self.person)

    def leave(self, now: float) -> None:
        """Esc or the corner button: ask for the administrator's PIN."""
        if self.phase in (Phase.LOOKING, Phase.STAMPING, Phase.LEFT):
            return
        self._idle()
        self._enter(Phase.ADMIN_PIN, now, PIN_SECONDS)

    def enter_admin_pin(self, pin: str, now: float) -> bool:
        """The administrator's PIN: right ends the terminal mode (:attr:`Phase.LEFT`);
        whether it did."""
        if self.phase is not Phase.ADMIN_PIN or self.pin_delay(now) > 0:
            return False
        if self._checked(ADMIN, pin, now):
            self.phase = Phase.LEFT
            self.deadline = None
            return True
        self.deadline = now + PIN_SECONDS
        return False

    def _checked(self, who: str, pin: str, now: float) -> bool:
        right = self.pins.check_admin(pin) if who == ADMIN else self.pins.check(who, pin)
        self.wrong_pin = not right
        if right:
            self._failures.pop(who, None)
            return True
        failures = self._failures.get(who, 0) + 1
        self._failures[who] = failures
        delay = min(MAX_PIN_DELAY, FIRST_PIN_DELAY * 2 ** (failures - 1))
        self._wait_until[who] = now + delay
        return False

    # -- stamping -------------------------------------------------------------------------

    def _look_up(self, person: Person) -> Effect:
        self.phase, self.deadline = Phase.LOOKING, None
        return LookUp(person)

    def standing(self, person: Person, standing: Standing, now: float) -> Effect | None:
        """Where ``person`` stands (the answer to :class:`LookUp`): stamp in at once, or
        offer stamping out and a break."""
        if self.phase is not Phase.LOOKING or person != self.person:
            return None
        self.standing_now = standing
        if not standing.stamped_in:
            return self._stamp(person, Action.IN)
        if standing.on_break:
            self.choices = (Action.BREAK_END, Action.OUT)
        else:
            self.choices = (Action.OUT, Action.BREAK_START)
        self._enter(Phase.CHOICE, now, CHOICE_SECONDS)
        return None

    def choose(self, action: Action, now: float) -> Effect | None:
        """One of the :attr:`choices` pressed."""
        if self.phase is not Phase.CHOICE or self.person is None or action not in self.choices:
            return None
        return self._stamp(self.person, action)

    def _stamp(self, person: Person, action: Action) -> Effect:
        self.phase, self.deadline = Phase.STAMPING, None
        return Stamp(person, action)

    def stamped(self, person: Person, stamped: Stamped, now: float) -> None:
        """The stamp was made (queued in the outbox at least): show the confirmation."""
        if self.phase is not Phase.STAMPING or person != self.person:
            return
        self.confirmation = stamped
        self._enter(Phase.CONFIRMED, now, CONFIRMED_SECONDS)

    def failed(self, message: str, now: float) -> None:
        """Looking up or stamping failed: say why, then idle."""
        if self.phase in (Phase.LOOKING, Phase.STAMPING):
            self._notice(Problem.FAILED, message, now)

    # -- time -----------------------------------------------------------------------------

    def cancel(self) -> None:
        """Back to idle (a cancel button), unless a request is under way."""
        if self.phase not in (Phase.LOOKING, Phase.STAMPING, Phase.LEFT):
            self._idle()

    def tick(self, now: float) -> bool:
        """Time passes: a phase whose time is up gives way to idle; whether it did."""
        if self.deadline is not None and now >= self.deadline:
            self._idle()
            return True
        return False

    def touched(self, now: float) -> None:
        """Input on a screen that waits for it (a key typed): its time starts again."""
        if self.phase in (Phase.PIN, Phase.ADMIN_PIN, Phase.CHOICE) and self.deadline is not None:
            seconds = CHOICE_SECONDS if self.phase is Phase.CHOICE else PIN_SECONDS
            self.deadline = max(self.deadline, now + seconds)

    def _notice(self, problem: Problem, detail: str, now: float) -> None:
        """Show ``problem`` for a while."""
        self.problem, self.detail = problem, detail
        self._enter(Phase.NOTICE, now, NOTICE_SECONDS)

    def _enter(self, phase: Phase, now: float, seconds: float) -> None:
        self.phase, self.deadline = phase, now + seconds
        self.wrong_pin = False

    def _idle(self) -> None:
        self.phase = Phase.IDLE
        self.person = None
        self.standing_now = None
        self.choices = ()
        self.confirmation = None
        self.problem = None
        self.detail = ""
        self.deadline = None
        self.wrong_pin = False
