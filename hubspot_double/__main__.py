"""Command line: run the double by hand, e.g. for a demo or a manual test.

python -m hubspot_double --port 8080 --objects 1000 --rate-limit 20/1 --fault-502 0.05
"""

from __future__ import annotations

import argparse
import signal
import threading
import time
from types import FrameType

from .app import BASE_PATH, DATED_BASE_PATH
from .config import (
    READ_SCOPE,
    WRITE_SCOPE,
    AuthConfig,
    DoubleConfig,
    FaultConfig,
    RateLimitConfig,
    StoreConfig,
)
from .server import HubSpotDouble


def _per(text: str) -> tuple[int, float]:
    """'20/1' -> (20 requests, 1.0 seconds)."""
    count, _, seconds = text.partition("/")
    try:
        return int(count), float(seconds or "10")
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected COUNT/SECONDS, got {text!r}") from None


def _token(text: str) -> tuple[str, frozenset[str]]:
    """'TOKEN' (read+write) or 'TOKEN:read' / 'TOKEN:read,write'."""
    name, _, scopes = text.partition(":")
    wanted = set(scopes.split(",")) if scopes else {"read", "write"}
    unknown = wanted - {"read", "write"}
    if not name or unknown:
        raise argparse.ArgumentTypeError(f"expected TOKEN[:read[,write]], got {text!r}")
    by_name = {"read": READ_SCOPE, "write": WRITE_SCOPE}
    return name, frozenset(by_name[s] for s in wanted)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m hubspot_double",
        description="A local double of HubSpot's CRM Partner Clients API.",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    p.add_argument("--objects", type=int, default=1000, help="partner clients to seed")
    p.add_argument("--seed", type=int, default=0, help="seed of the generated data")
    p.add_argument(
        "--token",
        type=_token,
        action="append",
        help="also accept TOKEN with these scopes (default: read,write), besides the built-in "
        "double-token (read, write) and double-read-only-token (read); repeatable",
    )
    p.add_argument(
        "--no-builtin-tokens",
        action="store_true",
        help="accept only the --token tokens, not the built-in ones",
    )
    limits = p.add_argument_group("rate limits")
    default = RateLimitConfig()
    limits.add_argument("--no-rate-limit", action="store_true", help="switch rate limiting off")
    limits.add_argument(
        "--rate-limit",
        type=_per,
        default=(default.max_requests, default.interval_seconds),
        metavar="N/SECONDS",
        help="rolling window",
    )
    limits.add_argument("--daily-limit", type=int, default=default.daily_limit)
    limits.add_argument(
        "--search-rate-limit",
        type=_per,
        default=(default.search_max_requests, default.search_interval_seconds),
        metavar="N/SECONDS",
    )
    faults = p.add_argument_group("random faults (fractions of requests)")
    faults.add_argument("--fault-seed", type=int, default=0)
    for name in ("429", "500", "502", "503", "504", "drop", "delay", "truncate"):
        faults.add_argument(f"--fault-{name}", type=float, default=0.0, metavar="FRACTION")
    faults.add_argument("--delay-seconds", type=float, default=5.0)
    faults.add_argument("--fault-path", default=None, help="only paths containing this string")
    faults.add_argument("--batch-status", default=None, help='override batch "status", e.g. CANCELLED')
    return p


def config_from_args(args: argparse.Namespace) -> DoubleConfig:
    # --token adds to the built-in tokens (what a demo wants: the documented tokens keep working);
    # --no-builtin-tokens leaves only the given ones (what a test of a rejected token wants).
    given = dict(args.token or [])
    if args.no_builtin_tokens and not given:
        raise SystemExit("--no-builtin-tokens needs at least one --token: no token would be accepted")
    builtin = {} if args.no_builtin_tokens else dict(AuthConfig().tokens)
    auth = AuthConfig(tokens={**builtin, **given})
    return DoubleConfig(
        host=args.host,
        port=args.port,
        store=StoreConfig(objects=args.objects, seed=args.seed),
        auth=auth,
        rate_limit=RateLimitConfig(
            enabled=not args.no_rate_limit,
            max_requests=args.rate_limit[0],
            interval_seconds=args.rate_limit[1],
            daily_limit=args.daily_limit,
            search_max_requests=args.search_rate_limit[0],
            search_interval_seconds=args.search_rate_limit[1],
        ),
        faults=FaultConfig(
            seed=args.fault_seed,
            rate_429=args.fault_429,
            rate_500=args.fault_500,
            rate_502=args.fault_502,
            rate_503=args.fault_503,
            rate_504=args.fault_504,
            rate_drop=args.fault_drop,
            rate_delay=args.fault_delay,
            rate_truncate=args.fault_truncate,
            delay_seconds=args.delay_seconds,
            path_contains=args.fault_path,
            batch_status=args.batch_status,
        ),
    )


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    # Stop cleanly on SIGTERM too (process managers, `kill`), not only Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)
    started = time.perf_counter()
    double = HubSpotDouble(config_from_args(args))
    with double:
        try:
            print(
                f"HubSpot double on {double.base_url} with {len(double.store)} partner "
                f"clients (ready in {time.perf_counter() - started:.2f}s)",
                flush=True,
            )
            # Both API versions' paths, over the one store.
            print(f"  paths {BASE_PATH} and {DATED_BASE_PATH}", flush=True)
            for token, scopes in double.config.auth.tokens.items():
                print(f"  token {token}: {' '.join(sorted(scopes))}", flush=True)
            # The server runs in its own thread; the main thread only waits
            # for Ctrl-C so that shutdown goes through the context manager.
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopping", flush=True)


if __name__ == "__main__":
    main()
