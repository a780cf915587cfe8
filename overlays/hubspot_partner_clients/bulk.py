"""Bulk update and bulk read of any number of partner clients, with an exact account of each input.

Hooks: calls the generated ``api.partner_clients.batch_update`` and ``api.partner_clients.batch_read``
(``sync`` and ``asyncio``), builds ``SimplePublicObjectBatchInput``,
``BatchInputSimplePublicObjectBatchInput``, ``SimplePublicObjectId`` and
``BatchReadInputSimplePublicObjectId``, and reads ``results`` and ``errors`` (``StandardError.context``
and ``.message``) of the batch responses. Retries and rate limiting are not done here: they live in
the client's transport, so every chunk request is retried and paced by the client it is sent with.

Public API (sync, with threads; async mirrors with tasks)::

    bulk_update(client, inputs, ...)   / await abulk_update(client, inputs, ...)
    bulk_read(client, ids, ...)        / await abulk_read(client, ids, ...)

Each returns a ``BulkResult``; see its docstring for the account it gives and ``bulk_update`` for
the rules (input checks, duplicates, lazy iterators, stopping, progress).
"""

from __future__ import annotations

import asyncio
import datetime
import decimal
import importlib
import math
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence, Sized
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeAlias, TypeVar

from . import errors
from ._constants import OBJECT_ID_PROPERTY
from .api.partner_clients import batch_read, batch_update
from .client import AuthenticatedClient
from .models.batch_input_simple_public_object_batch_input import BatchInputSimplePublicObjectBatchInput
from .models.batch_read_input_simple_public_object_id import BatchReadInputSimplePublicObjectId
from .models.batch_response_simple_public_object import BatchResponseSimplePublicObject
from .models.batch_response_simple_public_object_with_errors import (
    BatchResponseSimplePublicObjectWithErrors,
)
from .models.simple_public_object import SimplePublicObject
from .models.simple_public_object_batch_input import SimplePublicObjectBatchInput
from .models.simple_public_object_batch_input_properties import SimplePublicObjectBatchInputProperties
from .models.simple_public_object_id import SimplePublicObjectId
from .types import UNSET, Unset

__all__ = [
    "BulkError",
    "BulkInputError",
    "BulkResult",
    "BulkStatus",
    "ReadInput",
    "UpdateInput",
    "abulk_read",
    "abulk_update",
    "bulk_read",
    "bulk_update",
]

MAX_CHUNK = 100
"""HubSpot's limit of inputs per batch request."""

UpdateInput: TypeAlias = SimplePublicObjectBatchInput | Mapping[str, Any]
"""A ``SimplePublicObjectBatchInput``, or a dict ``{"id": ..., "properties": {...}}`` with optional
``"idProperty"`` and ``"objectWriteTraceId"``."""

ReadInput: TypeAlias = str | int | SimplePublicObjectId | Mapping[str, Any]
"""An id (str or int), a ``SimplePublicObjectId``, or a dict ``{"id": ...}``."""

InputT = TypeVar("InputT")
_PayloadT = TypeVar("_PayloadT")
_U = TypeVar("_U", bound=SimplePublicObjectBatchInput | Mapping[str, Any])
_R = TypeVar("_R", bound=str | int | SimplePublicObjectId | Mapping[str, Any])

ProgressCallback: TypeAlias = Callable[[int, int | None], object]

# Categories this module gives to inputs that HubSpot never judged.
_DUPLICATE_ID = "DUPLICATE_ID"
_INVALID_INPUT = "INVALID_INPUT"
_NOT_SENT = "NOT_SENT"
_NOT_IN_RESPONSE = "NOT_IN_RESPONSE"
_REQUEST_FAILED = "REQUEST_FAILED"

# Errors that concern only the chunk that got them: HubSpot refused that batch as a whole (it
# validates a batch before applying any of it), and the next chunk may well be fine. Every other
# failure (rate limits, 5xx after the transport's retries, auth, network) stops the run.
_CHUNK_LOCAL_ERRORS: tuple[type[errors.HubSpotError], ...] = (
    errors.ValidationError,
    errors.NotFoundError,
    errors.ConflictError,
)


class BulkStatus(StrEnum):
    """How a bulk run ended."""

    COMPLETE = "COMPLETE"
    """Every input succeeded."""
    PARTIAL = "PARTIAL"
    """The run went through all inputs; some failed (see ``errors``)."""
    STOPPED = "STOPPED"
    """The run stopped part way (see ``stopped_by``); resume with ``not_applied``."""


