"""Bulk update and bulk read of any number of partner clients, with an exact account of each input.

Retries and rate limiting are not done here: they live in the client's transport, so every chunk
request is retried and paced by the client it is sent with. A chunk is at most HubSpot's largest
batch of its operation, as the document states it.

Public API (sync, with threads; async mirrors with tasks)::

    bulk_update(client, inputs, ...)   / await abulk_update(client, inputs, ...)
    bulk_read(client, ids, ...)        / await abulk_read(client, ids, ...)

Each returns a ``BulkResult``; see its docstring for the account it gives and ``bulk_update`` for
the rules (input checks, duplicates, lazy iterators, stopping, interruptions, the journal).
"""

# Hooks: calls the generated api.partner_clients.batch_update and .batch_read (sync and
# asyncio) of the API version it is given (`operation`: the resource client of each version
# passes its own modules; v3's by default), builds SimplePublicObjectBatchInput, BatchInputSimplePublicObjectBatchInput,
# SimplePublicObjectId and BatchReadInputSimplePublicObjectId, and reads results and errors
# (StandardError.context and .message) of the batch responses. The largest batch of each
# operation comes from the operation table of its version (_operations.Operation.max_inputs).
# The package's parts: _inputs (input checks, reading chunks), _ledger (accounting for an
# answer, the ledger), _journal (the SQLite journal), _run (the sync and async runners),
# _result (what a run gives back); this module holds the public functions.

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from .._constants import OBJECT_ID_PROPERTY
from .._operation import operation_of
from .._operations import OPERATIONS
from ..api.partner_clients import batch_read, batch_update
from ..client import AuthenticatedClient
from ..models.batch_input_simple_public_object_batch_input import BatchInputSimplePublicObjectBatchInput
from ..models.batch_read_input_simple_public_object_id import BatchReadInputSimplePublicObjectId
from ..models.simple_public_object_batch_input import SimplePublicObjectBatchInput
from ..models.simple_public_object_id import SimplePublicObjectId
from ..types import UNSET, Unset
from ._inputs import MAX_NUMBER_DIGITS, Item, ReadInput, UpdateInput, normalise_read, normalise_update
from ._ledger import Answer, ProgressCallback
from ._result import (
    BulkCancelled,
    BulkError,
    BulkInputError,
    BulkInterrupted,
    BulkInterruptedError,
    BulkJournalError,
    BulkKeyboardInterrupt,
    BulkResult,
    BulkStatus,
    BulkSystemExit,
)
from ._run import Kind, Options, arun, run

__all__ = [
    "MAX_NUMBER_DIGITS",
    "MAX_READ_CHUNK",
    "MAX_UPDATE_CHUNK",
    "BatchReadOperation",
    "BatchUpdateOperation",
    "BulkCancelled",
    "BulkError",
    "BulkInputError",
    "BulkInterrupted",
    "BulkInterruptedError",
    "BulkJournalError",
    "BulkKeyboardInterrupt",
    "BulkResult",
    "BulkStatus",
    "BulkSystemExit",
    "ReadInput",
    "UpdateInput",
    "abulk_read",
    "abulk_update",
    "bulk_read",
    "bulk_update",
]

MAX_UPDATE_CHUNK = OPERATIONS.limit("batch_update", "max_inputs")
"""HubSpot's limit of inputs per batch update request: the largest (and default) chunk."""
MAX_READ_CHUNK = OPERATIONS.limit("batch_read", "max_inputs")
"""HubSpot's limit of inputs per batch read request: the largest (and default) chunk."""

_U = TypeVar("_U", bound=SimplePublicObjectBatchInput | Mapping[str, Any])
_R = TypeVar("_R", bound=str | int | SimplePublicObjectId | Mapping[str, Any])
JournalPath = str | os.PathLike[str]


class BatchUpdateOperation(Protocol):
    """An API version's `api.partner_clients.batch_update` module: what a bulk update sends with."""

    def sync(
        self, *, client: AuthenticatedClient, body: BatchInputSimplePublicObjectBatchInput
    ) -> Answer: ...

    async def asyncio(
        self, *, client: AuthenticatedClient, body: BatchInputSimplePublicObjectBatchInput
    ) -> Answer: ...


