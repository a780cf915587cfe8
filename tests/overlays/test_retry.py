"""Retries (overlays/retry.py) against the HubSpot double, sync and async, plus the pure decision.

Every test that calls an operation runs once per API version (the `api_version` fixture), the
thousand calls under faults too; the two tests of the limiter's timing (seconds each, and about the
limiter rather than the operation) spread the versions over their modes instead
(tests/_versions.py's `spread`).
"""

from __future__ import annotations

import asyncio
import email.utils
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from hubspot_double import DoubleConfig, FaultConfig, FaultKind, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import errors as errors_module
from hubspot_partner_clients import retry as retry_module
from hubspot_partner_clients.api.partner_clients import list_page
from hubspot_partner_clients.errors import HubSpotTimeoutError, RateLimitError, ServerError
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client
from hubspot_partner_clients.limiter import RateLimit
from hubspot_partner_clients.retry import (
    AsyncRetryTransport,
    RetryEvent,
    RetryPolicy,
    RetryTransport,
    _AttemptOutcome,
    _decide,
)
from tests._versions import ApiVersion, spread

# Tiny waits: tests may shorten the backoff, never change the logic.
FAST = RetryPolicy(max_attempts=8, initial_delay=0.001, max_delay=0.005)
# An unknown operation: POST, so not idempotent.
CREATE = "/batch/create"
CREATE_PATH = "/crm/v3/objects/partner_clients" + CREATE
MODES = ["sync", "async"]


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=120), rate_limit=RateLimitConfig(enabled=False))
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture(scope="module")
def ids(double: HubSpotDouble) -> list[str]:
    with create_client(double.token, base_url=double.base_url, rate_limit=None) as client:
        return [o.id for o in list_page.sync(client=client, limit=100).results]


@pytest.fixture
def fresh(double: HubSpotDouble, ids: list[str]) -> HubSpotDouble:  # noqa: ARG001 - requested so that ids's own request is made before the reset
    double.reset()
    return double


def _client(double: HubSpotDouble, events: list[RetryEvent], policy: RetryPolicy = FAST) -> HubSpotClient:
    return create_client(
        double.token,
        base_url=double.base_url,
        retry=policy,
        rate_limit=None,
        timeout=httpx.Timeout(5.0, read=READ_TIMEOUT),
        on_retry=events.append,
    )


def _get(mode: str, api_version: ApiVersion, client: HubSpotClient, object_id: str) -> str:
    """Read one object through the version's sync or asyncio function; its id."""
    get_by_id = api_version.op("get_by_id")
    if mode == "sync":
        with client:
            return str(get_by_id.sync(object_id, client=client).id)

    async def main() -> str:
        async with client:
            return str((await get_by_id.asyncio(object_id, client=client)).id)

    return asyncio.run(main())


# Short enough to keep the delay faults cheap; long enough that a busy machine
# rarely times out on its own (the assertions below allow for it when it does).
READ_TIMEOUT = 0.5

TWENTY_PERCENT = FaultConfig(
    seed=7,
    rate_429=0.03,
    rate_500=0.03,
    rate_502=0.03,
    rate_503=0.03,
    rate_504=0.02,
    rate_drop=0.02,
    rate_delay=0.02,
    rate_truncate=0.02,
    delay_seconds=1.0,  # past the read timeout
    retry_after_seconds=0,
)


def _assert_one_retry_per_fault(double: HubSpotDouble, events: list[RetryEvent]) -> None:
    """Every injected fault cost exactly one retry, and nothing but a read timeout did otherwise.

    A response that is merely slow on a loaded machine times out like an
    injected delay does, and is retried as it should be: so read timeouts are
    at least the injected delays, every other kind of retry matches its fault.
    """
    injected = [kind for _method, _path, kind in double.faults.injected]
    assert len(injected) > 150  # about 20% of ~1,200 requests
    delays = sum(kind is FaultKind.DELAY for kind in injected)
    timeouts = sum(e.error == "ReadTimeout" for e in events)
    assert len(events) - timeouts == len(injected) - delays
    assert timeouts >= delays


