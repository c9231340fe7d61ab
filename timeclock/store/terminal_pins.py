"""The shared terminal's PINs and its one setting, in a private file of the data folder.

A PIN never leaves this computer and is never kept as typed: each one is stored as a salted
``hashlib.scrypt`` hash (a random salt per PIN), and checked with a constant-time compare.
The administrator's PIN guards leaving the terminal mode; employees' PINs confirm a stamp
when the terminal asks for them (``employee_pins``).

The file is JSON (``terminal.json``), 0600 in a 0700 folder, replaced in one step on every
change. What cannot be read is an error naming the file, never a silent "no PIN".
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.store.paths import data_dir
from timeclock.store.private import private_dir, private_file, write_private_file

FILE_NAME = "terminal.json"
FILE_VERSION = 1
PIN_DIGITS = (4, 12)  # the shortest and longest PIN, ASCII digits only
# scrypt's cost: about 16 MiB and a few tens of milliseconds per check. Stored with each
# hash, so a later version may raise it without breaking the PINs set before.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
HASH_BYTES = 32
SALT_BYTES = 16

_PIN = re.compile(r"[0-9]+", re.ASCII)

log = logging.getLogger(__name__)


class TerminalFileError(TimeClockError):
    """The terminal's PIN file cannot be read or written; the text says which and why."""

    kind = ErrorKind.LOCAL


class PinFormatError(TimeClockError):
    """A PIN that is not 4 to 12 digits."""


def check_pin_format(pin: str) -> str:
    """``pin`` if it is 4 to 12 ASCII digits; else :class:`PinFormatError`."""
    low, high = PIN_DIGITS
    if not _PIN.fullmatch(pin) or not low <= len(pin) <= high:
        raise PinFormatError(f"a PIN is {low} to {high} digits (0 to 9)")
    return pin


@dataclass(frozen=True, slots=True)
class PinHash:
    """One PIN as kept: scrypt's parameters, the salt and the hash."""

    salt: bytes
    digest: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def of(cls, pin: str) -> PinHash:
        """The hash of ``pin`` with a fresh random salt."""
        salt = secrets.token_bytes(SALT_BYTES)
        return cls(salt, _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))

    def matches(self, pin: str) -> bool:
        """Whether ``pin`` is this PIN (a constant-time compare of the hashes)."""
        return hmac.compare_digest(self.digest, _scrypt(pin, self.salt, self.n, self.r, self.p))

    def to_json(self) -> dict[str, object]:
        return {
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": self.salt.hex(),
            "hash": self.digest.hex(),
        }

    @classmethod
    def from_json(cls, raw: object) -> PinHash:
        if not isinstance(raw, dict):
            raise ValueError("a PIN entry is not an object")
        numbers = [raw.get(key) for key in ("n", "r", "p")]
        if not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in numbers):
            raise ValueError("a PIN entry has no valid scrypt parameters")
        n, r, p = (int(number) for number in numbers)  # type: ignore[arg-type]
        return cls(bytes.fromhex(str(raw["salt"])), bytes.fromhex(str(raw["hash"])), n, r, p)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii", "replace"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=128 * n * r * p + 2**20,
        dklen=HASH_BYTES,
    )


def terminal_file() -> Path:
    """The terminal's PIN file in the data folder."""
    return data_dir() / FILE_NAME


