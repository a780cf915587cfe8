from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr

T = TypeVar("T", bound="SimplePublicObjectInput")


@_attrs_define
class SimplePublicObjectInput:
    """The new property values of one object."""

    properties: SimplePublicObjectInputProperties
    """ The property values to set, by property name. Values are strings. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        properties = self.properties.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "properties": properties,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        properties = SimplePublicObjectInputProperties.from_dict(d.pop("properties"))

        simple_public_object_input = cls(
            properties,
        )

        simple_public_object_input.additional_properties = d
        return simple_public_object_input

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
from ..models.simple_public_object_input_properties import SimplePublicObjectInputProperties