@dataclass(frozen=True)
class BulkError(Generic[InputT]):
    """Why one input did not succeed.

    ``category`` is HubSpot's (``OBJECT_NOT_FOUND``, ``VALIDATION_ERROR``, ``RATE_LIMIT``...) or one of
    this module's: ``DUPLICATE_ID``, ``INVALID_INPUT`` (rejected before sending), ``NOT_SENT`` (the run
    stopped before its chunk was sent), ``NOT_IN_RESPONSE`` (HubSpot answered neither a result nor an
    error for it), ``REQUEST_FAILED`` (its chunk's request failed without an HTTP answer).
    """

    id: str
    category: str
    message: str
    input: InputT


@dataclass(frozen=True)
class BulkResult(Generic[InputT]):
    """The account of a bulk run: every input appears exactly once, in ``applied`` or in
    ``not_applied``, and each input of ``not_applied`` has exactly one ``BulkError``. (For an
    iterator that is not a sequence, "every input" means every input read before the run ended: a
    stopped run leaves the rest unread in the iterator.)

    Attributes:
        status: COMPLETE, PARTIAL or STOPPED.
        objects: the objects HubSpot returned (updated or read), chunk by chunk in input order.
        errors: one error per input that did not succeed, in input order.
        applied: the inputs HubSpot confirmed (updated, or read for ``bulk_read``), in input order.
        not_applied: every other input, in input order. It includes inputs whose request failed
            after reaching HubSpot (a dropped connection): an update may then have been applied, but
            re-sending it sets the same values, so ``not_applied`` is always safe to resume with.
        stopped_by: the exception that stopped the run (status STOPPED), else None.
    """

    status: BulkStatus
    objects: list[SimplePublicObject]
    errors: list[BulkError[InputT]]
    applied: list[InputT]
    not_applied: list[InputT]
    stopped_by: BaseException | None = None

    @property
    def total(self) -> int:
        """How many inputs the run read."""
        return len(self.applied) + len(self.not_applied)

    @property
    def succeeded(self) -> int:
        """How many inputs succeeded."""
        return len(self.applied)

    @property
    def failed(self) -> int:
        """How many inputs did not succeed."""
        return len(self.not_applied)


class BulkInputError(ValueError):
    """Inputs were rejected before being sent: duplicate ids, or values that cannot be sent.

    ``errors`` names each rejected input; ``result`` is the run's account (status STOPPED). For a
    sequence nothing was sent, so ``result.applied`` is empty; for a lazily read iterator, chunks
    sent before the bad one was read are accounted for in ``result.applied``.
    """

    def __init__(self, rejected: list[BulkError[Any]], result: BulkResult[Any]) -> None:
        self.errors = rejected
        self.result = result
        shown = "; ".join(f"{e.id!r}: {e.message}" for e in rejected[:5])
        more = f" (and {len(rejected) - 5} more)" if len(rejected) > 5 else ""
        super().__init__(f"{len(rejected)} input(s) rejected before sending: {shown}{more}")


# -- input checks ----------------------------------------------------------------------------------


class _Invalid(Exception):
    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


def _property_value(key: str, name: object, value: object) -> str:
    """A property value as HubSpot's string; the documented conversion rule of ``bulk_update``."""
    if not isinstance(name, str) or not name:
        raise _Invalid(key, f"property name {name!r} is not a non-empty string")
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, int | float | decimal.Decimal):  # bool included: bool is an int
        return _number_value(key, name, value)
    if isinstance(value, datetime.date):  # datetime included: datetime is a date
        return _time_value(key, name, value)
    raise _Invalid(key, f"property {name!r}: a {type(value).__name__} value cannot be sent")


def _number_value(key: str, name: str, value: int | float | decimal.Decimal) -> str:
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise _Invalid(key, f"property {name!r}: {value!r} is not a finite number")
    # Plain notation: HubSpot's number properties do not read "1e+20".
    plain = decimal.Decimal(repr(value)) if isinstance(value, float) else value
    return format(plain.normalize(), "f")


