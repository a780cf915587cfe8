"""A client library for accessing HubSpot CRM Partner Clients"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
