"""The limiter follows the windows HubSpot's X-HubSpot-RateLimit-* headers state, and the daily budget.

Each header combination through a real call. The double always sends headers that hold together,
so the malformed and disagreeing ones come from an httpx.MockTransport (a real server cannot be
made to send them); the windows a real server states, and the daily budget, from the double.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import _ratelimit_headers as _headers
from hubspot_partner_clients import bulk_update
from hubspot_partner_clients import limiter as limiter_module
from hubspot_partner_clients.api.partner_clients import get_by_id
from hubspot_partner_clients.errors import RateLimitError
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client
from hubspot_partner_clients.limiter import RateLimit, RateLimiter

OBJECT = {
    "id": "1",
    "properties": {},
    "createdAt": "2024-01-01T00:00:00Z",
    "updatedAt": "2024-01-01T00:00:00Z",
    "archived": False,
}
CONFIGURED = RateLimit(max_requests=100, interval=10.0)


def _mock_client(headers: dict[str, str], sent: list[httpx.Request] | None = None) -> HubSpotClient:
    def answer(request: httpx.Request) -> httpx.Response:
        if sent is not None:
            sent.append(request)
        return httpx.Response(200, json=OBJECT, headers=headers)

    return create_client(
        "t",
        base_url="https://api.example",
        rate_limit=CONFIGURED,
        httpx_args={
            "transport": httpx.MockTransport(answer),
            "async_transport": httpx.MockTransport(answer),
        },
    )


def _window(client: HubSpotClient) -> tuple[int, float]:
    assert client.limiter is not None
    return client.limiter._account.max_requests, client.limiter._account.interval


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


COHERENT = {
    "a larger window than configured": (
        {"X-HubSpot-RateLimit-Max": "190", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"},
        (190, 10.0),
    ),
    "a smaller one, shorter": (
        {"X-HubSpot-RateLimit-Max": "20", "X-HubSpot-RateLimit-Interval-Milliseconds": "1000"},
        (20, 1.0),
    ),
    "a window that looks faster on average but is smaller": (
        {"X-HubSpot-RateLimit-Max": "15", "X-HubSpot-RateLimit-Interval-Milliseconds": "1000"},
        (15, 1.0),
    ),
    "remaining only": ({"X-HubSpot-RateLimit-Remaining": "99"}, (100, 10.0)),
    "daily only": (
        {"X-HubSpot-RateLimit-Daily": "250000", "X-HubSpot-RateLimit-Daily-Remaining": "7"},
        (100, 10.0),
    ),
    "none": ({}, (100, 10.0)),
}


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", list(COHERENT))
def test_the_account_window_is_what_hubspot_states(
    case: str, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    headers, window = COHERENT[case]
    client = _mock_client(headers)
    if mode == "sync":
        with client:
            assert get_by_id.sync("1", client=client).id == "1"
    else:

        async def call() -> None:
            async with client:
                assert (await get_by_id.asyncio("1", client=client)).id == "1"

        asyncio.run(call())
    assert _window(client) == window
    assert _warnings(caplog) == []


MALFORMED = {
    "max without interval": ({"X-HubSpot-RateLimit-Max": "20"}, "must come together"),
    "interval without max": ({"X-HubSpot-RateLimit-Interval-Milliseconds": "1000"}, "must come together"),
    "not a number": (
        {"X-HubSpot-RateLimit-Max": "twenty", "X-HubSpot-RateLimit-Interval-Milliseconds": "1000"},
        "not a whole number",
    ),
    "negative": (
        {"X-HubSpot-RateLimit-Max": "20", "X-HubSpot-RateLimit-Interval-Milliseconds": "-1000"},
        "negative",
    ),
    "a window of zero": (
        {"X-HubSpot-RateLimit-Max": "0", "X-HubSpot-RateLimit-Interval-Milliseconds": "1000"},
        "admits nothing",
    ),
    "more remaining than the window": (
        {
            "X-HubSpot-RateLimit-Max": "20",
            "X-HubSpot-RateLimit-Interval-Milliseconds": "1000",
            "X-HubSpot-RateLimit-Remaining": "50",
        },
        "more than",
    ),
    "remaining beside a garbled window": (
        {
            "X-HubSpot-RateLimit-Max": "many",
            "X-HubSpot-RateLimit-Interval-Milliseconds": "1000",
            "X-HubSpot-RateLimit-Remaining": "0",
        },
        "not a whole number",
    ),
    "remaining garbled": ({"X-HubSpot-RateLimit-Remaining": "1.5"}, "not a whole number"),
    "more left today than the day holds": (
        {"X-HubSpot-RateLimit-Daily": "10", "X-HubSpot-RateLimit-Daily-Remaining": "0x20"},
        "not a whole number",
    ),
    "an implausible window": (
        {
            "X-HubSpot-RateLimit-Max": "2000000",
            "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
            "X-HubSpot-RateLimit-Remaining": "0",
        },
        "implausible",
    ),
    "daily remaining above daily": (
        {"X-HubSpot-RateLimit-Daily": "10", "X-HubSpot-RateLimit-Daily-Remaining": "11"},
        "more than",
    ),
}


def test_the_headers_are_found_in_any_case_and_a_repeated_one_is_read_as_both_values() -> None:
    said = _headers.read(
        httpx.Headers(
            [
                ("Content-Type", "application/json"),
                ("x-HUBSPOT-ratelimit-MAX", "20"),
                ("X-HubSpot-RateLimit-Interval-Milliseconds", "1000"),
                ("X-HubSpot-RateLimit-Remaining", " 7 "),
                ("X-HubSpot-RateLimit-Daily-Remaining", "5"),
                ("X-HubSpot-RateLimit-Daily-Remaining", "6"),  # a proxy repeated it
            ]
        )
    )
    assert said is not None
    assert said.window == (20, 1.0)
    assert said.remaining == 7
    # Repeated, it is "5, 6" as Headers.get joins it: no whole number, so left out and named.
    assert said.daily_remaining is None
    assert said.problem is not None
    assert "'5, 6' is not a whole number" in said.problem
    assert _headers.read(httpx.Headers({"X-HubSpot-Correlation-Id": "x", "X-Other": "1"})) is None


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_or_disagreeing_headers_are_ignored_with_one_warning(
    case: str, caplog: pytest.LogCaptureFixture
) -> None:
    headers, said = MALFORMED[case]
    client = _mock_client(headers)
    with client:
        for _ in range(5):
            assert get_by_id.sync("1", client=client).id == "1"  # never a failed call
    warnings = _warnings(caplog)
    assert len(warnings) == 1, warnings
    assert said in warnings[0]
    # What was garbled is left out; the window is the one the limiter knew.
    window = _window(client)
    assert window in {(100, 10.0), (20, 1.0)}
    assert client.limiter is not None
    if case in {"remaining beside a garbled window", "an implausible window"}:  # its Remaining: not booked
        assert len(client.limiter._account.sent) == 5
    if case == "more remaining than the window":
        assert window == (20, 1.0)  # the window itself held together
        assert client.limiter is not None
        assert len(client.limiter._account.sent) == 5
    if "daily" in case or "today" in case:
        assert client.limiter is not None
        assert client.limiter._daily_remaining is None


def test_remaining_is_counted_in_the_stated_window_never_beyond_it() -> None:
    # Others of the account spent 17 of the 20 this second: the limiter books 17 more, not 80.
    headers = {
        "X-HubSpot-RateLimit-Max": "20",
        "X-HubSpot-RateLimit-Interval-Milliseconds": "1000",
        "X-HubSpot-RateLimit-Remaining": "2",
    }
    client = _mock_client(headers)
    with client:
        get_by_id.sync("1", client=client)
    assert client.limiter is not None
    assert len(client.limiter._account.sent) == 18  # ours and 17 seen: the window's 20 less 2
    client.limiter.observe(httpx.Headers({**headers, "X-HubSpot-RateLimit-Remaining": "0"}))
    assert len(client.limiter._account.sent) == 20  # never more than the window holds
    # And the booked requests leave with the stated interval, not the configured 10 s.
    time.sleep(1.05)
    assert client.limiter._reserve(("ten-secondly",)) is not None
    assert client.limiter._account.wait(time.monotonic()) == 0.0


def test_one_observation_books_at_most_plausible_max_requests_of_others() -> None:
    # A window configured that large (HubSpot's headers cannot state one: see above) and
    # nothing left of it: the limiter books PLAUSIBLE_MAX requests of others, not two million.
    limiter = RateLimiter(RateLimit(max_requests=2_000_000, interval=10.0))
    started = time.monotonic()
    limiter.observe(httpx.Headers({"X-HubSpot-RateLimit-Remaining": "0"}))
    assert len(limiter._account.sent) == _headers.PLAUSIBLE_MAX
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_at_zero_daily_remaining_calls_raise_the_daily_error_without_sending(mode: str) -> None:
    sent: list[httpx.Request] = []
    client = _mock_client(
        {"X-HubSpot-RateLimit-Daily": "250000", "X-HubSpot-RateLimit-Daily-Remaining": "0"}, sent
    )

    async def call() -> None:
        async with client:
            await get_by_id.asyncio("1", client=client)
            with pytest.raises(RateLimitError) as raised:
                await get_by_id.asyncio("1", client=client)
            assert raised.value.is_daily

    if mode == "sync":
        with client:
            get_by_id.sync("1", client=client)  # answered: nothing left today
            for _ in range(3):
                with pytest.raises(RateLimitError) as raised:
                    get_by_id.sync("1", client=client)
                assert raised.value.is_daily
                assert "daily" in str(raised.value).lower()
    else:
        asyncio.run(call())
    assert len(sent) == 1


def test_after_the_hold_one_request_asks_whether_the_day_reset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limiter_module, "DAILY_HOLD", 0.2)
    limiter = RateLimiter()
    limiter.observe(httpx.Headers({"X-HubSpot-RateLimit-Daily-Remaining": "0"}))
    with pytest.raises(limiter_module.DailyLimitReached):
        limiter.acquire()
    time.sleep(0.25)
    asking = limiter.acquire()  # the hold is over: one goes
    assert asking is not None
    with pytest.raises(limiter_module.DailyLimitReached):
        limiter.acquire()  # the others wait for its answer
    limiter.settle(asking, httpx.Headers({"X-HubSpot-RateLimit-Daily-Remaining": "249999"}))
    assert limiter.acquire() is not None


def test_the_daily_budget_from_the_double() -> None:
    config = DoubleConfig(store=StoreConfig(objects=5), rate_limit=RateLimitConfig(daily_limit=3))
    with HubSpotDouble(config) as double, create_client(double.token, base_url=double.base_url) as client:
        wanted = str(1_000_001)
        for _ in range(3):
            assert get_by_id.sync(wanted, client=client).id == wanted
        with pytest.raises(RateLimitError) as raised:
            get_by_id.sync(wanted, client=client)
        assert raised.value.is_daily
        assert [r.status for r in double.requests] == [200, 200, 200]  # the fourth never left


# The window the users met: 20 per second, stated in the headers only.
TWENTY = RateLimitConfig(max_requests=20, interval_seconds=1.0)


@pytest.fixture(scope="module")
def twenty() -> Iterator[HubSpotDouble]:
    with HubSpotDouble(
        DoubleConfig(store=StoreConfig(objects=10_000, archived_every=0), rate_limit=TWENTY)
    ) as running:
        yield running


def test_bulk_update_with_defaults_follows_a_twenty_per_second_window(twenty: HubSpotDouble) -> None:
    # The timing (within 1.10x of the window's floor) is `nox -s bench`'s bulk_defaults figure.
    twenty.reset()
    inputs = [{"id": str(1_000_001 + i), "properties": {"partner_notes": f"#{i}"}} for i in range(10_000)]
    with create_client(twenty.token, base_url=twenty.base_url) as client:
        result = bulk_update(client, inputs)
    assert result.succeeded == 10_000
    assert 429 not in [r.status for r in twenty.requests]


def test_200_tasks_and_16_threads_on_one_client_with_defaults(twenty: HubSpotDouble) -> None:
    twenty.reset()
    client = create_client(twenty.token, base_url=twenty.base_url)
    wanted = [str(1_000_001 + i) for i in range(200)]
    got: list[str] = []
    lock = threading.Lock()

    async def tasks() -> None:
        async with client:
            answers = await asyncio.gather(*(get_by_id.asyncio(i, client=client) for i in wanted))
        with lock:
            got.extend(a.id for a in answers)

    def thread(i: int) -> None:
        answer = get_by_id.sync(wanted[i], client=client)
        with lock:
            got.append(answer.id)

    with ThreadPoolExecutor(max_workers=17) as pool:
        in_loop = pool.submit(asyncio.run, tasks())
        threads = [pool.submit(thread, i) for i in range(16) for _ in range(3)]
        in_loop.result()
        for t in threads:
            t.result()
    client.close()
    assert sorted(got) == sorted(wanted + [wanted[i] for i in range(16) for _ in range(3)])
    statuses = [r.status for r in twenty.requests]
    assert statuses.count(429) == 0
    assert len(statuses) == 248
