from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="CollectionResponseWithTotalSimplePublicObject")


@_attrs_define
class CollectionResponseWithTotalSimplePublicObject:
    """A page of search results and the total count."""

    total: int
    """ The number of objects matching the search. """
    results: list[SimplePublicObject]
    """ The objects on this page. """
    paging: Paging | Unset = UNSET
    """ Where the next and previous pages are. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        paging: dict[str, Any] | Unset = UNSET
        if not isinstance(self.paging, Unset):
            paging = self.paging.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "results": results,
            }
        )
        if paging is not UNSET:
            field_dict["paging"] = paging

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is CollectionResponseWithTotalSimplePublicObject and len(src_dict) == 2:
            total = src_dict["total"]
            results = [
                SimplePublicObject.from_dict(results_item_data) for results_item_data in src_dict["results"]
            ]

            collection_response_with_total_simple_public_object = object.__new__(cls)
            collection_response_with_total_simple_public_object.total = total
            collection_response_with_total_simple_public_object.results = results
            collection_response_with_total_simple_public_object.paging = UNSET
            collection_response_with_total_simple_public_object.additional_properties = {}
            return collection_response_with_total_simple_public_object

        d = dict(src_dict)
        total = d.pop("total")

        results = [SimplePublicObject.from_dict(results_item_data) for results_item_data in d.pop("results")]

        if not d:
            return cls(
                total,
                results,
                UNSET,
            )

        _paging_sent = d.pop("paging", UNSET)
        if _paging_sent is None:
            _paging_sent = UNSET
        _paging = _paging_sent
        paging: Paging | Unset
        if isinstance(_paging, Unset):
            paging = UNSET
        else:
            paging = Paging.from_dict(_paging)

        collection_response_with_total_simple_public_object = cls(
            total,
            results,
            paging,
        )

        collection_response_with_total_simple_public_object.additional_properties = d
        return collection_response_with_total_simple_public_object

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
from ..models.paging import Paging
from ..models.simple_public_object import SimplePublicObject
