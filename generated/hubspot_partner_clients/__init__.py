"""A client library for accessing HubSpot CRM Partner Clients"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .client import AuthenticatedClient, Client

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
        HubSpotError,
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

_LAZY = {
    "create_client": ".hubspot_client",
    "HubSpotClient": ".hubspot_client",
    "ConfigurationError": ".hubspot_client",
    "RetryPolicy": ".retry",
    "RetryEvent": ".retry",
    "RateLimit": ".limiter",
    "paginate": ".pagination",
    "apaginate": ".pagination",
    "Page": ".pagination",
    "SearchLimitError": ".pagination",
    "bulk_update": ".bulk",
    "bulk_read": ".bulk",
    "abulk_update": ".bulk",
    "abulk_read": ".bulk",
    "BulkResult": ".bulk",
    "BulkStatus": ".bulk",
    "BulkError": ".bulk",
    "BulkInputError": ".bulk",
    "HubSpotError": ".errors",
    "ValidationError": ".errors",
    "AuthenticationError": ".errors",
    "MissingScopesError": ".errors",
    "NotFoundError": ".errors",
    "ConflictError": ".errors",
    "RateLimitError": ".errors",
    "ServerError": ".errors",
    "UnexpectedStatus": ".errors",
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
    "HubSpotError",
    "MissingScopesError",
    "NotFoundError",
    "Page",
    "RateLimit",
    "RateLimitError",
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
