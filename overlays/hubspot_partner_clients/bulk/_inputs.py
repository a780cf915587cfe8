"""Input checks: each input becomes the exact payload to send, or is rejected naming why.

An input is checked to the byte before its chunk can be sent: every string (id, property names
and values, ``idProperty``, ``objectWriteTraceId``) encodes as UTF-8 (no lone surrogate), numbers
are finite and of a bounded size, property values are strings after the documented conversion,
and the payload encodes as JSON. ``Reader`` reads inputs a chunk at a time, numbering them and
rejecting duplicates, including one object named once by ``id`` and once by
``idProperty=hs_object_id``.
"""

from __future__ import annotations

import datetime
import decimal
import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeAlias, TypeVar

from .._constants import OBJECT_ID_PROPERTY
from ..models.simple_public_object_batch_input import SimplePublicObjectBatchInput
from ..models.simple_public_object_batch_input_properties import SimplePublicObjectBatchInputProperties
from ..models.simple_public_object_id import SimplePublicObjectId
from ..types import UNSET, Unset
from ._result import DUPLICATE_ID, INVALID_INPUT, BulkError

InputT = TypeVar("InputT")
PayloadT = TypeVar("PayloadT")

UpdateInput: TypeAlias = SimplePublicObjectBatchInput | Mapping[str, Any]
"""A ``SimplePublicObjectBatchInput``, or a dict ``{"id": ..., "properties": {...}}`` with optional
``"idProperty"`` and ``"objectWriteTraceId"``."""

ReadInput: TypeAlias = str | int | SimplePublicObjectId | Mapping[str, Any]
"""An id (str or int), a ``SimplePublicObjectId``, or a dict ``{"id": ...}``."""

MAX_NUMBER_DIGITS = 100
"""The most digits a number value may have in plain notation. HubSpot documents no bound; this one
is ours, far above any real quantity: it stops a 5,000-digit int or ``Decimal("1e999999")`` from
becoming a megabyte of digits (or Python's own ``ValueError``)."""


class Invalid(Exception):
    """An input that cannot be sent: ``key`` names it (its id, or its repr), ``message`` says why."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


def _text(key: str, what: str, value: str) -> str:
    """``value`` if it encodes as UTF-8 (JSON's encoding); a lone surrogate does not."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise Invalid(
            key,
            f"{what} holds a lone surrogate {value[exc.start]!r} at character {exc.start}, which UTF-8 "
            "cannot encode (text decoded with errors='surrogateescape'?); fix or drop the character",
        ) from None
    return value


def _property_value(key: str, name: object, value: object) -> str:
    """A property value as HubSpot's string; the documented conversion rule of ``bulk_update``."""
    if not isinstance(name, str) or not name:
        raise Invalid(key, f"property name {name!r} is not a non-empty string")
    _text(key, f"property name {name!r}", name)
    if isinstance(value, str):
        return _text(key, f"property {name!r}", value)
    if value is None:
        return ""
    if isinstance(value, int | float | decimal.Decimal):  # bool included: bool is an int
        return _number_value(key, name, value)
    if isinstance(value, datetime.date):  # datetime included: datetime is a date
        return _time_value(key, name, value)
    raise Invalid(
        key, f"property {name!r}: a {type(value).__name__} value cannot be sent; give a str, number or date"
    )


def _number_value(key: str, name: str, value: int | float | decimal.Decimal) -> str:
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, int):
        # bit_length first: str() of a huge int is slow, and past 4,300 digits a ValueError.
        if value.bit_length() > MAX_NUMBER_DIGITS * 10 // 3 or len(str(abs(value))) > MAX_NUMBER_DIGITS:
            raise Invalid(key, f"property {name!r}: an int of more than {MAX_NUMBER_DIGITS} digits")
        return str(value)
    finite = value.is_finite() if isinstance(value, decimal.Decimal) else math.isfinite(value)
    if not finite:  # Decimal's is_finite: math.isfinite raises on a signalling NaN
        raise Invalid(key, f"property {name!r}: {value!r} is not a finite number")
    # Plain notation: HubSpot's number properties do not read "1e+20".
    plain = decimal.Decimal(repr(value)) if isinstance(value, float) else value
    exponent = plain.as_tuple().exponent
    assert isinstance(exponent, int)  # finite, so not 'n', 'N' or 'F'
    digits = max(plain.adjusted() + 1, 1) + max(-exponent, 0)
    if digits > MAX_NUMBER_DIGITS:
        raise Invalid(key, f"property {name!r}: {value!r} has more than {MAX_NUMBER_DIGITS} digits")
    return format(plain.normalize(decimal.Context(prec=MAX_NUMBER_DIGITS)), "f")


