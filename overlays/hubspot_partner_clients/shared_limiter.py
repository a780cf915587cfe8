"""A rate limiter shared by every process and machine of one account, kept in Redis.

``create_client(rate_limit_redis=...)`` or the ``HUBSPOT_RATE_LIMIT_REDIS_URL`` environment
variable builds it. Needs the ``redis`` extra.

The windows live in Redis, with the same meaning as the local limiter's: one sorted set per
window, of the requests counted in it, each scored by the instant it counts from (its send, pushed
``IN_FLIGHT_BOUND`` seconds ahead until it is answered, so that it cannot leave while in flight;
its answer after that). Each acquire, settle and observe is one Lua script, atomic on the server
and timed by the server's clock, so that machines whose clocks differ still agree. The windows
learned from HubSpot's headers, the daily budget and "an answer has arrived" are one hash, shared
too: a new process starts with the window another one learned. Beside the account window's set, a
counter of every request ever added to it lets the observe script compare HubSpot's ``Remaining``
with what the set held when the answered request was sent, plus what every process added since, as
the local limiter does: not with what is left of it at the observe, a round trip later (a request
of ours that left in between would be booked again, as someone else's, for a whole interval).

Keys are ``hubspot-partner-clients:rate-limit:<hash>:...``, the hash a keyed BLAKE2b of the token
(HubSpot limits each app on each account, which one token names): it identifies the account
without revealing the token, which never reaches Redis.

When Redis does not answer within ``REDIS_TIMEOUT`` seconds (down, unreachable, slow), the call
goes on under the local limiter this class also is (it kept following HubSpot's headers), one
warning is logged, and Redis is asked again every ``RECONNECT_EVERY`` seconds; when it answers, the
shared limiting resumes (logged at INFO). redis-py's connection pool rebuilds itself in a forked
child, so the limiter keeps working across ``fork()``.
"""

# Hooks: no generated code. RedisRateLimiter is a limiter.RateLimiter: the transports and
# hubspot_client.HubSpotClient use it as one.

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
import time
import urllib.parse
import uuid
from collections.abc import Sequence
from typing import Any

import httpx

from . import _ratelimit_headers as _headers
from ._constants import ACCOUNT_ENV, LOGGER_NAME, REDIS_URL_ENV
from ._operations import OPERATIONS
from .limiter import _ACCOUNT, _PROBE_POLL, DAILY_HOLD, DailyLimitReached, RateLimit, RateLimiter, Reservation
from .retry import RetryPolicy

# ACCOUNT_ENV and REDIS_URL_ENV are spelled in _constants, so that create_client reads them
# without importing this module (and asyncio, hashlib, uuid with it).
__all__ = ["ACCOUNT_ENV", "REDIS_URL_ENV", "RedisRateLimiter", "account_key"]

logger = logging.getLogger(LOGGER_NAME)

REDIS_TIMEOUT = 0.25
"""Seconds a Redis command (or connecting) may take before the local limiter takes over."""
RECONNECT_EVERY = 1.0
"""Seconds between attempts to reach Redis again while it is away."""
IN_FLIGHT_BOUND = RetryPolicy().deadline
"""Seconds a request counts as in flight at most: a process that died mid-request frees its slot.

The default ``RetryPolicy.deadline``, by which a call with the default policy has ended. It is one
constant, not each client's deadline, because the acquire script recovers an in-flight request's
send time as its score less this bound (the "first request goes alone" gate), so every process of
the account must push its counts ahead by the same amount. A client whose deadline is longer has
a request counted that long at most: one answered later leaves the window early, by the excess."""
LEARNED_TTL = 86_400
"""Seconds the learned windows and the daily budget are kept after the last answer that told them."""
_PREFIX = "hubspot-partner-clients:rate-limit:"
# While no answer has reached any process, one request goes alone (the others recheck every
# limiter._PROBE_POLL); a process that died sending it holds the others up PROBE_BOUND in the
# script at most.

