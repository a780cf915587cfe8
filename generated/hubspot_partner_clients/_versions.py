"""The client's attribute per API version: `client.<version>.partner_clients`.

Written by the pipeline (generator/resources.py) from openapi/versions.toml. `HubSpotClient`
(overlays/.../hubspot_client.py) is a `VersionedClient`, so every version of the list is an
attribute of the one client, sharing its retries, rate limiter and connection pools.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .client import AuthenticatedClient

if TYPE_CHECKING:
    from .v2026_03.resources import Resources as _V2026_03Resources

__all__ = ["VersionedClient"]


class VersionedClient(AuthenticatedClient):
    """An `AuthenticatedClient` with one attribute per other API version."""

    __slots__ = ()

    @property
    def v2026_03(self) -> _V2026_03Resources:
        """API version 2026-03's resource clients: `client.v2026_03.partner_clients.get("123")`."""
        # Imported on first use: a version's resource client imports its every operation and model.
        from .v2026_03.resources import Resources

        return Resources(self)
