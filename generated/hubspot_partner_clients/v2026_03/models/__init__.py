"""The attrs models of every request and answer: `Model.from_dict(json)` parses, `.to_dict()` serialises."""

import typing as _typing
from importlib import import_module as _import_module

if _typing.TYPE_CHECKING:
    from ...models.associated_id import AssociatedId
    from ...models.batch_input_simple_public_object_batch_input import BatchInputSimplePublicObjectBatchInput
    from ...models.batch_read_input_simple_public_object_id import BatchReadInputSimplePublicObjectId
    from ...models.batch_response_simple_public_object import BatchResponseSimplePublicObject
    from ...models.batch_response_simple_public_object_links import BatchResponseSimplePublicObjectLinks
    from ...models.batch_response_simple_public_object_with_errors import (
        BatchResponseSimplePublicObjectWithErrors,
    )
    from ...models.batch_response_simple_public_object_with_errors_links import (
        BatchResponseSimplePublicObjectWithErrorsLinks,
    )
    from ...models.batch_status import BatchStatus
    from ...models.collection_response_associated_id import CollectionResponseAssociatedId
    from ...models.collection_response_simple_public_object_with_associations_forward_paging import (
        CollectionResponseSimplePublicObjectWithAssociationsForwardPaging,
    )
    from ...models.collection_response_with_total_simple_public_object import (
        CollectionResponseWithTotalSimplePublicObject,
    )
    from ...models.error import Error
    from ...models.error_context import ErrorContext
    from ...models.error_detail import ErrorDetail
    from ...models.error_detail_context import ErrorDetailContext
    from ...models.error_links import ErrorLinks
    from ...models.filter_ import Filter
    from ...models.filter_group import FilterGroup
    from ...models.filter_operator import FilterOperator
    from ...models.forward_paging import ForwardPaging
    from ...models.next_page import NextPage
    from ...models.paging import Paging
    from ...models.previous_page import PreviousPage
    from ...models.public_object_search_request import PublicObjectSearchRequest
    from ...models.public_object_warning import PublicObjectWarning
    from ...models.public_object_warning_context import PublicObjectWarningContext
    from ...models.simple_public_object import SimplePublicObject
    from ...models.simple_public_object_batch_input import SimplePublicObjectBatchInput
    from ...models.simple_public_object_batch_input_properties import SimplePublicObjectBatchInputProperties
    from ...models.simple_public_object_id import SimplePublicObjectId
    from ...models.simple_public_object_input import SimplePublicObjectInput
    from ...models.simple_public_object_input_properties import SimplePublicObjectInputProperties
    from ...models.simple_public_object_properties import SimplePublicObjectProperties
    from ...models.simple_public_object_properties_with_history import SimplePublicObjectPropertiesWithHistory
    from ...models.simple_public_object_with_associations import SimplePublicObjectWithAssociations
    from ...models.simple_public_object_with_associations_associations import (
        SimplePublicObjectWithAssociationsAssociations,
    )
    from ...models.simple_public_object_with_associations_properties import (
        SimplePublicObjectWithAssociationsProperties,
    )
    from ...models.simple_public_object_with_associations_properties_with_history import (
        SimplePublicObjectWithAssociationsPropertiesWithHistory,
    )
    from ...models.standard_error import StandardError
    from ...models.standard_error_context import StandardErrorContext
    from ...models.standard_error_links import StandardErrorLinks
    from ...models.standard_error_sub_category import StandardErrorSubCategory
    from ...models.value_with_timestamp import ValueWithTimestamp
    from .association_category import AssociationCategory
    from .association_spec import AssociationSpec
    from .association_spec_with_label import AssociationSpecWithLabel
    from .batch_response_public_default_association import BatchResponsePublicDefaultAssociation
    from .batch_response_public_default_association_links import BatchResponsePublicDefaultAssociationLinks
    from .collection_response_multi_associated_object_with_label_forward_paging import (
        CollectionResponseMultiAssociatedObjectWithLabelForwardPaging,
    )
    from .labels_between_object_pair import LabelsBetweenObjectPair
    from .multi_associated_object_with_label import MultiAssociatedObjectWithLabel
    from .public_default_association import PublicDefaultAssociation
    from .public_object_id import PublicObjectId

