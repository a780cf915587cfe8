from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr

T = TypeVar("T", bound="FilterGroup")


@_attrs_define
class FilterGroup:
    """Filters that an object must all match."""

    filters: list[Filter]
    """ The filters of the group (HubSpot bounds the filters of a group and of a request). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        filters = []
        for filters_item_data in self.filters:
            filters_item = filters_item_data.to_dict()
            filters.append(filters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filters": filters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filters = [Filter.from_dict(filters_item_data) for filters_item_data in d.pop("filters")]

        filter_group = cls(
            filters,
        )

        filter_group.additional_properties = d
        return filter_group

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
from ..models.filter_ import Filter
