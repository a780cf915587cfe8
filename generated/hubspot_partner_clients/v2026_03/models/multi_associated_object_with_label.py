from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_methods import model_eq, model_repr

T = TypeVar("T", bound="MultiAssociatedObjectWithLabel")


@_attrs_define
class MultiAssociatedObjectWithLabel:
    """An associated object and every association with it."""

    to_object_id: str
    """ The id of the associated object. """
    association_types: list[AssociationSpecWithLabel]
    """ The associations with it, each with its category, type id and label. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        to_object_id = self.to_object_id

        association_types = []
        for association_types_item_data in self.association_types:
            association_types_item = association_types_item_data.to_dict()
            association_types.append(association_types_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "toObjectId": to_object_id,
                "associationTypes": association_types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to_object_id = d.pop("toObjectId")

        association_types = [
            AssociationSpecWithLabel.from_dict(association_types_item_data)
            for association_types_item_data in d.pop("associationTypes")
        ]

        multi_associated_object_with_label = cls(
            to_object_id,
            association_types,
        )

        multi_associated_object_with_label.additional_properties = d
        return multi_associated_object_with_label

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
from ..models.association_spec_with_label import AssociationSpecWithLabel
