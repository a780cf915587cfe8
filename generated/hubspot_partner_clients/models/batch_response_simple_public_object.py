from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from .._timestamps import fromisoformat, parse_datetime
from ..models.batch_status import BatchStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchResponseSimplePublicObject")


@_attrs_define
class BatchResponseSimplePublicObject:
    """A public object batch response object"""

    status: BatchStatus
    """ The status of the batch processing request: "PENDING", "PROCESSING", "CANCELLED", or "COMPLETE". """
    results: list[SimplePublicObject]
    """ The objects read or updated. """
    started_at: datetime.datetime
    """ The timestamp when the batch processing began, in ISO 8601 format. """
    completed_at: datetime.datetime
    """ The timestamp when the batch processing was completed, in ISO 8601 format. """
    requested_at: datetime.datetime | Unset = UNSET
    """ The timestamp when the batch request was initially made, in ISO 8601 format. """
    links: BatchResponseSimplePublicObjectLinks | Unset = UNSET
    """ Related links, by name. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        started_at = self.started_at.isoformat()

        completed_at = self.completed_at.isoformat()

        requested_at: str | Unset = UNSET
        if not isinstance(self.requested_at, Unset):
            requested_at = self.requested_at.isoformat()

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "results": results,
                "startedAt": started_at,
                "completedAt": completed_at,
            }
        )
        if requested_at is not UNSET:
            field_dict["requestedAt"] = requested_at
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is BatchResponseSimplePublicObject and len(src_dict) == 4:
            try:
                started_at = fromisoformat(src_dict["startedAt"])
                completed_at = fromisoformat(src_dict["completedAt"])
            except (TypeError, ValueError):
                pass  # another spelling, or not a timestamp: parse_datetime below says which
            else:
                if started_at.tzinfo is not None and completed_at.tzinfo is not None:
                    status = BatchStatus(src_dict["status"])

                    results = [
                        SimplePublicObject.from_dict(results_item_data)
                        for results_item_data in src_dict["results"]
                    ]

                    batch_response_simple_public_object = object.__new__(cls)
                    batch_response_simple_public_object.status = status
                    batch_response_simple_public_object.results = results
                    batch_response_simple_public_object.started_at = started_at
                    batch_response_simple_public_object.completed_at = completed_at
                    batch_response_simple_public_object.requested_at = UNSET
                    batch_response_simple_public_object.links = UNSET
                    batch_response_simple_public_object.additional_properties = {}
                    return batch_response_simple_public_object

        d = dict(src_dict)
        status = BatchStatus(d.pop("status"))

        results = [SimplePublicObject.from_dict(results_item_data) for results_item_data in d.pop("results")]

        started_at = parse_datetime(d.pop("startedAt"))

        completed_at = parse_datetime(d.pop("completedAt"))

        if not d:
            return cls(
                status,
                results,
                started_at,
                completed_at,
                UNSET,
                UNSET,
            )

        _requested_at_sent = d.pop("requestedAt", UNSET)
        if _requested_at_sent is None:
            _requested_at_sent = UNSET
        _requested_at = _requested_at_sent
        requested_at: datetime.datetime | Unset
        if isinstance(_requested_at, Unset):
            requested_at = UNSET
        else:
            requested_at = parse_datetime(_requested_at)

        _links_sent = d.pop("links", UNSET)
        if _links_sent is None:
            _links_sent = UNSET
        _links = _links_sent
        links: BatchResponseSimplePublicObjectLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = BatchResponseSimplePublicObjectLinks.from_dict(_links)

        batch_response_simple_public_object = cls(
            status,
            results,
            started_at,
            completed_at,
            requested_at,
            links,
        )

        batch_response_simple_public_object.additional_properties = d
        return batch_response_simple_public_object

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class, so that import cycles between models resolve.
# ruff: noqa: E402
from ..models.batch_response_simple_public_object_links import BatchResponseSimplePublicObjectLinks
from ..models.simple_public_object import SimplePublicObject
