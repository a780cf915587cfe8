"""The responses the retry transports hand on: freed as soon as the caller lets go of them.

httpx's client wraps every response a transport returns in a ``BoundSyncStream`` (or
``BoundAsyncStream``) that points back at the response, so each answer, its request, URL and
headers form a reference cycle: they stay in memory until the cyclic garbage collector runs, and
that garbage (~20 objects a call) is what makes it run. ``HandedOnResponse`` lets go of that stream
once it is closed, which httpx's client does as soon as it has read the body; nothing in httpx uses
the stream after that. ``ParsedResponse`` is a success whose body this package has parsed already.
"""

# Hooks: httpx.Client._send_single_request sets `response.stream` to the bound
# stream, and Response.read()/aread() close it; tests/overlays/test_response_cycles.py
# fails when httpx's responses form a cycle again.

from __future__ import annotations

from typing import Any

import httpx

# What a closed response's stream is left as: empty, sync and async alike, as
# `close()` and `aclose()` each check for their own kind.
_CLOSED = httpx.ByteStream(b"")


class HandedOnResponse(httpx.Response):
    """A response whose stream is dropped once closed, so that it is no reference cycle."""

    def close(self) -> None:
        super().close()
        self.stream = _CLOSED

    async def aclose(self) -> None:
        await super().aclose()
        self.stream = _CLOSED


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
