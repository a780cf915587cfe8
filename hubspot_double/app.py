"""The ASGI application: HubSpot's routes, error shape, auth, limits, faults.

`DoubleApp` is a thin raw-ASGI layer around a plain Starlette router. The raw
layer exists because some faults need control Starlette does not give: a
response cut off mid-body (the connection closes), a response held back, a
body truncated under a matching Content-Length. It also records every request
and adds the rate-limit headers to every response (when limits are on).

Order per request: fault decision -> authentication/scopes -> rate limit ->
handler -> post-handler fault (drop/delay/truncate). So an injected 429/5xx
never applies a write, and a dropped response always did.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import time
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from . import search as search_mod
from .config import READ_SCOPE, WRITE_SCOPE, AuthConfig
from .error_bodies import (
    ApiError,
    correlation_id,
    error_body,
    html_gateway_page,
    not_found,
    rate_limit_body,
    validation_error,
)
from .faults import POST_HANDLER, Decision, FaultKind, Faults
from .ratelimit import AccountRateLimits
from .recording import RecordedRequest, Recorder
from .store import (
    ASSOCIATION_TYPES,
    DEFAULT_PROPERTIES,
    OBJECT_ID_PROPERTY,
    PROPERTY_TYPES,
    PartnerClient,
    Store,
    iso_ms,
    normalise_object_type,
)

logger = logging.getLogger("hubspot_double")

BASE_PATH = "/crm/v3/objects/partner_clients"
# Answers a proxy in front of HubSpot makes up: they carry no HubSpot correlation id.
_NOT_FROM_HUBSPOT = frozenset({FaultKind.BAD_GATEWAY, FaultKind.GATEWAY_TIMEOUT})
MAX_BATCH = 100
LIST_MAX_LIMIT = 100
ASSOC_MAX_LIMIT = 500
# Returned with every object whatever was asked, as HubSpot does.
ALWAYS_PROPERTIES = (OBJECT_ID_PROPERTY, "hs_createdate", "hs_lastmodifieddate")
SCOPES_LINK = {"scopes": "https://developers.hubspot.com/scopes"}

Headers = list[tuple[bytes, bytes]]


# -- small parsing helpers ------------------------------------------------------


def _multi(params: QueryParams, name: str) -> list[str]:
    """A list parameter sent comma-separated, repeated, or both."""
    seen: dict[str, None] = {}
    for raw in params.getlist(name):
        for part in raw.split(","):
            if part.strip():
                seen[part.strip()] = None
    return list(seen)


def _bool(params: QueryParams, name: str) -> bool:
    raw = params.get(name)
    if raw is None or raw == "":
        return False
    if raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    raise validation_error(f"Invalid value for query parameter {name!r}: {raw!r}.")


def _limit(params: QueryParams, default: int, maximum: int) -> int:
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


def _encode_cursor(kind: str, value: int) -> str:
    # Opaque on purpose: clients must echo it, never compute it.
    return base64.urlsafe_b64encode(f"{kind}:{value}".encode()).decode().rstrip("=")


def _decode_cursor(kind: str, raw: str | None) -> int | None:
    if raw is None or raw == "":
        return None
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
        prefix, _, value = text.partition(":")
        if prefix != kind:
            raise ValueError(text)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise validation_error(
            f"Invalid value for query parameter 'after': {raw!r} is not a valid cursor.",
            context={"after": [raw]},
        ) from None


async def _json_body(request: Request) -> Any:
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


def _object_json(
    obj: PartnerClient,
    properties: list[str] | None,
    with_history: list[str] | None = None,
    associations: dict[str, dict[str, str]] | None = None,
) -> dict[str, Any]:
    names = list(properties) if properties else list(DEFAULT_PROPERTIES)
    names += [p for p in ALWAYS_PROPERTIES if p not in names]
    out: dict[str, Any] = {
        "id": obj.id,
        "properties": {n: obj.get(n) for n in names if n in PROPERTY_TYPES},
        "createdAt": iso_ms(obj.created_ms),
        "updatedAt": iso_ms(obj.updated_ms),
        "archived": obj.archived,
    }
    if obj.archived_ms is not None:
        out["archivedAt"] = iso_ms(obj.archived_ms)
    if with_history:
        out["propertiesWithHistory"] = {
            n: obj.property_history(n) for n in with_history if n in PROPERTY_TYPES
        }
    if associations:
        out["associations"] = {
            t: {"results": [{"id": i, "type": label} for i, label in found.items()]}
            for t, found in associations.items()
            if found
        }
    return out


def _batch_inputs(body: Any) -> list[Any]:
    if not isinstance(body, dict) or not isinstance(body.get("inputs"), list):
        raise validation_error("Invalid input: 'inputs' must be an array.")
    inputs: list[Any] = body["inputs"]
    if len(inputs) > MAX_BATCH:
        raise validation_error(
            f"Batch size of {len(inputs)} exceeds the maximum of {MAX_BATCH} inputs.",
            context={"inputs": [str(len(inputs))]},
        )
    return inputs


def _batch_id(item: Any, where: str) -> str:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
        raise validation_error(f"Invalid input: {where}.id must be a non-empty string.")
    return str(item["id"])


def _reject_duplicates(ids: list[str]) -> None:
    seen: set[str] = set()
    dupes = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    if dupes:
        raise validation_error(
            f"Duplicate IDs found in batch input: {dupes}. IDs must be unique",
            context={"ids": dupes},
        )


def _str_list(body: dict[str, Any], key: str) -> list[str] | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise validation_error(f"Invalid input: {key!r} must be an array of strings.")
    return value


def _optional_str(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is not None and not isinstance(value, str):
        raise validation_error(f"Invalid input: {key!r} must be a string.")
    return value


def _is_write(method: str, path: str) -> bool:
    return method in ("PATCH", "PUT", "DELETE") or (method == "POST" and path.endswith("/batch/update"))


# -- the application ------------------------------------------------------------


class DoubleApp:
    """ASGI app serving one store; see the module docstring for the flow."""

    def __init__(
        self,
        store: Store,
        auth: AuthConfig,
        rate_limits: AccountRateLimits,
        faults: Faults,
        recorder: Recorder,
    ) -> None:
        self.store = store
        self.auth = auth
        self.rate_limits = rate_limits
        self.faults = faults
        self.recorder = recorder
        self.router = Starlette(
            routes=[
                Route(BASE_PATH, self.list_objects, methods=["GET"]),
                Route(f"{BASE_PATH}/batch/read", self.batch_read, methods=["POST"]),
                Route(f"{BASE_PATH}/batch/update", self.batch_update, methods=["POST"]),
                Route(f"{BASE_PATH}/search", self.search, methods=["POST"]),
                Route(BASE_PATH + "/{object_id}", self.get_object, methods=["GET"]),
                Route(BASE_PATH + "/{object_id}", self.update_object, methods=["PATCH"]),
                Route(
                    BASE_PATH + "/{object_id}/associations/{to_type}",
                    self.list_associations,
                    methods=["GET"],
                ),
                Route(
                    BASE_PATH + "/{object_id}/associations/{to_type}/{to_id}/{assoc_type}",
                    self.associate,
                    methods=["PUT", "DELETE"],
                ),
            ],
            exception_handlers={ApiError: self._api_error, HTTPException: self._http_error},
        )

    # -- raw ASGI layer ---------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        method: str = scope["method"]
        path: str = scope["path"]
        cid = correlation_id()
        request_headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}

        decision = self.faults.decide(method, path)
        if decision is not None and decision.kind not in POST_HANDLER:
            status, headers, payload = self._fault_response(decision, cid)
        else:
            status, headers, payload = self._check_access(request_headers, method, path, cid)
            if status == 0:
                status, headers, payload = await self._call_router(scope, body, cid)
        headers += self.rate_limits.headers()
        if decision is None or decision.kind not in _NOT_FROM_HUBSPOT:
            headers.append((b"x-hubspot-correlation-id", cid.encode()))

        self.recorder.add(
            RecordedRequest(
                method=method,
                path=path,
                query=scope.get("query_string", b"").decode("latin-1"),
                headers={k: v for k, v in request_headers.items() if k != "authorization"},
                body=body,
                status=status,
                fault=decision.kind.value if decision is not None else None,
            )
        )
        if decision is not None and decision.kind in POST_HANDLER:
            await self._send_faulty(send, decision, status, headers, payload)
        else:
            await self._send(send, status, headers, payload)

    async def _send(self, send: Send, status: int, headers: Headers, payload: bytes) -> None:
        headers = [(k, v) for k, v in headers if k != b"content-length"]
        if status != 204:  # a 204 carries no body and no Content-Length
            headers.append((b"content-length", str(len(payload)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload, "more_body": False})

    async def _send_faulty(
        self, send: Send, decision: Decision, status: int, headers: Headers, payload: bytes
    ) -> None:
        if decision.kind is FaultKind.DELAY:
            # Long enough to trip the client's read timeout; the write is done.
            await asyncio.sleep(decision.delay_seconds)
            await self._send(send, status, headers, payload)
        elif decision.kind is FaultKind.TRUNCATE:
            # A well-formed HTTP response whose JSON stops halfway.
            await self._send(send, status, headers, payload[: len(payload) // 2] or b"{")
        else:
            # DROP: promise the full length, send part of it, then return
            # without finishing; uvicorn then closes the transport, and the
            # client sees the peer close mid-body (httpx RemoteProtocolError).
            headers = [(k, v) for k, v in headers if k != b"content-length"]
            if status == 204:
                # A 204 cannot carry a body, so h11 would end it cleanly. Break
                # it as a 200 promising a body: the client still gets no usable
                # response, which is what a real drop means.
                status = 200
            full = max(len(payload), 2)
            headers.append((b"content-length", str(full).encode()))
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": payload[: full // 2], "more_body": True})

    def _fault_response(self, decision: Decision, cid: str) -> tuple[int, Headers, bytes]:
        kind = decision.kind
        if kind is FaultKind.ANSWER:
            content_type = decision.content_type
            headers = [(b"content-type", content_type.encode())] if content_type is not None else []
            return decision.status or 200, headers, decision.body
        if kind in (FaultKind.RATE_LIMIT, FaultKind.RATE_LIMIT_DAILY):
            daily = kind is FaultKind.RATE_LIMIT_DAILY
            headers = _json_headers()
            if not daily:
                headers.append((b"retry-after", str(decision.retry_after).encode()))
            policy = "DAILY" if daily else "TEN_SECONDLY_ROLLING"
            return 429, headers, _dump(rate_limit_body(policy, cid))
        if kind in (FaultKind.BAD_GATEWAY, FaultKind.GATEWAY_TIMEOUT):
            status = 502 if kind is FaultKind.BAD_GATEWAY else 504
            html = html_gateway_page(status).encode()
            return status, [(b"content-type", b"text/html")], html
        status = decision.status or (503 if kind is FaultKind.SERVICE_UNAVAILABLE else 500)
        categories = {500: "INTERNAL_ERROR", 503: "SERVICE_UNAVAILABLE", 409: "CONFLICT"}
        body = error_body(categories.get(status, "ERROR"), f"Injected fault: HTTP {status}.", cid)
        return status, _json_headers(), _dump(body)

    def _check_access(
        self, headers: dict[str, str], method: str, path: str, cid: str
    ) -> tuple[int, Headers, bytes]:
        """(0, ...) when the request may proceed, else the refusal to send."""
        if not path.startswith("/crm/"):
            return 0, [], b""
        auth = headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if not auth:
            err = ApiError(
                401,
                "INVALID_AUTHENTICATION",
                "Authentication credentials not found. This API supports OAuth 2.0 "
                "authentication and you can find more details at "
                "https://developers.hubspot.com/docs/methods/auth/oauth-overview",
            )
            return err.status_code, _json_headers(), _dump(err.body(cid))
        scopes = self.auth.tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if scopes is None:
            err = ApiError(
                401,
                "INVALID_AUTHENTICATION",
                "Authentication credentials not valid: the access token is unknown or expired.",
            )
            return err.status_code, _json_headers(), _dump(err.body(cid))
        needed = WRITE_SCOPE if _is_write(method, path) else READ_SCOPE
        if needed not in scopes:
            err = ApiError(
                403,
                "MISSING_SCOPES",
                "This app hasn't been granted all required scopes to make this call. "
                "Read more about required scopes here: https://developers.hubspot.com/scopes.",
                context={"requiredScopes": [needed]},
                errors=[
                    {
                        "message": "One or more of the following scopes are required.",
                        "context": {"requiredGranularScopes": [needed]},
                    }
                ],
                links=SCOPES_LINK,
            )
            return err.status_code, _json_headers(), _dump(err.body(cid))
        verdict = self.rate_limits.check(search=method == "POST" and path.endswith("/search"))
        if verdict.policy is not None:
            out = _json_headers()
            if verdict.retry_after is not None:
                out.append((b"retry-after", str(verdict.retry_after).encode()))
            return 429, out, _dump(rate_limit_body(verdict.policy, cid))
        return 0, [], b""

    async def _call_router(self, scope: Scope, body: bytes, cid: str) -> tuple[int, Headers, bytes]:
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                # Nothing more will come; a handler waiting here would hang.
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        status = 500
        headers: Headers = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        inner_scope = dict(scope)
        inner_scope["hubspot_double.cid"] = cid
        try:
            await self.router(inner_scope, replay, capture)
        except Exception:
            # Never a traceback to the client: HubSpot's shape, and the
            # traceback in the server log for whoever debugs the double.
            logger.exception("handler failed")
            body_out = error_body("INTERNAL_ERROR", "Internal error in the double.", cid)
            return 500, _json_headers(), _dump(body_out)
        return status, headers, b"".join(chunks)

    # -- error handlers -----------------------------------------------------------

    async def _api_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return JSONResponse(exc.body(request.scope["hubspot_double.cid"]), exc.status_code)

    async def _http_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        cid = request.scope["hubspot_double.cid"]
        if exc.status_code == 405:
            body = error_body("VALIDATION_ERROR", "Method not allowed on this path.", cid)
        elif exc.status_code == 404:
            body = error_body("OBJECT_NOT_FOUND", f"No route for {request.url.path}.", cid)
        else:
            body = error_body("ERROR", str(exc.detail), cid)
        return JSONResponse(body, exc.status_code)

    # -- handlers -----------------------------------------------------------------

    def _next_link(self, request: Request, after: str) -> dict[str, Any]:
        return {"next": {"after": after, "link": str(request.url.include_query_params(after=after))}}

    def _assoc_for(self, obj: PartnerClient, names: list[str]) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        for name in names:
            t = normalise_object_type(name)
            if t is not None:
                out[t] = self.store.associations(obj, t)
        return out

    async def list_objects(self, request: Request) -> Response:
        q = request.query_params
        limit = _limit(q, 10, LIST_MAX_LIMIT)
        archived = _bool(q, "archived")
        after = _decode_cursor("pc", q.get("after"))
        props, hist, assoc = (_multi(q, n) for n in ("properties", "propertiesWithHistory", "associations"))
        objs, more = self.store.page(after, limit, archived=archived)
        out: dict[str, Any] = {
            "results": [_object_json(o, props, hist, self._assoc_for(o, assoc)) for o in objs]
        }
        if more and objs:
            out["paging"] = self._next_link(request, _encode_cursor("pc", objs[-1].int_id))
        return JSONResponse(out)

    def _lookup(self, request: Request, archived: bool = False) -> PartnerClient:
        object_id: str = request.path_params["object_id"]
        id_property = request.query_params.get("idProperty") or None
        obj = self.store.resolve(object_id, id_property, archived=archived)
        if obj is None:
            raise not_found(object_id)
        return obj

    async def get_object(self, request: Request) -> Response:
        q = request.query_params
        obj = self._lookup(request, archived=_bool(q, "archived"))
        props, hist, assoc = (_multi(q, n) for n in ("properties", "propertiesWithHistory", "associations"))
        return JSONResponse(_object_json(obj, props, hist, self._assoc_for(obj, assoc)))

    async def update_object(self, request: Request) -> Response:
        body = await _json_body(request)
        if not isinstance(body, dict) or "properties" not in body:
            raise validation_error("Invalid input: 'properties' is required.")
        properties = self.store.validate_properties(body["properties"])
        obj = self._lookup(request)
        self.store.apply_write(obj, properties, "PATCH")
        return JSONResponse(_object_json(obj, list(properties)))

    def _batch_response(
        self, results: list[dict[str, Any]], errors: list[dict[str, Any]], started: int
    ) -> Response:
        out: dict[str, Any] = {
            "status": self.faults.config.batch_status or "COMPLETE",
            "results": results,
            "requestedAt": iso_ms(started),
            "startedAt": iso_ms(started),
            "completedAt": iso_ms(int(time.time() * 1000)),
        }
        if errors:
            out["numErrors"] = len(errors)
            out["errors"] = errors
        return JSONResponse(out, 207 if errors else 200)

    @staticmethod
    def _not_found_error(object_id: str) -> dict[str, Any]:
        return {
            "status": "error",
            "category": "OBJECT_NOT_FOUND",
            "message": "Could not get some PARTNER_CLIENT objects, they may be deleted "
            "or not exist. Check that ids are valid.",
            "context": {"ids": [object_id]},
            "errors": [],
            "links": {},
        }

    async def batch_read(self, request: Request) -> Response:
        started = int(time.time() * 1000)
        archived = _bool(request.query_params, "archived")
        body = await _json_body(request)
        inputs = _batch_inputs(body)
        ids = [_batch_id(item, f"inputs[{i}]") for i, item in enumerate(inputs)]
        _reject_duplicates(ids)
        props = _str_list(body, "properties")
        hist = _str_list(body, "propertiesWithHistory")
        id_property = _optional_str(body, "idProperty")
        results, errors = [], []
        for object_id in ids:
            obj = self.store.resolve(object_id, id_property, archived=archived)
            if obj is None:
                errors.append(self._not_found_error(object_id))
            else:
                results.append(_object_json(obj, props, hist))
        return self._batch_response(results, errors, started)

    async def batch_update(self, request: Request) -> Response:
        started = int(time.time() * 1000)
        body = await _json_body(request)
        inputs = _batch_inputs(body)
        # Validate the whole batch first: HubSpot refuses a batch with one bad
        # input as a whole (400), applying nothing.
        planned: list[tuple[str, str | None, dict[str, str | None], str | None]] = []
        for i, item in enumerate(inputs):
            object_id = _batch_id(item, f"inputs[{i}]")
            if "properties" not in item:
                raise validation_error(f"Invalid input: inputs[{i}].properties is required.")
            properties = self.store.validate_properties(item["properties"])
            id_property = _optional_str(item, "idProperty")
            trace = _optional_str(item, "objectWriteTraceId")
            planned.append((object_id, id_property, properties, trace))
        _reject_duplicates([p[0] for p in planned])
        resolved = [(self.store.resolve(oid, idp), oid, props, trace) for oid, idp, props, trace in planned]
        results, errors = [], []
        for obj, object_id, properties, trace in resolved:
            if obj is None:
                errors.append(self._not_found_error(object_id))
                continue
            self.store.apply_write(obj, properties, "batch/update")
            result = _object_json(obj, list(properties))
            if trace is not None:
                result["objectWriteTraceId"] = trace
            results.append(result)
        return self._batch_response(results, errors, started)

    async def search(self, request: Request) -> Response:
        body = await _json_body(request)
        parsed = search_mod.parse_request(body)
        page, total = search_mod.run(parsed, self.store.active_objects())
        props = list(parsed.properties) if parsed.properties is not None else None
        out: dict[str, Any] = {"total": total, "results": [_object_json(o, props) for o in page]}
        next_offset = parsed.offset + parsed.limit
        if next_offset < total:
            out["paging"] = {"next": {"after": str(next_offset)}}
        return JSONResponse(out)

    def _to_type(self, request: Request) -> str:
        raw: str = request.path_params["to_type"]
        to_type = normalise_object_type(raw)
        if to_type is None:
            raise validation_error(
                f"Unknown object type {raw!r}; known: {sorted(ASSOCIATION_TYPES)}.",
                context={"toObjectType": [raw]},
            )
        return to_type

    async def list_associations(self, request: Request) -> Response:
        q = request.query_params
        obj = self._lookup(request)
        to_type = self._to_type(request)
        limit = _limit(q, ASSOC_MAX_LIMIT, ASSOC_MAX_LIMIT)
        after = _decode_cursor("as", q.get("after"))
        _bool(q, "includeFA")  # accepted and validated; the double has no FA
        items = [
            (int(i), label)
            for i, label in self.store.associations(obj, to_type).items()
            if after is None or int(i) > after
        ]
        page = items[:limit]
        out: dict[str, Any] = {"results": [{"id": str(i), "type": label} for i, label in page]}
        if len(items) > limit:
            out["paging"] = self._next_link(request, _encode_cursor("as", page[-1][0]))
        return JSONResponse(out)

    async def associate(self, request: Request) -> Response:
        obj = self._lookup(request)
        to_type = self._to_type(request)
        to_id: str = request.path_params["to_id"]
        label: str = request.path_params["assoc_type"]
        if not to_id.isdigit():
            raise validation_error(
                f"toObjectId must be numeric; got {to_id!r}.", context={"toObjectId": [to_id]}
            )
        if request.method == "DELETE":
            self.store.disassociate(obj, to_type, to_id)
            return Response(status_code=204)
        self.store.associate(obj, to_type, to_id, label)
        return JSONResponse(_object_json(obj, None, None, {to_type: self.store.associations(obj, to_type)}))


def _json_headers() -> Headers:
    return [(b"content-type", b"application/json;charset=utf-8")]


def _dump(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()
