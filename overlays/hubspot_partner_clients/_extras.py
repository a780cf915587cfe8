"""The resource client's hand-written methods: bulk update and bulk read.

The generated `resources.PartnerClients` (and its async twin) inherit these, so
`client.partner_clients.bulk_update(rows)` is `bulk_update(client, rows)`. The
options are bulk's own, passed through unchanged (listed here by name only, for
mypy; their defaults and meaning are bulk's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypedDict, TypeVar, Unpack

from .bulk import BulkResult, abulk_read, abulk_update, bulk_read, bulk_update
from .client import AuthenticatedClient
from .models import SimplePublicObjectBatchInput, SimplePublicObjectId

__all__ = ["AsyncPartnerClientsExtras", "PartnerClientsExtras"]

_U = TypeVar("_U", bound=SimplePublicObjectBatchInput | Mapping[str, Any])
_R = TypeVar("_R", bound=str | int | SimplePublicObjectId | Mapping[str, Any])


class _RunOptions(TypedDict, total=False):
    concurrency: int
    chunk_size: int
    on_progress: Callable[[int, int | None], object] | None
    progress: bool
    deadline: float | None


class _ReadOptions(_RunOptions, total=False):
    properties: Sequence[str]
    properties_with_history: Sequence[str]
    id_property: str | None
    archived: bool


class PartnerClientsExtras:
    """`bulk_update` and `bulk_read` as methods of `client.partner_clients`."""

    __slots__ = ()
    _client: AuthenticatedClient

    def bulk_update(self, inputs: Iterable[_U], /, **options: Unpack[_RunOptions]) -> BulkResult[_U]:
        """Update any number of partner clients: `hubspot_partner_clients.bulk_update` with this client."""
        return bulk_update(self._client, inputs, **options)

    def bulk_read(self, ids: Iterable[_R], /, **options: Unpack[_ReadOptions]) -> BulkResult[_R]:
        """Read any number of partner clients: `hubspot_partner_clients.bulk_read` with this client."""
        return bulk_read(self._client, ids, **options)


class AsyncPartnerClientsExtras:
    """`bulk_update` and `bulk_read` as methods of `client.aio.partner_clients`, to await."""

    __slots__ = ()
    _client: AuthenticatedClient

    async def bulk_update(self, inputs: Iterable[_U], /, **options: Unpack[_RunOptions]) -> BulkResult[_U]:
        """`hubspot_partner_clients.abulk_update` with this client."""
        return await abulk_update(self._client, inputs, **options)

    async def bulk_read(self, ids: Iterable[_R], /, **options: Unpack[_ReadOptions]) -> BulkResult[_R]:
        """`hubspot_partner_clients.abulk_read` with this client."""
        return await abulk_read(self._client, ids, **options)
