"""Client-side rate limiting: keep one client under HubSpot's per-account windows.

One ``RateLimiter`` serves all the calls of a client (threads and asyncio tasks
alike): every attempt takes a slot before it is sent (each attempt is a request
HubSpot counts) and settles it when answered or failed. The windows a request
spends, and the windows themselves (their names and HubSpot's sizes), are the
document's.

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
HubSpot's ``X-HubSpot-RateLimit-*`` headers (``_ratelimit_headers.py`` reads them) state the
account window: until the first answer the configured one holds (and only one
request is in flight, so that a burst cannot overrun an account whose window is
smaller); from then on the window is what ``Max`` per ``Interval-Milliseconds``
say, larger or smaller, and a ``Remaining`` lower than this limiter's own count
(other processes share the account) is recorded as requests answered now, never
more than the window holds. ``Remaining`` is of when HubSpot answered, some
time before the answer is settled here: it is compared with every count the
window held when that request was sent or took since, not with what is left of
them at the settle (one of ours that left in between would be booked again, as
someone else's, for a whole interval). ``Daily-Remaining`` at zero makes every
call fail with the daily ``RateLimitError`` without sending
(``DailyLimitReached``) for ``DAILY_HOLD`` seconds, after which one request is
let through to ask again.

After ``fork()`` the child gets new locks (one held by a parent's thread at the
fork would never be released) and counts the parent's requests in flight as
answered at the fork (their answers go to the parent).
"""

# Hooks: no generated code directly. retry.RetryTransport and retry.AsyncRetryTransport call
# acquire/acquire_async before every attempt and settle when it is answered or fails;
# hubspot_client.HubSpotClient shares one RateLimiter between all the calls of a client. The
# windows a request spends come from _operations.Operation.rate_limit_windows, and the windows
# themselves from _operations.OPERATIONS.windows: the document states them once.

from __future__ import annotations

import json
import logging
import threading
import time
import weakref
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from . import _fork
from . import _ratelimit_headers as _headers
from ._constants import LOGGER_NAME
from ._operations import OPERATIONS
from ._responses import HandedOnResponse

__all__ = ["DAILY_HOLD", "DailyLimitReached", "RateLimit", "RateLimiter", "Reservation"]

logger = logging.getLogger(LOGGER_NAME)

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

    __slots__ = ("_account_base", "_counts")

    def __init__(self, counts: tuple[_Count, ...], account_base: int | None = None) -> None:
        self._counts = counts
        # The account window's len(sent) - counted at the send (None: not known). Plus its
        # `counted` at the answer, it is every count the window held at the send or took since.
        self._account_base = account_base


class _Window:
    """A sliding log of counted requests; not thread-safe (the limiter's lock guards it)."""

    __slots__ = ("counted", "interval", "max_requests", "sent")

    def __init__(self, max_requests: int, interval: float) -> None:
        self.max_requests = max_requests
        self.interval = interval
        self.sent: deque[_Count] = deque()
        # Every count ever added, dropped ones too: how many a window took between two instants.
        self.counted = 0

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
        self.counted += 1
        return counted


def _at(count: _Count) -> float:
    return count.at


class DailyLimitReached(Exception):
    """HubSpot said the account's daily budget is spent: the request is not sent.

    The transports turn it into the answer HubSpot would give (``response``), so that the call
    raises the daily ``RateLimitError`` as if HubSpot had refused it.
    """

    def response(self, request: httpx.Request) -> httpx.Response:
        """A 429 with HubSpot's DAILY body, made here: the request never left."""
        body = {
            "status": "error",
            "message": "You have reached your daily limit (X-HubSpot-RateLimit-Daily-Remaining "
            "was 0); not sent.",
            "errorType": "RATE_LIMIT",
            "category": "RATE_LIMITS",
            "policyName": "DAILY",
        }
        # Unread (`stream=`, not `json=`): see HandedOnResponse.
        return HandedOnResponse(
            429,
            headers={"content-type": "application/json"},
            stream=httpx.ByteStream(json.dumps(body).encode()),
            request=request,
        )


DAILY_HOLD = 60.0
"""Seconds calls fail at once after HubSpot said the daily budget is spent, before one asks again.

HubSpot resets the day at midnight in the account's time zone, which this client cannot know."""
# While the first request is in flight the account window is unknown; others recheck this often.
_PROBE_POLL = 0.005


