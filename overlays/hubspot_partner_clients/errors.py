"""Typed errors: one small hierarchy for every way a call to HubSpot can fail.

Every operation raises from here:

- ``HubSpotError.from_response`` for any status the document does not list
  as a success, so callers get an exception, never an error body as a return
  value or None. By status: 400 ValidationError, 401 AuthenticationError,
  403 MissingScopesError, 404 NotFoundError, 409 ConflictError,
  429 RateLimitError, 5xx ServerError; anything else is UnexpectedStatus.
- ``MalformedResponseError.from_parse_failure`` when a documented success
  cannot be read as its model (empty, not JSON, cut short, a required field
  missing or of the wrong type).
- ``HubSpotConnectionError.from_httpx`` (``HubSpotTimeoutError`` for a
  timeout) when httpx raised instead of answering: every request error, from
  any transport, after the retry transport (retry.py) gave up.
- ``InvalidArgumentError``, before sending, for a path argument that is empty
  or only whitespace.

Each HubSpotError carries the status (None when no answer arrived), the
operation, the method and the URL, HubSpot's correlation id, the parsed
HubSpot error body (category, context, details) and, for a body that is not
HubSpot's error JSON, a short snippet of it. No request header is kept, so the
token cannot leak through an exception or its pickle; the httpx exception is
``__cause__`` (which pickling drops).
"""

# Hooks: replaces the generated errors.py. The endpoint template
# (generator/templates/endpoint_module.py.jinja) raises these in every
# generated operation, as the docstring lists.

from __future__ import annotations

import datetime
import email.utils
import http
import json
import math
import time
from collections.abc import Mapping
from typing import Any, ClassVar

import httpx

__all__ = [
    "AuthenticationError",
    "ConflictError",
    "HubSpotConnectionError",
    "HubSpotError",
    "HubSpotTimeoutError",
    "InvalidArgumentError",
    "MalformedResponseError",
    "MissingScopesError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "UnexpectedStatus",
    "ValidationError",
]

_SNIPPET_CHARS = 200
_CORRELATION_HEADER = "x-hubspot-correlation-id"
_REFUSED = "the request could not be sent as built (an illegal header value? its text is not shown)"


class _DeadlineBeforeSend(httpx.TimeoutException):
    """The retry policy's deadline passed (or left no time) before the request could be sent.

    Raised by the retry transports instead of sending, typically after a wait in the
    client-side rate limiter; the call raises it as a ``HubSpotTimeoutError`` whose
    ``request_sent`` is False.
    """


# The request never left: connecting failed, no pooled connection came free, or the deadline
# passed before it was sent. retry.py imports this tuple: the two must agree.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, _DeadlineBeforeSend)
_TRANSPORT_FAILURES: dict[type[httpx.RequestError], str] = {
    httpx.ConnectError: "could not connect to HubSpot",
    httpx.ConnectTimeout: "connecting to HubSpot timed out",
    httpx.PoolTimeout: "no connection came free in the pool in time",
    _DeadlineBeforeSend: "not sent: the retry policy's deadline left no time to send it",
    httpx.WriteTimeout: "sending the request timed out",
    httpx.ReadTimeout: "HubSpot did not answer in time",
    httpx.RemoteProtocolError: "the connection closed before the answer was complete",
    httpx.ReadError: "reading the answer failed",
    httpx.WriteError: "sending the request failed",
    httpx.DecodingError: "the answer's body could not be decoded",
}