def _batch(api_version: ApiVersion, chunk: list[str]) -> Any:
    models = api_version.models
    return models.BatchReadInputSimplePublicObjectId(
        inputs=[models.SimplePublicObjectId(id=i) for i in chunk], properties=[], properties_with_history=[]
    )


def _assert_sent_through(double: HubSpotDouble, api_version: ApiVersion) -> None:
    """Every request the double saw went to the version's paths."""
    assert double.requests.all()
    assert all(r.path.startswith(api_version.prefix) for r in double.requests.all())


def test_thousand_calls_with_twenty_percent_faults_all_succeed_sync(
    fresh: HubSpotDouble, ids: list[str], api_version: ApiVersion
) -> None:
    fresh.requests.clear()
    batch_read, get_by_id = api_version.op("batch_read"), api_version.op("get_by_id")
    fresh.faults.configure(TWENTY_PERCENT)
    events: list[RetryEvent] = []

    def one(n: int, client: HubSpotClient) -> None:
        if n % 10 == 0:  # an idempotent POST too
            chunk = ids[n % 90 : n % 90 + 5]
            got = batch_read.sync(client=client, body=_batch(api_version, chunk))
            assert sorted(o.id for o in got.results) == sorted(chunk)
        else:
            wanted = ids[n % len(ids)]
            assert get_by_id.sync(wanted, client=client).id == wanted

    # Threads share the client (and a sync round trip to the in-process
    # double is slow enough that one thread would make this test crawl).
    with _client(fresh, events) as client, ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(one, range(1000), [client] * 1000))
    _assert_one_retry_per_fault(fresh, events)
    _assert_sent_through(fresh, api_version)
    assert {e.status for e in events} >= {429, 500, 502, 503, 504, 200, None}
    assert {e.error for e in events} >= {"ReadTimeout", "RemoteProtocolError"}


def test_thousand_calls_with_twenty_percent_faults_all_succeed_async(
    fresh: HubSpotDouble, ids: list[str], api_version: ApiVersion
) -> None:
    fresh.faults.configure(TWENTY_PERCENT)
    get_by_id = api_version.op("get_by_id")
    events: list[RetryEvent] = []

    async def main() -> None:
        async with _client(fresh, events) as client:
            semaphore = asyncio.Semaphore(20)

            async def one(n: int) -> None:
                async with semaphore:
                    wanted = ids[n % len(ids)]
                    assert (await get_by_id.asyncio(wanted, client=client)).id == wanted

            await asyncio.gather(*(one(n) for n in range(1000)))

    asyncio.run(main())
    _assert_one_retry_per_fault(fresh, events)
    _assert_sent_through(fresh, api_version)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_daily_429_raises_at_once_without_sleeping(
    fresh: HubSpotDouble, ids: list[str], mode: str, api_version: ApiVersion
) -> None:
    fresh.faults.script("429_daily")
    events: list[RetryEvent] = []
    client = _client(fresh, events)
    with pytest.raises(RateLimitError) as caught:
        _get(mode, api_version, client, ids[0])
    assert caught.value.is_daily
    assert caught.value.policy_name == "DAILY"
    assert events == []  # no retry, so no wait
    assert len(fresh.requests) == 1
    _assert_sent_through(fresh, api_version)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_retry_honours_retry_after(
    fresh: HubSpotDouble, ids: list[str], mode: str, api_version: ApiVersion
) -> None:
    fresh.faults.script(429, retry_after=1)
    events: list[RetryEvent] = []
    # A backoff of at most 5 ms: a 1 s wait can only come from Retry-After.
    assert _get(mode, api_version, _client(fresh, events), ids[0]) == ids[0]
    assert [(e.status, e.wait, e.operation, e.attempt) for e in events] == [(429, 1.0, "get_by_id", 1)]
    assert events[0].correlation_id is not None
    assert len(events[0].correlation_id) == 36  # HubSpot's uuid, from the 429 body
    assert [r.status for r in fresh.requests] == [429, 200]
    _assert_sent_through(fresh, api_version)


