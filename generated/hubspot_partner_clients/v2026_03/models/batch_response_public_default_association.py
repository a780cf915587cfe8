from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_methods import model_eq, model_repr
from ..._timestamps import fromisoformat, parse_datetime
from ...models.batch_status import BatchStatus
from ...types import UNSET, Unset

T = TypeVar("T", bound="BatchResponsePublicDefaultAssociation")


@_attrs_define
class BatchResponsePublicDefaultAssociation:
    """The answer to a default association, as a batch response."""

    status: BatchStatus
    """ The status of the batch processing request: "PENDING", "PROCESSING", "CANCELLED", or "COMPLETE". """
    results: list[PublicDefaultAssociation]
    """ The default associations created. """
    started_at: datetime.datetime
    """ The timestamp when the processing began, in ISO 8601 format. """
    completed_at: datetime.datetime
    """ The timestamp when the processing was completed, in ISO 8601 format. """
    num_errors: int | Unset = UNSET
    """ The number of errors. """
    errors: list[StandardError] | Unset = UNSET
    """ One error per association that failed. """
    requested_at: datetime.datetime | Unset = UNSET
    """ The timestamp when the request was made, in ISO 8601 format. """
    links: BatchResponsePublicDefaultAssociationLinks | Unset = UNSET
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

        num_errors = self.num_errors

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

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
        if num_errors is not UNSET:
            field_dict["numErrors"] = num_errors
        if errors is not UNSET:
            field_dict["errors"] = errors
        if requested_at is not UNSET:
            field_dict["requestedAt"] = requested_at
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is BatchResponsePublicDefaultAssociation and len(src_dict) == 4:
            try:
                started_at = fromisoformat(src_dict["startedAt"])
                completed_at = fromisoformat(src_dict["completedAt"])
            except (TypeError, ValueError):
                pass  # another spelling, or not a timestamp: parse_datetime below says which
            else:
                if started_at.tzinfo is not None and completed_at.tzinfo is not None:
                    status = BatchStatus(src_dict["status"])

                    results = [
                        PublicDefaultAssociation.from_dict(results_item_data)
                        for results_item_data in src_dict["results"]
                    ]

                    batch_response_public_default_association = object.__new__(cls)
                    batch_response_public_default_association.status = status
                    batch_response_public_default_association.results = results
                    batch_response_public_default_association.started_at = started_at
                    batch_response_public_default_association.completed_at = completed_at
                    batch_response_public_default_association.num_errors = UNSET
                    batch_response_public_default_association.errors = UNSET
                    batch_response_public_default_association.requested_at = UNSET
                    batch_response_public_default_association.links = UNSET
                    batch_response_public_default_association.additional_properties = {}
                    return batch_response_public_default_association

        d = dict(src_dict)
        status = BatchStatus(d.pop("status"))

        results = [
            PublicDefaultAssociation.from_dict(results_item_data) for results_item_data in d.pop("results")
        ]

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
                UNSET,
                UNSET,
            )

        _num_errors_sent = d.pop("numErrors", UNSET)
        if _num_errors_sent is None:
            _num_errors_sent = UNSET
        num_errors = _num_errors_sent

        _errors_sent = d.pop("errors", UNSET)
        if _errors_sent is None:
            _errors_sent = UNSET
        _errors = _errors_sent
        errors: list[StandardError] | Unset = UNSET
        if _errors is not UNSET:
            errors = [StandardError.from_dict(errors_item_data) for errors_item_data in _errors]

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
        links: BatchResponsePublicDefaultAssociationLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = BatchResponsePublicDefaultAssociationLinks.from_dict(_links)

        batch_response_public_default_association = cls(
            status,
            results,
            started_at,
            completed_at,
            num_errors,
            errors,
            requested_at,
            links,
        )

        batch_response_public_default_association.additional_properties = d
        return batch_response_public_default_association

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
from ...models.standard_error import StandardError
from ..models.batch_response_public_default_association_links import (
    BatchResponsePublicDefaultAssociationLinks,
)
from ..models.public_default_association import PublicDefaultAssociation