def _time_value(key: str, name: str, value: datetime.date) -> str:
    """Milliseconds since the epoch; a date is its midnight UTC."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise _Invalid(key, f"property {name!r}: a naive datetime is ambiguous; give it a timezone")
        return str(int(value.timestamp() * 1000))
    midnight = datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.UTC)
    return str(int(midnight.timestamp() * 1000))


def _object_id(value: object) -> str:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _Invalid(repr(value), f"id {value!r} is not a non-empty string")


def _optional_str(key: str, what: str, value: object) -> str | Unset:
    if value is None or isinstance(value, Unset):
        return UNSET
    if isinstance(value, str):
        return value
    raise _Invalid(key, f"{what} {value!r} is not a string")


_UPDATE_KEYS = frozenset({"id", "properties", "idProperty", "objectWriteTraceId"})


def _normalise_update(item: UpdateInput) -> tuple[str, str, SimplePublicObjectBatchInput]:
    """(id, duplicate key, the input to send), or _Invalid."""
    if isinstance(item, SimplePublicObjectBatchInput):
        raw_id: object = item.id
        raw_props: object = item.properties.additional_properties
        id_property: object = item.id_property
        trace: object = item.object_write_trace_id
    elif isinstance(item, Mapping):
        unknown = set(item) - _UPDATE_KEYS
        if unknown:
            raise _Invalid(repr(item.get("id")), f"unknown key(s) {sorted(map(str, unknown))}")
        raw_id, raw_props = item.get("id"), item.get("properties")
        id_property, trace = item.get("idProperty"), item.get("objectWriteTraceId")
    else:
        raise _Invalid(repr(item), f"a {type(item).__name__} is not an update input")
    key = _object_id(raw_id)
    if not isinstance(raw_props, Mapping):
        raise _Invalid(key, "'properties' must be a mapping of property name to value")
    properties = SimplePublicObjectBatchInputProperties()
    properties.additional_properties = {
        str(name): _property_value(key, name, value) for name, value in raw_props.items()
    }
    payload = SimplePublicObjectBatchInput(
        id=key,
        properties=properties,
        id_property=_optional_str(key, "idProperty", id_property),
        object_write_trace_id=_optional_str(key, "objectWriteTraceId", trace),
    )
    by = payload.id_property if isinstance(payload.id_property, str) else ""
    return key, f"{by}\0{key}", payload


def _normalise_read(item: ReadInput) -> tuple[str, str, SimplePublicObjectId]:
    if isinstance(item, SimplePublicObjectId):
        raw: object = item.id
    elif isinstance(item, Mapping):
        if set(item) - {"id"}:
            raise _Invalid(repr(item.get("id")), f"unknown key(s) {sorted(map(str, set(item) - {'id'}))}")
        raw = item.get("id")
    else:
        raw = item
    key = _object_id(raw)
    return key, key, SimplePublicObjectId(id=key)


# -- reading inputs --------------------------------------------------------------------------------


@dataclass
class _Item(Generic[InputT, _PayloadT]):
    original: InputT
    key: str
    payload: _PayloadT


@dataclass
class _Chunk(Generic[InputT, _PayloadT]):
    index: int
    items: list[_Item[InputT, _PayloadT]]


_Normaliser: TypeAlias = Callable[[InputT], tuple[str, str, _PayloadT]]


class _Reader(Generic[InputT, _PayloadT]):
    """Reads inputs a chunk at a time, checking each and rejecting duplicate ids.

    Only the ids seen so far are kept (for the duplicate check), never the inputs themselves.
    """

    def __init__(
        self, inputs: Iterable[InputT], normalise: _Normaliser[InputT, _PayloadT], size: int
    ) -> None:
        # A sequence is in memory already: after a stop, its unsent remainder is accounted for.
        self.is_sequence = isinstance(inputs, Sequence)
        self._iterator: Iterator[InputT] = iter(inputs)
        self._normalise = normalise
        self._size = size
        self._seen: set[str] = set()
        self._next_index = 0

    def next_chunk(
        self,
    ) -> tuple[_Chunk[InputT, _PayloadT], list[tuple[int, BulkError[InputT]]], list[InputT]]:
        """The next chunk of valid inputs, the rejected ones (by position in ``originals``), and
        every input read for this chunk in order. An empty ``originals`` means the end."""
        items: list[_Item[InputT, _PayloadT]] = []
        rejected: list[tuple[int, BulkError[InputT]]] = []
        originals: list[InputT] = []
        in_chunk: dict[str, int] = {}
        for original in self._iterator:
            position = len(originals)
            originals.append(original)
            try:
                key, dedup, payload = self._normalise(original)
            except _Invalid as problem:
                rejected.append((position, BulkError(problem.key, _INVALID_INPUT, problem.message, original)))
            else:
                if dedup in self._seen:
                    message = f"id {key!r} appears more than once in this run"
                    rejected.append((position, BulkError(key, _DUPLICATE_ID, message, original)))
                    first = in_chunk.get(dedup)
                    if first is not None:  # its first occurrence is not sent either
                        item = items[first]
                        rejected.append((first, BulkError(key, _DUPLICATE_ID, message, item.original)))
                else:
                    self._seen.add(dedup)
                    in_chunk[dedup] = len(items)
                    items.append(_Item(original, key, payload))
            if len(originals) == self._size:
                break
        self._next_index += 1
        return _Chunk(self._next_index - 1, items), rejected, originals


def _precheck_sequence(
    inputs: Sequence[InputT], normalise: _Normaliser[InputT, _PayloadT]
) -> dict[int, BulkError[InputT]]:
    """All problems of a whole sequence, by position, before anything is sent."""
    problems: dict[int, BulkError[InputT]] = {}
    first_at: dict[str, int] = {}
    for position, original in enumerate(inputs):
        try:
            key, dedup, _ = normalise(original)
        except _Invalid as problem:
            problems[position] = BulkError(problem.key, _INVALID_INPUT, problem.message, original)
            continue
        if dedup in first_at:
            message = f"id {key!r} appears more than once in this run"
            problems[position] = BulkError(key, _DUPLICATE_ID, message, original)
            first = first_at[dedup]
            problems[first] = BulkError(key, _DUPLICATE_ID, message, inputs[first])
        else:
            first_at[dedup] = position
    return problems


# -- sending a chunk and accounting for its answer -------------------------------------------------


@dataclass
class _ChunkAccount(Generic[InputT]):
    """What became of a chunk's inputs: applied or failed, and the objects HubSpot returned."""

    applied: list[InputT] = field(default_factory=list)
    errors: list[BulkError[InputT]] = field(default_factory=list)
    objects: list[SimplePublicObject] = field(default_factory=list)

    def not_applied(self) -> list[InputT]:
        return [e.input for e in self.errors]


