"""Retries with backoff, as httpx transports, so that every generated call gets them.

``create_client()`` builds every client on these transports; ``RetryPolicy`` says how
many attempts and how long, ``RetryEvent`` is what ``on_retry`` receives.

What is retried (``_decide``, shared by the sync and async transports):
429 (not ``DAILY``: when the limiter knows the day's budget is spent, the
call gets HubSpot's DAILY answer without sending) after ``Retry-After`` or the rate-limit interval header;
500/502/503/504; connection errors, timeouts, a connection closed mid-answer,
and a 2xx body that is not complete JSON (cut short, empty, a proxy's page).
A request that may have reached HubSpot is retried only when its operation is
idempotent; one that never left (``ConnectError``, ``ConnectTimeout``,
``PoolTimeout``) always is.
"""

# Hooks: wraps any httpx.BaseTransport / httpx.AsyncBaseTransport; the generated
# endpoint functions send through client.get_httpx_client() /
# get_async_httpx_client(), which hubspot_client.HubSpotClient builds on these
# transports. Relies on _operations.OPERATIONS.find (the operation's name,
# idempotent flag and the rate-limit windows it spends) and on
# errors.parse_retry_after; the generated _parse_response raises
# errors.RateLimitError etc. for the final answer this module returns, and the
# generated call turns the httpx error it raises into errors.HubSpotConnectionError.

from __future__ import annotations

import json
import logging
import math
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from ._bodies import ERROR_BODY_BYTES as _ERROR_BODY_BYTES
from ._bodies import ResponseTooLarge, accept_encoding, decoded, without_encoding
from ._constants import LOGGER_NAME
from ._operations import OPERATIONS
from ._responses import HandedOnResponse, ParsedResponse
from .errors import _NEVER_SENT, _DeadlineBeforeSend, parse_retry_after
from .limiter import DailyLimitReached, RateLimiter, Reservation

__all__ = ["AsyncRetryTransport", "ResponseTooLarge", "RetryEvent", "RetryPolicy", "RetryTransport"]

