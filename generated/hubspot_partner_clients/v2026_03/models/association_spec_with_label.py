from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_methods import model_eq, model_repr
from ...types import UNSET, Unset
from ..models.association_category import AssociationCategory

T = TypeVar("T", bound="AssociationSpecWithLabel")


@_attrs_define
class AssociationSpecWithLabel:
    """One association between two objects, with its label."""

    category: AssociationCategory
    """ Who defined an association type. """
    type_id: int
    """ The id of the association type within its category. """
    label: str | Unset = UNSET
    """ The label of the association type, such as "Mentor"; absent for an unlabelled type. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        type_id = self.type_id

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "typeId": type_id,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is AssociationSpecWithLabel and len(src_dict) == 2:
            category = AssociationCategory(src_dict["category"])

            type_id = src_dict["typeId"]
            association_spec_with_label = object.__new__(cls)
            association_spec_with_label.category = category
            association_spec_with_label.type_id = type_id
            association_spec_with_label.label = UNSET
            association_spec_with_label.additional_properties = {}
            return association_spec_with_label

        d = dict(src_dict)
        category = AssociationCategory(d.pop("category"))

        type_id = d.pop("typeId")

        if not d:
            return cls(
                category,
                type_id,
                UNSET,
            )

        _label_sent = d.pop("label", UNSET)
        if _label_sent is None:
            _label_sent = UNSET
        label = _label_sent

        association_spec_with_label = cls(
            category,
            type_id,
            label,
        )

        association_spec_with_label.additional_properties = d
        return association_spec_with_label

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
