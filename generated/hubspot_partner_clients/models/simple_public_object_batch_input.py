from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="SimplePublicObjectBatchInput")


@_attrs_define
class SimplePublicObjectBatchInput:
    """The new property values of one object in a batch update."""

    id: str
    """ The unique ID of the object. """
    properties: SimplePublicObjectBatchInputProperties
    """ The property values to set, by property name. Values are strings. """
    id_property: str | Unset = UNSET
    """ The name of a unique identifier property, which can be used for identifying objects instead of the object
    ID. """
    object_write_trace_id: str | Unset = UNSET
    """ A unique identifier for tracing the request. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        properties = self.properties.to_dict()

        id_property = self.id_property

        object_write_trace_id = self.object_write_trace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "properties": properties,
            }
        )
        if id_property is not UNSET:
            field_dict["idProperty"] = id_property
        if object_write_trace_id is not UNSET:
            field_dict["objectWriteTraceId"] = object_write_trace_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is SimplePublicObjectBatchInput and len(src_dict) == 2:
            id = src_dict["id"]
            properties = object.__new__(SimplePublicObjectBatchInputProperties)
            properties.additional_properties = dict(src_dict["properties"])
            simple_public_object_batch_input = object.__new__(cls)
            simple_public_object_batch_input.id = id
            simple_public_object_batch_input.properties = properties
            simple_public_object_batch_input.id_property = UNSET
            simple_public_object_batch_input.object_write_trace_id = UNSET
            simple_public_object_batch_input.additional_properties = {}
            return simple_public_object_batch_input

        d = dict(src_dict)
        id = d.pop("id")

        properties = SimplePublicObjectBatchInputProperties.from_dict(d.pop("properties"))

        if not d:
            return cls(
                id,
                properties,
                UNSET,
                UNSET,
            )

        _id_property_sent = d.pop("idProperty", UNSET)
        if _id_property_sent is None:
            _id_property_sent = UNSET
        id_property = _id_property_sent

        _object_write_trace_id_sent = d.pop("objectWriteTraceId", UNSET)
        if _object_write_trace_id_sent is None:
            _object_write_trace_id_sent = UNSET
        object_write_trace_id = _object_write_trace_id_sent

        simple_public_object_batch_input = cls(
            id,
            properties,
            id_property,
            object_write_trace_id,
        )

        simple_public_object_batch_input.additional_properties = d
        return simple_public_object_batch_input

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
from ..models.simple_public_object_batch_input_properties import SimplePublicObjectBatchInputProperties
