"""``timeclock sandbox``: serve the sandbox until Ctrl+C or SIGTERM.

Two ways to wire it into a CLI: ``add_sandbox_arguments(subparser)`` plus
``run_sandbox(args)``, or ``run_sandbox_command(argv)`` which parses on its own. Both return
the process exit code: 0 after a clean stop, 1 when the server cannot start.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shlex
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from types import FrameType
from typing import TextIO, TypeVar

from timeclock.domain.timestamps import utc_now
from timeclock.sandbox.demo import DEMO_USER, DEMO_USERS, berlin_today, load_demo_data
from timeclock.sandbox.demo_people import demo_directory
from timeclock.sandbox.faults import (
    ALL_KINDS,
    FaultPlan,
    parse_fault,
    parse_latency,
    parse_methods,
    parse_rate,
    parse_script,
)
from timeclock.sandbox.listing import ENVELOPES
from timeclock.sandbox.quirks import WRONG_ID_SHIFT, ServerQuirks, parse_drip
from timeclock.sandbox.server import SandboxServer, SandboxStartError, SandboxTlsError
from timeclock.sandbox.store import AttendanceStore

T = TypeVar("T")
DEFAULT_PORT = 8080
PROG = "timeclock sandbox"


def add_sandbox_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the sandbox options to ``parser`` (e.g. a ``sandbox`` subparser); returns it."""
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help=f"port to listen on; 0 picks a free one (default {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="SQLite file to keep entries in (default: in memory)"
    )
    parser.add_argument(
        "--demo-data",
        action="store_true",
        help="fill an empty store with 90 days of demo entries for 8 employees",
    )
    parser.add_argument("--api-key", type=_non_empty, help="API key (default: generated)")
    parser.add_argument("--api-secret", type=_non_empty, help="API secret (default: generated)")
    parser.add_argument(
        "--envelope",
        choices=ENVELOPES,
        default="array",
        help="list responses as a bare JSON array or as {'data': [...]} (default: array)",
    )
    faults = parser.add_argument_group(
        "fault injection",
        "Faults hit only the attendances resource. Tests can also read and replace them"
        " with GET/PUT /api/v2/ext/_admin/faults.",
    )
    faults.add_argument(
        "--fault-rate",
        type=_argument(parse_rate),
        metavar="RATE",
        help="share of requests that get a fault, spread evenly over all kinds (0.3 or 30%%)",
    )
    faults.add_argument(
        "--fault",
        action="append",
        type=_argument(parse_fault),
        metavar="KIND=RATE",
        help="share of requests that get this fault (repeatable; overrides --fault-rate for"
        f" KIND); kinds: {', '.join(kind.value for kind in ALL_KINDS)}; latency=RATE delays"
        " only that share of requests",
    )
    faults.add_argument(
        "--latency",
        type=_argument(parse_latency),
        metavar="MS[-MS]",
        help="delay requests by MS milliseconds, or by a random time between the two",
    )
    faults.add_argument(
        "--fault-seed",
        type=int,
        metavar="N",
        help="seed for repeatable faults (default: a random one, shown in the banner)",
    )
    faults.add_argument(
        "--fault-script",
        type=_argument(parse_script),
        metavar="KIND,...",
        help="the faults of the first requests, one per request, before the rates take over"
        " (none = no fault), e.g. none,cut cuts the second request",
    )
    faults.add_argument(
        "--fault-methods",
        type=_argument(parse_methods),
        metavar="METHOD,...",
        help="faults (and the script's count) only for these HTTP methods, e.g. POST",
    )
    faults.add_argument(
        "--retry-after",
        type=_seconds,
        default=1,
        metavar="SECONDS",
        help="Retry-After of the 429 and 503 faults (default 1)",
    )
    quirks = parser.add_argument_group(
        "server quirks",
        "Behaviour the vendor's documents allow, for testing clients against it. Tests can"
        " also read and replace the quirks with GET/PUT /api/v2/ext/_admin/quirks.",
    )
    quirks.add_argument(
        "--whole-seconds",
        action="store_true",
        help="keep from/to to whole seconds and answer them without milliseconds",
    )
    quirks.add_argument(
        "--fold-user-case",
        action="store_true",
        help="store and answer user names in lower case; the user filter ignores case",
    )
    quirks.add_argument(
        "--drip",
        type=_argument(parse_drip),
        default=0.0,
        metavar="SECONDS",
        help="send every answer's body one byte at a time, this long apart",
    )
    quirks.add_argument(
        "--endless-pages",
        action="store_true",
        help="fill every list page up to its limit with made-up entries of new ids",
    )
    quirks.add_argument(
        "--wrong-id",
        action="store_true",
        help=f"answer GET and PUT attendances/ID with the id ID+{WRONG_ID_SHIFT}",
    )
    quirks.add_argument(
        "--wrong-user", action="store_true", help="answer a POST with another user's name"
    )
    tls = parser.add_argument_group("TLS")
    tls.add_argument(
        "--tls-cert",
        metavar="PEM",
        help="serve HTTPS with this certificate chain (holding the key too, unless --tls-key)",
    )
    tls.add_argument("--tls-key", metavar="PEM", help="the private key of --tls-cert")
    return parser


def fault_plan_from_args(args: argparse.Namespace) -> FaultPlan:
    """The :class:`FaultPlan` the options describe; ValueError for a bad combination."""
    rates: dict[str, float] = {}
    if args.fault_rate:
        rates = dict.fromkeys((kind.value for kind in ALL_KINDS), args.fault_rate / len(ALL_KINDS))
    latency_rate = 1.0
    for name, rate in args.fault or []:
        if name == "latency":
            latency_rate = rate
        else:
            rates[name] = rate
    if latency_rate < 1 and args.latency is None:
        raise ValueError("--fault latency=RATE needs --latency MS[-MS]")
    seed = args.fault_seed
    if seed is None and (any(rates.values()) or args.latency is not None):
        seed = random.randrange(2**31)  # noqa: S311 - printed, so a run can be repeated
    return FaultPlan(
        rates,
        latency_ms=args.latency,
        latency_rate=latency_rate,
        retry_after=args.retry_after,
        seed=seed,
        script=args.fault_script or (),
        methods=args.fault_methods,
    )


