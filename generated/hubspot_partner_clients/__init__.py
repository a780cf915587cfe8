"""A typed Python client for HubSpot's CRM Partner Clients API, with retries, rate limiting, paging and bulk.

    from hubspot_partner_clients import create_client

    with create_client() as client:  # the token from HUBSPOT_ACCESS_TOKEN
        for partner_client in client.partner_clients.list(properties=["name"]):
            print(partner_client.id, partner_client.properties["name"])

`client.partner_clients` has every operation of the API as a method: `get`, `list`, `update`,
`batch_read`, `batch_update`, `search`, `list_associations`, `associate`, `remove_association`,
and `bulk_update` / `bulk_read` for any number of inputs. `client.aio.partner_clients` has the
same methods, to await. Requests take plain dicts (typed by `hubspot_partner_clients.params`) or
the models of `hubspot_partner_clients.models`; answers are those models. Every call retries
transient failures and stays under HubSpot's rate limits, and every failure raises from
`HubSpotError` (`hubspot_partner_clients.errors`).

Read on in `hubspot_partner_clients.resources` (the methods of `client.partner_clients`),
`hubspot_partner_clients.params` (the dicts they take), `hubspot_partner_clients.errors`,
`hubspot_partner_clients.pagination`, `hubspot_partner_clients.bulk`, and
`hubspot_partner_clients.api`, the function per operation underneath the methods.
"""

import os as _os
from importlib import import_module
from typing import TYPE_CHECKING, Any

# In a checkout the package is two folders: the generator's output in
# generated/hubspot_partner_clients (this file) and the hand-written modules in
# overlays/hubspot_partner_clients, which are imported, traced and type-checked
# where they are written. The wheel merges both into one folder, where this
# adds nothing.
_TREE = _os.path.dirname(_os.path.dirname(_os.path.abspath(__file__)))
_HAND_WRITTEN = _os.path.join(_os.path.dirname(_TREE), "overlays", __name__)
if _os.path.basename(_TREE) == "generated" and _os.path.isdir(_HAND_WRITTEN):
    __path__.append(_HAND_WRITTEN)

# After the hand-written folder is on the path: the generated clients import one of its modules.
from .client import AuthenticatedClient, Client  # noqa: E402

if TYPE_CHECKING:
    from .bulk import (
        BulkError,
        BulkInputError,
        BulkInterrupted,
        BulkJournalError,
        BulkResult,
        BulkStatus,
        abulk_read,
        abulk_update,
        bulk_read,
        bulk_update,
    )
    from .errors import (
        AuthenticationError,
        ConflictError,
        HubSpotConnectionError,
        HubSpotError,
        HubSpotTimeoutError,
        InvalidArgumentError,
        MalformedResponseError,
        MissingScopesError,
        NotFoundError,
        RateLimitError,
        ServerError,
        UnexpectedStatus,
        ValidationError,
    )
    from .hubspot_client import ConfigurationError, HubSpotClient, create_client
    from .limiter import RateLimit
    from .pagination import Page, SearchLimitError, apaginate, paginate
    from .retry import RetryEvent, RetryPolicy
    from .shared_limiter import RedisRateLimiter

# The public names of the hand-written modules, imported on first use (PEP 562)
# so that `import hubspot_partner_clients` costs no more than the generated client.
_LAZY = {
    "BulkError": ".bulk",
    "BulkInputError": ".bulk",
    "BulkInterrupted": ".bulk",
    "BulkJournalError": ".bulk",
    "BulkResult": ".bulk",
    "BulkStatus": ".bulk",
    "abulk_read": ".bulk",
    "abulk_update": ".bulk",
    "bulk_read": ".bulk",
    "bulk_update": ".bulk",
    "AuthenticationError": ".errors",
    "ConflictError": ".errors",
    "HubSpotConnectionError": ".errors",
    "HubSpotError": ".errors",
    "HubSpotTimeoutError": ".errors",
    "InvalidArgumentError": ".errors",
    "MalformedResponseError": ".errors",
    "MissingScopesError": ".errors",
    "NotFoundError": ".errors",
    "RateLimitError": ".errors",
    "ServerError": ".errors",
    "UnexpectedStatus": ".errors",
    "ValidationError": ".errors",
    "ConfigurationError": ".hubspot_client",
    "HubSpotClient": ".hubspot_client",
    "create_client": ".hubspot_client",
    "RateLimit": ".limiter",
    "Page": ".pagination",
    "SearchLimitError": ".pagination",
    "apaginate": ".pagination",
    "paginate": ".pagination",
    "RetryEvent": ".retry",
    "RetryPolicy": ".retry",
    "RedisRateLimiter": ".shared_limiter",
}

__all__ = (
    "AuthenticatedClient",
    "AuthenticationError",
    "BulkError",
    "BulkInputError",
    "BulkInterrupted",
    "BulkJournalError",
    "BulkResult",
    "BulkStatus",
    "Client",
    "ConfigurationError",
    "ConflictError",
    "HubSpotClient",
    "HubSpotConnectionError",
    "HubSpotError",
    "HubSpotTimeoutError",
    "InvalidArgumentError",
    "MalformedResponseError",
    "MissingScopesError",
    "NotFoundError",
    "Page",
    "RateLimit",
    "RateLimitError",
    "RedisRateLimiter",
    "RetryEvent",
    "RetryPolicy",
    "SearchLimitError",
    "ServerError",
    "UnexpectedStatus",
    "ValidationError",
    "__version__",
    "abulk_read",
    "abulk_update",
    "apaginate",
    "bulk_read",
    "bulk_update",
    "create_client",
    "paginate",
)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from ._version import package_version

        return package_version()
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
