"""Answer bodies read in bounded steps: the size limits, and decoding a Content-Encoding.

``retry.py`` reads every answer's body through this module. Only the encodings zlib decompresses a bounded part of (gzip, deflate, stacked any number of
times, as in ``gzip, gzip``) are decoded. Another one (``br``, ``zstd``) cannot be decompressed in
bounded steps with what the standard library offers, so a success in it is treated as too large
(``ResponseTooLarge``) and an error body in it is not shown; ``accept_encoding`` keeps requests
from asking for them (httpx offers ``br`` and ``zstd`` when their packages are installed).
"""

from __future__ import annotations

import functools
import zlib

import httpx

__all__ = ["ERROR_BODY_BYTES", "ResponseTooLarge", "accept_encoding", "decoded", "without_encoding"]

ERROR_BODY_BYTES = 2**20
"""Of an error body only this much is read and decompressed, for the snippet.

HubSpot's error bodies are a few kilobytes; a longer one is a proxy's page or a gzip bomb."""
_ZLIB = frozenset({"gzip", "x-gzip", "deflate"})
_PLAIN = frozenset({"", "identity"})
_ENCODING_HEADERS = frozenset({"content-encoding", "content-length"})


class ResponseTooLarge(httpx.DecodingError):
    """An answer's body is larger than ``RetryPolicy.max_body_bytes`` (compressed or not).

    Also raised for a success in a Content-Encoding that cannot be decompressed in bounded steps
    (``br``, ``zstd``): how large it is cannot be known without decompressing all of it.
    """


def _codings(value: str) -> list[str]:
    return [c.strip().lower() for c in value.split(",") if c.strip().lower() not in _PLAIN]


# Cached: every request asks, with one of the few values its client sends.
@functools.lru_cache(maxsize=64)
def accept_encoding(value: str | None) -> str:
    """The Accept-Encoding to send: of ``value``, only the encodings ``decoded`` bounds."""
    kept = [c for c in _codings(value or "") if c.split(";", 1)[0].strip() in _ZLIB]
    return ", ".join(kept) or "identity"


def without_encoding(headers: httpx.Headers) -> httpx.Headers:
    """``headers`` of a body handed on decoded: no Content-Encoding, no stale Content-Length."""
    return httpx.Headers([(k, v) for k, v in headers.multi_items() if k not in _ENCODING_HEADERS])


def decoded(
    raw: bytes, headers: httpx.Headers, limit: int, request: httpx.Request, *, cut: bool = False
) -> bytes:
    """The body as the caller will see it (raw is still content-encoded, e.g. gzip), at most
    ``limit`` bytes of it: beyond, ``cut`` keeps the start, else ``ResponseTooLarge``.

    Each coding is undone in turn, the last applied first, each step bounded by ``limit``.
    """
    encoding = headers.get("content-encoding", "")
    if not encoding:  # most answers: nothing to undo
        return raw
    body = raw
    for coding in reversed(_codings(encoding)):
        if coding not in _ZLIB:
            if cut:  # an encoding we cannot decompress a bounded part of: show none of it
                return f"<a body in Content-Encoding {coding!r}, not shown>".encode()
            raise ResponseTooLarge(
                f"the answer's body is in Content-Encoding {coding!r}, which cannot be decompressed "
                f"in bounded steps: treated as larger than RetryPolicy.max_body_bytes ({limit} bytes)",
                request=request,
            )
        body = _inflated(body, coding, limit, request, cut=cut)
    return body


def _inflated(raw: bytes, coding: str, limit: int, request: httpx.Request, *, cut: bool) -> bytes:
    # 32 + MAX_WBITS reads a gzip or a zlib header; a raw deflate stream (no header) needs -MAX_WBITS.
    for wbits in (zlib.MAX_WBITS | 32, -zlib.MAX_WBITS):
        inflater = zlib.decompressobj(wbits)
        try:
            # max_length: a small gzip body can expand a thousandfold; never hold more than the limit.
            out = inflater.decompress(raw, limit + 1)
        except zlib.error:
            continue
        if len(out) <= limit:
            return out
        if cut:
            return out[:limit]
        raise ResponseTooLarge(
            f"the answer's body decompresses past RetryPolicy.max_body_bytes ({limit} bytes)", request=request
        )
    if cut:
        return raw[:limit]
    raise httpx.DecodingError(f"the answer's body is not valid {coding}", request=request)
