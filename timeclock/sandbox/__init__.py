"""A local TimeTrack-compatible server: the attendances API over SQLite, for tests and demos.

An independent implementation of the vendor's documented behaviour (it must not be built on
the project's own client). Start one in-process with :class:`SandboxServer`, or from the
command line with ``timeclock sandbox`` (:func:`run_sandbox_command`). It can inject
faults (:class:`FaultPlan`), behave in the odd ways the vendor's documents allow
(:class:`ServerQuirks`) and serve HTTPS.
"""

from timeclock.sandbox.app import API_PREFIX, OPENAPI_PATH, create_app
from timeclock.sandbox.auth import KEY_HEADER, SECRET_HEADER, ApiCredentials
from timeclock.sandbox.command import add_sandbox_arguments, run_sandbox, run_sandbox_command
from timeclock.sandbox.demo import DEMO_USER, DEMO_USERS, demo_entries, load_demo_data
from timeclock.sandbox.errors import ErrorCode
from timeclock.sandbox.faults import FaultCounts, FaultKind, FaultPlan
from timeclock.sandbox.listing import DEFAULT_LIMIT, MAX_LIMIT, Envelope
from timeclock.sandbox.quirks import ServerQuirks
from timeclock.sandbox.records import Attendance, AttendancePatch, NewAttendance
from timeclock.sandbox.server import SandboxServer, SandboxStartError, SandboxTlsError
from timeclock.sandbox.store import AttendanceStore, EntryDeletedError, EntryNotFoundError

__all__ = [
    "API_PREFIX",
    "DEFAULT_LIMIT",
    "DEMO_USER",
    "DEMO_USERS",
    "KEY_HEADER",
    "MAX_LIMIT",
    "OPENAPI_PATH",
    "SECRET_HEADER",
    "ApiCredentials",
    "Attendance",
    "AttendancePatch",
    "AttendanceStore",
    "EntryDeletedError",
    "EntryNotFoundError",
    "Envelope",
    "ErrorCode",
    "FaultCounts",
    "FaultKind",
    "FaultPlan",
    "NewAttendance",
    "SandboxServer",
    "SandboxStartError",
    "SandboxTlsError",
    "ServerQuirks",
    "add_sandbox_arguments",
    "create_app",
    "demo_entries",
    "load_demo_data",
    "run_sandbox",
    "run_sandbox_command",
]