def test_a_retry_after_beyond_the_deadline_gives_up_at_once(
    fresh: HubSpotDouble, ids: list[str], api_version: ApiVersion
) -> None:
    fresh.faults.script(429, retry_after=30)
    events: list[RetryEvent] = []
    with _client(fresh, events, RetryPolicy(deadline=5.0)) as client, pytest.raises(RateLimitError) as caught:
        api_version.op("get_by_id").sync(ids[0], client=client)
    assert caught.value.retry_after == 30
    assert events == []
    assert len(fresh.requests) == 1


def test_the_last_error_is_raised_when_attempts_run_out(
    fresh: HubSpotDouble, ids: list[str], api_version: ApiVersion
) -> None:
    fresh.faults.script(503, times=3)
    events: list[RetryEvent] = []
    get_by_id = api_version.op("get_by_id")
    with _client(fresh, events, RetryPolicy(max_attempts=3, initial_delay=0.001)) as client:
        with pytest.raises(ServerError) as caught:
            get_by_id.sync(ids[0], client=client)
        assert caught.value.status_code == 503
        assert [e.attempt for e in events] == [1, 2]
        assert get_by_id.sync(ids[0], client=client).id == ids[0]
    _assert_sent_through(fresh, api_version)


def _raw_client(double: HubSpotDouble, events: list[RetryEvent]) -> httpx.Client:
    transport = RetryTransport(httpx.HTTPTransport(), policy=FAST, on_retry=events.append)
    return httpx.Client(
        base_url=double.base_url,
        transport=transport,
        headers={"Authorization": f"Bearer {double.token}"},
        timeout=httpx.Timeout(5.0, read=READ_TIMEOUT),
    )


@pytest.mark.parametrize("fault", [503, 429, "drop", "truncate"])
def test_non_idempotent_request_is_not_retried_once_it_reached_the_server(
    fresh: HubSpotDouble, fault: int | str, api_version: ApiVersion
) -> None:
    fresh.faults.script(fault, path_contains=CREATE)
    events: list[RetryEvent] = []
    with _raw_client(fresh, events) as http:
        try:
            response = http.post(api_version.path(CREATE), json={"inputs": []})
        except httpx.RemoteProtocolError:
            assert fault == "drop"
        else:
            assert response.status_code != 200 or fault == "truncate"
    assert events == []
    assert len(fresh.requests) == 1
    # The same fault on an idempotent POST is retried.
    fresh.faults.script(fault, path_contains="/batch/read", retry_after=0)
    with _raw_client(fresh, events) as http:
        answer = http.post(
            api_version.path("/batch/read"),
            json={"inputs": [], "properties": [], "propertiesWithHistory": []},
        )
    assert answer.status_code == 200
    assert [e.operation for e in events] == ["batch_read"]
    _assert_sent_through(fresh, api_version)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_non_idempotent_request_is_retried_when_it_never_left() -> None:
    events: list[RetryEvent] = []
    transport = RetryTransport(
        httpx.HTTPTransport(), policy=RetryPolicy(max_attempts=3, initial_delay=0.001), on_retry=events.append
    )
    with httpx.Client(transport=transport) as http, pytest.raises(httpx.ConnectError):
        http.post(f"http://127.0.0.1:{_closed_port()}{CREATE_PATH}", json={})
    assert [(e.operation, e.error, e.attempt) for e in events] == [
        (f"POST {CREATE_PATH}", "ConnectError", 1),
        (f"POST {CREATE_PATH}", "ConnectError", 2),
    ]


def test_async_non_idempotent_request_is_not_retried_after_a_status(
    fresh: HubSpotDouble, api_version: ApiVersion
) -> None:
    fresh.faults.script(502, path_contains=CREATE)
    events: list[RetryEvent] = []

    async def main() -> int:
        transport = AsyncRetryTransport(httpx.AsyncHTTPTransport(), policy=FAST, on_retry=events.append)
        async with httpx.AsyncClient(base_url=fresh.base_url, transport=transport) as http:
            return (await http.post(api_version.path(CREATE), json={})).status_code

    assert asyncio.run(main()) == 502
    assert events == []
    assert len(fresh.requests) == 1


