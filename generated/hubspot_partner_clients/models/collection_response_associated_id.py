from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="CollectionResponseAssociatedId")


@_attrs_define
class CollectionResponseAssociatedId:
    """The associated ids of one object type."""

    results: list[AssociatedId]
    """ The associated ids. """
    paging: Paging | Unset = UNSET
    """ Where the next and previous pages are. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
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
                "results": results,
            }
        )
        if paging is not UNSET:
            field_dict["paging"] = paging

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is CollectionResponseAssociatedId and len(src_dict) == 1:
            results = [AssociatedId.from_dict(results_item_data) for results_item_data in src_dict["results"]]

            collection_response_associated_id = object.__new__(cls)
            collection_response_associated_id.results = results
            collection_response_associated_id.paging = UNSET
            collection_response_associated_id.additional_properties = {}
            return collection_response_associated_id

        d = dict(src_dict)
        results = [AssociatedId.from_dict(results_item_data) for results_item_data in d.pop("results")]

        if not d:
            return cls(
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

        collection_response_associated_id = cls(
            results,
            paging,
        )

        collection_response_associated_id.additional_properties = d
        return collection_response_associated_id

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
from ..models.associated_id import AssociatedId
from ..models.paging import Paging
