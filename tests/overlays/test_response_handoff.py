"""The success the retry transport hands on: read once, decoded once, and still an ordinary response.

The transport reads and decodes a success's body itself (to check it is complete JSON) and hands
the response on with that body already in place, so that httpx neither copies nor decodes it
again. These tests hold it to what a response httpx read itself would be: its content decoded, its
JSON parsed (again on a second ``json()``), closed and timed (``elapsed``) once read, by sync and
async clients, and through ``stream()``.
"""

from __future__ import annotations

import asyncio
import datetime
import gzip

import httpx
import pytest

from hubspot_partner_clients.retry import AsyncRetryTransport, RetryTransport

BODY = b'{"id": "1", "archived": false}'
PATH = "/crm/v3/objects/partner_clients/1"


def _answer(request: httpx.Request) -> httpx.Response:
    # A streamed, gzip-encoded body, as a network transport delivers one (not already read).
    return httpx.Response(
        200,
        headers={"content-type": "application/json", "content-encoding": "gzip"},
        stream=httpx.ByteStream(gzip.compress(BODY)),
        request=request,
    )


class _Streaming(httpx.BaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return _answer(request)


class _AsyncStreaming(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return _answer(request)


def _check(response: httpx.Response) -> None:
    assert response.is_closed
    assert response.elapsed >= datetime.timedelta(0)
    assert response.content == BODY  # decoded, as httpx would have decoded it
    assert response.json() == {"id": "1", "archived": False}
    assert response.json() == {"id": "1", "archived": False}  # the second parses again
    assert response.headers["content-encoding"] == "gzip"


def test_a_sync_client_gets_a_read_decoded_closed_response() -> None:
    with httpx.Client(base_url="http://hubspot.test", transport=RetryTransport(_Streaming())) as client:
        _check(client.get(PATH))
        with client.stream("GET", PATH) as streamed:
            assert not streamed.is_closed  # not read yet: a streamed response stays open
            streamed.read()
            _check(streamed)


def test_an_async_client_gets_a_read_decoded_closed_response() -> None:
    async def go() -> None:
        transport = AsyncRetryTransport(_AsyncStreaming())
        async with httpx.AsyncClient(base_url="http://hubspot.test", transport=transport) as client:
            _check(await client.get(PATH))
            async with client.stream("GET", PATH) as streamed:
                await streamed.aread()
                _check(streamed)

    asyncio.run(go())


def test_a_read_response_cannot_be_streamed_again() -> None:
    with httpx.Client(base_url="http://hubspot.test", transport=RetryTransport(_Streaming())) as client:
        response = client.get(PATH)
    with pytest.raises((httpx.StreamConsumed, httpx.StreamClosed)):
        list(response.iter_raw())
