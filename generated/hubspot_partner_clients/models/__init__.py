"""The attrs models of every request and answer: `Model.from_dict(json)` parses, `.to_dict()` serialises."""

import typing as _typing
from importlib import import_module as _import_module

if _typing.TYPE_CHECKING:
    from .associated_id import AssociatedId
    from .batch_input_simple_public_object_batch_input import BatchInputSimplePublicObjectBatchInput
    from .batch_read_input_simple_public_object_id import BatchReadInputSimplePublicObjectId
    from .batch_response_simple_public_object import BatchResponseSimplePublicObject
    from .batch_response_simple_public_object_links import BatchResponseSimplePublicObjectLinks
    from .batch_response_simple_public_object_with_errors import BatchResponseSimplePublicObjectWithErrors
    from .batch_response_simple_public_object_with_errors_links import (
        BatchResponseSimplePublicObjectWithErrorsLinks,
    )
    from .batch_status import BatchStatus
    from .collection_response_associated_id import CollectionResponseAssociatedId
    from .collection_response_associated_id_forward_paging import CollectionResponseAssociatedIdForwardPaging
    from .collection_response_simple_public_object_with_associations_forward_paging import (
        CollectionResponseSimplePublicObjectWithAssociationsForwardPaging,
    )
    from .collection_response_with_total_simple_public_object import (
        CollectionResponseWithTotalSimplePublicObject,
    )
    from .error import Error
    from .error_context import ErrorContext
    from .error_detail import ErrorDetail
    from .error_detail_context import ErrorDetailContext
    from .error_links import ErrorLinks
    from .filter_ import Filter
    from .filter_group import FilterGroup
    from .filter_operator import FilterOperator
    from .forward_paging import ForwardPaging
    from .next_page import NextPage
    from .paging import Paging
    from .previous_page import PreviousPage
    from .public_object_search_request import PublicObjectSearchRequest
    from .public_object_warning import PublicObjectWarning
    from .public_object_warning_context import PublicObjectWarningContext
    from .simple_public_object import SimplePublicObject
    from .simple_public_object_batch_input import SimplePublicObjectBatchInput
    from .simple_public_object_batch_input_properties import SimplePublicObjectBatchInputProperties
    from .simple_public_object_id import SimplePublicObjectId
    from .simple_public_object_input import SimplePublicObjectInput
    from .simple_public_object_input_properties import SimplePublicObjectInputProperties
    from .simple_public_object_properties import SimplePublicObjectProperties
    from .simple_public_object_properties_with_history import SimplePublicObjectPropertiesWithHistory
    from .simple_public_object_with_associations import SimplePublicObjectWithAssociations
    from .simple_public_object_with_associations_associations import (
        SimplePublicObjectWithAssociationsAssociations,
    )
    from .simple_public_object_with_associations_properties import (
        SimplePublicObjectWithAssociationsProperties,
    )
    from .simple_public_object_with_associations_properties_with_history import (
        SimplePublicObjectWithAssociationsPropertiesWithHistory,
    )
    from .standard_error import StandardError
    from .standard_error_context import StandardErrorContext
    from .standard_error_links import StandardErrorLinks
    from .standard_error_sub_category import StandardErrorSubCategory
    from .value_with_timestamp import ValueWithTimestamp