# Each public name and the module that defines it.
_MODULES = {
    "AssociatedId": "...models.associated_id",
    "AssociationCategory": ".association_category",
    "AssociationSpec": ".association_spec",
    "AssociationSpecWithLabel": ".association_spec_with_label",
    "BatchInputSimplePublicObjectBatchInput": "...models.batch_input_simple_public_object_batch_input",
    "BatchReadInputSimplePublicObjectId": "...models.batch_read_input_simple_public_object_id",
    "BatchResponsePublicDefaultAssociation": ".batch_response_public_default_association",
    "BatchResponsePublicDefaultAssociationLinks": ".batch_response_public_default_association_links",
    "BatchResponseSimplePublicObject": "...models.batch_response_simple_public_object",
    "BatchResponseSimplePublicObjectLinks": "...models.batch_response_simple_public_object_links",
    "BatchResponseSimplePublicObjectWithErrors": "...models.batch_response_simple_public_object_with_errors",
    "BatchResponseSimplePublicObjectWithErrorsLinks": "...models.batch_response_simple_public_object_with_errors_links",
    "BatchStatus": "...models.batch_status",
    "CollectionResponseAssociatedId": "...models.collection_response_associated_id",
    "CollectionResponseMultiAssociatedObjectWithLabelForwardPaging": ".collection_response_multi_associated_object_with_label_forward_paging",
    "CollectionResponseSimplePublicObjectWithAssociationsForwardPaging": "...models.collection_response_simple_public_object_with_associations_forward_paging",
    "CollectionResponseWithTotalSimplePublicObject": "...models.collection_response_with_total_simple_public_object",
    "Error": "...models.error",
    "ErrorContext": "...models.error_context",
    "ErrorDetail": "...models.error_detail",
    "ErrorDetailContext": "...models.error_detail_context",
    "ErrorLinks": "...models.error_links",
    "Filter": "...models.filter_",
    "FilterGroup": "...models.filter_group",
    "FilterOperator": "...models.filter_operator",
    "ForwardPaging": "...models.forward_paging",
    "LabelsBetweenObjectPair": ".labels_between_object_pair",
    "MultiAssociatedObjectWithLabel": ".multi_associated_object_with_label",
    "NextPage": "...models.next_page",
    "Paging": "...models.paging",
    "PreviousPage": "...models.previous_page",
    "PublicDefaultAssociation": ".public_default_association",
    "PublicObjectId": ".public_object_id",
    "PublicObjectSearchRequest": "...models.public_object_search_request",
    "PublicObjectWarning": "...models.public_object_warning",
    "PublicObjectWarningContext": "...models.public_object_warning_context",
    "SimplePublicObject": "...models.simple_public_object",
    "SimplePublicObjectBatchInput": "...models.simple_public_object_batch_input",
    "SimplePublicObjectBatchInputProperties": "...models.simple_public_object_batch_input_properties",
    "SimplePublicObjectId": "...models.simple_public_object_id",
    "SimplePublicObjectInput": "...models.simple_public_object_input",
    "SimplePublicObjectInputProperties": "...models.simple_public_object_input_properties",
    "SimplePublicObjectProperties": "...models.simple_public_object_properties",
    "SimplePublicObjectPropertiesWithHistory": "...models.simple_public_object_properties_with_history",
    "SimplePublicObjectWithAssociations": "...models.simple_public_object_with_associations",
    "SimplePublicObjectWithAssociationsAssociations": "...models.simple_public_object_with_associations_associations",
    "SimplePublicObjectWithAssociationsProperties": "...models.simple_public_object_with_associations_properties",
    "SimplePublicObjectWithAssociationsPropertiesWithHistory": "...models.simple_public_object_with_associations_properties_with_history",
    "StandardError": "...models.standard_error",
    "StandardErrorContext": "...models.standard_error_context",
    "StandardErrorLinks": "...models.standard_error_links",
    "StandardErrorSubCategory": "...models.standard_error_sub_category",
    "ValueWithTimestamp": "...models.value_with_timestamp",
}

__all__ = (
    "AssociatedId",
    "AssociationCategory",
    "AssociationSpec",
    "AssociationSpecWithLabel",
    "BatchInputSimplePublicObjectBatchInput",
    "BatchReadInputSimplePublicObjectId",
    "BatchResponsePublicDefaultAssociation",
    "BatchResponsePublicDefaultAssociationLinks",
    "BatchResponseSimplePublicObject",
    "BatchResponseSimplePublicObjectLinks",
    "BatchResponseSimplePublicObjectWithErrors",
    "BatchResponseSimplePublicObjectWithErrorsLinks",
    "BatchStatus",
    "CollectionResponseAssociatedId",
    "CollectionResponseMultiAssociatedObjectWithLabelForwardPaging",
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
    "LabelsBetweenObjectPair",
    "MultiAssociatedObjectWithLabel",
    "NextPage",
    "Paging",
    "PreviousPage",
    "PublicDefaultAssociation",
    "PublicObjectId",
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
