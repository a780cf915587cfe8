"""The runners: read chunks, send them concurrently (threads or tasks), account for each answer.

``Session`` holds one run's parts (reader, ledger, journal, deadline) and the steps both runners
share; ``run`` and ``arun`` differ only in how a chunk is sent and waited for. Whatever ends a
run, the caller gets the account: a normal end returns the ``BulkResult`` (or raises
``BulkInputError`` carrying it), and an exception (the inputs' iterator raising,
``KeyboardInterrupt``, ``CancelledError``, a bug in a callback) raises ``BulkInterrupted`` of the
same kind, carrying it.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence, Sized
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..client import AuthenticatedClient
from ._inputs import Chunk, Invalid, Item, Normaliser, Reader, precheck
from ._journal import Journal
from ._ledger import Answer, Bar, ChunkAccount, Ledger, ProgressCallback, account, chunk_failed, stops_run
from ._result import REQUEST_FAILED, BulkError, BulkInputError, BulkInterrupted, BulkJournalError, BulkResult

InputT = TypeVar("InputT")
PayloadT = TypeVar("PayloadT")


@dataclass(frozen=True)
class Kind(Generic[InputT, PayloadT]):
    """What differs between bulk update and bulk read: checking inputs and sending a chunk."""

    description: str
    operation: str
    journal_options: dict[str, Any]
    normalise: Normaliser[InputT, PayloadT]
    to_dict: Callable[[PayloadT], dict[str, Any]]
    send: Callable[[AuthenticatedClient, list[PayloadT]], Answer]
    asend: Callable[[AuthenticatedClient, list[PayloadT]], Awaitable[Answer]]
    match_property: Callable[[Item[InputT, PayloadT]], str | None]
    max_chunk: int


@dataclass(frozen=True)
class Options:
    concurrency: int
    chunk_size: int
    on_progress: ProgressCallback | None
    progress: bool
    deadline: float | None
    journal: str | os.PathLike[str] | None = None


def _check_options(inputs: object, options: Options, max_chunk: int) -> None:
    if isinstance(inputs, str | bytes):
        raise TypeError("inputs must be an iterable of inputs, not a single str or bytes")
    if not 1 <= options.chunk_size <= max_chunk:
        raise ValueError(
            f"chunk_size must be between 1 and {max_chunk} (HubSpot's largest batch), got {options.chunk_size}"
        )
    if options.concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {options.concurrency}")
    if options.deadline is not None and options.deadline <= 0:
        raise ValueError(f"deadline must be positive, got {options.deadline}")


def _open_bar(total: int | None, description: str) -> Bar:
    try:
        module = importlib.import_module("tqdm")
    except ImportError as exc:
        raise ImportError(
            "progress=True needs tqdm: pip install 'hubspot-partner-clients[progress]'"
        ) from exc
    bar: Bar = module.tqdm(total=total, desc=description, unit="obj")
    return bar


class Session(Generic[InputT, PayloadT]):
    """One run: checks a sequence whole before anything is sent, then reads, sends and accounts."""

    def __init__(self, kind: Kind[InputT, PayloadT], inputs: Iterable[InputT], options: Options) -> None:
        _check_options(inputs, options, kind.max_chunk)
        self.kind = kind
        self.options = options
        self.journal = (
            None
            if options.journal is None
            else Journal(options.journal, kind.operation, kind.journal_options)
        )
        try:
            prior = self.journal.prior_objects() if self.journal is not None else []
            total = len(inputs) if isinstance(inputs, Sized) else None
            # The precheck's account is of this run only: it sent nothing.
            self.ledger: Ledger[InputT] = Ledger(total, None, None, self._key_of)
            if isinstance(inputs, Sequence):
                self._precheck(inputs)
            bar = _open_bar(total, kind.description) if options.progress else None
        except BaseException:
            self.close()
            raise
        self.ledger = Ledger(
            total, options.on_progress, bar, self._key_of, journal=self.journal, prior_objects=prior
        )
        self.reader: Reader[InputT, PayloadT] = Reader(inputs, kind.normalise, options.chunk_size)
        self.deadline = None if options.deadline is None else time.monotonic() + options.deadline

    def _key_of(self, original: InputT) -> str:
        try:
            return self.kind.normalise(original)[0]
        except Invalid as problem:
            return problem.key

    def _precheck(self, inputs: Sequence[InputT]) -> None:
        """A sequence is checked whole (and against the journal) before anything is sent."""
        problems = precheck(inputs, self.kind.normalise)
        if problems:
            self.ledger.rejected = [problems[p] for p in sorted(problems)]
            size = self.options.chunk_size
            for index, start in enumerate(range(0, len(inputs), size)):
                read = list(inputs[start : start + size])
                own = [(p - start, problems[p]) for p in range(start, start + len(read)) if p in problems]
                self.ledger.not_sent(Chunk(index, start, read, [], own))
            raise BulkInputError(self.ledger.rejected, self.ledger.result())
        if self.journal is not None:
            for position, original in enumerate(inputs):
                key, _, payload = self.kind.normalise(original)
                self.journal.applied(position, key, self.kind.to_dict(payload))

    def next_to_send(self) -> Chunk[InputT, PayloadT] | None:
        """The next chunk to send, or None at the end or when the run must stop (the ledger knows).

        Inputs an earlier run applied (the journal says) are accounted for here and not sent.
        """
        ledger = self.ledger
        while True:
            chunk = self.reader.next_chunk()
            if not chunk.read:
                return None
            if chunk.rejected:
                ledger.rejected.extend(e for _, e in chunk.rejected)
                ledger.not_sent(chunk)
                return None
            if self.deadline is not None and time.monotonic() >= self.deadline:
                ledger.stop(TimeoutError("the bulk run's deadline passed"))
                ledger.not_sent(chunk)
                return None
            if self.journal is None:
                return chunk
            journal, to_dict = self.journal, self.kind.to_dict
            done = [i for i in chunk.items if journal.applied(i.position, i.key, to_dict(i.payload))]
            if done:
                chunk.items = [i for i in chunk.items if i not in done]
                earlier: ChunkAccount[InputT] = ChunkAccount(chunk.first)
                earlier.entries = [(i.position, i.original, None) for i in done]
                # A negative index: a chunk's journalled part never collides with its sent part.
                ledger.record(-1 - chunk.index, earlier)
            if chunk.items:
                return chunk

    def record_chunk(
        self, chunk: Chunk[InputT, PayloadT], answer_of: Callable[[], Answer], exc: BaseException | None
    ) -> None:
        """Account for a finished chunk: its answer, or its failure (which may stop the run)."""
        if exc is None:
            try:
                outcome = account(chunk.items, answer_of(), self.kind.match_property)
            except Exception as broken:  # noqa: BLE001 - a bug here must not lose the chunk's account
                exc = broken
        if exc is not None:
            if stops_run(exc):
                self.ledger.stop(exc)
            outcome = chunk_failed(chunk.items, exc)
        self.ledger.sent_any = True
        self.ledger.record(chunk.index, outcome)

    def cancelled_in_flight(self, chunk: Chunk[InputT, PayloadT]) -> None:
        """A chunk whose request was cancelled after it may have reached HubSpot."""
        message = "the run was interrupted while this input's request was in flight; it may have been applied"
        outcome: ChunkAccount[InputT] = ChunkAccount(chunk.first)
        outcome.entries = [
            (i.position, i.original, BulkError(i.key, REQUEST_FAILED, message, i.original, i.position))
            for i in chunk.items
        ]
        self.ledger.record(chunk.index, outcome)

    def finish(self) -> BulkResult[InputT]:
        """After the loop: a sequence's unread inputs are NOT_SENT (never an iterator's); the result."""
        while self.ledger.stopping and self.reader.is_sequence:
            chunk = self.reader.next_chunk()
            if not chunk.read:
                break
            self.ledger.not_sent(chunk)
        self.close()
        result = self.ledger.result()
        if self.ledger.rejected:
            raise BulkInputError(self.ledger.rejected, result)
        return result

    def interrupted(self, cause: BaseException) -> BaseException:
        """The exception to raise for ``cause``, carrying the account of what was applied and not."""
        self.ledger.stop(cause)
        pending = self.reader.pending
        if pending is not None and pending.read:  # read by an iterator that then raised
            self.ledger.not_sent(
                pending, f"the run was interrupted ({type(cause).__name__}) before it was sent"
            )
        while self.reader.is_sequence:  # a sequence is in memory: its unread rest is in the account
            chunk = self.reader.next_chunk()
            if not chunk.read:
                break
            self.ledger.not_sent(
                chunk, f"the run was interrupted ({type(cause).__name__}) before it was sent"
            )
        self.close()
        if isinstance(cause, BulkJournalError) and not self.ledger.sent_any:
            return cause  # nothing sent: the refusal is the whole story
        return BulkInterrupted.of(cause, self.ledger.result())

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()


def run(
    kind: Kind[InputT, PayloadT], client: AuthenticatedClient, inputs: Iterable[InputT], options: Options
) -> BulkResult[InputT]:
    session = Session(kind, inputs, options)
    # Build the shared httpx client before the threads start, so they cannot race to build two.
    client.get_httpx_client()
    # Worker threads only send; this thread does all the accounting, so the ledger needs no lock.
    pool = ThreadPoolExecutor(max_workers=options.concurrency, thread_name_prefix="hubspot-bulk")
    in_flight: dict[Future[Answer], Chunk[InputT, PayloadT]] = {}
    cause: BaseException | None = None
    try:
        exhausted = False
        while True:
            while not exhausted and not session.ledger.stopping and len(in_flight) < options.concurrency:
                chunk = session.next_to_send()
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
                session.record_chunk(chunk, future.result, future.exception())
    except BaseException as exc:  # noqa: BLE001 - whatever ends the run, the account goes with it
        cause = exc
        session.ledger.silence()
        # Send nothing more; the chunks already on the wire finish and are accounted for.
        for future in in_flight:
            future.cancel()
    finally:
        pool.shutdown(wait=True)
    if cause is None:
        return session.finish()
    for future, chunk in in_flight.items():
        if future.cancelled():
            session.ledger.not_sent(chunk, "the run was interrupted before this input was sent")
        else:
            session.record_chunk(chunk, future.result, future.exception())
    raise session.interrupted(cause) from cause


async def arun(
    kind: Kind[InputT, PayloadT], client: AuthenticatedClient, inputs: Iterable[InputT], options: Options
) -> BulkResult[InputT]:
    session = Session(kind, inputs, options)
    in_flight: dict[asyncio.Task[Answer], Chunk[InputT, PayloadT]] = {}
    cause: BaseException | None = None
    try:
        exhausted = False
        while True:
            while not exhausted and not session.ledger.stopping and len(in_flight) < options.concurrency:
                chunk = session.next_to_send()
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
                session.record_chunk(chunk, task.result, task.exception())
    except BaseException as exc:  # noqa: BLE001 - whatever ends the run, the account goes with it
        cause = exc
        session.ledger.silence()
    if cause is None:
        return session.finish()
    raise await _unwind(session, in_flight, cause) from cause


async def _unwind(
    session: Session[InputT, PayloadT],
    in_flight: dict[asyncio.Task[Answer], Chunk[InputT, PayloadT]],
    cause: BaseException,
) -> BaseException:
    """After an interruption: the in-flight chunks finish (or, cancelled, unwind) into the account."""
    if isinstance(cause, asyncio.CancelledError):
        # Cancelled: stop the requests too. Anything else lets them finish, as sync does.
        for task in in_flight:
            task.cancel()
    if in_flight:
        # Let each request finish or unwind (closing its connection) before accounting for it.
        await asyncio.wait(in_flight)
    for task, chunk in in_flight.items():
        if task.cancelled():
            session.cancelled_in_flight(chunk)
        else:
            session.record_chunk(chunk, task.result, task.exception())
    return session.interrupted(cause)
