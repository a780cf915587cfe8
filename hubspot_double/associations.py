"""The association endpoints of both API versions, over the store's one set of associations.

v3: list `{id, type}` entries; PUT and DELETE `.../{toObjectType}/{toObjectId}/{associationType}`
(one type, by its v3 name or type id). 2026-03: list `MultiAssociatedObjectWithLabel`s; PUT
`.../{toObjectType}/{toObjectId}` with a body of `AssociationSpec`s (201, `LabelsBetweenObjectPair`);
PUT `.../associations/default/{toObjectType}/{toObjectId}` (the default type, 200,
`BatchResponsePublicDefaultAssociation`); DELETE `.../{toObjectType}/{toObjectId}` (every type, 204).
2026-03's paths are HubSpot's generic ones (`/crm/objects/2026-03/{objectType}/{objectId}/...`): the
double serves them for partner clients only (by name or object type id), answering HubSpot's 400
for an object type it cannot infer and a 404 for the other object types, whose objects it does not keep.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hubspot_partner_clients._operations import OPERATIONS

from .association_types import (
    CATEGORIES,
    OBJECT_TYPES,
    PARTNER_CLIENT_TYPE_ID,
    AssociationType,
    by_id,
    by_v3_name,
    is_partner_clients,
    normalise_object_type,
)
from .error_bodies import ApiError, validation_error
from .faults import Faults
from .parsing import boolean, decode_cursor, encode_cursor, json_body, lookup, next_link, page_limit
from .store import PartnerClient, Store, iso_ms
from .views import labelled, object_json, v3_entries

# Both versions' listings page alike (HubSpot's documents give both the same default page).
ASSOC_DEFAULT_LIMIT = OPERATIONS.limit("list_associations", "default_page_size")
ASSOC_MAX_LIMIT = OPERATIONS.limit("list_associations", "max_page_size")


def to_type(request: Request) -> str:
    """The path's `{to_type}` as the table names it, or HubSpot's 400."""
    raw: str = request.path_params["to_type"]
    found = normalise_object_type(raw)
    if found is None:
        raise validation_error(
            f"Unknown object type {raw!r}; known: {sorted(OBJECT_TYPES)}.",
            context={"toObjectType": [raw]},
        )
    return found


def _to_id(request: Request) -> str:
    to_id: str = request.path_params["to_id"]
    if not to_id.isdigit():
        raise validation_error(f"toObjectId must be numeric; got {to_id!r}.", context={"toObjectId": [to_id]})
    return to_id


def _spec(item: Any, where: str, to: str) -> AssociationType:
    """One `AssociationSpec` of a 2026-03 PUT body, checked as HubSpot checks it."""
    if not isinstance(item, dict):
        raise validation_error(f"Invalid input: {where} must be an AssociationSpec object.")
    category = item.get("associationCategory")
    type_id = item.get("associationTypeId")
    if category is None:
        raise validation_error(f"Invalid input: {where}.associationCategory is required.")
    if category not in CATEGORIES:
        raise validation_error(
            f"Invalid input: {where}.associationCategory must be one of {list(CATEGORIES)}; "
            f"got {category!r}.",
            context={"associationCategory": [str(category)]},
        )
    if type_id is None:
        raise validation_error(f"Invalid input: {where}.associationTypeId is required.")
    if not isinstance(type_id, int) or isinstance(type_id, bool):
        raise validation_error(
            f"Invalid input: {where}.associationTypeId must be an integer; got {type_id!r}.",
            context={"associationTypeId": [str(type_id)]},
        )
    found = by_id(to, type_id)
    if found is None or found.category != category:
        raise validation_error(
            f"{category} association type {type_id} does not exist from partner_clients to {to}.",
            context={"associationTypeId": [str(type_id)], "associationCategory": [category]},
        )
    return found


class Associations:
    """The association handlers, over one store (`faults` for batch answers' status)."""

    def __init__(self, store: Store, faults: Faults) -> None:
        self.store = store
        self.faults = faults

    # -- v3 ---------------------------------------------------------------------------

    async def v3_list(self, request: Request) -> Response:
        q = request.query_params
        obj = lookup(self.store, request)
        to = to_type(request)
        limit = page_limit(q, ASSOC_DEFAULT_LIMIT, ASSOC_MAX_LIMIT)
        after = decode_cursor("as", q.get("after"), parts=2)
        boolean(q, "includeFA")  # accepted and validated; the double has no FA
        entries = [e for e in v3_entries(self.store.associations(obj, to)) if after is None or e[:2] > after]
        page = entries[:limit]
        out: dict[str, Any] = {"results": [entry for _, _, entry in page]}
        if len(entries) > limit:
            out["paging"] = next_link(request, encode_cursor("as", *page[-1][:2]))
        return JSONResponse(out)

    def _v3_type(self, request: Request, to: str) -> AssociationType:
        name: str = request.path_params["assoc_type"]
        found = by_v3_name(to, name)
        if found is None:
            known = [t.v3_name for t in OBJECT_TYPES[to].types]
            raise validation_error(
                f"Unknown association type {name!r} from partner_clients to {to}; known: {known}.",
                context={"associationType": [name]},
            )
        return found

    async def v3_associate(self, request: Request) -> Response:
        obj = lookup(self.store, request)
        to = to_type(request)
        to_id = _to_id(request)
        kind = self._v3_type(request, to)
        if request.method == "DELETE":
            self.store.disassociate(obj, to, to_id, [kind])
            return Response(status_code=204)
        self.store.associate(obj, to, to_id, [kind])
        return JSONResponse(object_json(obj, None, None, {to: self.store.associations(obj, to)}))

    # -- 2026-03 ----------------------------------------------------------------------

    def _from_object(self, request: Request, type_param: str, id_param: str) -> PartnerClient:
        object_type: str = request.path_params[type_param]
        object_id: str = request.path_params[id_param]
        if not is_partner_clients(object_type):
            if normalise_object_type(object_type) is None:
                raise validation_error(
                    f"Unable to infer object type from: {object_type}", context={"objectType": [object_type]}
                )
            # A real object type, but the double keeps partner clients only: none of its objects exist.
            raise ApiError(
                404,
                "OBJECT_NOT_FOUND",
                f"Object not found.  objectId are usually numeric. (id: {object_id})",
                context={"id": [object_id], "objectType": [object_type]},
            )
        obj = self.store.get(object_id)
        if obj is None:
            raise ApiError(
                404,
                "OBJECT_NOT_FOUND",
                f"Object not found.  objectId are usually numeric. (id: {object_id})",
                context={"id": [object_id]},
            )
        return obj

    async def list_labelled(self, request: Request) -> Response:
        q = request.query_params
        obj = self._from_object(request, "object_type", "object_id")
        to = to_type(request)
        limit = page_limit(q, ASSOC_DEFAULT_LIMIT, ASSOC_MAX_LIMIT)
        after = decode_cursor("al", q.get("after"))
        pairs = [
            (to_id, types)
            for to_id, types in self.store.associations(obj, to).items()
            if after is None or int(to_id) > after[0]
        ]
        page = pairs[:limit]
        out: dict[str, Any] = {"results": [labelled(to_id, types) for to_id, types in page]}
        if len(pairs) > limit:
            out["paging"] = next_link(request, encode_cursor("al", int(page[-1][0])))
        return JSONResponse(out)

    async def associate_labelled(self, request: Request) -> Response:
        obj = self._from_object(request, "object_type", "object_id")
        to = to_type(request)
        to_id = _to_id(request)
        if request.method == "DELETE":
            self.store.disassociate(obj, to, to_id)
            return Response(status_code=204)
        body = await json_body(request)
        if not isinstance(body, list):
            raise validation_error("Invalid input: the body must be an array of AssociationSpec.")
        if not body:
            raise validation_error("Invalid input: the body must name at least one AssociationSpec.")
        kinds = [_spec(item, f"[{i}]", to) for i, item in enumerate(body)]
        now = self.store.associate(obj, to, to_id, kinds)
        out = {
            "fromObjectTypeId": PARTNER_CLIENT_TYPE_ID,
            "fromObjectId": obj.id,
            "toObjectTypeId": OBJECT_TYPES[to].type_id,
            "toObjectId": to_id,
            # Every label between the pair now, not only the ones this request added.
            "labels": [t.label for t in now if t.label is not None],
        }
        return JSONResponse(out, 201)

    async def associate_default(self, request: Request) -> Response:
        started = int(time.time() * 1000)
        obj = self._from_object(request, "from_type", "from_id")
        to = to_type(request)
        to_id = _to_id(request)
        default = OBJECT_TYPES[to].default
        self.store.associate(obj, to, to_id, [default])
        out = {
            "status": self.faults.config.batch_status or "COMPLETE",
            "results": [{"from": {"id": obj.id}, "to": {"id": to_id}, "associationSpec": default.spec()}],
            "requestedAt": iso_ms(started),
            "startedAt": iso_ms(started),
            "completedAt": iso_ms(int(time.time() * 1000)),
        }
        return JSONResponse(out)
