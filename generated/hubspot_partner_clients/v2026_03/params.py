"""The shapes of request values, as TypedDicts: what the resource client's methods accept as dicts.

`client.partner_clients.batch_update([{"id": "1", "properties": {...}}])`: each
dict is checked by mypy (and completed by an editor) against the TypedDict
here, with the names HubSpot uses on the wire. A method accepts the matching
attrs model of `hubspot_partner_clients.models` too.
"""

from __future__ import annotations

# The pipeline's `ruff check --fix` drops the imports the document's schemas do not need.
from collections.abc import Mapping, Sequence
from typing import Literal, Required, TypedDict

__all__ = [
    "AssociationSpecParam",
    "FilterGroupParam",
    "FilterParam",
    "SimplePublicObjectBatchInputParam",
    "SimplePublicObjectIdParam",
]


class AssociationSpecParam(TypedDict, total=False):
    """One association to create, by its category and type id."""

    associationCategory: Required[Literal["HUBSPOT_DEFINED", "INTEGRATOR_DEFINED", "USER_DEFINED", "WORK"]]
    """Who defined an association type."""
    associationTypeId: Required[int]
    """The id of the association type (a labelled type's id gives the association its label)."""


class SimplePublicObjectIdParam(TypedDict, total=False):
    """The id of one object in a batch read."""

    id: Required[str]
    """The unique ID of the object, or the value of the property named in `idProperty`."""


class SimplePublicObjectBatchInputParam(TypedDict, total=False):
    """The new property values of one object in a batch update."""

    id: Required[str]
    """The unique ID of the object."""
    properties: Required[Mapping[str, str]]
    """The property values to set, by property name. Values are strings."""
    idProperty: str
    """The name of a unique identifier property, which can be used for identifying objects instead of the object ID."""
    objectWriteTraceId: str
    """A unique identifier for tracing the request."""


class FilterGroupParam(TypedDict, total=False):
    """Filters that an object must all match."""

    filters: Required[Sequence[FilterParam]]
    """The filters of the group (HubSpot bounds the filters of a group and of a request)."""


class FilterParam(TypedDict, total=False):
    """One condition on one property."""

    propertyName: Required[str]
    """The name of the property to compare."""
    operator: Required[
        Literal[
            "EQ",
            "NEQ",
            "LT",
            "LTE",
            "GT",
            "GTE",
            "BETWEEN",
            "IN",
            "NOT_IN",
            "HAS_PROPERTY",
            "NOT_HAS_PROPERTY",
            "CONTAINS_TOKEN",
            "NOT_CONTAINS_TOKEN",
        ]
    ]
    """How a filter compares a property with its value."""
    value: str
    """The value to compare with."""
    highValue: str
    """The upper bound, with BETWEEN."""
    values: list[str]
    """The values to compare with, with IN and NOT_IN."""
