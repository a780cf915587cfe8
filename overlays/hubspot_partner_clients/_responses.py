"""The responses the SDK's transports hand on: freed as soon as the caller lets go of them.

httpx's client wraps every response a transport returns in a ``BoundSyncStream`` (or
``BoundAsyncStream``) that points back at the response, so each answer, its request, URL and
headers form a reference cycle: they stay in memory until the cyclic garbage collector runs, and
that garbage (~20 objects a call) is what makes it run. ``HandedOnResponse`` lets go of that stream
once it is closed, which httpx's client does as soon as it has read the body; after that, httpx
only checks the stream's kind (a sync client's response is closed with ``close()``, an async one's
with ``aclose()``), which the empty stream left in its place keeps. ``ParsedResponse`` is a
success whose body this package has parsed already. The retry transports build every answer
they hand on as one of these, and the limiter its "daily budget spent" answer.
"""

# Hooks: httpx.Client._send_single_request sets `response.stream` to the bound
# stream, and Response.read()/aread() close it; tests/overlays/test_response_cycles.py
# says when a call leaves a cycle again, and when plain httpx stops making one.

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx


class _ClosedStream(httpx.SyncByteStream):
    """What a closed sync response's stream is left as: empty, and still of the sync kind."""

    def __iter__(self) -> Iterator[bytes]:
        return iter(())


class _ClosedAsyncStream(httpx.AsyncByteStream):
    """What a closed async response's stream is left as: empty, and still of the async kind."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        return
        yield  # an async generator that yields nothing


_CLOSED = _ClosedStream()
_CLOSED_ASYNC = _ClosedAsyncStream()


class HandedOnResponse(httpx.Response):
    """A response whose stream is dropped once closed, so that it is no reference cycle.

    Build it with ``stream=``: one built with ``content=`` or ``json=`` is read, and so closed,
    as it is built, before httpx's client binds its stream to it.
    """

    def close(self) -> None:
        super().close()
        self.stream = _CLOSED

    async def aclose(self) -> None:
        await super().aclose()
        self.stream = _CLOSED_ASYNC


class ParsedResponse(HandedOnResponse):
    """A success whose body was read, decoded and parsed here, to check it was complete JSON.

    Its ``content`` is set when it is built, so that httpx's ``read()`` neither copies nor decodes
    the body a second time; reading it only closes it (which sets ``elapsed``, as a read does).
    The first ``json()`` hands out the parse, so the check costs no second parse; later calls (or
    calls with arguments) parse again as httpx does.
    """

    _parsed: Any = None
    _has_parsed: bool = False

    def read(self) -> bytes:
        # Only a sync stream closes here: an async client's response is closed by aread.
        if not self.is_closed and isinstance(self.stream, httpx.SyncByteStream) and hasattr(self, "_content"):
            self.is_stream_consumed = True
            self.close()
        return super().read()

    async def aread(self) -> bytes:
        if (
            not self.is_closed
            and isinstance(self.stream, httpx.AsyncByteStream)
            and hasattr(self, "_content")
        ):
            self.is_stream_consumed = True
            await self.aclose()
        return await super().aread()

    def json(self, **kwargs: Any) -> Any:
        if self._has_parsed and not kwargs:
            self._has_parsed = False
            parsed, self._parsed = self._parsed, None
            return parsed
        return super().json(**kwargs)