class TerminalPins:
    """The administrator's PIN, the employees' PINs (by user name, any case) and whether
    employees must confirm with theirs, as kept in ``path`` (read once when made)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else terminal_file()
        self._admin: PinHash | None = None
        self._users: dict[str, PinHash] = {}
        self._employee_pins = False
        self._seen: tuple[int, int] | None = None  # the file's mtime and size when read
        self._load()

    # -- reading (the file again if it changed: a PIN set while the terminal runs counts) --

    @property
    def employee_pins(self) -> bool:
        """Whether employees confirm their stamps with their PIN."""
        self._fresh()
        return self._employee_pins

    @property
    def has_admin_pin(self) -> bool:
        self._fresh()
        return self._admin is not None

    def has_pin(self, user: str) -> bool:
        """Whether ``user`` has a PIN set here."""
        self._fresh()
        return _key(user) in self._users

    def users(self) -> list[str]:
        """The user names (case-folded) that have a PIN, sorted."""
        self._fresh()
        return sorted(self._users)

    def check_admin(self, pin: str) -> bool:
        """Whether ``pin`` is the administrator's PIN (False while none is set)."""
        self._fresh()
        return self._admin is not None and self._admin.matches(pin)

    def check(self, user: str, pin: str) -> bool:
        """Whether ``pin`` is ``user``'s PIN (False when they have none)."""
        self._fresh()
        kept = self._users.get(_key(user))
        return kept is not None and kept.matches(pin)

    def _fresh(self) -> None:
        """Read the file again if another program changed it since (``terminal-pin``); one
        that cannot be read now leaves the PINs read before (and is logged)."""
        if _stamp(self.path) == self._seen:
            return
        try:
            self._load()
        except TerminalFileError as error:
            log.warning("%s; the PINs read before stay", error)

    # -- changing (each change is saved at once) ------------------------------------------

    def set_admin_pin(self, pin: str) -> None:
        self._admin = PinHash.of(check_pin_format(pin))
        self._save()

    def set_pin(self, user: str, pin: str) -> None:
        if not user.strip():
            raise PinFormatError("a PIN needs a user name")
        self._users[_key(user)] = PinHash.of(check_pin_format(pin))
        self._save()

    def remove_pin(self, user: str) -> bool:
        """Remove ``user``'s PIN; whether there was one."""
        removed = self._users.pop(_key(user), None) is not None
        if removed:
            self._save()
        return removed

    def require_employee_pins(self, required: bool) -> None:
        self._employee_pins = required
        self._save()

    # -- the file -------------------------------------------------------------------------

    def _load(self) -> None:
        """Read the file (none: no PINs); what it holds replaces what was known only once
        all of it was read."""
        self._seen = _stamp(self.path)
        try:
            private_file(private_dir(self.path.parent, create=False) / self.path.name)
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self._admin, self._users, self._employee_pins = None, {}, False
            return
        except (OSError, ValueError) as error:
            raise TerminalFileError(
                f"cannot read the terminal's PIN file {self.path}: {error}"
            ) from None
        try:
            if not isinstance(raw, dict) or raw.get("version") != FILE_VERSION:
                raise ValueError("not a terminal file of this TimeClock")
            admin = raw.get("admin")
            users = raw.get("users", {})
            if not isinstance(users, dict):
                raise ValueError("its users are not an object")
            self._admin = None if admin is None else PinHash.from_json(admin)
            self._users = {str(name): PinHash.from_json(value) for name, value in users.items()}
            self._employee_pins = raw.get("employee_pins") is True
        except (ValueError, KeyError) as error:
            raise TerminalFileError(
                f"cannot read the terminal's PIN file {self.path}: {error}"
            ) from None

    def _save(self) -> None:
        content = {
            "version": FILE_VERSION,
            "employee_pins": self._employee_pins,
            "admin": None if self._admin is None else self._admin.to_json(),
            "users": {name: kept.to_json() for name, kept in sorted(self._users.items())},
        }
        try:
            private_dir(self.path.parent)
            write_private_file(self.path, (json.dumps(content, indent=2) + "\n").encode("utf-8"))
            self._seen = _stamp(self.path)
        except OSError as error:
            reason = error.strerror or str(error)
            raise TerminalFileError(
                f"cannot write the terminal's PIN file {self.path}: {reason}"
            ) from None


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells a changed file: its modification time (ns) and size; None if missing."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _key(user: str) -> str:
    return user.strip().casefold()