def test_retried_responses_are_closed_so_one_connection_suffices(
    fresh: HubSpotDouble, ids: list[str], api_version: ApiVersion
) -> None:
    fresh.faults.script(503, times=5)
    events: list[RetryEvent] = []
    # A pool of one connection and no waiting for it: a leaked response would
    # keep the connection and fail the next attempt with PoolTimeout.
    inner = httpx.HTTPTransport(limits=httpx.Limits(max_connections=1))
    with create_client(
        fresh.token,
        base_url=fresh.base_url,
        retry=RetryPolicy(max_attempts=8, initial_delay=0.001, max_delay=0.002),
        rate_limit=None,
        timeout=httpx.Timeout(5.0, pool=0.05),
        on_retry=events.append,
        httpx_args={"transport": inner},
    ) as client:
        assert api_version.op("get_by_id").sync(ids[0], client=client).id == ids[0]
    assert [e.status for e in events] == [503] * 5
    _assert_sent_through(fresh, api_version)


def test_request_body_is_resent_identically(
    fresh: HubSpotDouble, ids: list[str], api_version: ApiVersion
) -> None:
    fresh.faults.script(500, times=2)
    events: list[RetryEvent] = []
    with _client(fresh, events) as client:
        api_version.op("batch_read").sync(client=client, body=_batch(api_version, ids[:3]))
    bodies = [r.body for r in fresh.requests]
    assert len(bodies) == 3
    assert bodies[0] == bodies[1] == bodies[2]
    assert bodies[0]
    _assert_sent_through(fresh, api_version)


# --- the pure decision -------------------------------------------------------


def _status(
    status: int, headers: dict[str, str] | None = None, body: dict[str, str] | None = None
) -> _AttemptOutcome:
    return _AttemptOutcome(status=status, headers=httpx.Headers(headers or {}), body=body)


def _decide_now(outcome: _AttemptOutcome, *, idempotent: bool = True, attempt: int = 1) -> float | None:
    return _decide(FAST, attempt=attempt, idempotent=idempotent, outcome=outcome, remaining=60.0)


def test_decision_never_retries_other_4xx_or_daily() -> None:
    for status in (400, 401, 403, 404, 409, 422):
        assert _decide_now(_status(status)) is None
    assert _decide_now(_status(429, body={"policyName": "DAILY"})) is None
    assert _decide_now(_status(200)) is None


def test_decision_429_waits_retry_after_seconds_or_date_or_interval() -> None:
    assert _decide_now(_status(429, {"Retry-After": "3"})) == 3.0
    soon = email.utils.formatdate(time.time() + 20, usegmt=True)
    wait = _decide_now(_status(429, {"Retry-After": soon}))
    assert wait is not None
    assert 18.0 <= wait <= 20.0
    assert _decide_now(_status(429, {"X-HubSpot-RateLimit-Interval-Milliseconds": "10000"})) == 10.0
    assert (
        _decide(
            FAST,
            attempt=1,
            idempotent=True,
            outcome=_status(429, {"Retry-After": "3"}),
            remaining=2.0,
        )
        is None
    )


def test_decision_backoff_is_full_jitter_capped() -> None:
    policy = RetryPolicy(max_attempts=50, initial_delay=1.0, max_delay=8.0, multiplier=2.0)
    waits = [
        _decide(policy, attempt=n, idempotent=True, outcome=_status(503), remaining=1e9) for n in range(1, 40)
    ]
    assert all(w is not None and 0.0 <= w <= min(8.0, 2.0 ** (n - 1)) for n, w in enumerate(waits, start=1))
    assert max(w for w in waits if w is not None) > 4.0  # not all squeezed to the floor