_Answer: TypeAlias = BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors


def _account(
    items: list[_Item[InputT, _PayloadT]],
    answer: _Answer,
    match_property: Callable[[_Item[InputT, _PayloadT]], str | None],
) -> _ChunkAccount[InputT]:
    """Map a batch answer back to the chunk's inputs: each gets a result or an error, none is lost.

    Errors are matched by the ids in their ``context`` (or, failing that, named in their message);
    results by object id or by the value of the input's ``idProperty``. When some inputs still match
    neither, they are counted as applied only if HubSpot returned exactly as many unmatched results
    and no unmatched error; otherwise each is reported as NOT_IN_RESPONSE.
    """
    outcome: _ChunkAccount[InputT] = _ChunkAccount(objects=list(answer.results))
    failed, unmatched_errors = _match_errors(items, answer)
    unknown, unmatched_results = _match_results(items, answer, failed, match_property)
    trusted = unmatched_errors == 0 and unmatched_results == len(unknown)
    for position in unknown:
        if not trusted:
            message = "HubSpot's answer held neither a result nor an error for this input"
            failed[position] = BulkError(
                items[position].key, _NOT_IN_RESPONSE, message, items[position].original
            )
    for position, item in enumerate(items):
        if position in failed:
            outcome.errors.append(failed[position])
        else:
            outcome.applied.append(item.original)
    return outcome


