from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="NextPage")


@_attrs_define
class NextPage:
    """The next page."""

    after: str
    """ The cursor to pass as `after` to read the next page. """
    link: str | Unset = UNSET
    """ The URL of the next page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        after = self.after

        link = self.link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after": after,
            }
        )
        if link is not UNSET:
            field_dict["link"] = link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is NextPage and len(src_dict) == 1:
            after = src_dict["after"]
            next_page = object.__new__(cls)
            next_page.after = after
            next_page.link = UNSET
            next_page.additional_properties = {}
            return next_page

        d = dict(src_dict)
        after = d.pop("after")

        if not d:
            return cls(
                after,
                UNSET,
            )

        _link_sent = d.pop("link", UNSET)
        if _link_sent is None:
            _link_sent = UNSET
        link = _link_sent

        next_page = cls(
            after,
            link,
        )

        next_page.additional_properties = d
        return next_page

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
