from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from .._timestamps import fromisoformat, parse_datetime
from ..types import UNSET, Unset

T = TypeVar("T", bound="ValueWithTimestamp")


@_attrs_define
class ValueWithTimestamp:
    """One value in a property's history."""

    value: str
    """ The property value. """
    timestamp: datetime.datetime
    """ The timestamp when the property was updated, in ISO 8601 format. """
    source_type: str
    """ The property type. """
    source_id: str | Unset = UNSET
    """ The unique ID of the property. """
    source_label: str | Unset = UNSET
    """ A human-readable label. """
    updated_by_user_id: int | Unset = UNSET
    """ The ID of the user who last updated the property. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        timestamp = self.timestamp.isoformat()

        source_type = self.source_type

        source_id = self.source_id

        source_label = self.source_label

        updated_by_user_id = self.updated_by_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "timestamp": timestamp,
                "sourceType": source_type,
            }
        )
        if source_id is not UNSET:
            field_dict["sourceId"] = source_id
        if source_label is not UNSET:
            field_dict["sourceLabel"] = source_label
        if updated_by_user_id is not UNSET:
            field_dict["updatedByUserId"] = updated_by_user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is ValueWithTimestamp and len(src_dict) == 3:
            try:
                timestamp = fromisoformat(src_dict["timestamp"])
            except (TypeError, ValueError):
                pass  # another spelling, or not a timestamp: parse_datetime below says which
            else:
                if timestamp.tzinfo is not None:
                    value = src_dict["value"]
                    source_type = src_dict["sourceType"]
                    value_with_timestamp = object.__new__(cls)
                    value_with_timestamp.value = value
                    value_with_timestamp.timestamp = timestamp
                    value_with_timestamp.source_type = source_type
                    value_with_timestamp.source_id = UNSET
                    value_with_timestamp.source_label = UNSET
                    value_with_timestamp.updated_by_user_id = UNSET
                    value_with_timestamp.additional_properties = {}
                    return value_with_timestamp

        d = dict(src_dict)
        value = d.pop("value")

        timestamp = parse_datetime(d.pop("timestamp"))

        source_type = d.pop("sourceType")

        if not d:
            return cls(
                value,
                timestamp,
                source_type,
                UNSET,
                UNSET,
                UNSET,
            )

        _source_id_sent = d.pop("sourceId", UNSET)
        if _source_id_sent is None:
            _source_id_sent = UNSET
        source_id = _source_id_sent

        _source_label_sent = d.pop("sourceLabel", UNSET)
        if _source_label_sent is None:
            _source_label_sent = UNSET
        source_label = _source_label_sent

        _updated_by_user_id_sent = d.pop("updatedByUserId", UNSET)
        if _updated_by_user_id_sent is None:
            _updated_by_user_id_sent = UNSET
        updated_by_user_id = _updated_by_user_id_sent

        value_with_timestamp = cls(
            value,
            timestamp,
            source_type,
            source_id,
            source_label,
            updated_by_user_id,
        )

        value_with_timestamp.additional_properties = d
        return value_with_timestamp

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