# KEYS: the window sets spent, then the account window's set and its counter of every member ever
# added, then the shared hash. ARGV: member, in-flight bound, hold seconds, the account window's
# name and configured interval, then (name, configured max, configured interval) per window spent.
# Returns {status, seconds, base}: 1 counted, 0 wait that long, -1 the day's budget is spent; when
# counted, base is the account set's ZCARD less its counter once this request is in (see _OBSERVE).
_ACQUIRE = """
local PROBE_BOUND = 10
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local meta = KEYS[#KEYS]
local account, added = KEYS[#KEYS - 2], KEYS[#KEYS - 1]
local spent = #KEYS - 3
local daily = redis.call('HGET', meta, 'daily_remaining')
if daily and tonumber(daily) <= 0 then
  local hold = tonumber(redis.call('HGET', meta, 'daily_until') or '0')
  if now < hold then return {-1, '0'} end
  redis.call('HSET', meta, 'daily_until', tostring(now + tonumber(ARGV[3])))
end
local answered = redis.call('HGET', meta, 'answered')
local wait = 0
for i = 1, spent do
  local key = KEYS[i]
  local name = ARGV[3 + 3 * i]
  local max = tonumber(redis.call('HGET', meta, name .. ':max') or ARGV[4 + 3 * i])
  local interval = tonumber(redis.call('HGET', meta, name .. ':interval') or ARGV[5 + 3 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - interval)
  local n = redis.call('ZCARD', key)
  if not answered and n > 0 then
    local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
    -- The first request in flight, sent less than PROBE_BOUND seconds ago, goes alone.
    local sent = tonumber(last[2]) - tonumber(ARGV[2])
    if tonumber(last[2]) > now and sent > now - PROBE_BOUND then return {0, '0.005'} end
  end
  if n >= max then
    local leaving = redis.call('ZRANGE', key, n - max, n - max, 'WITHSCORES')
    local at = tonumber(leaving[2])
    local w = interval
    if at <= now then w = at + interval - now end
    if w > wait then wait = w end
  end
end
if wait > 0 then return {0, tostring(wait)} end
local bound = tonumber(ARGV[2])
local counted = false
for i = 1, spent do
  local n = redis.call('ZADD', KEYS[i], now + bound, ARGV[1])
  redis.call('EXPIRE', KEYS[i], math.ceil(bound + 3600))
  if KEYS[i] == account then
    counted = true
    redis.call('INCRBY', added, n)
    redis.call('EXPIRE', added, math.ceil(bound + 3600))
  end
end
if daily then redis.call('HINCRBY', meta, 'daily_remaining', -1) end
if not counted then
  -- A search spends only its own window, yet its answer states the account's: its base too is
  -- of the account set as it is now, without the requests that have left it.
  local interval = tonumber(redis.call('HGET', meta, ARGV[4] .. ':interval') or ARGV[5])
  redis.call('ZREMRANGEBYSCORE', account, '-inf', now - interval)
end
return {1, '0', redis.call('ZCARD', account) - tonumber(redis.call('GET', added) or '0')}
"""

