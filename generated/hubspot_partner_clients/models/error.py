from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """HubSpot's error response."""

    category: str
    """ The error category, such as VALIDATION_ERROR or MISSING_SCOPES. """
    correlation_id: UUID
    """ A unique identifier for the request. Include this value with any error reports or support tickets. """
    message: str
    """ A human readable message describing the error along with remediation steps where appropriate. """
    sub_category: str | Unset = UNSET
    """ A specific category that contains more specific detail about the error. """
    context: ErrorContext | Unset = UNSET
    """ Context about the error condition, such as the missing scopes. """
    links: ErrorLinks | Unset = UNSET
    """ URLs linking to documentation or a resource associated with the error. """
    errors: list[ErrorDetail] | Unset = UNSET
    """ Further information about the error. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        category = self.category

        correlation_id = str(self.correlation_id)

        message = self.message

        sub_category = self.sub_category

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "correlationId": correlation_id,
                "message": message,
            }
        )
        if sub_category is not UNSET:
            field_dict["subCategory"] = sub_category
        if context is not UNSET:
            field_dict["context"] = context
        if links is not UNSET:
            field_dict["links"] = links
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is Error and len(src_dict) == 3:
            category = src_dict["category"]
            correlation_id = UUID(src_dict["correlationId"])

            message = src_dict["message"]
            error = object.__new__(cls)
            error.category = category
            error.correlation_id = correlation_id
            error.message = message
            error.sub_category = UNSET
            error.context = UNSET
            error.links = UNSET
            error.errors = UNSET
            error.additional_properties = {}
            return error

        d = dict(src_dict)
        category = d.pop("category")

        correlation_id = UUID(d.pop("correlationId"))

        message = d.pop("message")

        if not d:
            return cls(
                category,
                correlation_id,
                message,
                UNSET,
                UNSET,
                UNSET,
                UNSET,
            )

        _sub_category_sent = d.pop("subCategory", UNSET)
        if _sub_category_sent is None:
            _sub_category_sent = UNSET
        sub_category = _sub_category_sent

        _context_sent = d.pop("context", UNSET)
        if _context_sent is None:
            _context_sent = UNSET
        _context = _context_sent
        context: ErrorContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = ErrorContext.from_dict(_context)

        _links_sent = d.pop("links", UNSET)
        if _links_sent is None:
            _links_sent = UNSET
        _links = _links_sent
        links: ErrorLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = ErrorLinks.from_dict(_links)

        _errors_sent = d.pop("errors", UNSET)
        if _errors_sent is None:
            _errors_sent = UNSET
        _errors = _errors_sent
        errors: list[ErrorDetail] | Unset = UNSET
        if _errors is not UNSET:
            errors = [ErrorDetail.from_dict(errors_item_data) for errors_item_data in _errors]

        error = cls(
            category,
            correlation_id,
            message,
            sub_category,
            context,
            links,
            errors,
        )

        error.additional_properties = d
        return error

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
from ..models.error_context import ErrorContext
from ..models.error_detail import ErrorDetail
from ..models.error_links import ErrorLinks
