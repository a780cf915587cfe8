from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..models.filter_operator import FilterOperator
from ..types import UNSET, Unset

T = TypeVar("T", bound="Filter")


@_attrs_define
class Filter:
    """One condition on one property."""

    property_name: str
    """ The name of the property to compare. """
    operator: FilterOperator
    """ How a filter compares a property with its value. """
    value: str | Unset = UNSET
    """ The value to compare with. """
    high_value: str | Unset = UNSET
    """ The upper bound, with BETWEEN. """
    values: list[str] | Unset = UNSET
    """ The values to compare with, with IN and NOT_IN. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        property_name = self.property_name

        operator = self.operator.value

        value = self.value

        high_value = self.high_value

        values: list[str] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "propertyName": property_name,
                "operator": operator,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if high_value is not UNSET:
            field_dict["highValue"] = high_value
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is Filter and len(src_dict) == 2:
            property_name = src_dict["propertyName"]
            operator = FilterOperator(src_dict["operator"])

            filter_ = object.__new__(cls)
            filter_.property_name = property_name
            filter_.operator = operator
            filter_.value = UNSET
            filter_.high_value = UNSET
            filter_.values = UNSET
            filter_.additional_properties = {}
            return filter_

        d = dict(src_dict)
        property_name = d.pop("propertyName")

        operator = FilterOperator(d.pop("operator"))

        if not d:
            return cls(
                property_name,
                operator,
                UNSET,
                UNSET,
                UNSET,
            )

        _value_sent = d.pop("value", UNSET)
        if _value_sent is None:
            _value_sent = UNSET
        value = _value_sent

        _high_value_sent = d.pop("highValue", UNSET)
        if _high_value_sent is None:
            _high_value_sent = UNSET
        high_value = _high_value_sent

        _values_sent = d.pop("values", UNSET)
        if _values_sent is None:
            _values_sent = UNSET
        values = cast(list[str], _values_sent)

        filter_ = cls(
            property_name,
            operator,
            value,
            high_value,
            values,
        )

        filter_.additional_properties = d
        return filter_

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
