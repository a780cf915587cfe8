"""Configuration of the double: plain frozen dataclasses, one per concern.

Frozen so that a running server can be reconfigured only by swapping a whole
config object (``dataclasses.replace``), never by mutating one in place behind
the server thread's back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from hubspot_partner_clients._operations import OPERATIONS

READ_SCOPE = "crm.objects.partner-clients.read"
WRITE_SCOPE = "crm.objects.partner-clients.write"

DEFAULT_TOKEN = "double-token"
READ_ONLY_TOKEN = "double-read-only-token"


def _default_tokens() -> dict[str, frozenset[str]]:
    return {
        DEFAULT_TOKEN: frozenset({READ_SCOPE, WRITE_SCOPE}),
        READ_ONLY_TOKEN: frozenset({READ_SCOPE}),
    }


@dataclass(frozen=True)
class StoreConfig:
    """How many partner clients to seed, and from which seed."""

    objects: int = 1000
    seed: int = 0
    # One object in `archived_every` is seeded archived (0 disables), so that
    # `archived=true` has something to show.
    archived_every: int = 50
    # Ids are this prefix and a number ("pc-1000001" with "pc-"). HubSpot's ids
    # are digits, but its contract types them as any string: a prefix shows
    # which client code assumes digits.
    id_prefix: str = ""


@dataclass(frozen=True)
class AuthConfig:
    """Bearer tokens the double accepts, each with its granted scopes."""

    tokens: Mapping[str, frozenset[str]] = field(default_factory=_default_tokens)


# HubSpot's windows, as the document states them (the SDK's operation table).
ACCOUNT_WINDOW = OPERATIONS.window("ten-secondly")
SEARCH_WINDOW = OPERATIONS.window("search")


@dataclass(frozen=True)
class RateLimitConfig:
    """HubSpot-like limits. Defaults follow HubSpot's OAuth-app limits, from the operation table."""

    enabled: bool = True
    # The account's rolling window (`ten-secondly`): every request of an
    # operation whose row spends it.
    max_requests: int = ACCOUNT_WINDOW.max_requests
    interval_seconds: float = ACCOUNT_WINDOW.interval
    # Daily limit; the double resets it at UTC midnight (HubSpot uses the
    # account's time zone) or on `AccountRateLimits.reset()`.
    daily_limit: int = 250_000
    # Search's own, lower window (`search`); HubSpot exempts search from the
    # rolling window, and the operation table says so.
    search_max_requests: int = SEARCH_WINDOW.max_requests
    search_interval_seconds: float = SEARCH_WINDOW.interval

    def window(self, name: str) -> tuple[int, float]:
        """(max requests, interval in seconds) of the window called `name`, as configured.

        Any window the document declares besides these two keeps the size it gives it.
        """
        declared = OPERATIONS.window(name)
        configured = {
            ACCOUNT_WINDOW.name: (self.max_requests, self.interval_seconds),
            SEARCH_WINDOW.name: (self.search_max_requests, self.search_interval_seconds),
        }
        return configured.get(name, (declared.max_requests, declared.interval))


@dataclass(frozen=True)
class FaultConfig:
    """Random faults, drawn from `seed` in request order (so reproducible).

    Each `*_rate` is the probability that one request gets that fault; their
    sum must not exceed 1. 429/5xx faults are answered before the handler runs
    (no write applied); `drop`, `delay` and `truncate` happen after the handler
    ran, as a network failure would.
    """

    seed: int = 0
    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_502: float = 0.0
    rate_503: float = 0.0
    rate_504: float = 0.0
    rate_drop: float = 0.0
    rate_delay: float = 0.0
    rate_truncate: float = 0.0
    # Seconds a delayed response waits before being sent.
    delay_seconds: float = 5.0
    # Retry-After (seconds) sent with injected rolling 429s.
    retry_after_seconds: int = 1
    # Only requests whose path contains this string get random faults.
    path_contains: str | None = None
    # Overrides `status` of batch responses, e.g. "CANCELLED" (HubSpot's prose
    # spelling) or "ARCHIVED_FUTURE" (a status this SDK version cannot know).
    batch_status: str | None = None

    def __post_init__(self) -> None:
        rates = [
            self.rate_429,
            self.rate_500,
            self.rate_502,
            self.rate_503,
            self.rate_504,
            self.rate_drop,
            self.rate_delay,
            self.rate_truncate,
        ]
        if any(r < 0 for r in rates) or sum(rates) > 1.0 + 1e-9:
            raise ValueError("fault rates must be >= 0 and sum to at most 1")


@dataclass(frozen=True)
class DoubleConfig:
    """Everything a double needs; every part has a usable default."""

    store: StoreConfig = field(default_factory=StoreConfig)
    auth: AuthConfig = field(default_factory=AuthConfig)
    rate_limit: RateLimitConfig = field(default_factory=RateLimitConfig)
    faults: FaultConfig = field(default_factory=FaultConfig)
    host: str = "127.0.0.1"
    # 0 picks a free port.
    port: int = 0
