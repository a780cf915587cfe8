"""Typed errors: one small hierarchy for every non-2xx answer from HubSpot.

Hooks: replaces the generated ``errors.py``. Every generated endpoint's
``_parse_response`` (generator/templates/endpoint_module.py.jinja) ends in
``raise errors.HubSpotError.from_response(response)`` for any status it does
not document as a success, so callers get an exception, never an error body
as a return value or None.

The hierarchy, by status: 400 ValidationError, 401 AuthenticationError,
403 MissingScopesError, 404 NotFoundError, 409 ConflictError,
429 RateLimitError, 5xx ServerError; anything else is UnexpectedStatus.
Each carries the status, the parsed HubSpot error body (category,
correlation id, context, details), the method and the URL, and, for a body
that is not HubSpot's JSON (a proxy's HTML page), a short snippet of it.
No request header is kept, so the token cannot leak through an exception.
"""

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
    "HubSpotError",
    "MissingScopesError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "UnexpectedStatus",
    "ValidationError",
]

_SNIPPET_CHARS = 200


class HubSpotError(Exception):
    """HubSpot answered with an error status.

    Attributes:
        status_code: the HTTP status.
        method: the request's method.
        url: the request's URL (it never carries the token).
        category: HubSpot's error category, such as ``VALIDATION_ERROR``.
        message: HubSpot's message, or a description of the status.
        correlation_id: HubSpot's id for the request; quote it to HubSpot support.
        context: HubSpot's context, such as the missing scopes.
        details: HubSpot's per-field error details.
        body: the parsed JSON body, or None when the body was not JSON.
        body_snippet: the first characters of a body that was not JSON.
        headers: the response headers.
    """

    status_codes: ClassVar[tuple[int, ...]] = ()

    def __init__(
        self,
        *,
        status_code: int,
        method: str,
        url: str,
        body: Mapping[str, Any] | None,
        body_snippet: str | None = None,
        headers: httpx.Headers | None = None,
    ) -> None:
        self.status_code = status_code
        self.method = method
        self.url = url
        self.body = body
        self.body_snippet = body_snippet
        self.headers = headers if headers is not None else httpx.Headers()
        data = body or {}
        self.category: str | None = _str_or_none(data.get("category") or data.get("errorType"))
        self.correlation_id: str | None = _str_or_none(data.get("correlationId"))
        self.message: str = _str_or_none(data.get("message")) or _status_phrase(status_code)
        context = data.get("context")
        self.context: dict[str, Any] = dict(context) if isinstance(context, Mapping) else {}
        details = data.get("errors")
        self.details: list[dict[str, Any]] = (
            [dict(d) for d in details if isinstance(d, Mapping)] if isinstance(details, list) else []
        )
        super().__init__(self._describe())

    def _describe(self) -> str:
        parts = [f"{self.status_code} {self.method} {self.url}: {self.message}"]
        if self.category:
            parts.append(f"category={self.category}")
        if self.correlation_id:
            parts.append(f"correlationId={self.correlation_id}")
        if self.body_snippet is not None:
            parts.append(f"body={self.body_snippet!r}")
        return " ".join(parts)

    @classmethod
    def from_response(cls, response: httpx.Response) -> HubSpotError:
        """Build the error subclass that matches a response's status."""
        body: Mapping[str, Any] | None = None
        snippet: str | None = None
        content = response.read()
        try:
            parsed = json.loads(content) if content else None
        except ValueError:
            parsed = None
        if isinstance(parsed, Mapping):
            body = parsed
        elif content:
            snippet = content[:_SNIPPET_CHARS].decode("utf-8", errors="replace")
        error_class = _class_for_status(response.status_code)
        return error_class(
            status_code=response.status_code,
            method=response.request.method,
            url=str(response.request.url),
            body=body,
            body_snippet=snippet,
            headers=response.headers,
        )


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


def _status_phrase(status_code: int) -> str:
    try:
        return http.HTTPStatus(status_code).phrase
    except ValueError:
        return f"HTTP {status_code}"


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
