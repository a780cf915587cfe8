from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="PreviousPage")


@_attrs_define
class PreviousPage:
    """The previous page."""

    before: str
    """ The cursor of the previous page. """
    link: str | Unset = UNSET
    """ The URL of the previous page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        before = self.before

        link = self.link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "before": before,
            }
        )
        if link is not UNSET:
            field_dict["link"] = link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is PreviousPage and len(src_dict) == 1:
            before = src_dict["before"]
            previous_page = object.__new__(cls)
            previous_page.before = before
            previous_page.link = UNSET
            previous_page.additional_properties = {}
            return previous_page

        d = dict(src_dict)
        before = d.pop("before")

        if not d:
            return cls(
                before,
                UNSET,
            )

        _link_sent = d.pop("link", UNSET)
        if _link_sent is None:
            _link_sent = UNSET
        link = _link_sent

        previous_page = cls(
            before,
            link,
        )

        previous_page.additional_properties = d
        return previous_page

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
