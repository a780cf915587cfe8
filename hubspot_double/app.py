"""The ASGI application: HubSpot's routes, error shape, auth, limits, faults.

`DoubleApp` is a thin raw-ASGI layer around a plain Starlette router. The raw
layer exists because some faults need control Starlette does not give: a
response cut off mid-body (the connection closes), a response held back, a
body truncated under a matching Content-Length. It also records every request
and adds the rate-limit headers to every response (when limits are on).

Order per request: fault decision -> authentication/scopes -> rate limit ->
handler -> post-handler fault (drop/delay/truncate). So an injected 429/5xx
never applies a write, and a dropped response always did.

HubSpot's limits (batch sizes, page sizes, the search caps, the rate-limit
windows each operation spends) come from the SDK's operation table
(`hubspot_partner_clients._operations`), which the pipeline writes from the
document: the double refuses what the document says HubSpot refuses.

Both API versions' paths are served, v3's and 2026-03's, by the same handlers
over the same store (the association endpoints, whose shapes differ, are in
`associations.py`); a request of either spends the account's windows.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from hubspot_partner_clients._operations import OPERATIONS

from . import search as search_mod
from .association_types import normalise_object_type
from .associations import Associations
from .config import READ_SCOPE, WRITE_SCOPE, AuthConfig
from .error_bodies import (
    ApiError,
    correlation_id,
    error_body,
    html_gateway_page,
    rate_limit_body,
    validation_error,
)
from .faults import POST_HANDLER, Decision, FaultKind, Faults
from .parsing import boolean, decode_cursor, encode_cursor, json_body, lookup, multi, next_link, page_limit
from .ratelimit import AccountRateLimits
from .recording import RecordedRequest, Recorder
from .store import PartnerClient, Store, iso_ms
from .views import Links, object_json

logger = logging.getLogger("hubspot_double")

BASE_PATH = "/crm/v3/objects/partner_clients"
# 2026-03's paths: the same operations under a dated prefix, and its generic association paths.
DATED_PREFIX = "/crm/objects/2026-03"
DATED_BASE_PATH = f"{DATED_PREFIX}/partner_clients"
# Answers a proxy in front of HubSpot makes up: they carry no HubSpot correlation id.
_PIECE = 2**16
_NOT_FROM_HUBSPOT = frozenset({FaultKind.BAD_GATEWAY, FaultKind.GATEWAY_TIMEOUT})
BATCH_READ_MAX_INPUTS = OPERATIONS.limit("batch_read", "max_inputs")
BATCH_UPDATE_MAX_INPUTS = OPERATIONS.limit("batch_update", "max_inputs")
LIST_DEFAULT_LIMIT = OPERATIONS.limit("list_page", "default_page_size")
LIST_MAX_LIMIT = OPERATIONS.limit("list_page", "max_page_size")
SCOPES_LINK = {"scopes": "https://developers.hubspot.com/scopes"}

Headers = list[tuple[bytes, bytes]]


def _batch_inputs(body: Any, max_inputs: int) -> list[Any]:
    if not isinstance(body, dict) or not isinstance(body.get("inputs"), list):
        raise validation_error("Invalid input: 'inputs' must be an array.")
    inputs: list[Any] = body["inputs"]
    if len(inputs) > max_inputs:
        raise validation_error(
            f"Batch size of {len(inputs)} exceeds the maximum of {max_inputs} inputs.",
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


def _windows(method: str, raw_path: str) -> tuple[str, ...]:
    """The rate-limit windows a request spends: its operation's, as the table says.

    A 2026-03 request whose operation the table lacks (a table written from v3's
    document alone) spends what the same request to v3's path would: the windows
    are the account's, whichever version a request names.
    """
    operation = OPERATIONS.find(method, raw_path)
    if operation is None and raw_path.startswith(DATED_PREFIX + "/"):
        operation = OPERATIONS.find(method, "/crm/v3/objects" + raw_path.removeprefix(DATED_PREFIX))
    return operation.rate_limit_windows if operation is not None else OPERATIONS.default_windows


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
        self.associations = Associations(store, faults)
        links = self.associations
        generic = DATED_PREFIX + "/{object_type}/{object_id}/associations"
        self.router = Starlette(
            routes=[
                # The same seven operations under each version's path: one handler, one store.
                *(route for base in (BASE_PATH, DATED_BASE_PATH) for route in self._object_routes(base)),
                Route(BASE_PATH + "/{object_id}/associations/{to_type}", links.v3_list, methods=["GET"]),
                Route(
                    BASE_PATH + "/{object_id}/associations/{to_type}/{to_id}/{assoc_type}",
                    links.v3_associate,
                    methods=["PUT", "DELETE"],
                ),
                Route(generic + "/{to_type}", links.list_labelled, methods=["GET"]),
                Route(generic + "/{to_type}/{to_id}", links.associate_labelled, methods=["PUT", "DELETE"]),
                Route(
                    DATED_PREFIX + "/{from_type}/{from_id}/associations/default/{to_type}/{to_id}",
                    links.associate_default,
                    methods=["PUT"],
                ),
            ],
            exception_handlers={ApiError: self._api_error, HTTPException: self._http_error},
        )

    def _object_routes(self, base: str) -> list[Route]:
        """The read, update, batch and search routes under one version's `base` path."""
        return [
            Route(base, self.list_objects, methods=["GET"]),
            Route(f"{base}/batch/read", self.batch_read, methods=["POST"]),
            Route(f"{base}/batch/update", self.batch_update, methods=["POST"]),
            Route(f"{base}/search", self.search, methods=["POST"]),
            Route(base + "/{object_id}", self.get_object, methods=["GET"]),
            Route(base + "/{object_id}", self.update_object, methods=["PATCH"]),
        ]

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
            raw_path = scope.get("raw_path", path.encode()).decode("latin-1")
            status, headers, payload = self._check_access(request_headers, method, path, raw_path, cid)
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
            await self._send_faulty(send, decision, status, headers, payload, receive=receive)
        else:
            await self._send(send, status, headers, payload)

    async def _send(self, send: Send, status: int, headers: Headers, payload: bytes) -> None:
        headers = [(k, v) for k, v in headers if k != b"content-length"]
        if status != 204:  # a 204 carries no body and no Content-Length
            headers.append((b"content-length", str(len(payload)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        # A large body goes out in pieces, so uvicorn's flow control holds at most a few of them
        # in the send buffer (as a real server streams), not a copy of the whole body.
        start = 0
        while len(payload) - start > _PIECE:
            await send(
                {"type": "http.response.body", "body": payload[start : start + _PIECE], "more_body": True}
            )
            start += _PIECE
        await send({"type": "http.response.body", "body": payload[start:], "more_body": False})

    async def _send_faulty(
        self,
        send: Send,
        decision: Decision,
        status: int,
        headers: Headers,
        payload: bytes,
        *,
        receive: Receive,
    ) -> None:
        if decision.kind is FaultKind.TRICKLE:
            await self._trickle(send, receive, decision.delay_seconds, (status, headers, payload))
        elif decision.kind is FaultKind.DELAY:
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

    async def _trickle(
        self, send: Send, receive: Receive, interval: float, answer: tuple[int, Headers, bytes]
    ) -> None:
        """The whole answer, one byte every `interval` seconds, until done or the client leaves."""
        status, headers, payload = answer
        headers = [(k, v) for k, v in headers if k != b"content-length"]
        headers.append((b"content-length", str(len(payload)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        for at in range(len(payload)):
            more = at + 1 < len(payload)
            await send({"type": "http.response.body", "body": payload[at : at + 1], "more_body": more})
            if not more:
                return
            try:
                # The request body was read whole, so the next message is the client leaving.
                message = await asyncio.wait_for(receive(), timeout=interval)
            except TimeoutError:
                continue
            if message["type"] == "http.disconnect":
                return

    def _fault_response(self, decision: Decision, cid: str) -> tuple[int, Headers, bytes]:
        kind = decision.kind
        if kind is FaultKind.ANSWER:
            content_type = decision.content_type
            headers = [(b"content-type", content_type.encode())] if content_type is not None else []
            headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in decision.headers]
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
        self, headers: dict[str, str], method: str, path: str, raw_path: str, cid: str
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
        verdict = self.rate_limits.check(_windows(method, raw_path))
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

    def _assoc_for(self, obj: PartnerClient, names: list[str]) -> dict[str, Links]:
        out: dict[str, Links] = {}
        for name in names:
            t = normalise_object_type(name)
            if t is not None:
                out[t] = self.store.associations(obj, t)
        return out

    async def list_objects(self, request: Request) -> Response:
        q = request.query_params
        limit = page_limit(q, LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT)
        archived = boolean(q, "archived")
        cursor = decode_cursor("pc", q.get("after"))
        after = None if cursor is None else cursor[0]
        props, hist, assoc = (multi(q, n) for n in ("properties", "propertiesWithHistory", "associations"))
        objs, more = self.store.page(after, limit, archived=archived)
        out: dict[str, Any] = {
            "results": [object_json(o, props, hist, self._assoc_for(o, assoc)) for o in objs]
        }
        if more and objs:
            out["paging"] = next_link(request, encode_cursor("pc", objs[-1].int_id))
        return JSONResponse(out)

    async def get_object(self, request: Request) -> Response:
        q = request.query_params
        obj = lookup(self.store, request, archived=boolean(q, "archived"))
        props, hist, assoc = (multi(q, n) for n in ("properties", "propertiesWithHistory", "associations"))
        return JSONResponse(object_json(obj, props, hist, self._assoc_for(obj, assoc)))

    async def update_object(self, request: Request) -> Response:
        body = await json_body(request)
        if not isinstance(body, dict) or "properties" not in body:
            raise validation_error("Invalid input: 'properties' is required.")
        properties = self.store.validate_properties(body["properties"])
        obj = lookup(self.store, request)
        self.store.apply_write(obj, properties, "PATCH")
        return JSONResponse(object_json(obj, list(properties)))

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
        archived = boolean(request.query_params, "archived")
        body = await json_body(request)
        inputs = _batch_inputs(body, BATCH_READ_MAX_INPUTS)
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
                results.append(object_json(obj, props, hist))
        return self._batch_response(results, errors, started)

    async def batch_update(self, request: Request) -> Response:
        started = int(time.time() * 1000)
        body = await json_body(request)
        inputs = _batch_inputs(body, BATCH_UPDATE_MAX_INPUTS)
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
            result = object_json(obj, list(properties))
            if trace is not None:
                result["objectWriteTraceId"] = trace
            results.append(result)
        return self._batch_response(results, errors, started)

    async def search(self, request: Request) -> Response:
        body = await json_body(request)
        parsed = search_mod.parse_request(body)
        page, total = search_mod.run(parsed, self.store.active_objects())
        props = list(parsed.properties) if parsed.properties is not None else None
        out: dict[str, Any] = {"total": total, "results": [object_json(o, props) for o in page]}
        next_offset = parsed.offset + parsed.limit
        if next_offset < total:
            out["paging"] = {"next": {"after": str(next_offset)}}
        return JSONResponse(out)


def _json_headers() -> Headers:
    return [(b"content-type", b"application/json;charset=utf-8")]


def _dump(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()
