from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LabelsBetweenObjectPair")


@_attrs_define
class LabelsBetweenObjectPair:
    """The relationship descriptors applicable between two object types."""

    from_object_id: str
    """ Source unique ID of the object. """
    from_object_type_id: str
    """ Source object type. """
    labels: list[str]
    """ labels """
    to_object_id: str
    """ Target unique ID of the object. """
    to_object_type_id: str
    """ Target object type. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_object_id = self.from_object_id

        from_object_type_id = self.from_object_type_id

        labels = self.labels

        to_object_id = self.to_object_id

        to_object_type_id = self.to_object_type_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fromObjectId": from_object_id,
                "fromObjectTypeId": from_object_type_id,
                "labels": labels,
                "toObjectId": to_object_id,
                "toObjectTypeId": to_object_type_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_object_id = d.pop("fromObjectId")

        from_object_type_id = d.pop("fromObjectTypeId")

        labels = cast(list[str], d.pop("labels"))

        to_object_id = d.pop("toObjectId")

        to_object_type_id = d.pop("toObjectTypeId")

        labels_between_object_pair = cls(
            from_object_id=from_object_id,
            from_object_type_id=from_object_type_id,
            labels=labels,
            to_object_id=to_object_id,
            to_object_type_id=to_object_type_id,
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
