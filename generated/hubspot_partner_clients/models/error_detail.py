from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._model_methods import model_eq, model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
class ErrorDetail:
    """One detail of an error."""

    message: str
    """ A human readable message describing the error along with remediation steps where appropriate. """
    code: str | Unset = UNSET
    """ The status code associated with the error detail. """
    in_: str | Unset = UNSET
    """ The name of the field or parameter in which the error was found. """
    sub_category: str | Unset = UNSET
    """ A specific category that contains more specific detail about the error. """
    context: ErrorDetailContext | Unset = UNSET
    """ Context about the error condition. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = model_repr
    __eq__ = model_eq

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        code = self.code

        in_ = self.in_

        sub_category = self.sub_category

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if in_ is not UNSET:
            field_dict["in"] = in_
        if sub_category is not UNSET:
            field_dict["subCategory"] = sub_category
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if cls is ErrorDetail and len(src_dict) == 1:
            message = src_dict["message"]
            error_detail = object.__new__(cls)
            error_detail.message = message
            error_detail.code = UNSET
            error_detail.in_ = UNSET
            error_detail.sub_category = UNSET
            error_detail.context = UNSET
            error_detail.additional_properties = {}
            return error_detail

        d = dict(src_dict)
        message = d.pop("message")

        if not d:
            return cls(
                message,
                UNSET,
                UNSET,
                UNSET,
                UNSET,
            )

        _code_sent = d.pop("code", UNSET)
        if _code_sent is None:
            _code_sent = UNSET
        code = _code_sent

        _in__sent = d.pop("in", UNSET)
        if _in__sent is None:
            _in__sent = UNSET
        in_ = _in__sent

        _sub_category_sent = d.pop("subCategory", UNSET)
        if _sub_category_sent is None:
            _sub_category_sent = UNSET
        sub_category = _sub_category_sent

        _context_sent = d.pop("context", UNSET)
        if _context_sent is None:
            _context_sent = UNSET
        _context = _context_sent
        context: ErrorDetailContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = ErrorDetailContext.from_dict(_context)

        error_detail = cls(
            message,
            code,
            in_,
            sub_category,
            context,
        )

        error_detail.additional_properties = d
        return error_detail

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
from ..models.error_detail_context import ErrorDetailContext
