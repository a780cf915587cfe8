"""HubSpot-like rate limiting: a rolling window, a daily cap, a search cap.

One AccountRateLimits per double (HubSpot limits per account, not per token). Rejected
requests do not count against the window, so a client that waits Retry-After
seconds always gets through.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass

from .config import RateLimitConfig


@dataclass(frozen=True)
class Verdict:
    """Outcome of one check: `policy` is None when the request may proceed."""

    policy: str | None = None
    retry_after: int | None = None


class AccountRateLimits:
    """HubSpot's server-side limits of one account: the rolling window, the search window, the daily cap."""

    def __init__(self, config: RateLimitConfig) -> None:
        self.lock = threading.Lock()
        self.config = config
        self._window: deque[float] = deque()
        self._search_window: deque[float] = deque()
        self._daily = 0
        self._day = self._today()

    @staticmethod
    def _today() -> int:
        return int(time.time() // 86_400)

    def configure(self, config: RateLimitConfig) -> None:
        with self.lock:
            self.config = config

    def reset(self) -> None:
        """Forget all counted requests (the windows and the daily count)."""
        with self.lock:
            self._window.clear()
            self._search_window.clear()
            self._daily = 0

    @staticmethod
    def _expire(window: deque[float], now: float, interval: float) -> None:
        while window and window[0] <= now - interval:
            window.popleft()

    def check(self, *, search: bool) -> Verdict:
        """Count one request, or say which policy refuses it."""
        cfg = self.config
        if not cfg.enabled:
            return Verdict()
        now = time.monotonic()
        with self.lock:
            if self._today() != self._day:
                self._day, self._daily = self._today(), 0
            if self._daily >= cfg.daily_limit:
                return Verdict("DAILY")
            self._expire(self._window, now, cfg.interval_seconds)
            if len(self._window) >= cfg.max_requests:
                wait = self._window[0] + cfg.interval_seconds - now
                return Verdict("TEN_SECONDLY_ROLLING", max(1, math.ceil(wait)))
            if search:
                self._expire(self._search_window, now, cfg.search_interval_seconds)
                if len(self._search_window) >= cfg.search_max_requests:
                    wait = self._search_window[0] + cfg.search_interval_seconds - now
                    return Verdict("SECONDLY", max(1, math.ceil(wait)))
                self._search_window.append(now)
            self._window.append(now)
            self._daily += 1
            return Verdict()

    def headers(self) -> list[tuple[bytes, bytes]]:
        """The X-HubSpot-RateLimit-* headers as of now; none when limits are off (nothing to announce)."""
        cfg = self.config
        if not cfg.enabled:
            return []
        with self.lock:
            self._expire(self._window, time.monotonic(), cfg.interval_seconds)
            used = len(self._window)
            daily_used = self._daily
        values = {
            "x-hubspot-ratelimit-max": cfg.max_requests,
            "x-hubspot-ratelimit-remaining": max(0, cfg.max_requests - used),
            "x-hubspot-ratelimit-interval-milliseconds": int(cfg.interval_seconds * 1000),
            "x-hubspot-ratelimit-daily": cfg.daily_limit,
            "x-hubspot-ratelimit-daily-remaining": max(0, cfg.daily_limit - daily_used),
        }
        return [(k.encode(), str(v).encode()) for k, v in values.items()]