def test_decision_attempts_and_idempotency() -> None:
    assert _decide_now(_status(503), attempt=8) is None
    assert _decide_now(_status(503), idempotent=False) is None
    request = httpx.Request("POST", "http://x")

    def failed(error: type[httpx.TransportError]) -> _AttemptOutcome:
        return _AttemptOutcome(error=error("no", request=request))

    assert _decide_now(failed(httpx.ConnectError), idempotent=False) is not None
    assert _decide_now(failed(httpx.PoolTimeout), idempotent=False) is not None
    assert _decide_now(failed(httpx.ReadTimeout), idempotent=False) is None
    assert _decide_now(failed(httpx.ReadTimeout)) is not None
    assert _decide_now(failed(httpx.UnsupportedProtocol)) is None
    assert _decide_now(_AttemptOutcome(status=200, broken_body=True), idempotent=False) is None
    assert _decide_now(_AttemptOutcome(status=200, broken_body=True)) is not None


def test_policy_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError, match="multiplier"):
        RetryPolicy(multiplier=0.5)


def test_a_malformed_interval_header_falls_back_to_backoff() -> None:
    wait = _decide_now(_status(429, {"X-HubSpot-RateLimit-Interval-Milliseconds": "soon"}))
    assert wait is not None
    assert 0.0 <= wait <= FAST.max_delay


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_failing_on_retry_hook_is_logged_and_the_call_still_succeeds(
    fresh: HubSpotDouble, ids: list[str], mode: str, caplog: pytest.LogCaptureFixture, api_version: ApiVersion
) -> None:
    fresh.faults.script(503)
    calls: list[RetryEvent] = []

    def broken_hook(event: RetryEvent) -> None:
        calls.append(event)
        raise RuntimeError("metrics backend is down")

    client = create_client(
        fresh.token, base_url=fresh.base_url, retry=FAST, rate_limit=None, on_retry=broken_hook
    )
    with caplog.at_level("ERROR", logger="hubspot_partner_clients"):
        assert _get(mode, api_version, client, ids[0]) == ids[0]
    assert [e.status for e in calls] == [503]
    assert any("on_retry hook failed" in r.getMessage() for r in caplog.records)
    assert [r.status for r in fresh.requests] == [503, 200]


def test_a_retry_that_the_limiter_cannot_fit_before_the_deadline_returns_the_last_answer(
    fresh: HubSpotDouble, ids: list[str], api_version: ApiVersion
) -> None:
    fresh.faults.script(503)
    policy = RetryPolicy(max_attempts=3, initial_delay=0.001, max_delay=0.005, deadline=0.5)
    # One request a minute: the retry's slot lies past the call's deadline.
    client = create_client(
        fresh.token,
        base_url=fresh.base_url,
        retry=policy,
        rate_limit=RateLimit(max_requests=1, interval=60.0),
    )
    started = time.monotonic()
    with client, pytest.raises(ServerError):
        api_version.op("get_by_id").sync(ids[0], client=client)
    assert time.monotonic() - started < 30  # it gave up; it did not wait for the window
    assert [r.status for r in fresh.requests] == [503]


def _two_gets(
    mode: str, api_version: ApiVersion, client: HubSpotClient, object_id: str
) -> BaseException | None:
    """Two reads in a row through one client; what the second raised (None if nothing)."""
    get_by_id = api_version.op("get_by_id")

    def second_sync() -> None:
        get_by_id.sync(object_id, client=client)

    async def main() -> BaseException | None:
        async with client:
            await get_by_id.asyncio(object_id, client=client)
            try:
                await get_by_id.asyncio(object_id, client=client)
            except HubSpotTimeoutError as exc:
                return exc
            return None

    if mode == "async":
        return asyncio.run(main())
    with client:
        get_by_id.sync(object_id, client=client)
        try:
            second_sync()
        except HubSpotTimeoutError as exc:
            return exc
    return None


