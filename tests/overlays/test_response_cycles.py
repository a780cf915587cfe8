"""A call through the SDK leaves no reference cycle behind: its answer is freed when it is dropped.

httpx's client binds every response's stream to the response itself, a cycle that only the cyclic
garbage collector frees (see ``_responses.py``). These tests make real calls to the double on
loopback (successes, a list page, an error answer, a call the limiter refuses; sync and async)
with the collector saving what it finds, and look for any httpx object among it; and hold a
closed response to what httpx's own would do.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator

import httpx
import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import NotFoundError, RateLimitError, create_client
from hubspot_partner_clients.api.partner_clients import get_by_id, list_page
from hubspot_partner_clients.hubspot_client import HubSpotClient

FIRST_ID = "1000001"  # the double's first seeded id
_HTTPX_TYPES = (
    httpx.Response,
    httpx.Request,
    httpx.URL,
    httpx.Headers,
    httpx.SyncByteStream,
    httpx.AsyncByteStream,
)


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=20), rate_limit=RateLimitConfig(enabled=False))
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture
def client(double: HubSpotDouble) -> Iterator[HubSpotClient]:
    with create_client(double.token, base_url=double.base_url) as made:
        yield made


def _cyclic_garbage(calls: Callable[[], object]) -> list[str]:
    """The httpx objects that only the cyclic collector would free after `calls` (type names)."""
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        calls()
        gc.collect()
        return sorted(type(obj).__name__ for obj in gc.garbage if isinstance(obj, _HTTPX_TYPES))
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def _sync_calls(client: HubSpotClient) -> None:
    for _ in range(3):
        assert get_by_id.sync(FIRST_ID, client=client) is not None
        assert list_page.sync(client=client, limit=5) is not None
        with pytest.raises(NotFoundError):
            get_by_id.sync("999", client=client)


def test_sync_calls_leave_no_cycle(client: HubSpotClient) -> None:
    _sync_calls(client)  # connections opened, lazy imports done
    assert _cyclic_garbage(lambda: _sync_calls(client)) == []


def test_async_calls_leave_no_cycle(double: HubSpotDouble) -> None:
    async def main() -> None:
        async with create_client(double.token, base_url=double.base_url) as client:
            for _ in range(3):
                assert await get_by_id.asyncio(FIRST_ID, client=client) is not None
                assert await list_page.asyncio(client=client, limit=5) is not None
                with pytest.raises(NotFoundError):
                    await get_by_id.asyncio("999", client=client)

    asyncio.run(main())  # the event loop's own first-run objects
    assert _cyclic_garbage(lambda: asyncio.run(main())) == []


def test_a_plain_httpx_call_does_leave_one(double: HubSpotDouble) -> None:
    # What the transports undo: if httpx stops forming the cycle, this fails and
    # _responses.HandedOnResponse can go.
    with httpx.Client(base_url=double.base_url, headers={"authorization": f"Bearer {double.token}"}) as http:
        path = f"/crm/v3/objects/partner_clients/{FIRST_ID}"
        http.get(path).raise_for_status()
        garbage = _cyclic_garbage(lambda: http.get(path).raise_for_status())
    assert "Response" in garbage


def _spent_today() -> HubSpotDouble:
    """A double whose daily budget is spent by the second request (its answer says 0 remain)."""
    limits = RateLimitConfig(enabled=True, daily_limit=2)
    return HubSpotDouble(DoubleConfig(store=StoreConfig(objects=5), rate_limit=limits))


def test_a_call_the_limiter_refuses_leaves_no_cycle() -> None:
    # Once HubSpot says nothing is left today, the limiter answers calls itself, unsent.
    def refused(client: HubSpotClient) -> None:
        with pytest.raises(RateLimitError) as raised:
            get_by_id.sync(FIRST_ID, client=client)
        assert raised.value.is_daily
        del raised  # its traceback holds this frame, which holds it: a cycle of the test's own

    with _spent_today() as double, create_client(double.token, base_url=double.base_url) as client:
        for _ in range(2):
            get_by_id.sync(FIRST_ID, client=client)
        refused(client)  # lazy imports done
        assert _cyclic_garbage(lambda: refused(client)) == []
        assert len(double.requests.all()) == 2  # refused here, not sent


def test_an_async_call_the_limiter_refuses_leaves_no_cycle() -> None:
    async def calls(double: HubSpotDouble, spend: int) -> None:
        async with create_client(double.token, base_url=double.base_url) as client:
            for _ in range(spend):
                await get_by_id.asyncio(FIRST_ID, client=client)
            for _ in range(3):
                with pytest.raises(RateLimitError) as raised:
                    await get_by_id.asyncio(FIRST_ID, client=client)
                assert raised.value.is_daily
                del raised  # see the sync test

    with _spent_today() as double:
        asyncio.run(calls(double, spend=2))  # lazy imports done; the budget is spent
        # A fresh client learns the day is spent from the first refusal, which is sent.
        assert _cyclic_garbage(lambda: asyncio.run(calls(double, spend=0))) == []
        assert len(double.requests.all()) == 3


def test_a_closed_response_keeps_its_content_and_timing(client: HubSpotClient) -> None:
    response = client.get_httpx_client().get(f"/crm/v3/objects/partner_clients/{FIRST_ID}")
    assert response.is_closed
    assert response.json()["id"] == FIRST_ID
    assert response.elapsed.total_seconds() >= 0
    assert list(response.iter_bytes()) == [response.content]  # read again from the content kept
    response.close()  # closing twice is harmless
    assert response.read() == response.content
    with pytest.raises(RuntimeError, match="async close on an sync stream"):  # as httpx says
        asyncio.run(response.aclose())
    with client.get_httpx_client().stream("GET", f"/crm/v3/objects/partner_clients/{FIRST_ID}") as streamed:
        assert b"".join(streamed.iter_bytes()) == response.content
    assert streamed.is_closed


def test_a_closed_async_response_keeps_its_content_and_timing(double: HubSpotDouble) -> None:
    path = f"/crm/v3/objects/partner_clients/{FIRST_ID}"

    async def main() -> None:
        async with create_client(double.token, base_url=double.base_url) as client:
            http = client.get_async_httpx_client()
            response = await http.get(path)
            assert response.is_closed
            assert response.json()["id"] == FIRST_ID
            assert response.elapsed.total_seconds() >= 0
            assert await response.aread() == response.content
            await response.aclose()  # closing twice is harmless
            assert [chunk async for chunk in response.aiter_bytes()] == [response.content]
            with pytest.raises(RuntimeError, match="sync close on an async stream"):  # as httpx says
                response.close()
            async with http.stream("GET", path) as streamed:
                assert b"".join([chunk async for chunk in streamed.aiter_bytes()]) == response.content
            assert streamed.is_closed
            async with http.stream("GET", path) as left_early:
                async for _ in left_early.aiter_raw():
                    break
            assert left_early.is_closed

    asyncio.run(main())
