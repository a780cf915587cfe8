from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PublicDefaultAssociation")


@_attrs_define
class PublicDefaultAssociation:
    """PublicDefaultAssociation"""

    association_spec: AssociationSpec
    """ Defines the type, direction, and details of the relationship between two CRM objects. """
    from_: PublicObjectId
    """ Contains the Id of a Public Object """
    to: PublicObjectId
    """ Contains the Id of a Public Object """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        association_spec = self.association_spec.to_dict()

        from_ = self.from_.to_dict()

        to = self.to.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "associationSpec": association_spec,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        association_spec = AssociationSpec.from_dict(d.pop("associationSpec"))

        from_ = PublicObjectId.from_dict(d.pop("from"))

        to = PublicObjectId.from_dict(d.pop("to"))

        public_default_association = cls(
            association_spec=association_spec,
            from_=from_,
            to=to,
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
