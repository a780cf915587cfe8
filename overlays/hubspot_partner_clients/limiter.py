"""Client-side rate limiting: keep one client under HubSpot's per-account windows.

Hooks: no generated code directly. ``retry.RetryTransport`` and
``retry.AsyncRetryTransport`` call ``acquire``/``acquire_async`` before every
attempt (each attempt is a request HubSpot counts) and ``settle`` when it is
answered or fails; ``hubspot_client.HubSpotClient`` shares one ``RateLimiter`` between
all the calls of a client (threads and asyncio tasks alike). The windows a
request spends come from ``_operations.Operation.rate_limit_windows``, and the
windows themselves (their names and HubSpot's sizes) from
``_operations.OPERATIONS.windows``: the document states them once.

Each window is a sliding log of the requests it counted: a request may go when
fewer than ``max_requests`` were counted in the last ``interval`` seconds.
HubSpot counts a request when it receives it, which this client cannot see, but
it lies between the send and the answer; so a request counts from its send
until it is answered, and from its answer on after that. The next request is
sent no earlier than ``interval`` after the answer it waits for, so HubSpot
receives the two at least ``interval`` apart, however slow or uneven the
network, at the price of one round trip per window. A request spends exactly
the windows its operation's row names: most spend the account's
``ten-secondly`` window; search spends only its own ``search`` window (HubSpot
exempts it from the ten-second one), so searches never slow other calls.
HubSpot's ``X-HubSpot-RateLimit-*`` headers describe the account window and
can only tighten it: a
smaller ``Max`` per interval replaces the configured one, and a ``Remaining``
lower than this limiter's own count (other processes share the account) is
recorded as requests answered now.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from ._operations import OPERATIONS

__all__ = ["RateLimit", "RateLimiter", "Reservation"]

# The windows RateLimit's fields configure, by the document's names for them. Looked up on
# import, so that a document that renames one fails here, naming it, instead of leaving a
# configured limit unused.
_ACCOUNT = OPERATIONS.window("ten-secondly")
_SEARCH = OPERATIONS.window("search")


@dataclass(frozen=True)
class RateLimit:
    """How many requests a client may send: the account window and the search window.

    Defaults are HubSpot's windows as the document states them (an OAuth app's account window,
    and search's own). Any other window the document declares is kept at its stated size.
    """

    max_requests: int = _ACCOUNT.max_requests
    interval: float = _ACCOUNT.interval
    search_max_requests: int = _SEARCH.max_requests
    search_interval: float = _SEARCH.interval

    def __post_init__(self) -> None:
        if self.max_requests < 1 or self.search_max_requests < 1:
            raise ValueError("max_requests and search_max_requests must be at least 1")
        if self.interval <= 0 or self.search_interval <= 0:
            raise ValueError("interval and search_interval must be positive (seconds)")

    def window(self, name: str) -> tuple[int, float]:
        """(max requests, interval in seconds) of the window called `name`, as configured.

        The two windows this class has fields for come from them; any other window the document
        declares keeps the size the document gives it.
        """
        declared = OPERATIONS.window(name)
        configured = {
            _ACCOUNT.name: (self.max_requests, self.interval),
            _SEARCH.name: (self.search_max_requests, self.search_interval),
        }
        return configured.get(name, (declared.max_requests, declared.interval))


class _Count:
    """One request in a window, counted from ``at``: its send time until ``answered``, then its answer's."""

    __slots__ = ("answered", "at")

    def __init__(self, at: float, *, answered: bool) -> None:
        self.at = at
        self.answered = answered


class Reservation:
    """A request that ``RateLimiter.acquire`` let go; hand it back to ``RateLimiter.settle``."""

    __slots__ = ("_counts",)

    def __init__(self, counts: tuple[_Count, ...]) -> None:
        self._counts = counts


class _Window:
    """A sliding log of counted requests; not thread-safe (the limiter's lock guards it)."""

    __slots__ = ("configured", "interval", "max_requests", "sent")

    def __init__(self, max_requests: int, interval: float) -> None:
        self.configured = (max_requests, interval)
        self.max_requests = max_requests
        self.interval = interval
        self.sent: deque[_Count] = deque()

    def wait(self, now: float) -> float:
        """0 when a request may go now, else the seconds until one may at the earliest."""
        sent = self.sent
        horizon = now - self.interval
        while sent and sent[0].answered and sent[0].at <= horizon:
            sent.popleft()
        if len(sent) < self.max_requests:
            return 0.0
        # Answers arrive out of send order, so the log is only roughly sorted and
        # its head may hide expired counts behind one in flight: recount exactly.
        live = sorted((c for c in sent if not c.answered or c.at > horizon), key=_at)
        self.sent = deque(live)
        must_leave = len(live) - self.max_requests + 1
        if must_leave <= 0:
            return 0.0
        expiries = [c.at + self.interval for c in live if c.answered]
        if len(expiries) >= must_leave:
            return expiries[must_leave - 1] - now
        # A count still in flight leaves `interval` after its answer, so not
        # before `interval` from now; recheck then.
        return self.interval

    def count(self, now: float, *, answered: bool) -> _Count:
        counted = _Count(now, answered=answered)
        self.sent.append(counted)
        return counted


