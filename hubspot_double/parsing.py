"""Reading requests the way HubSpot does: list and boolean query parameters, page sizes, cursors, JSON bodies.

Shared by every handler of both API versions, so that a parameter is parsed,
and refused, the same way on every path.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from starlette.datastructures import QueryParams
from starlette.requests import Request

from .error_bodies import not_found, validation_error
from .store import PartnerClient, Store


def multi(params: QueryParams, name: str) -> list[str]:
    """A list parameter sent comma-separated, repeated, or both."""
    seen: dict[str, None] = {}
    for raw in params.getlist(name):
        for part in raw.split(","):
            if part.strip():
                seen[part.strip()] = None
    return list(seen)


def boolean(params: QueryParams, name: str) -> bool:
    raw = params.get(name)
    if raw is None or raw == "":
        return False
    if raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    raise validation_error(f"Invalid value for query parameter {name!r}: {raw!r}.")


def page_limit(params: QueryParams, default: int, maximum: int) -> int:
    raw = params.get("limit")
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise validation_error(f"Invalid value for query parameter 'limit': {raw!r}.") from None
    if not 1 <= value <= maximum:
        raise validation_error(
            f"limit must be between 1 and {maximum}; got {value}.", context={"limit": [raw]}
        )
    return value


def encode_cursor(kind: str, *values: int) -> str:
    """A cursor of this kind at this position (one or more numbers)."""
    # Opaque on purpose: clients must echo it, never compute it.
    text = ":".join([kind, *map(str, values)])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(kind: str, raw: str | None, parts: int = 1) -> tuple[int, ...] | None:
    """The position an `after` cursor of this kind holds (`parts` numbers); None without one; else a 400."""
    if raw is None or raw == "":
        return None
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
        prefix, *values = text.split(":")
        if prefix != kind or len(values) != parts:
            raise ValueError(text)
        return tuple(int(v) for v in values)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise validation_error(
            f"Invalid value for query parameter 'after': {raw!r} is not a valid cursor.",
            context={"after": [raw]},
        ) from None


async def json_body(request: Request) -> Any:
    raw = await request.body()
    if not raw:
        raise validation_error("Invalid input JSON: the request body is empty.")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise validation_error(
            f"Invalid input JSON on line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except UnicodeDecodeError:
        raise validation_error("Invalid input JSON: the body is not UTF-8.") from None


def lookup(store: Store, request: Request, archived: bool = False) -> PartnerClient:
    """The partner client the path's `{object_id}` names (with `idProperty`), or a 404."""
    object_id: str = request.path_params["object_id"]
    id_property = request.query_params.get("idProperty") or None
    obj = store.resolve(object_id, id_property, archived=archived)
    if obj is None:
        raise not_found(object_id)
    return obj


def next_link(request: Request, after: str) -> dict[str, Any]:
    """The `paging` of a page that has a next one: its cursor and the link to it."""
    return {"next": {"after": after, "link": str(request.url.include_query_params(after=after))}}
