from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_methods import model_eq, model_repr

T = TypeVar("T", bound="PublicDefaultAssociation")


@_attrs_define
class PublicDefaultAssociation:
    """A default association created between two objects."""

    from_: PublicObjectId
    """ The id of an object. """
    to: PublicObjectId
    """ The id of an object. """
    association_spec: AssociationSpec
    """ One association to create, by its category and type id. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.to_dict()

        to = self.to.to_dict()

        association_spec = self.association_spec.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "associationSpec": association_spec,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_ = PublicObjectId.from_dict(d.pop("from"))

        to = PublicObjectId.from_dict(d.pop("to"))

        association_spec = AssociationSpec.from_dict(d.pop("associationSpec"))

        public_default_association = cls(
            from_,
            to,
            association_spec,
        )

        public_default_association.additional_properties = d
        return public_default_association

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
from ..models.association_spec import AssociationSpec
from ..models.public_object_id import PublicObjectId