logger = logging.getLogger(LOGGER_NAME)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
# An attempt is not sent with less than this many seconds left before the deadline.
_LEAST_ATTEMPT_TIME = 0.01
# Transient network trouble. Not every TransportError is: UnsupportedProtocol
# or LocalProtocolError mean a bad request that would fail the same way again.
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_TIMEOUT_KEYS = ("connect", "read", "write", "pool")


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to retry; ``RetryPolicy(max_attempts=1)`` never retries.

    Waits grow exponentially with full jitter: before retry ``n`` (0-based) a
    uniform draw in ``[0, min(max_delay, initial_delay * multiplier**n)]``.
    A 429 waits what HubSpot asked instead. ``deadline`` bounds the whole
    call in seconds, a slow answer and the waits in the client-side rate
    limiter included: no wait runs past it, and a request is never sent once
    the deadline has passed or would leave it less than 10 ms (when the
    limiter would hold the first attempt that long, the call raises
    ``HubSpotTimeoutError`` with ``request_sent`` False and nothing is sent;
    a retry it would hold that long is not made, and the last answer
    stands). Each attempt's connect, write and read timeouts are cut to the
    time left after its limiter wait, and an answer still arriving at the
    deadline (a server trickling its body) ends the call with a timeout. ``max_body_bytes`` is the largest answer
    body read, compressed or decompressed; a larger success raises
    ``ResponseTooLarge`` (the call's ``HubSpotConnectionError``), and of a
    larger error body only its start is kept, for the error's snippet.
    """

    max_attempts: int = 5
    initial_delay: float = 0.5
    max_delay: float = 30.0
    multiplier: float = 2.0
    deadline: float = 120.0
    retry_statuses: frozenset[int] = RETRY_STATUSES
    max_body_bytes: int = 256 * 2**20

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.initial_delay < 0 or self.max_delay < 0 or self.deadline < 0:
            raise ValueError("delays and deadline must not be negative")
        if self.multiplier < 1:
            raise ValueError("multiplier must be at least 1")
        if self.max_body_bytes < _ERROR_BODY_BYTES:
            raise ValueError(f"max_body_bytes must be at least {_ERROR_BODY_BYTES}")

    def backoff(self, retry: int) -> float:
        """A jittered wait before retry number ``retry`` (0 for the first retry)."""
        ceiling = min(self.max_delay, self.initial_delay * self.multiplier**retry)
        return random.uniform(0.0, ceiling)


@dataclass(frozen=True)
class RetryEvent:
    """One retry about to happen, for the ``on_retry`` metrics hook.

    ``attempt`` is the attempt that failed (1-based), ``wait`` the seconds
    before the next one, ``status`` the HTTP status or ``error`` the exception
    class name, ``correlation_id`` HubSpot's id from the error body if any.
    """

    operation: str
    method: str
    attempt: int
    wait: float
    status: int | None
    error: str | None
    correlation_id: str | None


OnRetry = Callable[[RetryEvent], None]


# A plain class: one is made per attempt, and a dataclass costs a few tenths of a millisecond to
# define at import (a frozen one also several times more per instance).
class _AttemptOutcome:
    """What one attempt produced, as far as the retry decision needs it."""

    __slots__ = ("body", "broken_body", "error", "headers", "status")

    def __init__(
        self,
        *,
        status: int | None = None,
        headers: httpx.Headers | None = None,
        body: Mapping[str, Any] | None = None,
        error: BaseException | None = None,
        broken_body: bool = False,
    ) -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self.error = error
        # A complete 2xx answer whose body is not the JSON it should be (cut short, empty, HTML).
        self.broken_body = broken_body


def _decide(
    policy: RetryPolicy, *, attempt: int, idempotent: bool, outcome: _AttemptOutcome, remaining: float
) -> float | None:
    """Seconds to wait before retrying, or None to stop with this outcome.

    Pure apart from the jitter draw: the sync and async transports share it.
    """
    if attempt >= policy.max_attempts:
        return None
    error = outcome.error
    if error is not None:
        never_sent = isinstance(error, _NEVER_SENT)
        if not (never_sent or (idempotent and isinstance(error, _TRANSIENT))):
            return None
        wait = policy.backoff(attempt - 1)
    elif outcome.broken_body:
        if not idempotent:
            return None
        wait = policy.backoff(attempt - 1)
    else:
        if outcome.status not in policy.retry_statuses or not idempotent:
            return None
        if outcome.status == 429:
            if outcome.body is not None and outcome.body.get("policyName") == "DAILY":
                return None  # nothing before midnight cures it
            asked = _rate_limit_wait(outcome.headers)
            wait = asked if asked is not None else policy.backoff(attempt - 1)
        else:
            wait = policy.backoff(attempt - 1)
    return wait if wait <= remaining else None


def _rate_limit_wait(headers: httpx.Headers | None) -> float | None:
    if headers is None:
        return None
    after = parse_retry_after(headers.get("retry-after"))
    if after is not None:
        return after
    interval = headers.get("x-hubspot-ratelimit-interval-milliseconds")
    try:
        return int(interval) / 1000 if interval is not None else None
    except ValueError:
        return None


def _is_json(headers: httpx.Headers) -> bool:
    return "json" in headers.get("content-type", "")


def _json_or_none(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return None


class _Call:
    """The state of one request across its attempts: the logic both transports share."""

    def __init__(
        self,
        request: httpx.Request,
        policy: RetryPolicy,
        on_retry: OnRetry | None,
        path_prefix: str,
    ) -> None:
        self.request = request
        self.policy = policy
        self.on_retry = on_retry
        method = request.method
        path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
        if path_prefix and path.startswith(path_prefix):
            path = path[len(path_prefix) :]
        operation = OPERATIONS.find(method, path)
        # Every 2xx answer of the document's operations, 204 aside, is a JSON
        # model (tests/generated/test_operations.py holds the document to it),
        # so for them a body that is not JSON is broken whatever its
        # Content-Type says; another request's body is judged only when it
        # says it is JSON (it may be a file).
        self.answers_json = operation is not None
        if operation is not None:
            self.name = operation.name
            self.idempotent = operation.idempotent
            self.windows = operation.rate_limit_windows
        else:
            self.name = f"{method} {path}"
            self.idempotent = method in _IDEMPOTENT_METHODS
            self.windows = OPERATIONS.default_windows
        # Only what the body reading can decompress in bounded steps (not br or zstd).
        asked = request.headers.get("accept-encoding")
        wanted = accept_encoding(asked)
        if wanted != asked:  # mostly it is: the client's headers were set up once
            request.headers["accept-encoding"] = wanted
        self.attempt = 0
        self.deadline = time.monotonic() + policy.deadline
        # Not copied: an attempt whose timeouts are cut gets a new dict (start_attempt).
        self._timeouts: dict[str, Any] = request.extensions.get("timeout") or {}
        # The attempt's timeouts are the configured ones as long as the deadline is further
        # off than the longest of them (a timeout not set is as long as the deadline allows).
        get = self._timeouts.get
        # _TIMEOUT_KEYS, spelled out: a generator here would cost more than the test it serves.
        given: tuple[Any, ...] = (get("connect"), get("read"), get("write"), get("pool"))
        self._longest_timeout: float = math.inf if None in given else max(given)

    def start_attempt(self) -> None:
        """Count the attempt and cut its timeouts to the time left before the deadline.

        Called after the limiter let the attempt go, so that its wait there is not part of
        the attempt's timeouts; raises ``_DeadlineBeforeSend`` when too little time is left.
        """
        left = self.deadline - time.monotonic()
        if left < _LEAST_ATTEMPT_TIME:
            raise _DeadlineBeforeSend("", request=self.request)  # not_sent says why
        self.attempt += 1
        if left >= self._longest_timeout:  # mostly: no timeout to cut
            self.request.extensions["timeout"] = self._timeouts
            return
        self.request.extensions["timeout"] = {
            key: left if self._timeouts.get(key) is None else min(self._timeouts[key], left)
            for key in _TIMEOUT_KEYS
        }

    def body_limit(self, response: httpx.Response) -> int:
        return self.policy.max_body_bytes if 200 <= response.status_code < 300 else _ERROR_BODY_BYTES

    def take(self, parts: list[bytes], size: int, chunk: bytes, limit: int) -> bool:
        """Add a chunk of the raw body; True when enough is read (an error body's start)."""
        if time.monotonic() > self.deadline:
            raise httpx.ReadTimeout(
                f"the answer was still arriving when the retry policy's deadline "
                f"({self.policy.deadline:g} s) passed",
                request=self.request,
            )
        if size + len(chunk) <= limit:
            parts.append(chunk)
            return False
        if limit == _ERROR_BODY_BYTES:
            parts.append(chunk[: limit - size])
            return True
        raise ResponseTooLarge(
            f"the answer's body is larger than RetryPolicy.max_body_bytes ({limit} bytes)",
            request=self.request,
        )

    # The inner transport's stream is read as it comes, not through `iter_raw`: its re-chunking
    # and bookkeeping are for a response handed to a caller, and this one is closed and dropped.
    # (An error it raises gets its request where the httpx client calls the transport.)
    def read(self, response: httpx.Response) -> bytes:
        parts: list[bytes] = []
        size, limit = 0, self.body_limit(response)
        stream = response.stream
        assert isinstance(stream, httpx.SyncByteStream)
        for chunk in stream:
            if self.take(parts, size, chunk, limit):
                break
            size += len(chunk)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    async def aread(self, response: httpx.Response) -> bytes:
        parts: list[bytes] = []
        size, limit = 0, self.body_limit(response)
        stream = response.stream
        assert isinstance(stream, httpx.AsyncByteStream)
        async for chunk in stream:
            if self.take(parts, size, chunk, limit):
                break
            size += len(chunk)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def limiter_deadline(self) -> float:
        # No attempt waits in the limiter past the point where it could no longer be sent.
        return self.deadline - _LEAST_ATTEMPT_TIME

    def not_sent(
        self, result: httpx.Response | BaseException | None, *, error: bool = False
    ) -> httpx.Response:
        """This attempt cannot be sent before the deadline: the last answer, or (none) a timeout.

        ``error``: the deadline had passed when the attempt started, else the limiter would
        have held it past the deadline.
        """
        if result is None:  # the first attempt: nothing was sent, nothing will be
            why = "had passed" if error else "would pass while the client-side rate limiter held it"
            raise _DeadlineBeforeSend(
                f"the retry policy's deadline ({self.policy.deadline:g} s) {why}; the request was not sent",
                request=self.request,
            )
        return _give_up(result)

    def response(self, response: httpx.Response, raw: bytes) -> tuple[httpx.Response, _AttemptOutcome]:
        """The response to hand on, rebuilt from its buffered body, and its outcome."""
        headers = response.headers
        status = response.status_code
        out: httpx.Response
        outcome: _AttemptOutcome
        if 200 <= status < 300 and status != 204 and (self.answers_json or _is_json(headers)):
            out = ParsedResponse(
                status,
                headers=headers,
                stream=httpx.ByteStream(raw),
                request=self.request,
                extensions=response.extensions,
            )
            try:
                content = decoded(raw, headers, self.policy.max_body_bytes, self.request)
                out._content = content  # what httpx would decode from `raw` again: see ParsedResponse
                out._parsed = json.loads(content)
                out._has_parsed = True
                outcome = _AttemptOutcome(status=status, headers=headers)
            except ResponseTooLarge:
                raise  # too large now is too large again: no retry
            except (ValueError, httpx.DecodingError):  # empty or not JSON, or its encoding broken
                outcome = _AttemptOutcome(status=status, headers=headers, broken_body=True)
            return out, outcome
        if not 200 <= status < 300 and "content-encoding" in headers:
            # Handed on decoded (at most _ERROR_BODY_BYTES of it), so that building the error's
            # snippet never decompresses the whole body.
            raw = decoded(raw, headers, _ERROR_BODY_BYTES, self.request, cut=True)
            headers = without_encoding(headers)
        out = HandedOnResponse(
            status,
            headers=headers,
            stream=httpx.ByteStream(raw),
            request=self.request,
            extensions=response.extensions,
        )
        body = None
        if status in self.policy.retry_statuses and raw and _is_json(headers):
            parsed = _json_or_none(raw)
            body = parsed if isinstance(parsed, Mapping) else None
        return out, _AttemptOutcome(status=status, headers=headers, body=body)

    def next_wait(self, outcome: _AttemptOutcome) -> float | None:
        """Seconds to wait before the next attempt (logged and reported), or None to stop."""
        if (
            outcome.error is None
            and not outcome.broken_body
            and outcome.status not in self.policy.retry_statuses
        ):
            return None  # most answers: nothing to retry (what _decide would say), decided cheaply
        remaining = self.deadline - time.monotonic()
        wait = _decide(
            self.policy,
            attempt=self.attempt,
            idempotent=self.idempotent,
            outcome=outcome,
            remaining=remaining,
        )
        if wait is None:
            return None
        correlation_id = outcome.body.get("correlationId") if outcome.body is not None else None
        event = RetryEvent(
            operation=self.name,
            method=self.request.method,
            attempt=self.attempt,
            wait=wait,
            status=outcome.status,
            error=type(outcome.error).__name__ if outcome.error is not None else None,
            correlation_id=correlation_id if isinstance(correlation_id, str) else None,
        )
        logger.warning(
            "retrying %s: attempt %d of %d failed (%s), next in %.3fs, correlationId=%s",
            event.operation,
            event.attempt,
            self.policy.max_attempts,
            event.error or f"HTTP {event.status}" + (" unreadable body" if outcome.broken_body else ""),
            event.wait,
            event.correlation_id,
        )
        if self.on_retry is not None:
            try:
                self.on_retry(event)
            except Exception:
                # A broken metrics hook must not turn a recoverable call into a failure.
                logger.exception("on_retry hook failed")
        return wait


class RetryTransport(httpx.BaseTransport):
    """Retries requests sent through ``inner`` under ``policy``, spending ``limiter`` per attempt.

    Every answer's body is read here, inside the retry loop, so that a
    connection dropped mid-body is retried too, and the inner response is
    closed (its connection returned to the pool) before any retry.
    ``path_prefix`` is the path of a base URL that is not at the root, stripped
    before looking the operation up. ``close_inner`` says whether closing this
    transport closes ``inner`` (False when ``inner`` is shared).
    """

    def __init__(
        self,
        inner: httpx.BaseTransport,
        *,
        policy: RetryPolicy | None = None,
        limiter: RateLimiter | None = None,
        on_retry: OnRetry | None = None,
        path_prefix: str = "",
        close_inner: bool = True,
    ) -> None:
        self.inner = inner
        self.policy = policy if policy is not None else RetryPolicy()
        self.limiter = limiter
        self.on_retry = on_retry
        self._path_prefix = path_prefix.rstrip("/")
        self._close_inner = close_inner

    def _admit(
        self, call: _Call, result: httpx.Response | BaseException | None
    ) -> tuple[Reservation | None, httpx.Response | None]:
        """Wait in the limiter, then start the attempt: its reservation, or the call's answer now.

        The answer is HubSpot's DAILY refusal made here, or (the deadline leaves no time to
        send) the last answer; a first attempt the deadline stops raises ``_DeadlineBeforeSend``.
        """
        limiter = self.limiter
        reservation = None
        if limiter is not None:
            try:
                reservation = limiter.acquire(call.windows, deadline=call.limiter_deadline())
            except DailyLimitReached as exc:
                return None, exc.response(call.request)
            if reservation is None:
                return None, call.not_sent(result)
        try:
            call.start_attempt()  # after the limiter's wait: the timeouts are what is left
        except _DeadlineBeforeSend:
            if limiter is not None and reservation is not None:
                limiter.settle(reservation, None)
            return None, call.not_sent(result, error=True)
        return reservation, None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()  # buffered once, so each attempt resends the same bytes
        call = _Call(request, self.policy, self.on_retry, self._path_prefix)
        limiter = self.limiter
        result: httpx.Response | BaseException | None = None
        while True:
            reservation, answer = self._admit(call, result)
            if answer is not None:
                return answer
            headers = None
            try:
                response = self.inner.handle_request(request)
                try:
                    # A response built in memory (httpx.MockTransport, a caching
                    # transport) arrives already read: its body is its content.
                    raw = response.content if response.is_stream_consumed else call.read(response)
                finally:
                    response.close()
                headers = response.headers
            except httpx.TransportError as exc:
                result, outcome = exc, _AttemptOutcome(error=exc)
            else:
                result, outcome = call.response(response, raw)
            finally:
                if limiter is not None and reservation is not None:
                    limiter.settle(reservation, headers)
            wait = call.next_wait(outcome)
            if wait is None:
                return _give_up(result)
            time.sleep(wait)

    def close(self) -> None:
        if self._close_inner:
            self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """``RetryTransport`` for ``httpx.AsyncClient``: the same decisions, asyncio waits."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        *,
        policy: RetryPolicy | None = None,
        limiter: RateLimiter | None = None,
        on_retry: OnRetry | None = None,
        path_prefix: str = "",
        close_inner: bool = True,
    ) -> None:
        self.inner = inner
        self.policy = policy if policy is not None else RetryPolicy()
        self.limiter = limiter
        self.on_retry = on_retry
        self._path_prefix = path_prefix.rstrip("/")
        self._close_inner = close_inner

    async def _admit(
        self, call: _Call, result: httpx.Response | BaseException | None
    ) -> tuple[Reservation | None, httpx.Response | None]:
        """Wait in the limiter, then start the attempt: its reservation, or the call's answer now.

        The answer is HubSpot's DAILY refusal made here, or (the deadline leaves no time to
        send) the last answer; a first attempt the deadline stops raises ``_DeadlineBeforeSend``.
        """
        limiter = self.limiter
        reservation = None
        if limiter is not None:
            try:
                reservation = await limiter.acquire_async(call.windows, deadline=call.limiter_deadline())
            except DailyLimitReached as exc:
                return None, exc.response(call.request)
            if reservation is None:
                return None, call.not_sent(result)
        try:
            call.start_attempt()  # after the limiter's wait: the timeouts are what is left
        except _DeadlineBeforeSend:
            if limiter is not None and reservation is not None:
                await limiter.settle_async(reservation, None)
            return None, call.not_sent(result, error=True)
        return reservation, None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import asyncio  # here, not at the top: a sync program never pays for importing asyncio

        await request.aread()
        call = _Call(request, self.policy, self.on_retry, self._path_prefix)
        limiter = self.limiter
        result: httpx.Response | BaseException | None = None
        while True:
            reservation, answer = await self._admit(call, result)
            if answer is not None:
                return answer
            headers = None
            try:
                response = await self.inner.handle_async_request(request)
                try:
                    raw = response.content if response.is_stream_consumed else await call.aread(response)
                finally:
                    await response.aclose()
                headers = response.headers
            except httpx.TransportError as exc:
                result, outcome = exc, _AttemptOutcome(error=exc)
            else:
                result, outcome = call.response(response, raw)
            finally:
                if limiter is not None and reservation is not None:
                    await limiter.settle_async(reservation, headers)
            wait = call.next_wait(outcome)
            if wait is None:
                return _give_up(result)
            await asyncio.sleep(wait)

    async def aclose(self) -> None:
        if self._close_inner:
            await self.inner.aclose()


def _give_up(result: httpx.Response | BaseException | None) -> httpx.Response:
    # None cannot happen: a first attempt the deadline stops raises _DeadlineBeforeSend instead.
    assert result is not None
    if isinstance(result, BaseException):
        raise result
    return result
