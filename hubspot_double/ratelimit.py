"""HubSpot-like rate limiting: the rolling windows of the operation table, and a daily cap.

One AccountRateLimits per double (HubSpot limits per account, not per token). A
request spends exactly the windows its operation's row names
(``Operation.rate_limit_windows``: most spend the account's ``ten-secondly``
window; search, which HubSpot exempts from it, only its own ``search``
window), and the daily cap. Rejected requests do not count against any
window, so a client that waits Retry-After seconds always gets through.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from hubspot_partner_clients._operations import OPERATIONS

from .config import ACCOUNT_WINDOW, RateLimitConfig

# The `policyName` of HubSpot's 429 body, by the window that refused.
_POLICIES = {ACCOUNT_WINDOW.name: "TEN_SECONDLY_ROLLING"}
_SECONDLY = "SECONDLY"


@dataclass(frozen=True)
class Verdict:
    """Outcome of one check: `policy` is None when the request may proceed."""

    policy: str | None = None
    retry_after: int | None = None


class AccountRateLimits:
    """HubSpot's server-side limits of one account: its rolling windows and the daily cap."""

    def __init__(self, config: RateLimitConfig) -> None:
        self.lock = threading.Lock()
        self.config = config
        self._windows: dict[str, deque[float]] = {w.name: deque() for w in OPERATIONS.windows}
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
            for window in self._windows.values():
                window.clear()
            self._daily = 0

    @staticmethod
    def _expire(window: deque[float], now: float, interval: float) -> None:
        while window and window[0] <= now - interval:
            window.popleft()

    def check(self, windows: Sequence[str]) -> Verdict:
        """Count one request in `windows` (an operation's row's), or say which policy refuses it."""
        cfg = self.config
        if not cfg.enabled:
            return Verdict()
        now = time.monotonic()
        with self.lock:
            if self._today() != self._day:
                self._day, self._daily = self._today(), 0
            if self._daily >= cfg.daily_limit:
                return Verdict("DAILY")
            for name in windows:
                window = self._windows[name]
                max_requests, interval = cfg.window(name)
                self._expire(window, now, interval)
                if len(window) >= max_requests:
                    wait = window[0] + interval - now
                    return Verdict(_POLICIES.get(name, _SECONDLY), max(1, math.ceil(wait)))
            for name in windows:
                self._windows[name].append(now)
            self._daily += 1
            return Verdict()

    def headers(self) -> list[tuple[bytes, bytes]]:
        """The X-HubSpot-RateLimit-* headers (the account window) as of now; none when limits are off."""
        cfg = self.config
        if not cfg.enabled:
            return []
        max_requests, interval = cfg.window(ACCOUNT_WINDOW.name)
        with self.lock:
            window = self._windows[ACCOUNT_WINDOW.name]
            self._expire(window, time.monotonic(), interval)
            used = len(window)
            daily_used = self._daily
        values = {
            "x-hubspot-ratelimit-max": max_requests,
            "x-hubspot-ratelimit-remaining": max(0, max_requests - used),
            "x-hubspot-ratelimit-interval-milliseconds": int(interval * 1000),
            "x-hubspot-ratelimit-daily": cfg.daily_limit,
            "x-hubspot-ratelimit-daily-remaining": max(0, cfg.daily_limit - daily_used),
        }
        return [(k.encode(), str(v).encode()) for k, v in values.items()]
