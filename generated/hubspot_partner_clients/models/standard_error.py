from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
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
    context: StandardErrorContext
    """ Context about the error, such as the ids it concerns. """
    links: StandardErrorLinks
    """ Links to documentation about the error, by name. """
    errors: list[ErrorDetail] = _attrs_field(factory=list)
    """ The detailed error objects. """
    id: str | Unset = UNSET
    """ A unique ID for the error instance. """
    sub_category: StandardErrorSubCategory | str | Unset = UNSET
    """ A more specific error category within each main category. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

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

        sub_category: dict[str, Any] | str | Unset
        if isinstance(self.sub_category, Unset):
            sub_category = UNSET
        elif isinstance(self.sub_category, StandardErrorSubCategory):
            sub_category = self.sub_category.to_dict()
        else:
            sub_category = self.sub_category

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

        _errors_sent = d.pop("errors", None)
        if _errors_sent is None:
            _errors_sent = []
        errors = [ErrorDetail.from_dict(errors_item_data) for errors_item_data in _errors_sent]

        _context_sent = d.pop("context", None)
        if _context_sent is None:
            _context_sent = {}
        context = StandardErrorContext.from_dict(_context_sent)

        _links_sent = d.pop("links", None)
        if _links_sent is None:
            _links_sent = {}
        links = StandardErrorLinks.from_dict(_links_sent)

        _id_sent = d.pop("id", UNSET)
        if _id_sent is None:
            _id_sent = UNSET
        id = _id_sent

        _sub_category_sent = d.pop("subCategory", UNSET)
        if _sub_category_sent is None:
            _sub_category_sent = UNSET

        def _parse_sub_category(data: object) -> StandardErrorSubCategory | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sub_category_sub_category = StandardErrorSubCategory.from_dict(data)

                return sub_category_sub_category
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(StandardErrorSubCategory | str | Unset, data)

        sub_category = _parse_sub_category(_sub_category_sent)

        standard_error = cls(
            status,
            category,
            message,
            context,
            links,
            errors,
            id,
            sub_category,
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
