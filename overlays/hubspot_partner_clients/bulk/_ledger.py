"""The accounting: what became of each input of a chunk, and the ledger that builds the result.

``account`` maps one batch answer back to the chunk's inputs (pure: unit-tested on hand-built
answers); ``chunk_failed`` accounts for a chunk whose request failed; ``Ledger`` collects chunk
accounts as they finish (in any order), writes each to the journal, and builds the
``BulkResult`` in input order. Only the thread (or task) that runs the loop touches a ledger.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeAlias, TypeVar

from .. import errors
from ..models.batch_response_simple_public_object import BatchResponseSimplePublicObject
from ..models.batch_response_simple_public_object_with_errors import (
    BatchResponseSimplePublicObjectWithErrors,
)
from ..models.simple_public_object import SimplePublicObject
from ..types import Unset
from ._inputs import Chunk, Item
from ._result import NOT_IN_RESPONSE, NOT_SENT, REQUEST_FAILED, BulkError, BulkResult, BulkStatus

InputT = TypeVar("InputT")
PayloadT = TypeVar("PayloadT")

Answer: TypeAlias = BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors
ProgressCallback: TypeAlias = Callable[[int, int | None], object]

# Errors that concern only the chunk that got them: HubSpot refused that batch as a whole (it
# validates a batch before applying any of it), and the next chunk may well be fine. Every other
# failure (rate limits, 5xx after the transport's retries, auth, network) stops the run.
CHUNK_LOCAL_ERRORS: tuple[type[errors.HubSpotError], ...] = (
    errors.ValidationError,
    errors.NotFoundError,
    errors.ConflictError,
)


@dataclass
class ChunkAccount(Generic[InputT]):
    """What became of a chunk's inputs: ``entries`` of (position, input, error or None if applied)."""

    first: int
    entries: list[tuple[int, InputT, BulkError[InputT] | None]] = field(default_factory=list)
    objects: list[SimplePublicObject] = field(default_factory=list)
    # Answered by HubSpot (or failed in its request) in this run: what the journal records.
    sent: bool = False

    @property
    def applied(self) -> list[InputT]:
        return [original for _, original, error in self.entries if error is None]

    @property
    def errors(self) -> list[BulkError[InputT]]:
        return [error for _, _, error in self.entries if error is not None]


def account(
    items: list[Item[InputT, PayloadT]],
    answer: Answer,
    match_property: Callable[[Item[InputT, PayloadT]], str | None],
) -> ChunkAccount[InputT]:
    """Map a batch answer back to the chunk's inputs: each gets a result or an error, none is lost.

    Errors are matched by the ids in their ``context`` (or, failing that, named in their message);
    results by object id or by the value of the input's ``idProperty``. When some inputs still match
    neither, they are counted as applied only if HubSpot returned exactly as many unmatched results
    and no unmatched error; otherwise each is reported as NOT_IN_RESPONSE.
    """
    failed, unmatched_errors = _match_errors(items, answer)
    unknown, unmatched_results = _match_results(items, answer, failed, match_property)
    if unknown and not (unmatched_errors == 0 and unmatched_results == len(unknown)):
        message = "HubSpot's answer held neither a result nor an error for this input"
        for at in unknown:
            item = items[at]
            failed[at] = BulkError(item.key, NOT_IN_RESPONSE, message, item.original, item.position)
    outcome: ChunkAccount[InputT] = ChunkAccount(
        items[0].position if items else 0, objects=list(answer.results), sent=True
    )
    outcome.entries = [(item.position, item.original, failed.get(at)) for at, item in enumerate(items)]
    return outcome