class RateLimiter:
    """Keeps every call of a client under the account's windows.

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
        # The windows each tuple of names spends, looked up once per tuple (every request asks).
        self._spending: dict[tuple[str, ...], list[_Window]] = {}
        self._answered = False  # no answer yet: the first request goes alone
        self._in_flight = 0
        self._daily_remaining: int | None = None
        self._daily_until = 0.0
        self._warned = False
        _LIVE.add(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.config!r})"

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
        """Count one request in each of `windows` and return its reservation, or the seconds to wait first.

        Raises DailyLimitReached when HubSpot said the day's budget is spent.
        """
        try:
            spent = self._spending[windows]  # type: ignore[index]  # a list raises TypeError
        except (KeyError, TypeError):
            spent = self._spent(windows)
            if isinstance(windows, tuple):
                self._spending[windows] = spent
        with self._lock:
            now = time.monotonic()
            if self._daily_remaining is not None and self._daily_remaining <= 0:
                if now < self._daily_until:
                    raise DailyLimitReached()
                self._daily_until = now + DAILY_HOLD  # this one asks; the others keep failing
            if not self._answered and self._in_flight:
                return _PROBE_POLL
            # Every window is asked (each drops its expired counts), the longest wait wins.
            wait = 0.0
            for window in spent:
                wait = max(wait, window.wait(now))
            if wait > 0.0:
                return wait
            self._in_flight += 1
            if self._daily_remaining is not None:
                self._daily_remaining -= 1
            return self._count(spent, now)

    def _count(self, spent: Sequence[_Window], now: float) -> Reservation:
        """Count a request that may go now in each of `spent` (the lock is held)."""
        counts = tuple(window.count(now, answered=False) for window in spent)
        account = self._account
        return Reservation(counts, len(account.sent) - account.counted)

    def acquire(
        self, windows: Sequence[str] = OPERATIONS.default_windows, *, deadline: float | None = None
    ) -> Reservation | None:
        """Wait (sleeping the thread) until a request that spends ``windows`` may go, and count it.

        ``windows`` are an operation's ``rate_limit_windows`` (by default, what a request of no
        known operation spends). Returns the reservation to ``settle`` when the request is
        answered. ``deadline`` is a ``time.monotonic()`` instant: when the wait would pass it,
        return None at once without counting the request. Raises DailyLimitReached when
        HubSpot's daily budget is spent.
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
        import asyncio  # here, not at the top: a sync program never pays for importing asyncio

        reserved = self._reserve(windows)
        while not isinstance(reserved, Reservation):
            if deadline is not None and time.monotonic() + reserved > deadline:
                return None
            await asyncio.sleep(reserved)
            reserved = self._reserve(windows)
        return reserved

    def settle(self, reservation: Reservation, headers: httpx.Headers | None = None) -> None:
        """The request was answered (``headers``) or failed (None) now: count it from now on."""
        with self._lock:
            now = time.monotonic()
            self._in_flight = max(0, self._in_flight - 1)
            for counted in reservation._counts:
                counted.at = now
                counted.answered = True
        if headers is not None:
            self.observe(headers, answering=reservation)
            # Only once the window the answer states is in place: marked before, a request
            # acquired in between would go under the configured window, in a burst.
            if not self._answered:
                with self._lock:
                    self._answered = True

    async def settle_async(self, reservation: Reservation, headers: httpx.Headers | None = None) -> None:
        """``settle`` for asyncio (a shared limiter's settling must not block the event loop)."""
        self.settle(reservation, headers)

    def _warn_once(self, problem: str) -> None:
        if not self._warned:
            self._warned = True
            logger.warning(
                "ignoring X-HubSpot-RateLimit headers that do not hold together (%s); the limiter "
                "keeps what it knew; further such headers are ignored silently",
                problem,
            )

    def observe(self, headers: httpx.Headers, *, answering: Reservation | None = None) -> None:
        """Follow the account window and the daily budget that HubSpot's headers state.

        ``answering``: the request these headers answered (``settle`` passes it), so that their
        ``Remaining`` is compared with what this limiter counted when HubSpot answered, not now.
        """
        said = _headers.read(headers)
        if said is None:  # most cheaply: HubSpot said nothing
            return
        if said.problem is not None:
            self._warn_once(said.problem)
        with self._lock:
            now = time.monotonic()
            self._learn(said, now, None if answering is None else answering._account_base)

    def _learn(self, said: _headers.RateLimitHeaders, now: float, account_base: int | None = None) -> None:
        """Apply what the headers said (the lock is held); `account_base` is the answered request's."""
        if said.daily_remaining is not None:
            self._daily_remaining = said.daily_remaining
            if said.daily_remaining <= 0:
                self._daily_until = now + DAILY_HOLD
        account = self._account
        if said.window is not None:
            account.max_requests, account.interval = said.window
        if said.remaining is None:
            return
        account.wait(now)  # drops the counts that have left the window
        held = len(account.sent)
        if account_base is not None:
            # HubSpot stated Remaining when it answered, between the send and now. Each request
            # of ours it counted then is in the window at the send or was added since: one
            # dropped before the send was answered, so received, an interval before HubSpot's
            # answer at least. One dropped since was answered over an interval ago, and HubSpot,
            # which received it earlier, has dropped it too: compared with `held` alone it would
            # be booked again, as someone else's, for a whole interval.
            held = max(held, account_base + account.counted)
        # HubSpot counts fewer left than we do: someone else spends this
        # account's budget. Count the difference as answered now, so that
        # we slow down for one interval instead of provoking 429s; never
        # more than the window holds, nor than PLAUSIBLE_MAX (a window configured that large).
        missing = min(account.max_requests - said.remaining - held, _headers.PLAUSIBLE_MAX)
        for _ in range(missing):
            account.count(now, answered=True)

    def _after_fork_in_child(self) -> None:
        # The parent's lock may have been held by one of its threads at the fork; the requests
        # the parent had in flight are answered to the parent, never here.
        self._lock = threading.Lock()
        now = time.monotonic()
        for window in self._windows.values():
            for counted in window.sent:
                if not counted.answered:
                    counted.at, counted.answered = now, True
        self._in_flight = 0


_LIVE: weakref.WeakSet[RateLimiter] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for limiter in list(_LIVE):
        limiter._after_fork_in_child()


_fork.after_fork_in_child(_after_fork_in_child)
