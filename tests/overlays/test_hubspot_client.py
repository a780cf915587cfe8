"""create_client()/HubSpotClient (overlays/hubspot_client.py): token handling, sharing, lifecycle."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import httpx
import pytest

from hubspot_double import (
    READ_SCOPE,
    WRITE_SCOPE,
    AuthConfig,
    DoubleConfig,
    FaultConfig,
    HubSpotDouble,
    RateLimitConfig,
    StoreConfig,
)
from hubspot_partner_clients.api.partner_clients import get_by_id, list_page
from hubspot_partner_clients.errors import HubSpotError, NotFoundError, ServerError
from hubspot_partner_clients.hubspot_client import ConfigurationError, HubSpotClient, create_client
from hubspot_partner_clients.retry import RetryEvent, RetryPolicy, RetryTransport

SECRET = "pat-na1-SECRET-0123456789"
FAST = RetryPolicy(max_attempts=8, initial_delay=0.001, max_delay=0.005)


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(
        store=StoreConfig(objects=20),
        auth=AuthConfig(tokens={SECRET: frozenset({READ_SCOPE, WRITE_SCOPE})}),
        rate_limit=RateLimitConfig(enabled=False),
    )
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture
def fresh(double: HubSpotDouble) -> HubSpotDouble:
    double.reset()
    return double


def test_missing_token_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUBSPOT_ACCESS_TOKEN", raising=False)
    with pytest.raises(ConfigurationError, match=r"token=.*HUBSPOT_ACCESS_TOKEN") as caught:
        create_client()
    assert isinstance(caught.value, ValueError)
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "")
    with pytest.raises(ConfigurationError):
        create_client()


def test_token_from_the_environment(fresh: HubSpotDouble, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", SECRET)
    with create_client(base_url=fresh.base_url) as client:
        assert isinstance(client, HubSpotClient)
        assert list_page.sync(client=client, limit=2).results


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_token_never_shows_in_reprs_logs_or_errors(
    fresh: HubSpotDouble, caplog: pytest.LogCaptureFixture, mode: str
) -> None:
    fresh.faults.configure(FaultConfig(seed=3, rate_500=0.2, rate_drop=0.1, retry_after_seconds=0))
    events: list[RetryEvent] = []
    client = create_client(SECRET, base_url=fresh.base_url, retry=FAST, on_retry=events.append)
    texts = [repr(client), str(client)]
    with caplog.at_level(logging.DEBUG):  # httpx, httpcore and ours, at their chattiest
        if mode == "sync":
            with client:
                for n in range(20):
                    try:
                        get_by_id.sync(f"missing-{n}", client=client)
                    except NotFoundError as error:
                        texts += [str(error), repr(error), repr(error.headers), error.url]
                texts += [repr(client.get_httpx_client()), repr(client.get_httpx_client().headers)]
        else:

            async def main() -> None:
                async with client:
                    for n in range(20):
                        try:
                            await get_by_id.asyncio(f"missing-{n}", client=client)
                        except NotFoundError as error:
                            texts.extend([str(error), repr(error), repr(error.headers), error.url])
                    http = client.get_async_httpx_client()
                    texts.extend([repr(http), repr(http.headers)])

            asyncio.run(main())
    assert len(texts) > 40  # the loop did raise, 20 times
    assert events  # and retries were logged
    assert "retrying get_by_id" in caplog.text
    for text in [*texts, caplog.text]:
        assert SECRET not in text


def test_generated_functions_accept_the_client_sync_and_async(fresh: HubSpotDouble) -> None:
    with create_client(SECRET, base_url=fresh.base_url) as client:
        first = list_page.sync(client=client, limit=1).results[0]
        assert get_by_id.sync(first.id, client=client).id == first.id

    async def main() -> str:
        async with create_client(SECRET, base_url=fresh.base_url) as client:
            return (await get_by_id.asyncio(first.id, client=client)).id

    assert asyncio.run(main()) == first.id


def test_with_options_shares_limiter_and_pool_but_not_policy(fresh: HubSpotDouble) -> None:
    with create_client(SECRET, base_url=fresh.base_url, retry=FAST) as client:
        first = list_page.sync(client=client, limit=1).results[0]
        strict = client.with_options(retry=RetryPolicy(max_attempts=1), timeout=2.0)
        assert strict.limiter is client.limiter
        mine, theirs = client.get_httpx_client()._transport, strict.get_httpx_client()._transport
        assert isinstance(mine, RetryTransport)
        assert isinstance(theirs, RetryTransport)
        assert mine.inner is theirs.inner
        assert strict.get_httpx_client().timeout == httpx.Timeout(2.0)
        fresh.faults.script(503)
        with pytest.raises(ServerError):
            get_by_id.sync(first.id, client=strict)
        fresh.faults.script(503)
        assert get_by_id.sync(first.id, client=client).id == first.id


def test_closing_closes_the_httpx_clients(fresh: HubSpotDouble) -> None:
    with create_client(SECRET, base_url=fresh.base_url) as client:
        list_page.sync(client=client, limit=1)
    assert client.get_httpx_client().is_closed

    async def main() -> HubSpotClient:
        async with create_client(SECRET, base_url=fresh.base_url) as client:
            await list_page.asyncio(client=client, limit=1)
        return client

    assert asyncio.run(main()).get_async_httpx_client().is_closed


def test_a_wrong_token_raises_without_echoing_it(fresh: HubSpotDouble) -> None:
    wrong = "pat-na1-WRONG-TOKEN-987"
    with create_client(wrong, base_url=fresh.base_url) as client, pytest.raises(HubSpotError) as caught:
        list_page.sync(client=client, limit=1)
    assert caught.value.status_code == 401
    assert wrong not in str(caught.value)
    assert wrong not in repr(caught.value)


def test_closing_a_client_that_never_called_is_a_no_op() -> None:
    client = create_client("token", base_url="http://127.0.0.1:9")

    client.close()
    asyncio.run(client.aclose())


def test_with_timeout_returns_a_copy_with_that_timeout() -> None:
    client = create_client("token", base_url="http://127.0.0.1:9", timeout=30.0)
    quick = client.with_timeout(httpx.Timeout(1.0))

    assert quick.get_httpx_client().timeout == httpx.Timeout(1.0)
    assert client.get_httpx_client().timeout == httpx.Timeout(30.0)
    quick.close()
