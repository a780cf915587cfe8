"""The resource client's hand-written methods: bulk update and bulk read.

The generated `resources.PartnerClients` (and its async twin) inherit these, so
`client.partner_clients.bulk_update(rows)` is `bulk_update(client, rows)`. The
options are bulk's own, passed through unchanged (listed here by name and type, for
mypy; their defaults and meaning are bulk's). Each API version's generated class hands over its
own `batch_update` / `batch_read` modules (the attributes `_<operationId>` declared here, which the pipeline
assigns in every version's resource class), so `client.v2026_03.partner_clients.bulk_update` sends
through 2026-03. tests/resources/test_extras.py fails when the
TypedDicts below and the keyword parameters of `bulk_update` / `bulk_read` name different
options or types, so an option added to bulk cannot be missing here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypedDict, TypeVar, Unpack

from .bulk import (
    BatchReadOperation,
    BatchUpdateOperation,
    BulkResult,
    JournalPath,
    abulk_read,
    abulk_update,
    bulk_read,
    bulk_update,
)
from .bulk._ledger import ProgressCallback
from .client import AuthenticatedClient
from .models import SimplePublicObjectBatchInput, SimplePublicObjectId

__all__ = ["AsyncPartnerClientsExtras", "PartnerClientsExtras"]

_U = TypeVar("_U", bound=SimplePublicObjectBatchInput | Mapping[str, Any])
_R = TypeVar("_R", bound=str | int | SimplePublicObjectId | Mapping[str, Any])


class _RunOptions(TypedDict, total=False):
    """The keyword parameters of `bulk_update` (and of `bulk_read`, with `_ReadOptions`')."""

    concurrency: int
    chunk_size: int
    on_progress: ProgressCallback | None
    progress: bool
    deadline: float | None
    journal: JournalPath | None


class _ReadOptions(_RunOptions, total=False):
    """The keyword parameters of `bulk_read`: `_RunOptions` and the reading ones."""

    properties: Sequence[str]
    properties_with_history: Sequence[str]
    id_property: str | None
    archived: bool


class PartnerClientsExtras:
    """`bulk_update` and `bulk_read` as methods of `client.partner_clients`."""

    __slots__ = ()
    _client: AuthenticatedClient
    # Assigned by each version's generated class (a class attribute `_<operationId>` for each
    # annotation of that form here): that version's operation modules.
    _batch_update: BatchUpdateOperation
    _batch_read: BatchReadOperation

    def bulk_update(self, inputs: Iterable[_U], /, **options: Unpack[_RunOptions]) -> BulkResult[_U]:
        """Update any number of partner clients: `hubspot_partner_clients.bulk_update` with this client."""
        return bulk_update(self._client, inputs, operation=self._batch_update, **options)

    def bulk_read(self, ids: Iterable[_R], /, **options: Unpack[_ReadOptions]) -> BulkResult[_R]:
        """Read any number of partner clients: `hubspot_partner_clients.bulk_read` with this client."""
        return bulk_read(self._client, ids, operation=self._batch_read, **options)


class AsyncPartnerClientsExtras:
    """`bulk_update` and `bulk_read` as methods of `client.aio.partner_clients`, to await."""

    __slots__ = ()
    _client: AuthenticatedClient
    # Assigned by each version's generated class (a class attribute `_<operationId>` for each
    # annotation of that form here): that version's operation modules.
    _batch_update: BatchUpdateOperation
    _batch_read: BatchReadOperation

    async def bulk_update(self, inputs: Iterable[_U], /, **options: Unpack[_RunOptions]) -> BulkResult[_U]:
        """`hubspot_partner_clients.abulk_update` with this client."""
        return await abulk_update(self._client, inputs, operation=self._batch_update, **options)

    async def bulk_read(self, ids: Iterable[_R], /, **options: Unpack[_ReadOptions]) -> BulkResult[_R]:
        """`hubspot_partner_clients.abulk_read` with this client."""
        return await abulk_read(self._client, ids, operation=self._batch_read, **options)