class BatchReadOperation(Protocol):
    """An API version's `api.partner_clients.batch_read` module: what a bulk read sends with."""

    def sync(
        self,
        *,
        client: AuthenticatedClient,
        body: BatchReadInputSimplePublicObjectId,
        archived: bool | Unset = ...,
    ) -> Answer: ...

    async def asyncio(
        self,
        *,
        client: AuthenticatedClient,
        body: BatchReadInputSimplePublicObjectId,
        archived: bool | Unset = ...,
    ) -> Answer: ...


def _max_inputs(operation: object, default: int) -> int:
    """The largest batch of `operation`'s own version (its operation table's row), else `default`."""
    row = operation_of(getattr(operation, "__name__", ""))
    return row.max_inputs if row is not None and row.max_inputs is not None else default


# -- bulk update -----------------------------------------------------------------------------------


def _update_match_property(item: Item[Any, SimplePublicObjectBatchInput]) -> str | None:
    prop = item.payload.id_property
    return prop if isinstance(prop, str) and prop != OBJECT_ID_PROPERTY else None


def _update_dict(payload: SimplePublicObjectBatchInput) -> dict[str, Any]:
    return payload.to_dict()


def _update_kind(operation: BatchUpdateOperation) -> Kind[Any, SimplePublicObjectBatchInput]:
    def send(client: AuthenticatedClient, payloads: list[SimplePublicObjectBatchInput]) -> Answer:
        return operation.sync(client=client, body=BatchInputSimplePublicObjectBatchInput(inputs=payloads))

    async def asend(client: AuthenticatedClient, payloads: list[SimplePublicObjectBatchInput]) -> Answer:
        return await operation.asyncio(
            client=client, body=BatchInputSimplePublicObjectBatchInput(inputs=payloads)
        )

    return Kind(
        "update",
        "batch_update",
        {},
        normalise_update,
        _update_dict,
        send,
        asend,
        _update_match_property,
        _max_inputs(operation, MAX_UPDATE_CHUNK),
    )