def _time_value(key: str, name: str, value: datetime.date) -> str:
    """Milliseconds since the epoch; a date is its midnight UTC."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise Invalid(key, f"property {name!r}: a naive datetime is ambiguous; give it a timezone")
        return str(int(value.timestamp() * 1000))
    midnight = datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.UTC)
    return str(int(midnight.timestamp() * 1000))


def _object_id(value: object) -> str:
    if isinstance(value, str) and value.strip():
        return _text(repr(value), "the id", value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(_number_value(repr(value), "id", value))
    if isinstance(value, str):  # "  " would name no object, as "" would
        raise Invalid(repr(value), f"id {value!r} is {'empty' if not value else 'only whitespace'}")
    raise Invalid(repr(value), f"id {value!r} is not a non-empty string (or an int)")


def _optional_str(key: str, what: str, value: object) -> str | Unset:
    if value is None or isinstance(value, Unset):
        return UNSET
    if isinstance(value, str):
        return _text(key, what, value)
    raise Invalid(key, f"{what} {value!r} is not a string")


def _encodes(key: str, payload: dict[str, Any]) -> None:
    """The payload goes out as JSON; whatever the checks above missed fails here, not in httpx."""
    try:
        json.dumps(payload, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError) as exc:  # pragma: no cover - the checks above leave nothing
        raise Invalid(key, f"cannot be encoded as JSON ({exc})") from None


_UPDATE_KEYS = frozenset({"id", "properties", "idProperty", "objectWriteTraceId"})


def normalise_update(item: UpdateInput) -> tuple[str, str, SimplePublicObjectBatchInput]:
    """(id, duplicate key, the input to send), or ``Invalid``."""
    if isinstance(item, SimplePublicObjectBatchInput):
        raw_id: object = item.id
        raw_props: object = item.properties.additional_properties
        id_property: object = item.id_property
        trace: object = item.object_write_trace_id
    elif isinstance(item, Mapping):
        unknown = set(item) - _UPDATE_KEYS
        if unknown:
            raise Invalid(repr(item.get("id")), f"unknown key(s) {sorted(map(str, unknown))}")
        raw_id, raw_props = item.get("id"), item.get("properties")
        id_property, trace = item.get("idProperty"), item.get("objectWriteTraceId")
    else:
        raise Invalid(repr(item), f"a {type(item).__name__} is not an update input")
    key = _object_id(raw_id)
    if not isinstance(raw_props, Mapping):
        raise Invalid(key, "'properties' must be a mapping of property name to value")
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
    _encodes(key, payload.to_dict())
    by = payload.id_property if isinstance(payload.id_property, str) else ""
    # idProperty=hs_object_id names the object by its id: the same object as no idProperty.
    return key, f"{'' if by == OBJECT_ID_PROPERTY else by}\0{key}", payload


def normalise_read(item: ReadInput) -> tuple[str, str, SimplePublicObjectId]:
    if isinstance(item, SimplePublicObjectId):
        raw: object = item.id
    elif isinstance(item, Mapping):
        if set(item) - {"id"}:
            raise Invalid(repr(item.get("id")), f"unknown key(s) {sorted(map(str, set(item) - {'id'}))}")
        raw = item.get("id")
    else:
        raw = item
    key = _object_id(raw)
    return key, key, SimplePublicObjectId(id=key)


Normaliser: TypeAlias = Callable[[InputT], tuple[str, str, PayloadT]]


@dataclass
class Item(Generic[InputT, PayloadT]):
    """One checked input: where it stands in the inputs, its id, and what to send for it."""

    position: int
    original: InputT
    key: str
    payload: PayloadT


@dataclass
class Chunk(Generic[InputT, PayloadT]):
    """The inputs read for one chunk, in order: ``items`` to send, ``rejected`` by position in ``read``."""

    index: int
    first: int
    read: list[InputT]
    items: list[Item[InputT, PayloadT]]
    rejected: list[tuple[int, BulkError[InputT]]]


# A rejection's message is the reason; its position is ``BulkError.position``, which
# ``BulkInputError`` shows once, with the id, before each message.
def rejection(position: int, original: Any, problem: Invalid) -> BulkError[Any]:
    return BulkError(problem.key, INVALID_INPUT, problem.message, original, position)


def _duplicate(position: int, key: str, original: Any, first: int) -> BulkError[Any]:
    message = f"id {key!r} appears more than once in this run (first at input #{first})"
    return BulkError(key, DUPLICATE_ID, message, original, position)


class Reader(Generic[InputT, PayloadT]):
    """Reads inputs a chunk at a time, checking each and rejecting duplicate ids.

    Only the ids seen so far are kept (for the duplicate check), never the inputs themselves. An
    exception the inputs' iterator raises propagates from ``next_chunk``; what it had read of that
    chunk is in ``pending``, so the caller can still account for it.
    """

    def __init__(self, inputs: Iterable[InputT], normalise: Normaliser[InputT, PayloadT], size: int) -> None:
        # A sequence is in memory already: after a stop, its unsent remainder is accounted for.
        self.is_sequence = isinstance(inputs, Sequence)
        self._iterator: Iterator[InputT] = iter(inputs)
        self._normalise = normalise
        self._size = size
        self._seen: dict[str, int] = {}
        self._next_index = 0
        self._position = 0
        self.pending: Chunk[InputT, PayloadT] | None = None

    def next_chunk(self) -> Chunk[InputT, PayloadT]:
        """The next chunk; an empty ``read`` means the end."""
        chunk: Chunk[InputT, PayloadT] = Chunk(self._next_index, self._position, [], [], [])
        self._next_index += 1
        self.pending = chunk
        in_chunk: dict[str, int] = {}
        for original in self._iterator:
            position = self._position
            self._position += 1
            chunk.read.append(original)
            at = len(chunk.read) - 1
            try:
                key, dedup, payload = self._normalise(original)
            except Invalid as problem:
                chunk.rejected.append((at, rejection(position, original, problem)))
            else:
                first = self._seen.get(dedup)
                if first is not None:
                    chunk.rejected.append((at, _duplicate(position, key, original, first)))
                    index = in_chunk.pop(dedup, None)
                    if index is not None:  # its first occurrence is not sent either
                        item = chunk.items[index]
                        chunk.rejected.append(
                            (
                                item.position - chunk.first,
                                _duplicate(item.position, key, item.original, first),
                            )
                        )
                else:
                    self._seen[dedup] = position
                    in_chunk[dedup] = len(chunk.items)
                    chunk.items.append(Item(position, original, key, payload))
            if len(chunk.read) == self._size:
                break
        self.pending = None
        return chunk


def precheck(
    inputs: Sequence[InputT], normalise: Normaliser[InputT, PayloadT]
) -> dict[int, BulkError[InputT]]:
    """All problems of a whole sequence, by position, before anything is sent."""
    problems: dict[int, BulkError[InputT]] = {}
    first_at: dict[str, int] = {}
    for position, original in enumerate(inputs):
        try:
            key, dedup, _ = normalise(original)
        except Invalid as problem:
            problems[position] = rejection(position, original, problem)
            continue
        first = first_at.get(dedup)
        if first is not None:
            problems[position] = _duplicate(position, key, original, first)
            problems[first] = _duplicate(first, key, inputs[first], first)
        else:
            first_at[dedup] = position
    return problems