# KEYS: the window sets the request spent, then the shared hash. ARGV: member, and '1' when this
# settle marks the account answered ('0' when the answer states a window: _OBSERVE marks it then,
# with the window, in one step; marked before, others would go under the configured window).
_SETTLE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
for i = 1, #KEYS - 1 do redis.call('ZADD', KEYS[i], 'XX', now, ARGV[1]) end
if ARGV[2] == '1' then redis.call('HSET', KEYS[#KEYS], 'answered', '1') end
return 1
"""

# KEYS: the account window's set, the shared hash, the set's counter of every member ever added.
# ARGV: window name, max, interval (or ''), remaining (or ''), daily remaining (or ''), hold
# seconds, TTL, configured max, configured interval, the most requests of others one observation
# books (PLAUSIBLE_MAX), the answered request's base from _ACQUIRE (or '': none known).
#
# Remaining is of when HubSpot answered, between the send and now; the set is compared with it as
# it was then, bounded by the base: ZCARD at the send plus every member added since (base plus
# the counter now). Every request HubSpot can have counted in that Remaining is in that bound:
# one that left the set before the send was answered, so received, over an interval before
# HubSpot's answer. One that left since, of any process (the set and its counter are every
# process's), was answered over an interval ago, and HubSpot, which received it earlier, has
# dropped it too: compared with ZCARD alone it would be booked again, as someone else's, for a
# whole interval. Requests of other processes added since the send, and others' requests booked
# since by any process's observe, are in the bound as in ZCARD: the latter are not booked twice.
# At worst, the bound holds requests HubSpot had not received yet when it answered (sent since),
# and fewer of others are booked for them; those are in the set, counted anyway, as the old ZCARD
# counted in-flight requests. The bound never exceeds what the set held at the send and took
# since: a counter that expired or a Redis that restarted since starts lower, as it does when
# processes of an earlier version (which add without counting) share the set; then ZCARD wins.
_OBSERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local key, meta, added, name = KEYS[1], KEYS[2], KEYS[3], ARGV[1]
if ARGV[2] ~= '' then
  redis.call('HSET', meta, name .. ':max', ARGV[2], name .. ':interval', ARGV[3])
end
redis.call('HSET', meta, 'answered', '1')
if ARGV[5] ~= '' then
  redis.call('HSET', meta, 'daily_remaining', ARGV[5])
  if tonumber(ARGV[5]) <= 0 then redis.call('HSET', meta, 'daily_until', tostring(now + tonumber(ARGV[6]))) end
end
redis.call('EXPIRE', meta, tonumber(ARGV[7]))
if ARGV[4] == '' then return 0 end
local max = tonumber(redis.call('HGET', meta, name .. ':max') or ARGV[8])
local interval = tonumber(redis.call('HGET', meta, name .. ':interval') or ARGV[9])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - interval)
local held = redis.call('ZCARD', key)
if ARGV[11] ~= '' then
  held = math.max(held, tonumber(ARGV[11]) + tonumber(redis.call('GET', added) or '0'))
end
local missing = math.min(max - tonumber(ARGV[4]) - held, tonumber(ARGV[10]))
local booked = 0
for i = 1, missing do
  booked = booked + redis.call('ZADD', key, now, 'seen:' .. tostring(now) .. ':' .. i)
end
if missing > 0 then
  redis.call('EXPIRE', key, math.ceil(interval + 3600))
  redis.call('INCRBY', added, booked)
  redis.call('EXPIRE', added, math.ceil(interval + 3600))
end
return missing
"""


def account_key(token: str, account: str | None = None) -> str:
    """The Redis key prefix of the account (and app): named by `account`, else by `token`.

    Either is kept only as a keyed hash: the token cannot be read back from Redis.
    """
    named = f"account:{account}" if account else token
    digest = hashlib.blake2b(named.encode(), digest_size=16, key=b"hubspot-partner-clients/rate-limit")
    return f"{_PREFIX}{digest.hexdigest()}:"


class _SharedReservation(Reservation):
    """A request counted in Redis, and in the local windows too (what they hold should Redis go away)."""

    __slots__ = ("_member", "_shared_base", "_windows")

    def __init__(self, counts: Reservation, member: str, windows: tuple[str, ...], shared_base: int) -> None:
        super().__init__(counts._counts, counts._account_base)
        self._member = member
        self._windows = windows
        # The account set's ZCARD less its counter at the send (_ACQUIRE): _OBSERVE's bound.
        self._shared_base = shared_base


class RedisRateLimiter(RateLimiter):
    """A ``RateLimiter`` whose windows are shared, through Redis, by every client of one account.

    ``url`` is a Redis URL (``redis://host:6379/0``, ``rediss://...``); ``token`` the account's
    token, of which only a keyed hash is kept; ``account``, when given, names the account and app
    in its place (an OAuth app's tokens change at every refresh). ``config`` is the window until HubSpot states one,
    and the local limiter's while Redis is away.
    """

    def __init__(
        self, url: str, token: str, config: RateLimit | None = None, *, account: str | None = None
    ) -> None:
        super().__init__(config)
        try:
            import redis
            from redis.backoff import NoBackoff
            from redis.retry import Retry
        except ImportError:
            raise ImportError(
                "the shared rate limiter needs redis-py: pip install 'hubspot-partner-clients[redis]'"
            ) from None
        self._redis: Any = redis.Redis.from_url(
            url,
            socket_timeout=REDIS_TIMEOUT,
            socket_connect_timeout=REDIS_TIMEOUT,
            retry=Retry(NoBackoff(), 0),  # a command that fails falls back at once
            retry_on_timeout=False,
        )
        self._url_shown = _without_password(url)
        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._prefix = account_key(token, account)
        self._meta = self._prefix + "windows"
        self._account_set = self._prefix + "window:" + _ACCOUNT.name
        self._account_added = self._prefix + "added:" + _ACCOUNT.name
        self._acquire = self._redis.register_script(_ACQUIRE)
        self._settle = self._redis.register_script(_SETTLE)
        self._observe = self._redis.register_script(_OBSERVE)
        self._state = threading.Lock()
        self._away_since: float | None = None
        self._next_try = 0.0

    def __repr__(self) -> str:
        return f"RedisRateLimiter({self._url_shown!r}, {self.config!r})"

    @property
    def shared(self) -> bool:
        """Whether Redis answered the last time it was asked (False: limiting locally)."""
        return self._away_since is None

    # -- Redis availability -------------------------------------------------------------------

    def _may_try(self) -> bool:
        return self._away_since is None or time.monotonic() >= self._next_try

    def _failed(self, exc: BaseException) -> None:
        with self._state:
            now = time.monotonic()
            self._next_try = now + RECONNECT_EVERY
            if self._away_since is not None:
                return
            self._away_since = now
        logger.warning(
            "the shared rate limiter's Redis at %s does not answer (%s); limiting this process "
            "alone, from HubSpot's headers, until it is back (retried every %gs)",
            self._url_shown,
            type(exc).__name__,
            RECONNECT_EVERY,
        )

    def _count_locally(self, windows: Sequence[str]) -> Reservation:
        with self._lock:
            now = time.monotonic()
            self._in_flight += 1
            return self._count(self._spent(windows), now)

    def _back(self) -> bool:
        """Redis was away and may be back: tell it what this process sent meanwhile, first.

        A restarted Redis has forgotten the window; were a request admitted before it is told,
        the processes would together overrun the window. False while Redis is still away.
        """
        with self._lock:
            account = self._account
            account.wait(time.monotonic())
            window, used = (account.max_requests, account.interval), len(account.sent)
        return self._tell(window, max(0, window[0] - used), None)

    def _reached(self) -> None:
        if self._away_since is None:
            return
        with self._state:
            away, self._away_since = self._away_since, None
        if away is not None:
            logger.info(
                "the shared rate limiter's Redis at %s is back after %.1fs; limiting is shared again",
                self._url_shown,
                time.monotonic() - away,
            )

    # -- the scripts ----------------------------------------------------------------------------

    def _keys(self, windows: Sequence[str]) -> list[str]:
        return [*(self._prefix + "window:" + name for name in windows), self._meta]

    def _acquire_keys(self, windows: Sequence[str]) -> list[str]:
        return [
            *(self._prefix + "window:" + name for name in windows),
            self._account_set,
            self._account_added,
            self._meta,
        ]

    def _shared_reserve(self, windows: Sequence[str]) -> Reservation | float | None:
        """Count the request in Redis: its reservation, the seconds to wait, or None if Redis is away."""
        self._spent(windows)  # the same clear errors as the local limiter
        if self._away_since is not None and not self._back():
            return None
        member = uuid.uuid4().hex
        args: list[Any] = [
            member,
            IN_FLIGHT_BOUND,
            DAILY_HOLD,
            _ACCOUNT.name,
            self.config.window(_ACCOUNT.name)[1],
        ]
        for name in windows:
            args += [name, *self.config.window(name)]
        try:
            status, seconds, *base = self._acquire(keys=self._acquire_keys(windows), args=args)
        except self._errors as exc:
            self._failed(exc)
            return None
        self._reached()
        if int(status) == -1:
            raise DailyLimitReached()
        if int(status) == 1:
            return _SharedReservation(self._count_locally(windows), member, tuple(windows), int(base[0]))
        return max(float(seconds), _PROBE_POLL)

    def acquire(
        self, windows: Sequence[str] = OPERATIONS.default_windows, *, deadline: float | None = None
    ) -> Reservation | None:
        """``RateLimiter.acquire`` on the shared windows; on the local ones while Redis is away."""
        while self._may_try():
            reserved = self._shared_reserve(windows)
            if reserved is None:
                break
            if isinstance(reserved, Reservation):
                return reserved
            if deadline is not None and time.monotonic() + reserved > deadline:
                return None
            time.sleep(reserved)
        return super().acquire(windows, deadline=deadline)

    async def acquire_async(
        self, windows: Sequence[str] = OPERATIONS.default_windows, *, deadline: float | None = None
    ) -> Reservation | None:
        """``acquire`` for asyncio: Redis is asked from a worker thread, the task sleeps."""
        while self._may_try():
            reserved = await asyncio.to_thread(self._shared_reserve, windows)
            if reserved is None:
                break
            if isinstance(reserved, Reservation):
                return reserved
            if deadline is not None and time.monotonic() + reserved > deadline:
                return None
            await asyncio.sleep(reserved)
        return await super().acquire_async(windows, deadline=deadline)

    def settle(self, reservation: Reservation, headers: httpx.Headers | None = None) -> None:
        """Count the request from its answer, where it was counted; follow HubSpot's headers."""
        if isinstance(reservation, _SharedReservation) and self._may_try():
            try:
                # With rate-limit headers, observe() below marks the account answered with its window.
                marks = "0" if headers is not None and _headers.read(headers) is not None else "1"
                self._settle(keys=self._keys(reservation._windows), args=[reservation._member, marks])
            except self._errors as exc:
                # Its count leaves Redis IN_FLIGHT_BOUND seconds after its send instead.
                self._failed(exc)
        super().settle(reservation, headers)  # the local windows, and observe()

    async def settle_async(self, reservation: Reservation, headers: httpx.Headers | None = None) -> None:
        """``settle`` from a worker thread, so that the event loop never waits for Redis."""
        if isinstance(reservation, _SharedReservation):
            await asyncio.to_thread(self.settle, reservation, headers)
        else:
            super().settle(reservation, headers)

    def observe(self, headers: httpx.Headers, *, answering: Reservation | None = None) -> None:
        """Follow HubSpot's headers locally (for the fallback) and in Redis, for every process."""
        super().observe(headers, answering=answering)
        said = _headers.read(headers)
        if said is None or not self._may_try():
            return
        if self._away_since is not None and not self._back():
            return
        # A request counted locally while Redis was away has no base: ZCARD alone, as before.
        base = answering._shared_base if isinstance(answering, _SharedReservation) else None
        self._tell(said.window, said.remaining, said.daily_remaining, base)

    def _tell(
        self,
        window: tuple[int, float] | None,
        remaining: int | None,
        daily: int | None,
        base: int | None = None,
    ) -> bool:
        """Record in Redis what HubSpot said of the account window and the day; False if Redis is away.

        ``base``: the answered request's, from the acquire script (None: compare with the set now).
        """
        args = [
            _ACCOUNT.name,
            window[0] if window is not None else "",
            window[1] if window is not None else "",
            remaining if remaining is not None else "",
            daily if daily is not None else "",
            DAILY_HOLD,
            LEARNED_TTL,
            *self.config.window(_ACCOUNT.name),
            _headers.PLAUSIBLE_MAX,
            base if base is not None else "",
        ]
        try:
            self._observe(keys=[self._account_set, self._meta, self._account_added], args=args)
        except self._errors as exc:
            self._failed(exc)
            return False
        self._reached()
        return True

    def _after_fork_in_child(self) -> None:
        super()._after_fork_in_child()
        self._state = threading.Lock()


def _without_password(url: str) -> str:
    """The URL as logs and reprs may show it: no password (redis-py has parsed it already)."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port is not None else ""
    return parts._replace(netloc=f"{user}{parts.hostname or ''}{port}").geturl()
