# Copied from overlays/limiter.py by `nox -s generate`: edit it there, never here.
"""Client-side rate limiting: keep one client under HubSpot's per-account windows.

Hooks: no generated code directly. ``retry.RetryTransport`` and
``retry.AsyncRetryTransport`` call ``acquire``/``acquire_async`` before every
attempt (each attempt is a request HubSpot counts) and ``observe`` after every
response; ``hubspot_client.HubSpotClient`` shares one ``RateLimiter`` between
all the calls of a client (threads and asyncio tasks alike). The rate-limit
group of a request comes from ``_operations.Operation.rate_limit_group``.

Each window is a sliding log of send times: a request may go when fewer than
``max_requests`` were sent in the last ``interval`` seconds. Search requests
spend from both the account window and the search window. HubSpot's
``X-HubSpot-RateLimit-*`` headers can only tighten the account window: a
smaller ``Max`` per interval replaces the configured one, and a ``Remaining``
lower than this limiter's own count (other processes share the account) is
recorded as requests sent now.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from dataclasses import dataclass

import httpx

__all__ = ["RateLimit", "RateLimiter"]

_SEARCH = "search"


@dataclass(frozen=True)
class RateLimit:
    """How many requests a client may send: the account window and the search window.

    Defaults follow HubSpot's OAuth-app limit (100 per 10 s) and stay under its
    search limit (about 5 per second). ``slack`` is added to each interval to
    absorb the delay between this limiter counting a request and HubSpot
    receiving it; without it, a request freed at the very end of a window can
    reach HubSpot just before that window has moved on.
    """

    max_requests: int = 100
    interval: float = 10.0
    search_max_requests: int = 4
    search_interval: float = 1.0
    slack: float = 0.1

    def __post_init__(self) -> None:
        if self.max_requests < 1 or self.search_max_requests < 1:
            raise ValueError("max_requests and search_max_requests must be at least 1")
        if self.interval <= 0 or self.search_interval <= 0 or self.slack < 0:
            raise ValueError("intervals must be positive and slack not negative")


class _Window:
    """A sliding log of send times; not thread-safe (the limiter's lock guards it)."""

    __slots__ = ("configured", "interval", "max_requests", "sent")

    def __init__(self, max_requests: int, interval: float) -> None:
        self.configured = (max_requests, interval)
        self.max_requests = max_requests
        self.interval = interval
        self.sent: deque[float] = deque()

    def wait(self, now: float, span: float) -> float:
        """0 when a request may go now, else the seconds until one may."""
        sent = self.sent
        while sent and sent[0] <= now - span:
            sent.popleft()
        if len(sent) < self.max_requests:
            return 0.0
        # The oldest of the last max_requests sends must leave the window.
        return sent[len(sent) - self.max_requests] + span - now


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
        self._account = _Window(self.config.max_requests, self.config.interval)
        self._search = _Window(self.config.search_max_requests, self.config.search_interval)

    def __repr__(self) -> str:
        return f"RateLimiter({self.config!r})"

    def _reserve(self, group: str) -> float:
        """Count one request and return 0, or return the seconds to wait first."""
        slack = self.config.slack
        with self._lock:
            now = time.monotonic()
            account = self._account
            wait = account.wait(now, account.interval + slack)
            if group == _SEARCH:
                search = self._search
                wait = max(wait, search.wait(now, search.interval + slack))
                if wait == 0.0:
                    search.sent.append(now)
            if wait == 0.0:
                account.sent.append(now)
            return wait

    def acquire(self, group: str = "default", *, deadline: float | None = None) -> bool:
        """Wait (sleeping the thread) until a request of ``group`` may go, and count it.

        ``deadline`` is a ``time.monotonic()`` instant: when the wait would
        pass it, return False at once without counting the request.
        """
        wait = self._reserve(group)
        while wait > 0.0:
            if deadline is not None and time.monotonic() + wait > deadline:
                return False
            time.sleep(wait)
            wait = self._reserve(group)
        return True

    async def acquire_async(self, group: str = "default", *, deadline: float | None = None) -> bool:
        """``acquire`` for asyncio: the task sleeps, the event loop does not block."""
        wait = self._reserve(group)
        while wait > 0.0:
            if deadline is not None and time.monotonic() + wait > deadline:
                return False
            await asyncio.sleep(wait)
            wait = self._reserve(group)
        return True

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
            span = interval + self.config.slack
            sent = account.sent
            while sent and sent[0] <= now - span:
                sent.popleft()
            # HubSpot counts fewer left than we do: someone else spends this
            # account's budget. Count the difference as sent now, so that we
            # slow down for one interval instead of provoking 429s.
            missing = (max_requests - len(sent)) - max(0, remaining)
            if missing > 0:
                sent.extend([now] * missing)
