from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr

T = TypeVar("T", bound="BatchInputSimplePublicObjectBatchInput")


@_attrs_define
class BatchInputSimplePublicObjectBatchInput:
    """The inputs of a batch update."""

    inputs: list[SimplePublicObjectBatchInput]
    """ One input per object to update; an id may appear only once. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "inputs": inputs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        inputs = [
            SimplePublicObjectBatchInput.from_dict(inputs_item_data) for inputs_item_data in d.pop("inputs")
        ]

        batch_input_simple_public_object_batch_input = cls(
            inputs,
        )

        batch_input_simple_public_object_batch_input.additional_properties = d
        return batch_input_simple_public_object_batch_input

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
from ..models.simple_public_object_batch_input import SimplePublicObjectBatchInput