# Each public name and the module that defines it.
_MODULES = {
    "AssociatedId": ".associated_id",
    "BatchInputSimplePublicObjectBatchInput": ".batch_input_simple_public_object_batch_input",
    "BatchReadInputSimplePublicObjectId": ".batch_read_input_simple_public_object_id",
    "BatchResponseSimplePublicObject": ".batch_response_simple_public_object",
    "BatchResponseSimplePublicObjectLinks": ".batch_response_simple_public_object_links",
    "BatchResponseSimplePublicObjectWithErrors": ".batch_response_simple_public_object_with_errors",
    "BatchResponseSimplePublicObjectWithErrorsLinks": ".batch_response_simple_public_object_with_errors_links",
    "BatchStatus": ".batch_status",
    "CollectionResponseAssociatedId": ".collection_response_associated_id",
    "CollectionResponseAssociatedIdForwardPaging": ".collection_response_associated_id_forward_paging",
    "CollectionResponseSimplePublicObjectWithAssociationsForwardPaging": ".collection_response_simple_public_object_with_associations_forward_paging",
    "CollectionResponseWithTotalSimplePublicObject": ".collection_response_with_total_simple_public_object",
    "Error": ".error",
    "ErrorContext": ".error_context",
    "ErrorDetail": ".error_detail",
    "ErrorDetailContext": ".error_detail_context",
    "ErrorLinks": ".error_links",
    "Filter": ".filter_",
    "FilterGroup": ".filter_group",
    "FilterOperator": ".filter_operator",
    "ForwardPaging": ".forward_paging",
    "NextPage": ".next_page",
    "Paging": ".paging",
    "PreviousPage": ".previous_page",
    "PublicObjectSearchRequest": ".public_object_search_request",
    "PublicObjectWarning": ".public_object_warning",
    "PublicObjectWarningContext": ".public_object_warning_context",
    "SimplePublicObject": ".simple_public_object",
    "SimplePublicObjectBatchInput": ".simple_public_object_batch_input",
    "SimplePublicObjectBatchInputProperties": ".simple_public_object_batch_input_properties",
    "SimplePublicObjectId": ".simple_public_object_id",
    "SimplePublicObjectInput": ".simple_public_object_input",
    "SimplePublicObjectInputProperties": ".simple_public_object_input_properties",
    "SimplePublicObjectProperties": ".simple_public_object_properties",
    "SimplePublicObjectPropertiesWithHistory": ".simple_public_object_properties_with_history",
    "SimplePublicObjectWithAssociations": ".simple_public_object_with_associations",
    "SimplePublicObjectWithAssociationsAssociations": ".simple_public_object_with_associations_associations",
    "SimplePublicObjectWithAssociationsProperties": ".simple_public_object_with_associations_properties",
    "SimplePublicObjectWithAssociationsPropertiesWithHistory": ".simple_public_object_with_associations_properties_with_history",
    "StandardError": ".standard_error",
    "StandardErrorContext": ".standard_error_context",
    "StandardErrorLinks": ".standard_error_links",
    "StandardErrorSubCategory": ".standard_error_sub_category",
    "ValueWithTimestamp": ".value_with_timestamp",
}

__all__ = (
    "AssociatedId",
    "BatchInputSimplePublicObjectBatchInput",
    "BatchReadInputSimplePublicObjectId",
    "BatchResponseSimplePublicObject",
    "BatchResponseSimplePublicObjectLinks",
    "BatchResponseSimplePublicObjectWithErrors",
    "BatchResponseSimplePublicObjectWithErrorsLinks",
    "BatchStatus",
    "CollectionResponseAssociatedId",
    "CollectionResponseAssociatedIdForwardPaging",
    "CollectionResponseSimplePublicObjectWithAssociationsForwardPaging",
    "CollectionResponseWithTotalSimplePublicObject",
    "Error",
    "ErrorContext",
    "ErrorDetail",
    "ErrorDetailContext",
    "ErrorLinks",
    "Filter",
    "FilterGroup",
    "FilterOperator",
    "ForwardPaging",
    "NextPage",
    "Paging",
    "PreviousPage",
    "PublicObjectSearchRequest",
    "PublicObjectWarning",
    "PublicObjectWarningContext",
    "SimplePublicObject",
    "SimplePublicObjectBatchInput",
    "SimplePublicObjectBatchInputProperties",
    "SimplePublicObjectId",
    "SimplePublicObjectInput",
    "SimplePublicObjectInputProperties",
    "SimplePublicObjectProperties",
    "SimplePublicObjectPropertiesWithHistory",
    "SimplePublicObjectWithAssociations",
    "SimplePublicObjectWithAssociationsAssociations",
    "SimplePublicObjectWithAssociationsProperties",
    "SimplePublicObjectWithAssociationsPropertiesWithHistory",
    "StandardError",
    "StandardErrorContext",
    "StandardErrorLinks",
    "StandardErrorSubCategory",
    "ValueWithTimestamp",
)


def __getattr__(name: str) -> object:
    module = _MODULES.get(name, "")
    if not module:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