@pytest.mark.parametrize(("mode", "api_version"), spread(MODES))
def test_a_first_attempt_the_limiter_would_hold_past_the_deadline_is_never_sent(
    fresh: HubSpotDouble, ids: list[str], mode: str, api_version: ApiVersion
) -> None:
    # One request per 2 s, a 1 s deadline: the second call's slot lies past its deadline.
    # It is not sent (it used to be, after the wait, and its answer thrown away as a timeout).
    client = create_client(
        fresh.token,
        base_url=fresh.base_url,
        retry=RetryPolicy(deadline=1.0),
        rate_limit=RateLimit(max_requests=1, interval=2.0),
    )
    started = time.monotonic()
    error = _two_gets(mode, api_version, client, ids[0])
    assert isinstance(error, HubSpotTimeoutError), error
    assert error.request_sent is False
    assert "not sent" in str(error)
    assert time.monotonic() - started < 0.9  # at once: no wait it could not use
    assert [r.status for r in fresh.requests] == [200]


@pytest.mark.parametrize(("mode", "api_version"), spread(MODES))
def test_an_attempts_timeouts_are_what_is_left_after_its_limiter_wait(
    fresh: HubSpotDouble, ids: list[str], mode: str, api_version: ApiVersion
) -> None:
    # One request per second, a 2 s deadline: the second call waits about 1 s in the
    # limiter, then its answer is held 5 s. Its read timeout is the second left, not the
    # 2 s there were before the wait, so the call ends at its deadline.
    client = create_client(
        fresh.token,
        base_url=fresh.base_url,
        retry=RetryPolicy(max_attempts=1, deadline=2.0),
        rate_limit=RateLimit(max_requests=1, interval=1.0),
        timeout=httpx.Timeout(30.0),
    )
    # The first script that matches is taken: the first read is answered at once.
    fresh.faults.script("delay", times=1, path_contains="/partner_clients/", delay_seconds=0.0)
    fresh.faults.script("delay", times=1, path_contains="/partner_clients/", delay_seconds=5.0)
    started = time.monotonic()
    error = _two_gets(mode, api_version, client, ids[0])
    elapsed = time.monotonic() - started
    assert isinstance(error, HubSpotTimeoutError), error
    assert error.request_sent is True
    assert 1.8 < elapsed < 2.6, elapsed  # with the timeouts fixed before the wait: about 3 s


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_base_url_with_a_path_prefix_still_finds_the_operation(mode: str, api_version: ApiVersion) -> None:
    # A gateway that serves HubSpot under a path: the prefix is stripped before the
    # operation is looked up, so batch_read (a POST that is idempotent) is still retried.
    # No real server mounts the API under a prefix, so this one uses httpx's MockTransport.
    answers = iter([httpx.Response(503), httpx.Response(200, json=BATCH_ANSWER)])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return next(answers)

    events: list[RetryEvent] = []
    transports = {"transport": httpx.MockTransport(handler), "async_transport": httpx.MockTransport(handler)}
    client = create_client(
        "token",
        base_url="https://gateway.example/hubspot/",
        retry=FAST,
        rate_limit=None,
        on_retry=events.append,
        httpx_args=transports,
    )
    body = _batch(api_version, ["1"])
    batch_read = api_version.op("batch_read")

    async def read_async() -> Any:
        async with client:
            return await batch_read.asyncio(client=client, body=body)

    if mode == "sync":
        with client:
            result = batch_read.sync(client=client, body=body)
    else:
        result = asyncio.run(read_async())
    assert result is not None
    assert seen == ["/hubspot" + api_version.path("/batch/read")] * 2
    assert [(e.operation, e.status) for e in events] == [("batch_read", 503)]


BATCH_ANSWER = {
    "status": "COMPLETE",
    "results": [
        {
            "id": "1",
            "properties": {},
            "createdAt": "2026-01-01T00:00:00Z",
            "updatedAt": "2026-01-01T00:00:00Z",
            "archived": False,
        }
    ],
    "startedAt": "2026-01-01T00:00:00Z",
    "completedAt": "2026-01-01T00:00:01Z",
}


def test_the_retry_and_the_error_agree_on_what_was_never_sent() -> None:
    # One tuple: what the retry resends whatever the operation is what the error calls unsent.
    assert vars(retry_module)["_NEVER_SENT"] is errors_module._NEVER_SENT  # imported, not redefined
