from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="Paging")


@_attrs_define
class Paging:
    """Where the next and previous pages are."""

    next_: NextPage | Unset = UNSET
    """ The next page. """
    prev: PreviousPage | Unset = UNSET
    """ The previous page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        next_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.next_, Unset):
            next_ = self.next_.to_dict()

        prev: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prev, Unset):
            prev = self.prev.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if next_ is not UNSET:
            field_dict["next"] = next_
        if prev is not UNSET:
            field_dict["prev"] = prev

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is Paging and len(src_dict) == 0:
            paging = object.__new__(cls)
            paging.next_ = UNSET
            paging.prev = UNSET
            paging.additional_properties = {}
            return paging

        d = dict(src_dict)
        if not d:
            return cls(
                UNSET,
                UNSET,
            )

        _next__sent = d.pop("next", UNSET)
        if _next__sent is None:
            _next__sent = UNSET
        _next_ = _next__sent
        next_: NextPage | Unset
        if isinstance(_next_, Unset):
            next_ = UNSET
        else:
            next_ = NextPage.from_dict(_next_)

        _prev_sent = d.pop("prev", UNSET)
        if _prev_sent is None:
            _prev_sent = UNSET
        _prev = _prev_sent
        prev: PreviousPage | Unset
        if isinstance(_prev, Unset):
            prev = UNSET
        else:
            prev = PreviousPage.from_dict(_prev)

        paging = cls(
            next_,
            prev,
        )

        paging.additional_properties = d
        return paging

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
from ..models.next_page import NextPage
from ..models.previous_page import PreviousPage
