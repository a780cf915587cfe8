from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchReadInputSimplePublicObjectId")


@_attrs_define
class BatchReadInputSimplePublicObjectId:
    """The inputs of a batch read."""

    inputs: list[SimplePublicObjectId]
    """ One input per object to read. """
    properties: list[str] = _attrs_field(factory=list)
    """ The properties to return. """
    properties_with_history: list[str] = _attrs_field(factory=list)
    """ The properties to return with their history of values. """
    id_property: str | Unset = UNSET
    """ The name of a unique property whose values are given in place of the ids. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        properties = self.properties

        properties_with_history = self.properties_with_history

        id_property = self.id_property

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "inputs": inputs,
                "properties": properties,
                "propertiesWithHistory": properties_with_history,
            }
        )
        if id_property is not UNSET:
            field_dict["idProperty"] = id_property

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        inputs = [SimplePublicObjectId.from_dict(inputs_item_data) for inputs_item_data in d.pop("inputs")]

        _properties_sent = d.pop("properties", None)
        if _properties_sent is None:
            _properties_sent = []
        properties = cast(list[str], _properties_sent)

        _properties_with_history_sent = d.pop("propertiesWithHistory", None)
        if _properties_with_history_sent is None:
            _properties_with_history_sent = []
        properties_with_history = cast(list[str], _properties_with_history_sent)

        _id_property_sent = d.pop("idProperty", UNSET)
        if _id_property_sent is None:
            _id_property_sent = UNSET
        id_property = _id_property_sent

        batch_read_input_simple_public_object_id = cls(
            inputs,
            properties,
            properties_with_history,
            id_property,
        )

        batch_read_input_simple_public_object_id.additional_properties = d
        return batch_read_input_simple_public_object_id

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
from ..models.simple_public_object_id import SimplePublicObjectId
