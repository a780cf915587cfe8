from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr

T = TypeVar("T", bound="SimplePublicObjectWithAssociationsAssociations")


@_attrs_define
class SimplePublicObjectWithAssociationsAssociations:
    """The associated ids, by object type."""

    additional_properties: dict[str, CollectionResponseAssociatedId] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        simple_public_object_with_associations_associations = (
            object.__new__(cls) if cls is SimplePublicObjectWithAssociationsAssociations else cls()
        )

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = CollectionResponseAssociatedId.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        simple_public_object_with_associations_associations.additional_properties = additional_properties
        return simple_public_object_with_associations_associations

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> CollectionResponseAssociatedId:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: CollectionResponseAssociatedId) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class, so that import cycles between models resolve.
# ruff: noqa: E402
from ..models.collection_response_associated_id import CollectionResponseAssociatedId
