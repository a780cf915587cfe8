"""A client library for accessing HubSpot CRM Partner Clients"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
)


def __getattr__(name: str) -> str:
    # PEP 562: the version is read from the installed metadata only when asked for.
    if name == "__version__":
        from ._version import package_version

        return package_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
