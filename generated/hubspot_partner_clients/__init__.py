"""A typed Python client for HubSpot's CRM Partner Clients API.

    from hubspot_partner_clients import create_client
    from hubspot_partner_clients.api.partner_clients import get_by_id

    with create_client() as client:  # the token from HUBSPOT_ACCESS_TOKEN
        print(get_by_id.sync("1234", client=client).properties)

Every call retries transient failures and stays under HubSpot's rate limits;
`paginate` walks every page, `bulk_update` and `bulk_read` take any number of
inputs, and every failure raises from `HubSpotError`.
"""

import os as _os
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .client import AuthenticatedClient, Client

# In a checkout the package is two folders: the generator's output in
# generated/hubspot_partner_clients (this file) and the hand-written modules in
# overlays/hubspot_partner_clients, which are imported, traced and type-checked
# where they are written. The wheel merges both into one folder, where this
# adds nothing.
_TREE = _os.path.dirname(_os.path.dirname(_os.path.abspath(__file__)))
_HAND_WRITTEN = _os.path.join(_os.path.dirname(_TREE), "overlays", __name__)
if _os.path.basename(_TREE) == "generated" and _os.path.isdir(_HAND_WRITTEN):
    __path__.append(_HAND_WRITTEN)

if TYPE_CHECKING:
    from .bulk import (
        BulkError,
        BulkInputError,
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