def bulk_update(
    client: AuthenticatedClient,
    inputs: Iterable[_U],
    *,
    concurrency: int = 4,
    chunk_size: int = MAX_UPDATE_CHUNK,
    on_progress: ProgressCallback | None = None,
    progress: bool = False,
    deadline: float | None = None,
    journal: JournalPath | None = None,
    operation: BatchUpdateOperation = batch_update,
) -> BulkResult[_U]:
    """Update any number of partner clients, in chunks of HubSpot's largest batch sent concurrently.

    ``inputs`` is any iterable of ``UpdateInput`` (dicts ``{"id": ..., "properties": {...}}``, with
    optional ``"idProperty"`` and ``"objectWriteTraceId"``, or ``SimplePublicObjectBatchInput``). It
    is read lazily, a chunk at a time, so a generator is never held whole: at most about
    ``(concurrency + 1) * chunk_size`` inputs are held besides the result's lists. Up to
    ``concurrency`` chunks are in flight at once, on worker threads, through the client's transport
    (its retries and its rate limiter, shared with every other call of the client).

    Inputs are checked to the byte before their chunk can be sent:

    - Property values are sent as strings, converted by this rule: ``str`` as is; ``None`` -> ``""``
      (clears the property); ``bool`` -> ``"true"``/``"false"``; ``int`` -> decimal digits;
      finite ``float``/``Decimal`` -> plain decimal notation (``1e20`` -> ``"100000000000000000000"``);
      a timezone-aware ``datetime`` -> milliseconds since the epoch; a ``date`` -> midnight UTC of that
      day in milliseconds (what HubSpot's date properties take). Anything else (a naive datetime,
      NaN or ``Decimal("sNaN")``, a number of more than ``MAX_NUMBER_DIGITS`` digits, a dict, a
      list...) rejects the input (category ``INVALID_INPUT``), as does any string (id, property
      name or value, ``idProperty``) that UTF-8 cannot encode (a lone surrogate).
    - An object may appear once per run (HubSpot refuses duplicates in a batch, and two updates of
      one record in flight at once race); ``idProperty="hs_object_id"`` names the same object as
      no ``idProperty``. Duplicates are ``DUPLICATE_ID`` errors.

    Each rejection names the input's position (``BulkError.position``), its id and the reason
    (``message``); ``BulkInputError``'s text says ``input #N 'id': reason`` for each. When ``inputs`` is a ``Sequence`` (a list, a tuple), all of
    it is checked before anything is sent; on any problem ``BulkInputError`` is raised, naming
    every rejected input, and no request is made. An iterator is checked chunk by chunk just
    before each chunk would be sent (only the ids seen are kept): a problem stops the run as
    below, nothing of that chunk or a later one is sent, and ``BulkInputError`` is raised once the
    in-flight chunks have finished; its ``.result`` says which inputs were applied (those of
    chunks sent before) and which were not.

    Per-input failures (unknown ids in a 207, or a chunk HubSpot refused as a whole with a 400, 404
    or 409) are errors of those inputs, and the run goes on: status PARTIAL. The run *stops*, and
    returns with status STOPPED and ``stopped_by`` set, when a chunk's request finally fails for
    any other reason (the transport's retries or deadline exhausted, a DAILY 429, 401/403, a
    network error), when ``deadline`` seconds have passed, or when ``on_progress`` raises: no new
    chunk is sent, the in-flight chunks finish and are accounted for, and every input read but not
    sent is in ``not_applied`` (category ``NOT_SENT``). It returns rather than raises so the account
    cannot be lost; check ``result.status``. For an iterator, inputs not yet read stay in it:
    resume with ``itertools.chain(result.not_applied, rest)``, or with the journal.

    Any other end raises ``BulkInterrupted`` carrying the account as ``.result``: the inputs'
    iterator raising (``BulkInterruptedError``, an ``Exception``), ``KeyboardInterrupt``
    (``BulkKeyboardInterrupt``, still a ``KeyboardInterrupt``), a bug; the original exception is
    its ``__cause__``. The in-flight chunks finish first and are accounted for.

    ``journal=PATH`` keeps a SQLite journal of the run (created if absent): each chunk's outcome is
    written and committed as its answer arrives. Rerun with the same ``journal`` and the same
    inputs, in the same order, after a crash or a stop: only the inputs not yet applied are sent,
    and the result accounts for every input across the runs (``applied`` includes those applied
    before). A journal made for other inputs or another operation raises ``BulkJournalError``
    before anything of theirs is sent. A chunk in flight when a process died is sent again
    (setting the same values).

    ``on_progress(done, total)`` is called, on the calling thread, after each chunk is answered
    (and journalled): ``done`` inputs answered so far, ``total`` ``len(inputs)`` when it has one,
    else None. ``progress=True`` shows a tqdm bar (the ``progress`` extra: ``pip install
    'hubspot-partner-clients[progress]'``). An empty ``inputs`` sends nothing: status COMPLETE.

    ``operation`` is the ``batch_update`` module of the API version to send through: v3's
    (``api.partner_clients.batch_update``) by default, ``v2026_03.api.partner_clients.batch_update``
    for 2026-03 (``client.v2026_03.partner_clients.bulk_update`` passes it).
    """
    options = Options(concurrency, chunk_size, on_progress, progress, deadline, journal)
    return run(_update_kind(operation), client, inputs, options)


async def abulk_update(
    client: AuthenticatedClient,
    inputs: Iterable[_U],
    *,
    concurrency: int = 4,
    chunk_size: int = MAX_UPDATE_CHUNK,
    on_progress: ProgressCallback | None = None,
    progress: bool = False,
    deadline: float | None = None,
    journal: JournalPath | None = None,
    operation: BatchUpdateOperation = batch_update,
) -> BulkResult[_U]:
    """``bulk_update`` for asyncio: the chunks in flight are tasks on the running loop.

    Same rules and result as ``bulk_update``. If the awaiting task is cancelled, the in-flight
    requests are cancelled too and ``BulkCancelled`` (an ``asyncio.CancelledError``) is raised,
    carrying the account: a cancelled chunk's inputs are ``REQUEST_FAILED`` (they may have been
    applied). The journal is written on the loop's thread (one small commit per chunk).
    """
    options = Options(concurrency, chunk_size, on_progress, progress, deadline, journal)
    return await arun(_update_kind(operation), client, inputs, options)


