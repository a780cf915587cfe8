from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model_methods import model_eq, model_repr

T = TypeVar("T", bound="LabelsBetweenObjectPair")


@_attrs_define
class LabelsBetweenObjectPair:
    """The labels of the associations between two objects."""

    from_object_type_id: str
    """ The type id of the partner client's object type. """
    from_object_id: str
    """ The id of the partner client. """
    to_object_type_id: str
    """ The type id of the associated object's type. """
    to_object_id: str
    """ The id of the associated object. """
    labels: list[str]
    """ The labels of the associations between the two (unlabelled ones have none). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        from_object_type_id = self.from_object_type_id

        from_object_id = self.from_object_id

        to_object_type_id = self.to_object_type_id

        to_object_id = self.to_object_id

        labels = self.labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fromObjectTypeId": from_object_type_id,
                "fromObjectId": from_object_id,
                "toObjectTypeId": to_object_type_id,
                "toObjectId": to_object_id,
                "labels": labels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_object_type_id = d.pop("fromObjectTypeId")

        from_object_id = d.pop("fromObjectId")

        to_object_type_id = d.pop("toObjectTypeId")

        to_object_id = d.pop("toObjectId")

        labels = cast(list[str], d.pop("labels"))

        labels_between_object_pair = cls(
            from_object_type_id,
            from_object_id,
            to_object_type_id,
            to_object_id,
            labels,
        )

        labels_between_object_pair.additional_properties = d
        return labels_between_object_pair

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
