"""The attrs models of every request and answer: `Model.from_dict(json)` parses, `.to_dict()` serialises."""

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
from .collection_response_with_total_simple_public_object import CollectionResponseWithTotalSimplePublicObject
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
from .simple_public_object_with_associations_properties import SimplePublicObjectWithAssociationsProperties
from .simple_public_object_with_associations_properties_with_history import (
    SimplePublicObjectWithAssociationsPropertiesWithHistory,
)
from .standard_error import StandardError
from .standard_error_context import StandardErrorContext
from .standard_error_links import StandardErrorLinks
from .standard_error_sub_category import StandardErrorSubCategory
from .value_with_timestamp import ValueWithTimestamp

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
