"""A call through the SDK leaves no reference cycle behind: its answer is freed when it is dropped.

httpx's client binds every response's stream to the response itself, a cycle that only the cyclic
garbage collector frees (see ``_responses.py``). These tests make real calls to the double on
loopback (successes, a list page, an error answer; sync and async) with the collector saving what
it finds, and look for any httpx object among it.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator

import httpx
import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import NotFoundError, create_client
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


def test_a_closed_response_keeps_its_content_and_timing(client: HubSpotClient) -> None:
    response = client.get_httpx_client().get(f"/crm/v3/objects/partner_clients/{FIRST_ID}")
    assert response.is_closed
    assert response.json()["id"] == FIRST_ID
    assert response.elapsed.total_seconds() >= 0
    assert list(response.iter_bytes()) == [response.content]  # read again from the content kept
    response.close()  # closing twice is harmless
    assert response.read() == response.content