# -- bulk read -------------------------------------------------------------------------------------


def _read_dict(payload: SimplePublicObjectId) -> dict[str, Any]:
    return payload.to_dict()


def _read_kind(
    properties: Sequence[str],
    properties_with_history: Sequence[str],
    id_property: str | None,
    archived: bool,
    operation: BatchReadOperation,
) -> Kind[Any, SimplePublicObjectId]:
    wanted = list(properties)
    # Results carry the object id, not the idProperty value an input was given by; ask for that
    # property too so results can be matched to inputs (only when properties were named: naming
    # one would otherwise replace HubSpot's default set).
    if id_property is not None and wanted and id_property not in wanted:
        wanted.append(id_property)

    def body(payloads: list[SimplePublicObjectId]) -> BatchReadInputSimplePublicObjectId:
        return BatchReadInputSimplePublicObjectId(
            inputs=payloads,
            properties=wanted,
            properties_with_history=list(properties_with_history),
            id_property=UNSET if id_property is None else id_property,
        )

    def send(client: AuthenticatedClient, payloads: list[SimplePublicObjectId]) -> Answer:
        return operation.sync(client=client, body=body(payloads), archived=archived)

    async def asend(client: AuthenticatedClient, payloads: list[SimplePublicObjectId]) -> Answer:
        return await operation.asyncio(client=client, body=body(payloads), archived=archived)

    match = None if id_property in (None, OBJECT_ID_PROPERTY) else id_property
    # What the journal must agree on: a read with other properties reads other things.
    options = {
        "properties": wanted,
        "propertiesWithHistory": list(properties_with_history),
        "idProperty": id_property,
        "archived": archived,
    }
    return Kind(
        "read",
        "batch_read",
        options,
        normalise_read,
        _read_dict,
        send,
        asend,
        lambda _item: match,
        _max_inputs(operation, MAX_READ_CHUNK),
    )


def bulk_read(
    client: AuthenticatedClient,
    ids: Iterable[_R],
    *,
    properties: Sequence[str] = (),
    properties_with_history: Sequence[str] = (),
    id_property: str | None = None,
    archived: bool = False,
    concurrency: int = 4,
    chunk_size: int = MAX_READ_CHUNK,
    on_progress: ProgressCallback | None = None,
    progress: bool = False,
    deadline: float | None = None,
    journal: JournalPath | None = None,
    operation: BatchReadOperation = batch_read,
) -> BulkResult[_R]:
    """Read any number of partner clients by id (or by a unique ``id_property``), in full batches.

    ``ids`` is any iterable of ``ReadInput`` (str or int ids, ``SimplePublicObjectId``, ``{"id": ...}``),
    read lazily as in ``bulk_update``, with the same checks, duplicate rule, stopping rule,
    interruptions, journal, progress and result; ``applied`` are the inputs read, ``objects`` what
    was read (with a journal, what earlier runs read too), and an unknown id is an
    ``OBJECT_NOT_FOUND`` error. ``properties`` empty means HubSpot's default properties. A journal
    remembers the properties, ``id_property`` and ``archived`` it was made with and refuses others.
    ``operation`` is the ``batch_read`` module of the API version to read through (v3's by default).
    """
    kind = _read_kind(properties, properties_with_history, id_property, archived, operation)
    return run(kind, client, ids, Options(concurrency, chunk_size, on_progress, progress, deadline, journal))


async def abulk_read(
    client: AuthenticatedClient,
    ids: Iterable[_R],
    *,
    properties: Sequence[str] = (),
    properties_with_history: Sequence[str] = (),
    id_property: str | None = None,
    archived: bool = False,
    concurrency: int = 4,
    chunk_size: int = MAX_READ_CHUNK,
    on_progress: ProgressCallback | None = None,
    progress: bool = False,
    deadline: float | None = None,
    journal: JournalPath | None = None,
    operation: BatchReadOperation = batch_read,
) -> BulkResult[_R]:
    """``bulk_read`` for asyncio; same rules and result."""
    kind = _read_kind(properties, properties_with_history, id_property, archived, operation)
    options = Options(concurrency, chunk_size, on_progress, progress, deadline, journal)
    return await arun(kind, client, ids, options)
