"""The association types the double knows: per object type partner clients associate with.

HubSpot identifies an association type by (category, type id); 2026-03 shows
it as `{category, typeId, label}` and v3 as one name (`type`). Each object type
a partner client associates with has one HUBSPOT_DEFINED type (the default
association, unlabelled, v3's `partner_client_to_<object>`) and a couple of
USER_DEFINED labelled ones, as an account whose admins defined labels has.

The type ids are the double's own: HubSpot's documents do not state the
partner-client association type ids, nor partner clients' object type id, so
the ids below are made up (and chosen not to collide with one another), and a
test should take them from this table rather than write them down. The other
object types' ids (0-1 contacts, 0-2 companies, 0-3 deals, 0-5 tickets) are
HubSpot's.
"""

from __future__ import annotations

from dataclasses import dataclass

HUBSPOT_DEFINED = "HUBSPOT_DEFINED"
USER_DEFINED = "USER_DEFINED"
# AssociationSpec's `associationCategory` enum in HubSpot's document.
CATEGORIES = ("HUBSPOT_DEFINED", "INTEGRATOR_DEFINED", "USER_DEFINED", "WORK")

PARTNER_CLIENTS = "partner_clients"
# Made up (see the module docstring); the generic 2026-03 paths accept it for `partner_clients`.
PARTNER_CLIENT_TYPE_ID = "0-9001"


@dataclass(frozen=True, order=True)
class AssociationType:
    """One association type from partner clients to one object type."""

    type_id: int
    category: str
    label: str | None
    """None for the default (unlabelled) association, as HubSpot's default types have no label."""
    v3_name: str
    """What v3 calls it: the `type` of its views and the `{associationType}` of its PUT and DELETE."""

    def spec(self) -> dict[str, object]:
        """As 2026-03's `AssociationSpec`."""
        return {"associationCategory": self.category, "associationTypeId": self.type_id}

    def with_label(self) -> dict[str, object]:
        """As 2026-03's `AssociationSpecWithLabel` (no `label` key when unlabelled)."""
        out: dict[str, object] = {"category": self.category, "typeId": self.type_id}
        if self.label is not None:
            out["label"] = self.label
        return out


@dataclass(frozen=True)
class ObjectType:
    """An object type partner clients associate with, and its association types (the default first)."""

    name: str
    type_id: str
    singular: str
    types: tuple[AssociationType, ...]

    @property
    def default(self) -> AssociationType:
        return self.types[0]


def _object_type(name: str, type_id: str, singular: str, base: int, labels: tuple[str, ...]) -> ObjectType:
    default = AssociationType(base, HUBSPOT_DEFINED, None, f"partner_client_to_{singular}")
    labelled = tuple(
        AssociationType(base + 100 + i, USER_DEFINED, label, label.lower().replace(" ", "_"))
        for i, label in enumerate(labels, start=1)
    )
    return ObjectType(name, type_id, singular, (default, *labelled))


# toObjectType -> its association types. Labels are per object type, as HubSpot's are.
OBJECT_TYPES: dict[str, ObjectType] = {
    t.name: t
    for t in (
        _object_type("contacts", "0-1", "contact", 901, ("Billing contact", "Decision maker")),
        _object_type("companies", "0-2", "company", 903, ("Parent company", "Reseller")),
        _object_type("deals", "0-3", "deal", 905, ("Renewal", "Upsell")),
        _object_type("tickets", "0-5", "ticket", 907, ("Escalation", "Onboarding")),
    )
}
# toObjectType -> the v3 name of its default association type.
ASSOCIATION_TYPES: dict[str, str] = {name: t.default.v3_name for name, t in OBJECT_TYPES.items()}


def normalise_object_type(to_type: str) -> str | None:
    """The table's name for an object type named by plural, singular or object type id; None if unknown."""
    t = to_type.lower()
    for object_type in OBJECT_TYPES.values():
        if t in (object_type.name, object_type.singular, object_type.type_id):
            return object_type.name
    return None


def is_partner_clients(object_type: str) -> bool:
    """Whether a generic path's `{objectType}` names partner clients."""
    return object_type.lower() in (PARTNER_CLIENTS, "partner_client", PARTNER_CLIENT_TYPE_ID)


def by_v3_name(to_type: str, name: str) -> AssociationType | None:
    """The type v3's `{associationType}` names: by its v3 name or its type id."""
    for t in OBJECT_TYPES[to_type].types:
        if name in (t.v3_name, str(t.type_id)):
            return t
    return None


def by_id(to_type: str, type_id: int) -> AssociationType | None:
    """The type with this type id towards `to_type`, whatever its category."""
    for t in OBJECT_TYPES[to_type].types:
        if t.type_id == type_id:
            return t
    return None
