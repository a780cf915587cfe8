"""HubSpot's error bodies: the `Error` shape and the 429 rate-limit shape.

Every non-2xx answer of the double is built here so that all of them share
HubSpot's exact field names.
"""

from __future__ import annotations

import uuid
from typing import Any


def correlation_id() -> str:
    return str(uuid.uuid4())


class ApiError(Exception):
    """Raised by handlers; turned into an `Error` body by the app."""

    def __init__(
        self,
        status_code: int,
        category: str,
        message: str,
        *,
        context: dict[str, list[str]] | None = None,
        errors: list[dict[str, Any]] | None = None,
        sub_category: str | None = None,
        links: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.category = category
        self.message = message
        self.context = context or {}
        self.errors = errors
        self.sub_category = sub_category
        self.links = links or {}

    def body(self, cid: str) -> dict[str, Any]:
        return error_body(
            self.category,
            self.message,
            cid,
            context=self.context,
            errors=self.errors,
            sub_category=self.sub_category,
            links=self.links,
        )


def error_body(
    category: str,
    message: str,
    cid: str,
    *,
    context: dict[str, list[str]] | None = None,
    errors: list[dict[str, Any]] | None = None,
    sub_category: str | None = None,
    links: dict[str, str] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "status": "error",
        "message": message,
        "correlationId": cid,
        "category": category,
        "context": context or {},
        "links": links or {},
    }
    if errors is not None:
        body["errors"] = errors
    if sub_category is not None:
        body["subCategory"] = sub_category
    return body


def validation_error(message: str, **kwargs: Any) -> ApiError:
    return ApiError(400, "VALIDATION_ERROR", message, **kwargs)


def not_found(object_id: str) -> ApiError:
    return ApiError(
        404,
        "OBJECT_NOT_FOUND",
        f"Object not found.  objectId are usually numeric. (id: {object_id})",
        context={"id": [object_id]},
    )


def rate_limit_body(policy: str, cid: str) -> dict[str, Any]:
    messages = {
        "TEN_SECONDLY_ROLLING": "You have reached your ten secondly limit.",
        "SECONDLY": "You have reached your secondly limit.",
        "DAILY": "You have reached your daily limit.",
    }
    return {
        "status": "error",
        "message": messages.get(policy, "You have reached your limit."),
        "errorType": "RATE_LIMIT",
        "correlationId": cid,
        "policyName": policy,
    }


def html_gateway_page(status_code: int) -> str:
    reason = {502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
    text = f"{status_code} {reason.get(status_code, 'Error')}"
    return (
        f"<html>\r\n<head><title>{text}</title></head>\r\n<body>\r\n"
        f"<center><h1>{text}</h1></center>\r\n<hr><center>cloudflare</center>\r\n"
        "</body>\r\n</html>\r\n"
    )