def _match_errors(
    items: list[_Item[InputT, _PayloadT]], answer: _Answer
) -> tuple[dict[int, BulkError[InputT]], int]:
    """The inputs each error names (by position), and how many errors named none."""
    by_key: dict[str, list[int]] = {}
    for position, item in enumerate(items):
        by_key.setdefault(item.key, []).append(position)
    failed: dict[int, BulkError[InputT]] = {}
    unmatched_errors = 0
    std_errors = answer.errors if isinstance(answer, BatchResponseSimplePublicObjectWithErrors) else UNSET
    for error in std_errors if not isinstance(std_errors, Unset) else []:
        ids = [str(i) for i in error.context.additional_properties.get("ids", [])]
        if not ids:
            ids = [k for k in by_key if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", error.message)]
        positions = [p for i in ids for p in by_key.get(i, [])]
        if not positions:
            unmatched_errors += 1
        for p in positions:
            failed[p] = BulkError(items[p].key, error.category, error.message, items[p].original)
    return failed, unmatched_errors


def _match_results(
    items: list[_Item[InputT, _PayloadT]],
    answer: _Answer,
    failed: Mapping[int, BulkError[InputT]],
    match_property: Callable[[_Item[InputT, _PayloadT]], str | None],
) -> tuple[list[int], int]:
    """The positions of inputs that neither failed nor match a result, and how many results matched none."""
    result_keys: dict[str, int] = {}
    for obj in answer.results:
        result_keys[obj.id] = result_keys.get(obj.id, 0) + 1
    unmatched_results = len(answer.results)
    unknown: list[int] = []
    for position, item in enumerate(items):
        if position in failed:
            continue
        candidates = [item.key]
        prop = match_property(item)
        if prop is not None:
            candidates = [
                o.id for o in answer.results if o.properties.additional_properties.get(prop) == item.key
            ]
        if any(result_keys.get(c, 0) for c in candidates):
            unmatched_results -= 1
        else:
            unknown.append(position)
    return unknown, unmatched_results


def _chunk_failed(items: list[_Item[InputT, Any]], exc: BaseException) -> _ChunkAccount[InputT]:
    if isinstance(exc, errors.HubSpotConnectionError):
        category, message = _REQUEST_FAILED, str(exc)
    elif isinstance(exc, errors.HubSpotError):
        category = exc.category or type(exc).__name__
        message = str(exc)
    else:
        category, message = _REQUEST_FAILED, f"{type(exc).__name__}: {exc}"
    return _ChunkAccount(errors=[BulkError(i.key, category, message, i.original) for i in items])


def _stops_run(exc: BaseException) -> bool:
    return not isinstance(exc, _CHUNK_LOCAL_ERRORS)


class _Bar(Protocol):
    def update(self, n: int) -> object: ...
    def close(self) -> None: ...


def _open_bar(total: int | None, description: str) -> _Bar:
    try:
        module = importlib.import_module("tqdm")
    except ImportError as exc:
        raise ImportError(
            "progress=True needs tqdm: pip install 'hubspot-partner-clients[progress]'"
        ) from exc
    bar: _Bar = module.tqdm(total=total, desc=description, unit="obj")
    return bar


class _Ledger(Generic[InputT]):
    """Collects chunk outcomes (they finish in any order) and builds the result in input order."""

    def __init__(
        self,
        total: int | None,
        on_progress: ProgressCallback | None,
        bar: _Bar | None,
        key_of: Callable[[InputT], str],
    ) -> None:
        self._key_of = key_of
        self._outcomes: dict[int, _ChunkAccount[InputT]] = {}
        self._total = total
        self._on_progress = on_progress
        self._bar = bar
        self._done = 0
        self.stopped_by: BaseException | None = None
        self.rejected: list[BulkError[InputT]] = []

    @property
    def stopping(self) -> bool:
        return self.stopped_by is not None or bool(self.rejected)

    def stop(self, exc: BaseException) -> None:
        if self.stopped_by is None:  # the first cause is the one to report
            self.stopped_by = exc

    def record(self, index: int, outcome: _ChunkAccount[InputT], size: int) -> None:
        self._outcomes[index] = outcome
        self._done += size
        if self._bar is not None:
            self._bar.update(size)
        if self._on_progress is not None:
            try:
                self._on_progress(self._done, self._total)
            except Exception as exc:  # noqa: BLE001 - a raising on_progress callback stops the run, like any other stop
                self.stop(exc)

    def not_sent(
        self, index: int, items: list[tuple[int, BulkError[InputT]]], originals: list[InputT]
    ) -> None:
        """Account for inputs read but never sent (rejected ones keep their own error)."""
        reason = self.stopped_by
        why = "the run stopped before this input was sent"
        if reason is not None:
            why += f" ({type(reason).__name__}: {reason})"
        elif self.rejected:
            why += " (inputs were rejected)"
        own = dict(items)
        outcome: _ChunkAccount[InputT] = _ChunkAccount()
        for position, original in enumerate(originals):
            error = own.get(position)
            if error is None:
                error = BulkError(self._key_of(original), _NOT_SENT, why, original)
            outcome.errors.append(error)
        self._outcomes[index] = outcome

    def result(self) -> BulkResult[InputT]:
        if self._bar is not None:
            self._bar.close()
        objects: list[SimplePublicObject] = []
        failures: list[BulkError[InputT]] = []
        applied: list[InputT] = []
        not_applied: list[InputT] = []
        for index in sorted(self._outcomes):
            outcome = self._outcomes[index]
            objects.extend(outcome.objects)
            failures.extend(outcome.errors)
            applied.extend(outcome.applied)
            not_applied.extend(outcome.not_applied())
        if self.stopping:
            status = BulkStatus.STOPPED
        else:
            status = BulkStatus.PARTIAL if failures else BulkStatus.COMPLETE
        return BulkResult(status, objects, failures, applied, not_applied, self.stopped_by)

    def finish(self) -> BulkResult[InputT]:
        result = self.result()
        if self.rejected:
            raise BulkInputError(self.rejected, result)
        return result


# -- the run, sync and async -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Kind(Generic[InputT, _PayloadT]):
    """What differs between bulk update and bulk read: checking inputs and sending a chunk."""

    description: str
    normalise: _Normaliser[InputT, _PayloadT]
    send: Callable[[AuthenticatedClient, list[_PayloadT]], _Answer]
    asend: Callable[[AuthenticatedClient, list[_PayloadT]], Awaitable[_Answer]]
    match_property: Callable[[_Item[InputT, _PayloadT]], str | None]


@dataclass(frozen=True)
class _Options:
    concurrency: int
    chunk_size: int
    on_progress: ProgressCallback | None
    progress: bool
    deadline: float | None


def _check_options(inputs: object, options: _Options) -> None:
    if isinstance(inputs, str | bytes):
        raise TypeError("inputs must be an iterable of inputs, not a single str or bytes")
    if not 1 <= options.chunk_size <= MAX_CHUNK:
        raise ValueError(f"chunk_size must be between 1 and {MAX_CHUNK}, got {options.chunk_size}")
    if options.concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {options.concurrency}")
    if options.deadline is not None and options.deadline <= 0:
        raise ValueError(f"deadline must be positive, got {options.deadline}")


def _start(
    kind: _Kind[InputT, _PayloadT], inputs: Iterable[InputT], options: _Options
) -> tuple[_Reader[InputT, _PayloadT], _Ledger[InputT], float | None]:
    """Checks a sequence whole before anything is sent, then opens the reader and the ledger."""
    _check_options(inputs, options)

    def key_of(original: InputT) -> str:
        try:
            return kind.normalise(original)[0]
        except _Invalid as problem:
            return problem.key

    if isinstance(inputs, Sequence):
        problems = _precheck_sequence(inputs, kind.normalise)
        if problems:
            ledger: _Ledger[InputT] = _Ledger(len(inputs), None, None, key_of)
            ledger.rejected = [problems[p] for p in sorted(problems)]
            size = options.chunk_size
            for index, start in enumerate(range(0, len(inputs), size)):
                originals = list(inputs[start : start + size])
                own = [
                    (p - start, problems[p]) for p in range(start, start + len(originals)) if p in problems
                ]
                ledger.not_sent(index, own, originals)
            ledger.finish()  # raises BulkInputError
    total = len(inputs) if isinstance(inputs, Sized) else None
    bar = _open_bar(total, kind.description) if options.progress else None
    deadline = None if options.deadline is None else time.monotonic() + options.deadline
    return (
        _Reader(inputs, kind.normalise, options.chunk_size),
        _Ledger(total, options.on_progress, bar, key_of),
        deadline,
    )


def _next_to_send(
    reader: _Reader[InputT, _PayloadT], ledger: _Ledger[InputT], deadline: float | None
) -> _Chunk[InputT, _PayloadT] | None:
    """The next chunk to send, or None at the end or when the run must stop (the ledger knows)."""
    chunk, rejected, originals = reader.next_chunk()
    if not originals:
        return None
    if rejected:
        ledger.rejected.extend(e for _, e in rejected)
        ledger.not_sent(chunk.index, rejected, originals)
        return None
    if deadline is not None and time.monotonic() >= deadline:
        ledger.stop(TimeoutError("the bulk run's deadline passed"))
        ledger.not_sent(chunk.index, [], originals)
        return None
    return chunk


def _account_unsent(reader: _Reader[InputT, _PayloadT], ledger: _Ledger[InputT]) -> None:
    """After a stop, put a sequence's unread inputs in the account as NOT_SENT (never an iterator's)."""
    while ledger.stopping and reader.is_sequence:
        chunk, rejected, originals = reader.next_chunk()
        if not originals:
            return
        ledger.not_sent(chunk.index, rejected, originals)


def _run(
    kind: _Kind[InputT, _PayloadT], client: AuthenticatedClient, inputs: Iterable[InputT], options: _Options
) -> BulkResult[InputT]:
    reader, ledger, deadline = _start(kind, inputs, options)
    # Build the shared httpx client before the threads start, so they cannot race to build two.
    client.get_httpx_client()
    # Worker threads only send; this thread does all the accounting, so the ledger needs no lock.
    with ThreadPoolExecutor(max_workers=options.concurrency, thread_name_prefix="hubspot-bulk") as pool:
        in_flight: dict[Future[_Answer], _Chunk[InputT, _PayloadT]] = {}
        exhausted = False
        try:
            while True:
                while not exhausted and not ledger.stopping and len(in_flight) < options.concurrency:
                    chunk = _next_to_send(reader, ledger, deadline)
                    if chunk is None:
                        exhausted = True
                        break
                    payloads = [item.payload for item in chunk.items]
                    in_flight[pool.submit(kind.send, client, payloads)] = chunk
                if not in_flight:
                    break
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    chunk = in_flight.pop(future)
                    _record_chunk(kind, ledger, chunk, future.result, future.exception())
        except BaseException:
            # Interrupted (Ctrl-C): send nothing more; the executor waits for the in-flight chunks.
            for future in in_flight:
                future.cancel()
            raise
    _account_unsent(reader, ledger)
    return ledger.finish()


def _record_chunk(
    kind: _Kind[InputT, _PayloadT],
    ledger: _Ledger[InputT],
    chunk: _Chunk[InputT, _PayloadT],
    answer_of: Callable[[], _Answer],
    exc: BaseException | None,
) -> None:
    """Account for a finished chunk in the ledger: its answer, or its failure (which may stop the run)."""
    if exc is None:
        try:
            outcome = _account(chunk.items, answer_of(), kind.match_property)
        except Exception as broken:  # noqa: BLE001 - a bug here must not lose the account  # pragma: no cover
            exc = broken
        else:
            ledger.record(chunk.index, outcome, len(chunk.items))
            return
    if _stops_run(exc):
        ledger.stop(exc)
    ledger.record(chunk.index, _chunk_failed(chunk.items, exc), len(chunk.items))


async def _arun(
    kind: _Kind[InputT, _PayloadT], client: AuthenticatedClient, inputs: Iterable[InputT], options: _Options
) -> BulkResult[InputT]:
    reader, ledger, deadline = _start(kind, inputs, options)
    in_flight: dict[asyncio.Task[_Answer], _Chunk[InputT, _PayloadT]] = {}
    exhausted = False
    try:
        while True:
            while not exhausted and not ledger.stopping and len(in_flight) < options.concurrency:
                chunk = _next_to_send(reader, ledger, deadline)
                if chunk is None:
                    exhausted = True
                    break
                payloads = [item.payload for item in chunk.items]
                in_flight[asyncio.ensure_future(kind.asend(client, payloads))] = chunk
            if not in_flight:
                break
            done, _ = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                chunk = in_flight.pop(task)
                _record_chunk(
                    kind, ledger, chunk, task.result, None if task.cancelled() else task.exception()
                )
    finally:
        for task in in_flight:
            task.cancel()
    _account_unsent(reader, ledger)
    return ledger.finish()


# -- bulk update -----------------------------------------------------------------------------------


def _send_update(client: AuthenticatedClient, payloads: list[SimplePublicObjectBatchInput]) -> _Answer:
    return batch_update.sync(client=client, body=BatchInputSimplePublicObjectBatchInput(inputs=payloads))


async def _asend_update(client: AuthenticatedClient, payloads: list[SimplePublicObjectBatchInput]) -> _Answer:
    return await batch_update.asyncio(
        client=client, body=BatchInputSimplePublicObjectBatchInput(inputs=payloads)
    )


def _update_match_property(item: _Item[Any, SimplePublicObjectBatchInput]) -> str | None:
    prop = item.payload.id_property
    return prop if isinstance(prop, str) and prop != OBJECT_ID_PROPERTY else None


_UPDATE: _Kind[Any, SimplePublicObjectBatchInput] = _Kind(
    "update", _normalise_update, _send_update, _asend_update, _update_match_property
)


def bulk_update(
    client: AuthenticatedClient,
    inputs: Iterable[_U],
    *,
    concurrency: int = 4,
    chunk_size: int = MAX_CHUNK,
    on_progress: ProgressCallback | None = None,
    progress: bool = False,
    deadline: float | None = None,
) -> BulkResult[_U]:
    """Update any number of partner clients, in chunks of up to 100 sent concurrently.

    ``inputs`` is any iterable of ``UpdateInput`` (dicts ``{"id": ..., "properties": {...}}``, with
    optional ``"idProperty"`` and ``"objectWriteTraceId"``, or ``SimplePublicObjectBatchInput``). It
    is read lazily, a chunk at a time, so a generator is never held whole: at most about
    ``(concurrency + 1) * chunk_size`` inputs are held besides the result's lists. Up to
    ``concurrency`` chunks are in flight at once, on worker threads, through the client's transport
    (its retries and its rate limiter, shared with every other call of the client).

    Inputs are checked before they are sent:

    - Property values are sent as strings, converted by this rule: ``str`` as is; ``None`` -> ``""``
      (clears the property); ``bool`` -> ``"true"``/``"false"``; ``int`` -> decimal digits;
      finite ``float``/``Decimal`` -> plain decimal notation (``1e20`` -> ``"100000000000000000000"``);
      a timezone-aware ``datetime`` -> milliseconds since the epoch; a ``date`` -> midnight UTC of that
      day in milliseconds (what HubSpot's date properties take). Anything else (a naive datetime,
      NaN, a list...) rejects the input (category ``INVALID_INPUT``, naming the property).
    - An id may appear once per run (HubSpot refuses duplicates in a batch, and two updates of one
      record in flight at once race). Duplicates are ``DUPLICATE_ID`` errors.

    When ``inputs`` is a ``Sequence`` (a list, a tuple), all of it is checked before anything is
    sent; on any problem ``BulkInputError`` is raised, naming every rejected input, and no request
    is made. An iterator is checked chunk by chunk just before each chunk would be sent (only the
    ids seen are kept): a problem stops the run as below, that chunk and later ones are not sent,
    and ``BulkInputError`` is raised once the in-flight chunks have finished; its ``.result`` says
    which inputs were applied (those of chunks sent before) and which were not. A duplicate's first
    occurrence may then already be applied; only the later occurrence is rejected.

    Per-input failures (unknown ids in a 207, or a chunk HubSpot refused as a whole with a 400, 404
    or 409) are errors of those inputs, and the run goes on: status PARTIAL. The run *stops*, and
    returns with status STOPPED and ``stopped_by`` set, when a chunk's request finally fails for
    any other reason (the transport's retries or deadline exhausted, a DAILY 429, 401/403, a
    network error), when ``deadline`` seconds have passed, or when ``on_progress`` raises: no new
    chunk is sent, the in-flight chunks finish and are accounted for, and every input read but not
    sent is in ``not_applied`` (category ``NOT_SENT``). It returns rather than raises so the account
    cannot be lost; check ``result.status``. For an iterator, inputs not yet read stay in it:
    resume with ``itertools.chain(result.not_applied, rest)``.

    ``on_progress(done, total)`` is called, on the calling thread, after each chunk is answered:
    ``done`` inputs answered so far, ``total`` ``len(inputs)`` when it has one, else None.
    ``progress=True`` shows a tqdm bar (the ``progress`` extra: ``pip install
    'hubspot-partner-clients[progress]'``). An empty ``inputs`` sends nothing: status COMPLETE.
    """
    options = _Options(concurrency, chunk_size, on_progress, progress, deadline)
    return _run(_UPDATE, client, inputs, options)


async def abulk_update(
    client: AuthenticatedClient,
    inputs: Iterable[_U],
    *,
    concurrency: int = 4,
    chunk_size: int = MAX_CHUNK,
    on_progress: ProgressCallback | None = None,
    progress: bool = False,
    deadline: float | None = None,
) -> BulkResult[_U]:
    """``bulk_update`` for asyncio: the chunks in flight are tasks on the running loop.

    Same rules and result as ``bulk_update``. If the awaiting task is cancelled, the in-flight
    requests are cancelled too and the cancellation propagates (no result).
    """
    options = _Options(concurrency, chunk_size, on_progress, progress, deadline)
    return await _arun(_UPDATE, client, inputs, options)


# -- bulk read -------------------------------------------------------------------------------------


def _read_kind(
    properties: Sequence[str], properties_with_history: Sequence[str], id_property: str | None, archived: bool
) -> _Kind[Any, SimplePublicObjectId]:
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

    def send(client: AuthenticatedClient, payloads: list[SimplePublicObjectId]) -> _Answer:
        return batch_read.sync(client=client, body=body(payloads), archived=archived)

    async def asend(client: AuthenticatedClient, payloads: list[SimplePublicObjectId]) -> _Answer:
        return await batch_read.asyncio(client=client, body=body(payloads), archived=archived)

    match = None if id_property in (None, OBJECT_ID_PROPERTY) else id_property
    return _Kind("read", _normalise_read, send, asend, lambda _item: match)


def bulk_read(
    client: AuthenticatedClient,
    ids: Iterable[_R],
    *,
    properties: Sequence[str] = (),
    properties_with_history: Sequence[str] = (),
    id_property: str | None = None,
    archived: bool = False,
    concurrency: int = 4,
    chunk_size: int = MAX_CHUNK,
    on_progress: ProgressCallback | None = None,
    progress: bool = False,
    deadline: float | None = None,
) -> BulkResult[_R]:
    """Read any number of partner clients by id (or by a unique ``id_property``), in chunks of 100.

    ``ids`` is any iterable of ``ReadInput`` (str or int ids, ``SimplePublicObjectId``, ``{"id": ...}``),
    read lazily as in ``bulk_update``, with the same duplicate check, stopping rule, progress and
    result; ``applied`` are the inputs read, ``objects`` what was read, and an unknown id is an
    ``OBJECT_NOT_FOUND`` error. ``properties`` empty means HubSpot's default properties.
    """
    kind = _read_kind(properties, properties_with_history, id_property, archived)
    return _run(kind, client, ids, _Options(concurrency, chunk_size, on_progress, progress, deadline))


async def abulk_read(
    client: AuthenticatedClient,
    ids: Iterable[_R],
    *,
    properties: Sequence[str] = (),
    properties_with_history: Sequence[str] = (),
    id_property: str | None = None,
    archived: bool = False,
    concurrency: int = 4,
    chunk_size: int = MAX_CHUNK,
    on_progress: ProgressCallback | None = None,
    progress: bool = False,
    deadline: float | None = None,
) -> BulkResult[_R]:
    """``bulk_read`` for asyncio; same rules and result."""
    kind = _read_kind(properties, properties_with_history, id_property, archived)
    options = _Options(concurrency, chunk_size, on_progress, progress, deadline)
    return await _arun(kind, client, ids, options)
