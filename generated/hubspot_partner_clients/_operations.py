"""Every operation of the API: its name, method, path, retry safety, rate-limit group, page size.

Written by the pipeline (generator/operations.py) from the document's
operationIds, its `x-idempotent` / `x-rate-limit-group` extensions and the
`maximum` of each operation's `limit` query parameter.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Operation:
    """One operation of the document."""

    name: str
    method: str
    path: str
    idempotent: bool
    rate_limit_group: str
    max_page_size: int | None
    pattern: re.Pattern[str]


OPERATIONS: tuple[Operation, ...] = (
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


def find_operation(method: str, path: str) -> Operation | None:
    """The operation a request's method and (raw, percent-encoded) path belong to."""
    method = method.upper()
    for operation in OPERATIONS:
        if operation.method == method and operation.pattern.fullmatch(path):
            return operation
    return None


def operation_named(name: str) -> Operation | None:
    """The operation whose operationId (and generated module name) is `name`."""
    for operation in OPERATIONS:
        if operation.name == name:
            return operation
    return None