class HubSpotError(Exception):
    """A call to HubSpot failed: the base of every error an operation raises for it.

    HubSpot answered with an error status (``ValidationError`` ... ``UnexpectedStatus``),
    answered a success the SDK cannot read (``MalformedResponseError``), or no
    complete answer arrived (``HubSpotConnectionError``, ``HubSpotTimeoutError``).

    Attributes:
        status_code: the HTTP status; None when no answer arrived.
        operation: the operationId (also the generated module's name), when known.
        method: the request's method.
        url: the request's URL (it never carries the token).
        category: HubSpot's error category, such as ``VALIDATION_ERROR``.
        message: HubSpot's message, or a description of what went wrong.
        correlation_id: HubSpot's id for the request (from the error body or the
            ``X-HubSpot-Correlation-Id`` header); quote it to HubSpot support.
        context: HubSpot's context, such as the missing scopes.
        details: HubSpot's per-field error details.
        body: the parsed JSON body, or None when the body was not a JSON object.
        body_snippet: the first characters of a body that was not HubSpot's error JSON.
        headers: the response headers (empty when no answer arrived).
    """

    status_codes: ClassVar[tuple[int, ...]] = ()

    def __init__(
        self,
        *,
        status_code: int | None,
        method: str,
        url: str,
        body: Mapping[str, Any] | None,
        body_snippet: str | None = None,
        headers: httpx.Headers | None = None,
        operation: str | None = None,
        message: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.operation = operation
        self.method = method
        self.url = url
        self.body = body
        self.body_snippet = body_snippet
        self.headers = headers if headers is not None else httpx.Headers()
        data = body or {}
        self.category: str | None = _str_or_none(data.get("category") or data.get("errorType"))
        self.correlation_id: str | None = _str_or_none(data.get("correlationId")) or _str_or_none(
            self.headers.get(_CORRELATION_HEADER)
        )
        self.message: str = message or _str_or_none(data.get("message")) or _status_phrase(status_code)
        context = data.get("context")
        self.context: dict[str, Any] = dict(context) if isinstance(context, Mapping) else {}
        details = data.get("errors")
        self.details: list[dict[str, Any]] = (
            [dict(d) for d in details if isinstance(d, Mapping)] if isinstance(details, list) else []
        )
        super().__init__(self._describe())

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own pickling calls cls(*args), which these keyword-only
        # constructors refuse; rebuild from the attributes instead.
        return _unpickle, (type(self), self.args, self.__dict__)

    def _describe(self) -> str:
        start = f"{self.status_code} " if self.status_code is not None else ""
        parts = [f"{start}{self.method} {self.url}: {self.message}"]
        if self.operation:
            parts.append(f"operation={self.operation}")
        if self.category:
            parts.append(f"category={self.category}")
        if self.correlation_id:
            parts.append(f"correlationId={self.correlation_id}")
        if self.body_snippet is not None:
            parts.append(f"body={self.body_snippet!r}")
        return " ".join(parts)

    @classmethod
    def from_response(cls, response: httpx.Response, *, operation: str | None = None) -> HubSpotError:
        """Build the error subclass that matches a response's status."""
        body, snippet = _read_body(response)
        error_class = _class_for_status(response.status_code)
        return error_class(
            status_code=response.status_code,
            method=response.request.method,
            url=str(response.request.url),
            body=body,
            body_snippet=snippet,
            headers=response.headers,
            operation=operation,
        )


class MalformedResponseError(HubSpotError):
    """HubSpot answered a documented success whose body is not the documented model.

    The body was empty, not JSON, cut short, or JSON that misses a required
    field or holds a value of the wrong type. ``status_code`` is the success
    status, ``body_snippet`` the start of the body, ``__cause__`` the parse
    failure. An idempotent operation was retried first (retry.py), so this is
    what the last attempt got; a write that is not idempotent may have been
    applied.
    """

    @classmethod
    def from_parse_failure(
        cls, response: httpx.Response, *, operation: str, cause: BaseException
    ) -> MalformedResponseError:
        """The error for a success ``response`` that the model's parse failed on with ``cause``."""
        content = response.read()
        body, _ = _read_body(response)
        reason = f"{type(cause).__name__}: {cause}" if str(cause) else type(cause).__name__
        what = "an empty body" if not content.strip() else "a body"
        return cls(
            status_code=response.status_code,
            method=response.request.method,
            url=str(response.request.url),
            body=body,
            body_snippet=_snippet(content),
            headers=response.headers,
            operation=operation,
            message=(
                f"HubSpot answered {what} that is not {operation}'s documented response ({_bounded(reason)})"
            ),
        )


class HubSpotConnectionError(HubSpotError):
    """No complete answer arrived: HubSpot could not be reached, or the connection broke.

    ``status_code`` is None and ``__cause__`` is the httpx exception. Idempotent
    operations were retried first (retry.py). ``request_sent`` says whether the
    request may have reached HubSpot: when it did, a write that is not
    idempotent may have been applied.
    """

    request_sent: bool = True

    @classmethod
    def from_httpx(cls, exc: httpx.RequestError, *, operation: str) -> HubSpotConnectionError:
        """The error for an httpx request error: ``HubSpotTimeoutError`` for a timeout."""
        error_class = (
            HubSpotTimeoutError if isinstance(exc, httpx.TimeoutException) else HubSpotConnectionError
        )
        try:
            request: httpx.Request | None = exc.request
        except RuntimeError:  # an error raised outside any request (a test double's, say)
            request = None
        if isinstance(exc, httpx.LocalProtocolError):
            _scrub_refusal(exc)
        reason = _bounded(str(exc) or "no detail")
        error = error_class(
            status_code=None,
            method=request.method if request is not None else "",
            url=str(request.url) if request is not None else "",
            body=None,
            operation=operation,
            message=f"{_TRANSPORT_FAILURES.get(type(exc), 'the request failed')} ({type(exc).__name__}: {reason})",
        )
        error.request_sent = not isinstance(exc, _NEVER_SENT)
        return error


class HubSpotTimeoutError(HubSpotConnectionError):
    """The request took longer than the client's timeout (connect, write, read or pool)."""


class InvalidArgumentError(ValueError):
    """An argument cannot be sent as given; nothing was sent.

    A ``ValueError`` (like ``ConfigurationError``), not a ``HubSpotError``: it
    is a bug in the calling code, found before any request, and an ``except
    HubSpotError`` meant for HubSpot's answers and the network should not
    swallow it. ``argument`` names the argument, ``operation`` the operation.
    """

    def __init__(self, message: str, *, argument: str, operation: str) -> None:
        self.argument = argument
        self.operation = operation
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return _unpickle, (type(self), self.args, self.__dict__)

    @classmethod
    def blank(cls, argument: str, value: object, *, operation: str) -> InvalidArgumentError:
        """The error for a path argument that is empty or only whitespace."""
        return cls(
            f"{operation}: {argument} is {'empty' if value == '' else 'only whitespace'} ({value!r}); "
            f"pass the value to put in the request path (an id from list_page or search, say). "
            "A blank path segment would address another endpoint, so nothing was sent.",
            argument=argument,
            operation=operation,
        )

    @classmethod
    def check_path(cls, argument: str, value: object, *, operation: str) -> None:
        """Raise for a path argument that cannot be sent: blank, or neither a str nor an int.

        An int is taken (an id HubSpot gives as a number, sent as its digits); None or another
        type would be sent as its str(), "None" for one, so it is refused.
        """
        if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
            raise cls.path_argument(argument, value, operation=operation)

    @classmethod
    def path_argument(cls, argument: str, value: object, *, operation: str) -> InvalidArgumentError:
        """The error for a path argument that is not a str (or int), or is blank."""
        if isinstance(value, str):
            return cls.blank(argument, value, operation=operation)
        return cls(
            f"{operation}: {argument} is {value!r}, a {type(value).__name__}; pass the value to put in "
            "the request path as a str (an id from list_page or search, say; an int id is taken too). "
            f"It would be sent as {str(value)!r}, so nothing was sent.",
            argument=argument,
            operation=operation,
        )


def _scrub_refusal(exc: BaseException) -> None:
    """Blank the messages of a refused request, which can quote the Authorization header.

    h11 refuses an illegal header value (a token read with its newline) by
    quoting it, and httpcore and httpx repeat the text in the exceptions they
    chain to it; a logged traceback of ``__cause__`` would print the token.
    Only that chain is touched, not an exception the caller was handling.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and type(current).__name__ == "LocalProtocolError":
        seen.add(id(current))
        current.args = (_REFUSED,)
        current = current.__cause__ or current.__context__


def _unpickle(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> BaseException:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


def _read_body(response: httpx.Response) -> tuple[Mapping[str, Any] | None, str | None]:
    """The body as a JSON object, or None and a snippet of it when it is not one."""
    content = response.read()
    try:
        parsed = json.loads(content) if content else None
    except ValueError:
        parsed = None
    if isinstance(parsed, Mapping):
        return parsed, None
    return None, _snippet(content) if content else None


def _snippet(content: bytes) -> str:
    return content[:_SNIPPET_CHARS].decode("utf-8", errors="replace")


def _bounded(text: str) -> str:
    return text if len(text) <= _SNIPPET_CHARS else text[: _SNIPPET_CHARS - 3] + "..."


class ValidationError(HubSpotError):
    """400: the request was malformed or broke one of HubSpot's rules."""

    status_codes = (400,)


class AuthenticationError(HubSpotError):
    """401: the token is missing, wrong or expired."""

    status_codes = (401,)


class MissingScopesError(HubSpotError):
    """403: the token lacks a scope this operation needs (see ``required_scopes``)."""

    status_codes = (403,)

    @property
    def required_scopes(self) -> list[str]:
        """The scopes HubSpot named as missing, when it named any."""
        scopes: list[str] = []
        for key in ("requiredScopes", "missingScopes", "requiredGranularScopes"):
            value = self.context.get(key)
            if isinstance(value, list):
                scopes.extend(str(v) for v in value)
        return scopes


class NotFoundError(HubSpotError):
    """404: no object has that id (or that value of ``idProperty``)."""

    status_codes = (404,)


class ConflictError(HubSpotError):
    """409: the write conflicts with the object's current state."""

    status_codes = (409,)


class RateLimitError(HubSpotError):
    """429: a rate limit was reached.

    ``policy_name`` is HubSpot's policy (``TEN_SECONDLY_ROLLING``,
    ``SECONDLY``, ``DAILY``...); ``retry_after`` the seconds HubSpot asked to
    wait, when it said. A ``DAILY`` limit (``is_daily``) lasts until midnight
    in the account's time zone: retrying sooner cannot succeed.
    """

    status_codes = (429,)

    @property
    def policy_name(self) -> str | None:
        """HubSpot's name for the limit that was reached."""
        return _str_or_none((self.body or {}).get("policyName"))

    @property
    def is_daily(self) -> bool:
        """Whether this is the daily limit, which no retry before midnight cures."""
        return self.policy_name == "DAILY"

    @property
    def retry_after(self) -> float | None:
        """Seconds to wait before retrying, from the Retry-After header."""
        return parse_retry_after(self.headers.get("Retry-After"))


class ServerError(HubSpotError):
    """5xx: HubSpot, or a proxy in front of it, failed to answer."""

    status_codes = (500, 501, 502, 503, 504)


class UnexpectedStatus(HubSpotError):
    """A status that neither the document nor this hierarchy expects."""


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        # "inf" and "nan" parse as floats but are no wait anyone can honour.
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        # An HTTP date is always GMT; parsedate_to_datetime leaves a "-0000"
        # zone naive, which .timestamp() would read as local time.
        when = when.replace(tzinfo=datetime.UTC)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def _class_for_status(status_code: int) -> type[HubSpotError]:
    for error_class in (
        ValidationError,
        AuthenticationError,
        MissingScopesError,
        NotFoundError,
        ConflictError,
        RateLimitError,
    ):
        if status_code in error_class.status_codes:
            return error_class
    if 500 <= status_code <= 599:
        return ServerError
    return UnexpectedStatus


def _status_phrase(status_code: int | None) -> str:
    if status_code is None:  # no answer arrived; the connection errors say why in their message
        return "no answer"
    try:
        return http.HTTPStatus(status_code).phrase
    except ValueError:
        return f"HTTP {status_code}"


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
