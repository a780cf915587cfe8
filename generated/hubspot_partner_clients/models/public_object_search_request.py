from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="PublicObjectSearchRequest")


@_attrs_define
class PublicObjectSearchRequest:
    """A search for partner clients. HubSpot requires every field but `query`; each has a default (no filters, no sorts,
    the default properties, a page of 10 from the start), so a request names only what it narrows.

    """

    filter_groups: list[FilterGroup] = _attrs_field(factory=list)
    """ Groups of filters; an object matches when it matches every filter of any one group. """
    sorts: list[str] = _attrs_field(factory=list)
    """ Property names to sort by, such as `name`, or `-name` for descending order. """
    properties: list[str] = _attrs_field(factory=list)
    """ The properties to return. """
    limit: int = 10
    """ The most results to return on one page. """
    after: str = "0"
    """ The cursor of the page to read, from the previous page's `paging.next.after`; "0" (the default) is the first
    page. """
    query: str | Unset = UNSET
    """ Text to search for in the default searchable properties. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        filter_groups = []
        for filter_groups_item_data in self.filter_groups:
            filter_groups_item = filter_groups_item_data.to_dict()
            filter_groups.append(filter_groups_item)

        sorts = self.sorts

        properties = self.properties

        limit = self.limit

        after = self.after

        query = self.query

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filterGroups": filter_groups,
                "sorts": sorts,
                "properties": properties,
                "limit": limit,
                "after": after,
            }
        )
        if query is not UNSET:
            field_dict["query"] = query

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _filter_groups_sent = d.pop("filterGroups", None)
        if _filter_groups_sent is None:
            _filter_groups_sent = []
        filter_groups = [
            FilterGroup.from_dict(filter_groups_item_data) for filter_groups_item_data in _filter_groups_sent
        ]

        _sorts_sent = d.pop("sorts", None)
        if _sorts_sent is None:
            _sorts_sent = []
        sorts = cast(list[str], _sorts_sent)

        _properties_sent = d.pop("properties", None)
        if _properties_sent is None:
            _properties_sent = []
        properties = cast(list[str], _properties_sent)

        _limit_sent = d.pop("limit", None)
        if _limit_sent is None:
            _limit_sent = 10
        limit = _limit_sent

        _after_sent = d.pop("after", None)
        if _after_sent is None:
            _after_sent = "0"
        after = _after_sent

        _query_sent = d.pop("query", UNSET)
        if _query_sent is None:
            _query_sent = UNSET
        query = _query_sent

        public_object_search_request = cls(
            filter_groups,
            sorts,
            properties,
            limit,
            after,
            query,
        )

        public_object_search_request.additional_properties = d
        return public_object_search_request

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
from ..models.filter_group import FilterGroup
