"""What a bulk run gives back: its status, the account of every input, and the errors it raises.

Everything here pickles (a result travels from a worker process, or to a file) and holds no
request: a ``HubSpotError`` keeps the method, URL, status, category and correlation id, never a
request header, so the token cannot ride along.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from ..errors import _unpickle
from ..models.simple_public_object import SimplePublicObject

InputT = TypeVar("InputT")

# Categories this package gives to inputs that HubSpot never judged.
DUPLICATE_ID = "DUPLICATE_ID"
INVALID_INPUT = "INVALID_INPUT"
NOT_SENT = "NOT_SENT"
NOT_IN_RESPONSE = "NOT_IN_RESPONSE"
REQUEST_FAILED = "REQUEST_FAILED"


class BulkStatus(StrEnum):
    """How a bulk run ended."""

    COMPLETE = "COMPLETE"
    """Every input succeeded."""
    PARTIAL = "PARTIAL"
    """The run went through all inputs; some failed (see ``errors``)."""
    STOPPED = "STOPPED"
    """The run stopped part way (see ``stopped_by``); resume with ``not_applied`` or the journal."""


@dataclass(frozen=True)
class BulkError(Generic[InputT]):
    """Why one input did not succeed.

    ``category`` is HubSpot's (``OBJECT_NOT_FOUND``, ``VALIDATION_ERROR``, ``RATE_LIMIT``...) or one of
    this package's: ``DUPLICATE_ID``, ``INVALID_INPUT`` (rejected before sending), ``NOT_SENT`` (the run
    stopped before its chunk was sent), ``NOT_IN_RESPONSE`` (HubSpot answered neither a result nor an
    error for it), ``REQUEST_FAILED`` (its chunk's request failed without an HTTP answer).
    ``position`` is the input's 0-based position in the inputs, when known.
    """

    id: str
    category: str
    message: str
    input: InputT
    position: int | None = None


@dataclass(frozen=True)
class BulkResult(Generic[InputT]):
    """The account of a bulk run: every input appears exactly once, in ``applied`` or in
    ``not_applied``, and each input of ``not_applied`` has exactly one ``BulkError``. (For an
    iterator that is not a sequence, "every input" means every input read before the run ended: a
    stopped run leaves the rest unread in the iterator.)

    Attributes:
        status: COMPLETE, PARTIAL or STOPPED.
        objects: the objects HubSpot returned (updated or read), chunk by chunk in input order; with
            a journal, those of earlier runs too.
        errors: one error per input that did not succeed, in input order.
        applied: the inputs HubSpot confirmed (updated, or read for ``bulk_read``), in input order;
            with a journal, those an earlier run applied too.
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


# One unpickler for every error of the package (errors.py's); the name stays for pickles made
# by an earlier version, which name this one.
_rebuild = _unpickle


class BulkInputError(ValueError):
    """Inputs were rejected before being sent: duplicate ids, or values that cannot be sent.

    ``errors`` names each rejected input (its position, id and the reason); ``result`` is the run's
    account (status STOPPED). For a sequence nothing was sent, so ``result.applied`` is empty; for a
    lazily read iterator, chunks sent before the bad one was read are accounted for in
    ``result.applied``. Nothing of a rejected input's chunk is sent.
    """

    def __init__(self, rejected: list[BulkError[Any]], result: BulkResult[Any]) -> None:
        self.errors = rejected
        self.result = result
        shown = "; ".join(f"input #{e.position} {e.id!r}: {e.message}" for e in rejected[:5])
        more = f" (and {len(rejected) - 5} more)" if len(rejected) > 5 else ""
        super().__init__(f"{len(rejected)} input(s) rejected before sending: {shown}{more}")

    def __reduce__(self) -> tuple[Any, ...]:
        return _unpickle, (type(self), self.args, self.__dict__)


class BulkJournalError(ValueError):
    """The journal file cannot serve this run: made for other inputs or another operation, or unreadable.

    Nothing was sent. Use a new journal path for a new run (or delete the old file).
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return _unpickle, (type(self), self.args, self.__dict__)


class BulkInterrupted(BaseException):
    """A bulk run ended by an exception: ``result`` is its account, ``__cause__`` the exception.

    Raised whatever ended the run: the inputs' iterator raising, ``KeyboardInterrupt``,
    ``asyncio.CancelledError``, a bug in a callback or in this package. The exception raised is
    also of the original's kind, so it keeps its meaning: ``BulkInterruptedError`` is an
    ``Exception``, ``BulkKeyboardInterrupt`` a ``KeyboardInterrupt``, ``BulkCancelled`` an
    ``asyncio.CancelledError``; ``except BulkInterrupted`` catches them all. The in-flight chunks
    finished (sync) or were cancelled (asyncio) before it was raised; a cancelled chunk's inputs
    are ``REQUEST_FAILED`` (they may have been applied; re-sending sets the same values). With a
    journal, the journal holds the same account.
    """

    def __init__(self, message: str, result: BulkResult[Any]) -> None:
        super().__init__(message)
        self.result = result

    def __reduce__(self) -> tuple[Any, ...]:
        return _unpickle, (type(self), self.args, self.__dict__)

    @staticmethod
    def of(cause: BaseException, result: BulkResult[Any]) -> BulkInterrupted:
        """The interruption to raise for ``cause``: of its kind, carrying ``result``."""
        kind: type[BulkInterrupted]
        if isinstance(cause, Exception):
            kind = BulkInterruptedError
        elif isinstance(cause, KeyboardInterrupt):
            kind = BulkKeyboardInterrupt
        elif isinstance(cause, asyncio.CancelledError):
            kind = BulkCancelled
        elif isinstance(cause, SystemExit):
            kind = BulkSystemExit
        else:
            kind = BulkInterrupted
        message = (
            f"the bulk run was interrupted by {type(cause).__name__}: {cause}; "
            f"{result.succeeded} input(s) applied, {result.failed} not (see .result)"
        )
        interrupted = kind(message, result)
        if isinstance(cause, SystemExit) and isinstance(interrupted, SystemExit):
            interrupted.code = cause.code  # the process still exits with the status it was given
        return interrupted


class BulkInterruptedError(BulkInterrupted, Exception):
    """``BulkInterrupted`` by an ``Exception`` (the inputs' iterator raising, a callback's bug)."""


class BulkKeyboardInterrupt(BulkInterrupted, KeyboardInterrupt):
    """``BulkInterrupted`` by ``KeyboardInterrupt`` (Ctrl-C): still a ``KeyboardInterrupt``."""


class BulkCancelled(BulkInterrupted, asyncio.CancelledError):
    """``BulkInterrupted`` by the cancellation of the awaiting task: still a ``CancelledError``."""


class BulkSystemExit(BulkInterrupted, SystemExit):
    """``BulkInterrupted`` by ``SystemExit``: still a ``SystemExit``."""
