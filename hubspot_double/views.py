"""How the stored state looks in HubSpot's answers: objects, and associations in each version's shape.

The store keeps one set of association types (category, type id, label) per
pair of objects. v3 shows each of them as one `{id, type}` entry (a pair with two
types is two entries, as HubSpot's v3 lists it); 2026-03 shows a pair once, as a
`MultiAssociatedObjectWithLabel` with all its types.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .association_types import AssociationType
from .store import DEFAULT_PROPERTIES, OBJECT_ID_PROPERTY, PROPERTY_TYPES, PartnerClient, iso_ms

# Returned with every object whatever was asked, as HubSpot does.
ALWAYS_PROPERTIES = (OBJECT_ID_PROPERTY, "hs_createdate", "hs_lastmodifieddate")

Links = Mapping[str, tuple[AssociationType, ...]]


def v3_entries(links: Links) -> list[tuple[int, int, dict[str, str]]]:
    """v3's `AssociatedId`s of these links, each with its position (toObjectId, type id) for paging."""
    return [
        (int(to_id), t.type_id, {"id": to_id, "type": t.v3_name})
        for to_id, types in links.items()
        for t in types
    ]


def labelled(to_id: str, types: tuple[AssociationType, ...]) -> dict[str, Any]:
    """2026-03's `MultiAssociatedObjectWithLabel` of one pair."""
    return {"toObjectId": to_id, "associationTypes": [t.with_label() for t in types]}


def object_json(
    obj: PartnerClient,
    properties: list[str] | None,
    with_history: list[str] | None = None,
    associations: Mapping[str, Links] | None = None,
) -> dict[str, Any]:
    """`SimplePublicObject(WithAssociations)`: the same in both versions (associations in v3's shape)."""
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
            t: {"results": [entry for _, _, entry in v3_entries(found)]}
            for t, found in associations.items()
            if found
        }
    return out