def _match_errors(
    items: list[Item[InputT, PayloadT]], answer: Answer
) -> tuple[dict[int, BulkError[InputT]], int]:
    """The inputs each error names (by index in ``items``), and how many errors named none."""
    by_key: dict[str, list[int]] = {}
    for at, item in enumerate(items):
        by_key.setdefault(item.key, []).append(at)
    failed: dict[int, BulkError[InputT]] = {}
    unmatched_errors = 0
    std_errors = answer.errors if isinstance(answer, BatchResponseSimplePublicObjectWithErrors) else []
    for error in std_errors if not isinstance(std_errors, Unset) else []:
        ids = [str(i) for i in error.context.additional_properties.get("ids", [])]
        if not ids:
            ids = [k for k in by_key if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", error.message)]
        found = [at for i in ids for at in by_key.get(i, [])]
        if not found:
            unmatched_errors += 1
        for at in found:
            item = items[at]
            failed[at] = BulkError(item.key, error.category, error.message, item.original, item.position)
    return failed, unmatched_errors


def _match_results(
    items: list[Item[InputT, PayloadT]],
    answer: Answer,
    failed: Mapping[int, BulkError[InputT]],
    match_property: Callable[[Item[InputT, PayloadT]], str | None],
) -> tuple[list[int], int]:
    """The inputs (by index) that neither failed nor match a result, and how many results matched none."""
    result_keys = {obj.id for obj in answer.results}
    unmatched_results = len(answer.results)
    unknown: list[int] = []
    for at, item in enumerate(items):
        if at in failed:
            continue
        prop = match_property(item)
        if prop is None:
            matched = item.key in result_keys
        else:
            matched = any(o.properties.additional_properties.get(prop) == item.key for o in answer.results)
        if matched:
            unmatched_results -= 1
        else:
            unknown.append(at)
    return unknown, unmatched_results


def chunk_failed(items: list[Item[InputT, Any]], exc: BaseException) -> ChunkAccount[InputT]:
    """The account of a chunk whose request raised ``exc``: every input failed with its reason."""
    if isinstance(exc, errors.HubSpotConnectionError):
        category, message = REQUEST_FAILED, str(exc)
    elif isinstance(exc, errors.HubSpotError):
        category = exc.category or type(exc).__name__
        message = str(exc)
    else:
        category, message = REQUEST_FAILED, f"{type(exc).__name__}: {exc}"
    outcome: ChunkAccount[InputT] = ChunkAccount(items[0].position if items else 0, sent=True)
    outcome.entries = [
        (i.position, i.original, BulkError(i.key, category, message, i.original, i.position)) for i in items
    ]
    return outcome


def stops_run(exc: BaseException) -> bool:
    return not isinstance(exc, CHUNK_LOCAL_ERRORS)


class Bar(Protocol):
    def update(self, n: int) -> object: ...
    def close(self) -> None: ...


class Recorder(Protocol):
    """Where each chunk's account is made durable (the journal), before progress is reported."""

    def record(self, outcome: ChunkAccount[Any]) -> None: ...


class Ledger(Generic[InputT]):
    """Collects chunk outcomes (they finish in any order) and builds the result in input order."""

    def __init__(
        self,
        total: int | None,
        on_progress: ProgressCallback | None,
        bar: Bar | None,
        key_of: Callable[[InputT], str],
        *,
        journal: Recorder | None = None,
        prior_objects: list[tuple[int, SimplePublicObject]] | None = None,
    ) -> None:
        self._key_of = key_of
        self._outcomes: dict[int, ChunkAccount[InputT]] = {}
        self._total = total
        self._on_progress = on_progress
        self._bar = bar
        self._journal = journal
        self._prior_objects = prior_objects or []
        self._done = 0
        self.sent_any = False
        self.stopped_by: BaseException | None = None
        self.rejected: list[BulkError[InputT]] = []

    @property
    def stopping(self) -> bool:
        return self.stopped_by is not None or bool(self.rejected)

    def silence(self) -> None:
        """No more progress reports: the run was interrupted, maybe by them."""
        self._on_progress = None
        self._bar = None

    def stop(self, exc: BaseException) -> None:
        if self.stopped_by is None:  # the first cause is the one to report
            self.stopped_by = exc

    def record(self, index: int, outcome: ChunkAccount[InputT]) -> None:
        """A chunk's account: kept, made durable in the journal, then reported as progress."""
        self._outcomes[index] = outcome
        if self._journal is not None and outcome.sent:
            self._journal.record(outcome)
        size = len(outcome.entries)
        self._done += size
        if self._bar is not None:
            self._bar.update(size)
        if self._on_progress is not None:
            try:
                self._on_progress(self._done, self._total)
            except Exception as exc:  # noqa: BLE001 - a raising on_progress callback stops the run, like any other stop
                self.stop(exc)

    def not_sent(self, chunk: Chunk[InputT, Any], reason: str | None = None) -> None:
        """Account for a chunk read but never sent (rejected inputs keep their own error)."""
        if reason is None:
            reason = "the run stopped before this input was sent"
            if self.stopped_by is not None:
                reason += f" ({type(self.stopped_by).__name__}: {self.stopped_by})"
            elif self.rejected:
                reason += " (inputs were rejected)"
        own = dict(chunk.rejected)
        outcome: ChunkAccount[InputT] = ChunkAccount(chunk.first)
        for at, original in enumerate(chunk.read):
            position = chunk.first + at
            error = own.get(at)
            if error is None:
                error = BulkError(self._key_of(original), NOT_SENT, reason, original, position)
            outcome.entries.append((position, original, error))
        self._outcomes[chunk.index] = outcome

    def result(self) -> BulkResult[InputT]:
        if self._bar is not None:
            self._bar.close()
        entries = sorted(
            (entry for outcome in self._outcomes.values() for entry in outcome.entries), key=lambda e: e[0]
        )
        placed = [(first, obj) for first, obj in self._prior_objects]
        for index in sorted(self._outcomes):
            outcome = self._outcomes[index]
            placed.extend((outcome.first, obj) for obj in outcome.objects)
        placed.sort(key=lambda p: p[0])  # stable: a chunk's objects keep HubSpot's order
        failures = [error for _, _, error in entries if error is not None]
        applied = [original for _, original, error in entries if error is None]
        not_applied = [original for _, original, error in entries if error is not None]
        if self.stopping:
            status = BulkStatus.STOPPED
        else:
            status = BulkStatus.PARTIAL if failures else BulkStatus.COMPLETE
        return BulkResult(status, [obj for _, obj in placed], failures, applied, not_applied, self.stopped_by)