def quirks_from_args(args: argparse.Namespace) -> ServerQuirks:
    """The :class:`ServerQuirks` the options describe."""
    return ServerQuirks(
        whole_seconds=args.whole_seconds,
        fold_user_case=args.fold_user_case,
        drip_seconds=args.drip,
        endless_pages=args.endless_pages,
        wrong_id=args.wrong_id,
        wrong_user=args.wrong_user,
    )


def run_sandbox(
    args: argparse.Namespace, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Serve with the options parsed by :func:`add_sandbox_arguments`; the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        if args.tls_key and not args.tls_cert:
            raise ValueError("--tls-key needs --tls-cert")
        plan = fault_plan_from_args(args)
    except ValueError as error:
        print(f"{PROG}: error: {error}", file=err)
        return 2
    stop = threading.Event()
    with _stop_on_signals(stop):
        try:
            store = AttendanceStore(args.db) if args.db else AttendanceStore()
        except sqlite3.Error as error:
            print(f"{PROG}: cannot open the database {args.db}: {error}", file=err)
            return 1
        with store:
            demo_count = None
            if args.demo_data and store.count(include_deleted=True) == 0:
                demo_count = load_demo_data(store, berlin_today(), now=utc_now())
            server = SandboxServer(
                host=args.host,
                port=args.port,
                store=store,
                api_key=args.api_key,
                api_secret=args.api_secret,
                envelope=args.envelope,
                faults=plan,
                quirks=quirks_from_args(args),
                directory=demo_directory(store, berlin_today()) if args.demo_data else None,
                ssl_certfile=args.tls_cert,
                ssl_keyfile=args.tls_key,
            )
            try:
                server.start()
            except SandboxTlsError as error:
                print(f"{PROG}: {error}", file=err)
                return 1
            except (OSError, SandboxStartError) as error:
                reason = error.strerror if isinstance(error, OSError) else None
                print(
                    f"{PROG}: cannot listen on {args.host}:{args.port}: {reason or error}", file=err
                )
                return 1
            try:
                _print_banner(out, server, args, demo_count)
                while not stop.wait(0.5):
                    if not server.running:
                        print(f"{PROG}: the server stopped unexpectedly", file=err)
                        return 1
            finally:
                server.stop()
    print("Sandbox stopped.", file=out, flush=True)
    return 0


def run_sandbox_command(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` (default: ``sys.argv[1:]``) and serve; the exit code."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Run a local TimeTrack-compatible server for trying out TimeClock."
    )
    return run_sandbox(add_sandbox_arguments(parser).parse_args(argv))


def _print_banner(
    out: TextIO, server: SandboxServer, args: argparse.Namespace, demo_count: int | None
) -> None:
    example_url = f"{server.base_url}/attendances"
    if args.demo_data:
        example_url += f"?username={DEMO_USER}"
    example = shlex.join(
        [
            "curl",
            "-H",
            f"X-TimeTrack-Api-Key: {server.api_key}",
            "-H",
            f"X-TimeTrack-Api-Secret: {server.api_secret}",
            example_url,
        ]
    )
    lines = [
        f"TimeTrack sandbox running at {server.base_url}",
        f"API key:    {server.api_key}",
        f"API secret: {server.api_secret}",
        f"Store:      {args.db or 'in memory (entries are lost on exit)'}",
    ]
    if demo_count is not None:
        users = ", ".join(DEMO_USERS)
        lines.append(f"Demo data:  {demo_count} entries for {users} (demo user: {DEMO_USER})")
    elif args.demo_data:
        lines.append("Demo data:  not loaded, the store already has entries")
    if server.tls:
        lines.append(f"TLS:        certificate {args.tls_cert}")
    if server.faults.active:
        lines.append(f"Faults:     {server.faults.describe()}")
    if server.quirks.active:
        lines.append(f"Quirks:     {server.quirks.describe()}")
    use_with_timeclock = shlex.join(
        [
            "export",
            f"TIMECLOCK_URL={server.base_url}",
            f"TIMECLOCK_USER={DEMO_USER}",
            f"TIMECLOCK_API_KEY={server.api_key}",
            f"TIMECLOCK_API_SECRET={server.api_secret}",
        ]
    )
    lines += [
        "Try it with curl:",
        f"  {example}",
        "Or with timeclock, in another terminal:",
        f"  {use_with_timeclock}",
        "  timeclock status",
        "Press Ctrl+C to stop.",
    ]
    print("\n".join(lines), file=out, flush=True)


@contextlib.contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Turn SIGINT/SIGTERM (and Ctrl+Break on Windows) into ``stop.set()`` while inside."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = ("SIGINT", "SIGTERM", "SIGBREAK")
    signals = [getattr(signal, name) for name in names if hasattr(signal, name)]

    def handle(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {signum: signal.signal(signum, handle) for signum in signals}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}")
    return port


def _seconds(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) > 86_400:
        raise argparse.ArgumentTypeError(f"not a number of seconds (0 to 86400): {text!r}")
    return int(text)


def _argument(parse: Callable[[str], T]) -> Callable[[str], T]:
    """``parse`` as an argparse type: its ValueError becomes a usage error with its text."""

    def convert(text: str) -> T:
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return convert


def _non_empty(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError("must not be empty")
    return text
