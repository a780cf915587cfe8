"""Every operation of the document: name, method, path, retry safety, rate-limit group, page size.

Written by the pipeline (generator/operations.py) from the document's
operationIds, its `x-idempotent` / `x-rate-limit-group` extensions and the
`maximum` of each operation's `limit` query parameter. The shape of a row
and the lookups are hand-written, in `_operation.py`.
"""

import re

from ._operation import Operation, OperationTable

OPERATIONS = OperationTable(
    (
        Operation(
            name="list_page",
            method="GET",
            path="/crm/v3/objects/partner_clients",
            idempotent=True,
            rate_limit_group="default",
            max_page_size=100,
            pattern=re.compile("^/crm/v3/objects/partner_clients$"),
        ),
        Operation(
            name="batch_read",
            method="POST",
            path="/crm/v3/objects/partner_clients/batch/read",
            idempotent=True,
            rate_limit_group="default",
            max_page_size=None,
            pattern=re.compile("^/crm/v3/objects/partner_clients/batch/read$"),
        ),
        Operation(
            name="batch_update",
            method="POST",
            path="/crm/v3/objects/partner_clients/batch/update",
            idempotent=True,
            rate_limit_group="default",
            max_page_size=None,
            pattern=re.compile("^/crm/v3/objects/partner_clients/batch/update$"),
        ),
        Operation(
            name="search",
            method="POST",
            path="/crm/v3/objects/partner_clients/search",
            idempotent=True,
            rate_limit_group="search",
            max_page_size=None,
            pattern=re.compile("^/crm/v3/objects/partner_clients/search$"),
        ),
        Operation(
            name="get_by_id",
            method="GET",
            path="/crm/v3/objects/partner_clients/{partnerClientId}",
            idempotent=True,
            rate_limit_group="default",
            max_page_size=None,
            pattern=re.compile("^/crm/v3/objects/partner_clients/[^/]+$"),
        ),
        Operation(
            name="update",
            method="PATCH",
            path="/crm/v3/objects/partner_clients/{partnerClientId}",
            idempotent=True,
            rate_limit_group="default",
            max_page_size=None,
            pattern=re.compile("^/crm/v3/objects/partner_clients/[^/]+$"),
        ),
        Operation(
            name="list_associations",
            method="GET",
            path="/crm/v3/objects/partner_clients/{partnerClientId}/associations/{toObjectType}",
            idempotent=True,
            rate_limit_group="default",
            max_page_size=None,
            pattern=re.compile("^/crm/v3/objects/partner_clients/[^/]+/associations/[^/]+$"),
        ),
        Operation(
            name="associate",
            method="PUT",
            path="/crm/v3/objects/partner_clients/{partnerClientId}/associations/{toObjectType}/{toObjectId}/{associationType}",
            idempotent=True,
            rate_limit_group="default",
            max_page_size=None,
            pattern=re.compile("^/crm/v3/objects/partner_clients/[^/]+/associations/[^/]+/[^/]+/[^/]+$"),
        ),
        Operation(
            name="remove_association",
            method="DELETE",
            path="/crm/v3/objects/partner_clients/{partnerClientId}/associations/{toObjectType}/{toObjectId}/{associationType}",
            idempotent=True,
            rate_limit_group="default",
            max_page_size=None,
            pattern=re.compile("^/crm/v3/objects/partner_clients/[^/]+/associations/[^/]+/[^/]+/[^/]+$"),
        ),
    )
)
