from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from .._timestamps import fromisoformat, parse_datetime
from ..types import UNSET, Unset

T = TypeVar("T", bound="SimplePublicObjectWithAssociations")


@_attrs_define
class SimplePublicObjectWithAssociations:
    """A CRM object with its property values and associations."""

    id: str
    """ The unique ID of the object. """
    properties: SimplePublicObjectWithAssociationsProperties
    """ The property values, by property name. A property with no value is null. """
    created_at: datetime.datetime
    """ The timestamp when the object was created, in ISO 8601 format. """
    updated_at: datetime.datetime
    """ The timestamp when the object was last updated, in ISO 8601 format. """
    archived: bool
    """ Whether the object is archived. """
    properties_with_history: SimplePublicObjectWithAssociationsPropertiesWithHistory | Unset = UNSET
    """ Key-value pairs representing the properties of the object along with their history. """
    archived_at: datetime.datetime | Unset = UNSET
    """ The timestamp when the object was archived, in ISO 8601 format. """
    object_write_trace_id: str | Unset = UNSET
    """ The trace id given with the write that produced this object. """
    url: str | Unset = UNSET
    """ The object's page in HubSpot. """
    associations: SimplePublicObjectWithAssociationsAssociations | Unset = UNSET
    """ The associated ids, by object type. """
    warnings: list[PublicObjectWarning] | Unset = UNSET
    """ Warnings about the object. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        properties = self.properties.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived = self.archived

        properties_with_history: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties_with_history, Unset):
            properties_with_history = self.properties_with_history.to_dict()

        archived_at: str | Unset = UNSET
        if not isinstance(self.archived_at, Unset):
            archived_at = self.archived_at.isoformat()

        object_write_trace_id = self.object_write_trace_id

        url = self.url

        associations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.associations, Unset):
            associations = self.associations.to_dict()

        warnings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = []
            for warnings_item_data in self.warnings:
                warnings_item = warnings_item_data.to_dict()
                warnings.append(warnings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "properties": properties,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "archived": archived,
            }
        )
        if properties_with_history is not UNSET:
            field_dict["propertiesWithHistory"] = properties_with_history
        if archived_at is not UNSET:
            field_dict["archivedAt"] = archived_at
        if object_write_trace_id is not UNSET:
            field_dict["objectWriteTraceId"] = object_write_trace_id
        if url is not UNSET:
            field_dict["url"] = url
        if associations is not UNSET:
            field_dict["associations"] = associations
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is SimplePublicObjectWithAssociations and len(src_dict) == 5:
            try:
                created_at = fromisoformat(src_dict["createdAt"])
                updated_at = fromisoformat(src_dict["updatedAt"])
            except (TypeError, ValueError):
                pass  # another spelling, or not a timestamp: parse_datetime below says which
            else:
                if created_at.tzinfo is not None and updated_at.tzinfo is not None:
                    id = src_dict["id"]
                    properties = object.__new__(SimplePublicObjectWithAssociationsProperties)
                    properties.additional_properties = dict(src_dict["properties"])
                    archived = src_dict["archived"]
                    simple_public_object_with_associations = object.__new__(cls)
                    simple_public_object_with_associations.id = id
                    simple_public_object_with_associations.properties = properties
                    simple_public_object_with_associations.created_at = created_at
                    simple_public_object_with_associations.updated_at = updated_at
                    simple_public_object_with_associations.archived = archived
                    simple_public_object_with_associations.properties_with_history = UNSET
                    simple_public_object_with_associations.archived_at = UNSET
                    simple_public_object_with_associations.object_write_trace_id = UNSET
                    simple_public_object_with_associations.url = UNSET
                    simple_public_object_with_associations.associations = UNSET
                    simple_public_object_with_associations.warnings = UNSET
                    simple_public_object_with_associations.additional_properties = {}
                    return simple_public_object_with_associations

        d = dict(src_dict)
        id = d.pop("id")

        properties = SimplePublicObjectWithAssociationsProperties.from_dict(d.pop("properties"))

        created_at = parse_datetime(d.pop("createdAt"))

        updated_at = parse_datetime(d.pop("updatedAt"))

        archived = d.pop("archived")

        if not d:
            return cls(
                id,
                properties,
                created_at,
                updated_at,
                archived,
                UNSET,
                UNSET,
                UNSET,
                UNSET,
                UNSET,
                UNSET,
            )

        _properties_with_history_sent = d.pop("propertiesWithHistory", UNSET)
        if _properties_with_history_sent is None:
            _properties_with_history_sent = UNSET
        _properties_with_history = _properties_with_history_sent
        properties_with_history: SimplePublicObjectWithAssociationsPropertiesWithHistory | Unset
        if isinstance(_properties_with_history, Unset):
            properties_with_history = UNSET
        else:
            properties_with_history = SimplePublicObjectWithAssociationsPropertiesWithHistory.from_dict(
                _properties_with_history
            )

        _archived_at_sent = d.pop("archivedAt", UNSET)
        if _archived_at_sent is None:
            _archived_at_sent = UNSET
        _archived_at = _archived_at_sent
        archived_at: datetime.datetime | Unset
        if isinstance(_archived_at, Unset):
            archived_at = UNSET
        else:
            archived_at = parse_datetime(_archived_at)

        _object_write_trace_id_sent = d.pop("objectWriteTraceId", UNSET)
        if _object_write_trace_id_sent is None:
            _object_write_trace_id_sent = UNSET
        object_write_trace_id = _object_write_trace_id_sent

        _url_sent = d.pop("url", UNSET)
        if _url_sent is None:
            _url_sent = UNSET
        url = _url_sent

        _associations_sent = d.pop("associations", UNSET)
        if _associations_sent is None:
            _associations_sent = UNSET
        _associations = _associations_sent
        associations: SimplePublicObjectWithAssociationsAssociations | Unset
        if isinstance(_associations, Unset):
            associations = UNSET
        else:
            associations = SimplePublicObjectWithAssociationsAssociations.from_dict(_associations)

        _warnings_sent = d.pop("warnings", UNSET)
        if _warnings_sent is None:
            _warnings_sent = UNSET
        _warnings = _warnings_sent
        warnings: list[PublicObjectWarning] | Unset = UNSET
        if _warnings is not UNSET:
            warnings = [PublicObjectWarning.from_dict(warnings_item_data) for warnings_item_data in _warnings]

        simple_public_object_with_associations = cls(
            id,
            properties,
            created_at,
            updated_at,
            archived,
            properties_with_history,
            archived_at,
            object_write_trace_id,
            url,
            associations,
            warnings,
        )

        simple_public_object_with_associations.additional_properties = d
        return simple_public_object_with_associations

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
from ..models.public_object_warning import PublicObjectWarning
from ..models.simple_public_object_with_associations_associations import (
    SimplePublicObjectWithAssociationsAssociations,
)
from ..models.simple_public_object_with_associations_properties import (
    SimplePublicObjectWithAssociationsProperties,
)
from ..models.simple_public_object_with_associations_properties_with_history import (
    SimplePublicObjectWithAssociationsPropertiesWithHistory,
)
