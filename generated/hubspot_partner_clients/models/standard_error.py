from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StandardError")


@_attrs_define
class StandardError:
    """The error of one input of a batch request."""

    status: str
    """ The HTTP status code associated with the error. """
    category: str
    """ The main category of the error. """
    message: str
    """ A human-readable string describing the error and possible remediation steps. """
    errors: list[ErrorDetail]
    """ The detailed error objects. """
    context: StandardErrorContext
    """ Context about the error, such as the ids it concerns. """
    links: StandardErrorLinks
    """ Links to documentation about the error, by name. """
    id: str | Unset = UNSET
    """ A unique ID for the error instance. """
    sub_category: StandardErrorSubCategory | Unset = UNSET
    """ A more specific error category within each main category. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        category = self.category

        message = self.message

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        context = self.context.to_dict()

        links = self.links.to_dict()

        id = self.id

        sub_category: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sub_category, Unset):
            sub_category = self.sub_category.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "category": category,
                "message": message,
                "errors": errors,
                "context": context,
                "links": links,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if sub_category is not UNSET:
            field_dict["subCategory"] = sub_category

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status")

        category = d.pop("category")

        message = d.pop("message")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ErrorDetail.from_dict(errors_item_data)

            errors.append(errors_item)

        context = StandardErrorContext.from_dict(d.pop("context"))

        links = StandardErrorLinks.from_dict(d.pop("links"))

        id = d.pop("id", UNSET)

        _sub_category = d.pop("subCategory", UNSET)
        sub_category: StandardErrorSubCategory | Unset
        if isinstance(_sub_category, Unset):
            sub_category = UNSET
        else:
            sub_category = StandardErrorSubCategory.from_dict(_sub_category)

        standard_error = cls(
            status=status,
            category=category,
            message=message,
            errors=errors,
            context=context,
            links=links,
            id=id,
            sub_category=sub_category,
        )

        standard_error.additional_properties = d
        return standard_error

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
from ..models.error_detail import ErrorDetail
from ..models.standard_error_context import StandardErrorContext
from ..models.standard_error_links import StandardErrorLinks
from ..models.standard_error_sub_category import StandardErrorSubCategory
