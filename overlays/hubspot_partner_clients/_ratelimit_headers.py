"""HubSpot's ``X-HubSpot-RateLimit-*`` answer headers, read once into what the limiters act on.

HubSpot states the account window (``-Max`` requests per ``-Interval-Milliseconds``), what is left
of it (``-Remaining``), the daily limit (``-Daily``) and what is left of it (``-Daily-Remaining``).
A part that is malformed (not a whole number, a window of zero) or that disagrees with the rest
(a window with only one of its two sizes, more remaining than the window or the day holds) or that
is implausible (a window of more than ``PLAUSIBLE_MAX`` requests, far above any HubSpot states) is left
out and named in ``problem``, so that the limiter keeps what it knew and says so once; the answer
itself is not affected.
"""

from __future__ import annotations

import httpx

__all__ = ["PLAUSIBLE_MAX", "RateLimitHeaders", "read"]

PLAUSIBLE_MAX = 10_000
"""The largest ``-Max`` taken as HubSpot's: it states a few hundred requests per window at most.

A larger one is a malformed header (left out, with the one warning), and no observation makes a
limiter book more than this many requests others made: each is an entry the limiter holds (in
Redis too) for a window's length, so one garbled header must not add millions."""

MAX = "x-hubspot-ratelimit-max"
INTERVAL = "x-hubspot-ratelimit-interval-milliseconds"
REMAINING = "x-hubspot-ratelimit-remaining"
DAILY = "x-hubspot-ratelimit-daily"
DAILY_REMAINING = "x-hubspot-ratelimit-daily-remaining"
_PREFIX = b"x-hubspot-ratelimit-"
"""What each of these names starts with: one pass over the raw names finds them all."""


class RateLimitHeaders:
    """What one answer's headers say that holds together; None where they say nothing usable.

    A plain class, not a dataclass: one is made for every answer (a frozen dataclass's __init__
    costs several times more), and none is compared or shown.
    """

    __slots__ = ("daily_remaining", "problem", "remaining", "window")

    def __init__(
        self,
        *,
        window: tuple[int, float] | None = None,
        remaining: int | None = None,
        daily_remaining: int | None = None,
        problem: str | None = None,
    ) -> None:
        self.window = window
        """(max requests, interval in seconds) of the account window."""
        self.remaining = remaining
        self.daily_remaining = daily_remaining
        self.problem = problem
        """Why some header was left out, for the one warning; None when all were usable."""


def _whole(found: dict[str, str], name: str, problems: list[str]) -> int | None:
    text = found.get(name)
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        problems.append(f"{name}: {text[:40]!r} is not a whole number")
        return None
    if value < 0:
        problems.append(f"{name}: {value} is negative")
        return None
    return value


def _found(headers: httpx.Headers) -> dict[str, str]:
    """The rate-limit headers by lower-case name, repeated ones joined as ``Headers.get`` joins them.

    One pass over the raw names: every answer of HubSpot's carries five of these, and each
    ``Headers.get`` would decode and compare every header again (~0.7 us each on CPython 3.11).
    Unlike ``Headers.get`` (one encoding chosen over all the headers), each value is read as
    ASCII, any other byte escaped: HubSpot's numbers are ASCII digits, and a value that is not
    (a UTF-8 digit of another script, say) is named, escaped and readable, as not a whole number.
    """
    found: dict[str, str] = {}
    for key, value in headers.raw:
        if key[: len(_PREFIX)].lower() == _PREFIX:
            name = key.lower().decode("ascii", "backslashreplace")
            text = value.decode("ascii", "backslashreplace")
            found[name] = f"{found[name]}, {text}" if name in found else text
    return found


def read(headers: httpx.Headers) -> RateLimitHeaders | None:
    """The usable parts of `headers`; None (cheaply) when they carry no rate-limit header at all."""
    found = _found(headers)
    if not found:
        return None
    problems: list[str] = []
    max_requests = _whole(found, MAX, problems)
    interval_ms = _whole(found, INTERVAL, problems)
    remaining = _whole(found, REMAINING, problems)
    daily = _whole(found, DAILY, problems)
    daily_remaining = _whole(found, DAILY_REMAINING, problems)

    window: tuple[int, float] | None = None
    if max_requests is not None and interval_ms is not None:
        if max_requests == 0 or interval_ms == 0:
            problems.append(f"a window of {max_requests} per {interval_ms} ms admits nothing")
        elif max_requests > PLAUSIBLE_MAX:
            problems.append(f"{MAX} {max_requests} is implausible (HubSpot states at most a few hundred)")
        else:
            window = (max_requests, interval_ms / 1000)
    elif (MAX in found) != (INTERVAL in found):
        problems.append(f"{MAX} and {INTERVAL} must come together")
    if remaining is not None and window is not None and remaining > window[0]:
        problems.append(f"{REMAINING} {remaining} is more than {MAX} {window[0]}")
        remaining = None
    if remaining is not None and window is None and MAX in found:
        remaining = None  # relative to a window the same answer garbled: meaningless
    if daily_remaining is not None and daily is not None and daily_remaining > daily:
        problems.append(f"{DAILY_REMAINING} {daily_remaining} is more than {DAILY} {daily}")
        daily_remaining = None
    return RateLimitHeaders(
        window=window,
        remaining=remaining,
        daily_remaining=daily_remaining,
        problem="; ".join(problems) or None,
    )
