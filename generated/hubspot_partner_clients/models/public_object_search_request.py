from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublicObjectSearchRequest")


@_attrs_define
class PublicObjectSearchRequest:
    """A search for partner clients."""

    filter_groups: list[FilterGroup] | Unset = UNSET
    """ Groups of filters; an object matches when it matches every filter of any one group. """
    sorts: list[str] | Unset = UNSET
    """ Property names to sort by, such as `name`, or `-name` for descending order. """
    query: str | Unset = UNSET
    """ Text to search for in the default searchable properties. """
    properties: list[str] | Unset = UNSET
    """ The properties to return. """
    limit: int | Unset = UNSET
    """ The most results to return on one page (at most 200). """
    after: str | Unset = UNSET
    """ The cursor of the page to read, from the previous page's `paging.next.after`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filter_groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.filter_groups, Unset):
            filter_groups = []
            for filter_groups_item_data in self.filter_groups:
                filter_groups_item = filter_groups_item_data.to_dict()
                filter_groups.append(filter_groups_item)

        sorts: list[str] | Unset = UNSET
        if not isinstance(self.sorts, Unset):
            sorts = self.sorts

        query = self.query

        properties: list[str] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties

        limit = self.limit

        after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filter_groups is not UNSET:
            field_dict["filterGroups"] = filter_groups
        if sorts is not UNSET:
            field_dict["sorts"] = sorts
        if query is not UNSET:
            field_dict["query"] = query
        if properties is not UNSET:
            field_dict["properties"] = properties
        if limit is not UNSET:
            field_dict["limit"] = limit
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _filter_groups_sent = d.pop("filterGroups", UNSET)
        if _filter_groups_sent is None:
            _filter_groups_sent = UNSET
        _filter_groups = _filter_groups_sent
        filter_groups: list[FilterGroup] | Unset = UNSET
        if _filter_groups is not UNSET:
            filter_groups = []
            for filter_groups_item_data in _filter_groups:
                filter_groups_item = FilterGroup.from_dict(filter_groups_item_data)

                filter_groups.append(filter_groups_item)

        _sorts_sent = d.pop("sorts", UNSET)
        if _sorts_sent is None:
            _sorts_sent = UNSET
        sorts = cast(list[str], _sorts_sent)

        _query_sent = d.pop("query", UNSET)
        if _query_sent is None:
            _query_sent = UNSET
        query = _query_sent

        _properties_sent = d.pop("properties", UNSET)
        if _properties_sent is None:
            _properties_sent = UNSET
        properties = cast(list[str], _properties_sent)

        _limit_sent = d.pop("limit", UNSET)
        if _limit_sent is None:
            _limit_sent = UNSET
        limit = _limit_sent

        _after_sent = d.pop("after", UNSET)
        if _after_sent is None:
            _after_sent = UNSET
        after = _after_sent

        public_object_search_request = cls(
            filter_groups=filter_groups,
            sorts=sorts,
            query=query,
            properties=properties,
            limit=limit,
            after=after,
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
