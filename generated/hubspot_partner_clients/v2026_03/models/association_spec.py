from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_methods import model_eq, model_repr
from ..models.association_category import AssociationCategory

T = TypeVar("T", bound="AssociationSpec")


@_attrs_define
class AssociationSpec:
    """One association to create, by its category and type id."""

    association_category: AssociationCategory
    """ Who defined an association type. """
    association_type_id: int
    """ The id of the association type (a labelled type's id gives the association its label). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        association_category = self.association_category.value

        association_type_id = self.association_type_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "associationCategory": association_category,
                "associationTypeId": association_type_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        association_category = AssociationCategory(d.pop("associationCategory"))

        association_type_id = d.pop("associationTypeId")

        association_spec = cls(
            association_category,
            association_type_id,
        )

        association_spec.additional_properties = d
        return association_spec

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