def _at(count: _Count) -> float:
    return count.at


class RateLimiter:
    """Keeps every call of a client under the configured windows.

    Thread-safe and shared by threads and asyncio tasks: a ``threading.Lock``
    guards the windows for a few microseconds per request, and is never held
    while waiting (threads sleep with ``time.sleep``, tasks with
    ``asyncio.sleep``).
    """

    def __init__(self, config: RateLimit | None = None) -> None:
        self.config = config if config is not None else RateLimit()
        self._lock = threading.Lock()
        self._windows = {w.name: _Window(*self.config.window(w.name)) for w in OPERATIONS.windows}
        # The window HubSpot's X-HubSpot-RateLimit-* headers describe.
        self._account = self._windows[_ACCOUNT.name]

    def __repr__(self) -> str:
        return f"RateLimiter({self.config!r})"

    def _spent(self, windows: Sequence[str]) -> list[_Window]:
        if isinstance(windows, str):
            raise TypeError(
                f"a request spends a tuple of rate-limit window names, such as an operation's "
                f"rate_limit_windows, not the string {windows!r}"
            )
        try:
            return [self._windows[name] for name in windows]
        except KeyError as exc:
            raise LookupError(
                f"no rate-limit window {exc.args[0]!r}: the windows are {sorted(self._windows)} "
                "(x-rate-limit-windows in openapi/partner-clients.yaml)"
            ) from None

    def _reserve(self, windows: Sequence[str]) -> Reservation | float:
        """Count one request in each of `windows` and return its reservation, or the seconds to wait first."""
        spent = self._spent(windows)
        with self._lock:
            now = time.monotonic()
            # Every window is asked (each drops its expired counts), the longest wait wins.
            wait = max([window.wait(now) for window in spent], default=0.0)
            if wait > 0.0:
                return wait
            return Reservation(tuple(window.count(now, answered=False) for window in spent))

    def acquire(
        self, windows: Sequence[str] = OPERATIONS.default_windows, *, deadline: float | None = None
    ) -> Reservation | None:
        """Wait (sleeping the thread) until a request that spends ``windows`` may go, and count it.

        ``windows`` are an operation's ``rate_limit_windows`` (by default, what a request of no
        known operation spends). Returns the reservation to ``settle`` when the request is
        answered. ``deadline`` is a ``time.monotonic()`` instant: when the wait would pass it,
        return None at once without counting the request.
        """
        reserved = self._reserve(windows)
        while not isinstance(reserved, Reservation):
            if deadline is not None and time.monotonic() + reserved > deadline:
                return None
            time.sleep(reserved)
            reserved = self._reserve(windows)
        return reserved

    async def acquire_async(
        self, windows: Sequence[str] = OPERATIONS.default_windows, *, deadline: float | None = None
    ) -> Reservation | None:
        """``acquire`` for asyncio: the task sleeps, the event loop does not block."""
        reserved = self._reserve(windows)
        while not isinstance(reserved, Reservation):
            if deadline is not None and time.monotonic() + reserved > deadline:
                return None
            await asyncio.sleep(reserved)
            reserved = self._reserve(windows)
        return reserved

    def settle(self, reservation: Reservation, headers: httpx.Headers | None = None) -> None:
        """The request was answered (or failed) now: count it from now on; ``observe`` the headers."""
        with self._lock:
            now = time.monotonic()
            for counted in reservation._counts:
                counted.at = now
                counted.answered = True
        if headers is not None:
            self.observe(headers)

    def observe(self, headers: httpx.Headers) -> None:
        """Tighten the account window from HubSpot's X-HubSpot-RateLimit-* headers."""
        remaining_text = headers.get("x-hubspot-ratelimit-remaining")
        if remaining_text is None:  # most cheaply: HubSpot said nothing
            return
        try:
            remaining = int(remaining_text)
            max_text = headers.get("x-hubspot-ratelimit-max")
            interval_text = headers.get("x-hubspot-ratelimit-interval-milliseconds")
            server_max = int(max_text) if max_text is not None else None
            server_interval = int(interval_text) / 1000 if interval_text is not None else None
        except ValueError:
            return  # a garbled header must not break a call that succeeded
        with self._lock:
            account = self._account
            max_requests, interval = account.configured
            if (
                server_max is not None
                and server_interval is not None
                and server_max > 0
                and server_interval > 0
                and server_max / server_interval < max_requests / interval
            ):
                max_requests, interval = server_max, server_interval
            account.max_requests, account.interval = max_requests, interval
            now = time.monotonic()
            account.wait(now)  # drops the counts that have left the window
            # HubSpot counts fewer left than we do: someone else spends this
            # account's budget. Count the difference as answered now, so that
            # we slow down for one interval instead of provoking 429s.
            missing = (max_requests - len(account.sent)) - max(0, remaining)
            for _ in range(missing):
                account.count(now, answered=True)
