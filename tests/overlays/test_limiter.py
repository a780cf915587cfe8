"""The client-side rate limiter (overlays/hubspot_partner_clients/limiter.py) against the double."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.api.partner_clients import get_by_id, list_page, search
from hubspot_partner_clients.errors import RateLimitError
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client
from hubspot_partner_clients.limiter import RateLimit, RateLimiter, Reservation
from hubspot_partner_clients.models import PublicObjectSearchRequest
from hubspot_partner_clients.retry import RetryPolicy

# The double's account window and search window: small, so a burst trips them fast.
SERVER = RateLimitConfig(
    max_requests=8, interval_seconds=1.0, search_max_requests=3, search_interval_seconds=1.0
)
MATCHING = RateLimit(max_requests=8, interval=1.0, search_max_requests=3, search_interval=1.0)
# No retries: a 429 would surface as RateLimitError, so "no 429" is visible twice.
NO_RETRY = RetryPolicy(max_attempts=1)
# What a request spends, as the operation table says.
SEARCH_WINDOWS = OPERATIONS.named("search").rate_limit_windows  # type: ignore[union-attr]
DEFAULT_WINDOWS = OPERATIONS.default_windows


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    with HubSpotDouble(DoubleConfig(store=StoreConfig(objects=30), rate_limit=SERVER)) as running:
        yield running


@pytest.fixture(scope="module")
def object_id(double: HubSpotDouble) -> str:
    with create_client(double.token, base_url=double.base_url, rate_limit=MATCHING) as client:
        return list_page.sync(client=client, limit=1).results[0].id


@pytest.fixture
def fresh(double: HubSpotDouble, object_id: str) -> HubSpotDouble:  # noqa: ARG001 - requested so that object_id's own request is made before the reset
    double.reset()
    return double


def _client(double: HubSpotDouble, rate_limit: RateLimit | None) -> HubSpotClient:
    return create_client(double.token, base_url=double.base_url, retry=NO_RETRY, rate_limit=rate_limit)


def _statuses(double: HubSpotDouble) -> list[int]:
    return [r.status for r in double.requests]


def _thread_burst(client: HubSpotClient, object_id: str, calls: int) -> None:
    with client, ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda _: get_by_id.sync(object_id, client=client), range(calls)))


def test_without_the_limiter_a_burst_provokes_429s(fresh: HubSpotDouble, object_id: str) -> None:
    # The control for the tests below: this burst is more than the window allows.
    with pytest.raises(RateLimitError):
        _thread_burst(_client(fresh, None), object_id, 20)
    assert 429 in _statuses(fresh)


def test_a_burst_across_threads_stays_under_the_window(fresh: HubSpotDouble, object_id: str) -> None:
    _thread_burst(_client(fresh, MATCHING), object_id, 20)
    assert _statuses(fresh) == [200] * 20


def test_a_burst_across_asyncio_tasks_stays_under_the_window(fresh: HubSpotDouble, object_id: str) -> None:
    async def main() -> None:
        async with _client(fresh, MATCHING) as client:
            await asyncio.gather(*(get_by_id.asyncio(object_id, client=client) for _ in range(20)))

    asyncio.run(main())
    assert _statuses(fresh) == [200] * 20


def test_threads_and_tasks_share_one_budget(fresh: HubSpotDouble, object_id: str) -> None:
    client = _client(fresh, MATCHING)

    async def tasks() -> None:
        async with client:
            await asyncio.gather(*(get_by_id.asyncio(object_id, client=client) for _ in range(10)))

    with ThreadPoolExecutor(max_workers=1) as runner:
        in_thread = runner.submit(asyncio.run, tasks())
        _thread_burst(client, object_id, 10)
        in_thread.result()
    assert _statuses(fresh) == [200] * 20


def test_search_has_its_own_smaller_budget(fresh: HubSpotDouble) -> None:
    body = PublicObjectSearchRequest(limit=1)

    async def main() -> None:
        async with _client(fresh, MATCHING) as client:
            await asyncio.gather(*(search.asyncio(client=client, body=body) for _ in range(7)))

    asyncio.run(main())
    assert _statuses(fresh) == [200] * 7


# A long account window (nothing leaves it during a test) and a short search window.
EXEMPT_SERVER = RateLimitConfig(
    max_requests=8, interval_seconds=60.0, search_max_requests=4, search_interval_seconds=0.3
)
EXEMPT_CLIENT = RateLimit(max_requests=8, interval=60.0, search_max_requests=4, search_interval=0.3)


@pytest.fixture
def exempt(double: HubSpotDouble) -> Iterator[HubSpotDouble]:
    double.rate_limits.configure(EXEMPT_SERVER)
    double.reset()
    yield double
    double.rate_limits.configure(SERVER)


def _remaining(double: HubSpotDouble) -> int:
    """The account window's budget left, as the double's X-HubSpot-RateLimit-Remaining says."""
    return int(dict(double.rate_limits.headers())[b"x-hubspot-ratelimit-remaining"])


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_searches_spend_no_ten_second_budget(mode: str, exempt: HubSpotDouble, object_id: str) -> None:
    # Twice the search window's worth of searches: paced by the search window alone. Were they also
    # charged to the account window, these 8 would fill it (client and double alike).
    body = PublicObjectSearchRequest(limit=1, filter_groups=[], sorts=[], properties=[])
    client = _client(exempt, EXEMPT_CLIENT)
    assert client.limiter is not None

    async def searches() -> None:
        async with client:
            await asyncio.gather(*(search.asyncio(client=client, body=body) for _ in range(8)))

    if mode == "sync":
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(lambda _: search.sync(client=client, body=body), range(8)))
    else:
        asyncio.run(searches())

    assert _statuses(exempt) == [200] * 8
    assert client.limiter._account.sent == deque()  # the limiter charged none of them to the account
    assert _remaining(exempt) == EXEMPT_SERVER.max_requests  # nor did the double
    # Other calls are not slowed: the whole account window is still there, at once.
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: get_by_id.sync(object_id, client=client), range(8)))
    client.close()
    assert time.monotonic() - started < EXEMPT_CLIENT.interval / 4
    assert _statuses(exempt) == [200] * 16
    assert _remaining(exempt) == 0


def test_rate_limit_headers_tighten_a_loose_configuration(fresh: HubSpotDouble, object_id: str) -> None:
    # Configured far above the account's limit; HubSpot's Max header corrects it.
    loose = RateLimit(max_requests=1000, interval=1.0)
    client = _client(fresh, loose)
    with client:
        for _ in range(20):
            get_by_id.sync(object_id, client=client)
    assert _statuses(fresh) == [200] * 20
    assert client.limiter is not None
    assert client.limiter._account.max_requests == SERVER.max_requests


def test_remaining_header_slows_down_when_others_spend_the_account(
    fresh: HubSpotDouble, object_id: str
) -> None:
    client = _client(fresh, MATCHING)
    with client:
        get_by_id.sync(object_id, client=client)
        # Another process of the same account spends most of the window.
        with httpx.Client(
            base_url=fresh.base_url, headers={"Authorization": f"Bearer {fresh.token}"}
        ) as other:
            for _ in range(5):
                assert other.get(f"/crm/v3/objects/partner_clients/{object_id}").status_code == 200
        # Our limiter counted 1 of 8; the next answer says 1 is left.
        for _ in range(12):
            get_by_id.sync(object_id, client=client)
    assert 429 not in _statuses(fresh)


def test_a_late_answer_books_none_of_our_own_requests_as_others(fresh: HubSpotDouble, object_id: str) -> None:
    # The double fills its Remaining header when it answers; the answer then takes longer than
    # the interval to arrive (DELAY sleeps after the headers are made). By then our seven earlier
    # requests have left this limiter's window -- and the double's, as they came before. Compared
    # with the settle's count instead of the send's, Remaining 0 read as seven requests of others,
    # booked for another interval: the window split that cost bench's bulk figure a sixth second.
    client = _client(fresh, MATCHING)
    limiter = client.limiter
    assert limiter is not None
    with client:
        for _ in range(SERVER.max_requests - 1):
            get_by_id.sync(object_id, client=client)
        fresh.faults.script("delay", path_contains=object_id, delay_seconds=SERVER.interval_seconds + 0.3)
        get_by_id.sync(object_id, client=client)
        assert fresh.requests.all()[-1].fault == "delay"
        # Only the late one counts now (until an interval after its answer): seven may go at once.
        # Not a timing bound: `deadline=now` refuses any wait at all; the booked seven would hold
        # the window full for a whole interval, far longer than these seven lines take.
        granted = [limiter.acquire(DEFAULT_WINDOWS, deadline=time.monotonic()) for _ in range(7)]
        assert None not in granted
        for reservation in granted:
            limiter.settle(reservation)  # type: ignore[arg-type]  # checked just above
    # And nothing was over the double's window (no retries: a 429 would have raised).
    assert _statuses(fresh) == [200] * SERVER.max_requests


def test_limiter_reserves_and_reports_the_wait() -> None:
    limiter = RateLimiter(RateLimit(max_requests=1, interval=10.0, search_max_requests=1))
    first = limiter._reserve(SEARCH_WINDOWS)
    assert isinstance(first, Reservation)
    limiter.settle(first)
    assert 0.0 < _wait(limiter._reserve(SEARCH_WINDOWS)) <= 1.0  # the search window is full
    second = limiter._reserve(DEFAULT_WINDOWS)  # the search spent none of the account window
    assert isinstance(second, Reservation)
    limiter.settle(second)
    assert 9.0 < _wait(limiter._reserve(DEFAULT_WINDOWS)) <= 10.0  # the account window is full
    assert limiter.acquire(DEFAULT_WINDOWS, deadline=0.0) is None
    assert isinstance(limiter._reserve(()), Reservation)  # a request that spends no window never waits
    limiter.observe(httpx.Headers({"x-hubspot-ratelimit-remaining": "garbage"}))  # ignored, no error


def test_the_table_says_search_spends_only_its_own_window() -> None:
    # HubSpot's x-hubspot-rate-limit-exemptions: [ten-secondly] on search, through the pipeline.
    assert SEARCH_WINDOWS == ("search",)
    assert DEFAULT_WINDOWS == ("ten-secondly",)
    assert {o.rate_limit_windows for o in OPERATIONS if o.name != "search"} == {DEFAULT_WINDOWS}
    # RateLimit's defaults are the document's windows.
    window = OPERATIONS.window("ten-secondly")
    assert (RateLimit().max_requests, RateLimit().interval) == (window.max_requests, window.interval)


def test_a_window_the_table_does_not_know_is_refused_clearly() -> None:
    limiter = RateLimiter()
    with pytest.raises(LookupError, match=r"no rate-limit window 'hourly'.*x-rate-limit-windows"):
        limiter.acquire(("hourly",))
    with pytest.raises(TypeError, match="tuple of rate-limit window names"):
        limiter.acquire("search")
    with pytest.raises(LookupError, match=r"no rate-limit window 'hourly'"):
        RateLimit().window("hourly")


def _wait(reserved: Reservation | float) -> float:
    assert not isinstance(reserved, Reservation)
    return reserved


def test_a_request_counts_until_interval_after_its_answer() -> None:
    # HubSpot counts a request when it arrives, somewhere between send and
    # answer: the next one may go only `interval` after the answer.
    limiter = RateLimiter(RateLimit(max_requests=1, interval=0.2))
    limiter.settle(limiter.acquire(DEFAULT_WINDOWS), httpx.Headers())  # type: ignore[arg-type]  # a first answer
    time.sleep(0.2)
    in_flight = limiter._reserve(DEFAULT_WINDOWS)
    assert isinstance(in_flight, Reservation)
    time.sleep(0.3)  # longer than the interval, but not answered yet
    assert _wait(limiter._reserve(DEFAULT_WINDOWS)) == pytest.approx(0.2)
    limiter.settle(in_flight)
    assert 0.15 < _wait(limiter._reserve(DEFAULT_WINDOWS)) <= 0.2
    time.sleep(0.2)
    assert isinstance(limiter._reserve(DEFAULT_WINDOWS), Reservation)


def test_rate_limit_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        RateLimit(max_requests=0)
    with pytest.raises(ValueError, match="positive"):
        RateLimit(interval=0)
