"""Property-based: every answer our document describes parses and round-trips; a broken one fails cleanly.

The response schemas are read from the document as data (every 2xx response of every operation),
their `$ref`s resolved and OpenAPI 3.0 turned into JSON Schema (`nullable`, `format`), and bodies
are drawn from them (json_values: the subset of JSON Schema the document uses; a keyword outside it
fails the tests, naming it). So a schema added or changed in the document is tried here without
editing this file.

- A body the schema allows parses with its model's from_dict, and to_dict gives it back, up to the
  documented normalisation: a timestamp comes back as the same instant in Python's ISO spelling.
- Each harmless deviation (lenient parsing, see test_lenient_parsing.py) parses and round-trips to
  what it means: an unknown field is kept, a non-nullable optional field sent as null is absent, a
  required field with a document default that is absent or null is that default, a timestamp in
  epoch milliseconds is that instant.
- A required field without a default left out fails: the answer is not what was asked for. A
  wrong type, or null, anywhere, or a body cut short, either parses or raises the typed
  MalformedResponseError, never anything else; and the model's own failure under it (its
  `__cause__`) is one of MODEL_ERRORS, so that the endpoint layer's net hides no bug of a model.

Every body goes through the endpoint layer as the call path does: the operation's
`_parse_response`, given an httpx.Response with the body as JSON.
"""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import bundle
from hubspot_partner_clients import errors, models

DOCUMENT = Path(__file__).resolve().parents[2] / "openapi" / "partner-clients.yaml"
# What a model's from_dict may raise on a body it cannot read; the endpoint layer reports each as
# a MalformedResponseError, with it as the cause. Anything else from a model is a bug.
MODEL_ERRORS = (KeyError, TypeError, ValueError, AttributeError)
DATE_TIME = "hubspot-date-time"  # our name for `format: date-time`, drawn by _timestamps()
INT32 = (-(2**31), 2**31 - 1)
UTC = datetime.UTC


class Model(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


# -- the document's response schemas, as JSON Schema ----------------------------------------------


def _load() -> dict[str, Any]:
    # The bundle: the document with the schemas it shares from components.yaml, refs made local.
    return bundle.bundle(DOCUMENT)


def _component(document: Mapping[str, Any], ref: str) -> tuple[str, Mapping[str, Any]]:
    prefix = "#/components/schemas/"
    assert ref.startswith(prefix), f"only local schema refs are expected, got {ref}"
    name = ref.removeprefix(prefix)
    return name, document["components"]["schemas"][name]


# OpenAPI's keywords that are no JSON Schema (or are converted): dropped from the copy.
_OPENAPI_ONLY = frozenset({"nullable", "format", "example", "discriminator", "xml", "externalDocs"})


def json_schema(
    document: Mapping[str, Any], node: Mapping[str, Any], seen: tuple[str, ...] = ()
) -> dict[str, Any]:
    """`node` (an OpenAPI 3.0 schema) as a JSON Schema with every $ref resolved in place.

    `nullable` becomes a "null" type; `format: int32` becomes bounds; `format: date-time` our own
    format name, drawn in HubSpot's spellings; OpenAPI's annotations are kept.
    An object that declares its properties is closed here, so that an unknown field is a mutation
    of its own (the models accept one); a free-form object stays open.
    """
    if "$ref" in node:
        name, target = _component(document, node["$ref"])
        assert name not in seen, f"recursive schema {' -> '.join((*seen, name))}: not supported"
        return json_schema(document, target, (*seen, name))
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties":
            out[key] = {name: json_schema(document, sub, seen) for name, sub in value.items()}
        elif key in ("items", "not") or (key == "additionalProperties" and isinstance(value, Mapping)):
            out[key] = json_schema(document, value, seen)
        elif key in ("oneOf", "anyOf", "allOf"):
            out[key] = [json_schema(document, sub, seen) for sub in value]
        elif key not in _OPENAPI_ONLY and not key.startswith("x-"):
            out[key] = value
    if out.get("type") == "object" and "properties" in out:
        out.setdefault("additionalProperties", False)
    return _nullable(node, _format(node.get("format"), out))


def _format(fmt: str | None, out: dict[str, Any]) -> dict[str, Any]:
    if fmt == "int32":
        out["minimum"] = max(out.get("minimum", INT32[0]), INT32[0])
        out["maximum"] = min(out.get("maximum", INT32[1]), INT32[1])
    elif fmt is not None:
        out["format"] = DATE_TIME if fmt == "date-time" else fmt
    return out


def _nullable(node: Mapping[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    if not node.get("nullable"):
        return out
    if "type" not in out:
        return {"anyOf": [out, {"type": "null"}]}
    out["type"] = [out["type"], "null"]
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    return out


@dataclass(frozen=True)
class Answer:
    """One documented 2xx answer with a body: which operation, which status, which model."""

    operation: str
    method: str
    path: str
    status: int
    model: str
    schema: dict[str, Any]


def documented_answers() -> list[Answer]:
    document = _load()
    found = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "put", "post", "delete", "patch"):
                continue
            for status, response in operation["responses"].items():
                if not str(status).startswith("2") or "content" not in response:
                    continue
                schema = response["content"]["application/json"]["schema"]
                assert "$ref" in schema, f"{operation['operationId']} {status}: an inline response schema"
                name, _ = _component(document, schema["$ref"])
                answer = Answer(
                    operation["operationId"],
                    method.upper(),
                    path,
                    int(status),
                    name,
                    json_schema(document, schema),
                )
                found.append(answer)
    return found


ANSWERS = documented_answers()
# Each schema once (several operations answer with the same one), each named by its operations.
SCHEMAS = {answer.model: answer for answer in ANSWERS}
USED_BY = {
    name: ", ".join(sorted(f"{a.operation} {a.status}" for a in ANSWERS if a.model == name))
    for name in SCHEMAS
}
BY_SCHEMA = pytest.mark.parametrize("answer", list(SCHEMAS.values()), ids=lambda a: a.model)


def parse(answer: Answer, body: Any, *, content: bytes | None = None) -> Model:
    """`body` (or the raw `content`) as the operation's answer: the model, or MalformedResponseError."""
    endpoint = import_module(f"hubspot_partner_clients.api.partner_clients.{answer.operation}")
    request = httpx.Request(answer.method, f"https://api.hubapi.com{answer.path}")
    if content is None:
        response = httpx.Response(answer.status, json=body, request=request)
    else:
        response = httpx.Response(answer.status, content=content, request=request)
    parsed: Model = endpoint._parse_response(response=response)
    return parsed


def parses_or_fails_as_malformed(answer: Answer, body: Any) -> None:
    """`body` parses, or raises MalformedResponseError over one of the models' own errors."""
    try:
        parse(answer, body)
    except errors.MalformedResponseError as error:
        cause = error.__cause__
    else:
        return
    assert isinstance(cause, MODEL_ERRORS), f"a model raised {cause!r}"


# -- strategies ------------------------------------------------------------------------------------

_OFFSETS = [
    UTC,
    datetime.timezone(datetime.timedelta(hours=2)),
    datetime.timezone(-datetime.timedelta(hours=5, minutes=30)),
]


@st.composite
def _timestamp_text(draw: st.DrawFn) -> str:
    """An instant in one of the spellings HubSpot's services write (see _timestamps.py)."""
    moment = draw(
        st.datetimes(
            datetime.datetime(1970, 1, 1),
            datetime.datetime(2100, 1, 1),
            timezones=st.sampled_from([*_OFFSETS, None]),
        )
    )
    timespec = draw(st.sampled_from(["seconds", "milliseconds", "microseconds", "nanoseconds"]))
    text = moment.isoformat(timespec="microseconds" if timespec == "nanoseconds" else timespec)
    if timespec == "nanoseconds":  # as Java's Instant writes them: three digits more
        head, _, tail = text.partition(".")
        text = f"{head}.{tail[:6]}{draw(st.integers(0, 999)):03d}{tail[6:]}"
    if text.endswith("+00:00"):
        text = text.removesuffix("+00:00") + draw(st.sampled_from(["Z", "z", "+00:00"]))
    return text


# Keywords json_values reads; annotations it may ignore. Any other keyword is refused.
_DRAWN = frozenset(
    {"type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "oneOf",
     "anyOf", "enum", "minimum", "maximum", "minLength", "maxLength", "format"}
)  # fmt: skip
_ANNOTATIONS = frozenset({"description", "title", "default"})
_ANY_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def json_values(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values `schema` allows (a JSON Schema from json_schema()), small: at most 3 items a list or map.

    Written for the keywords our document uses (hypothesis-jsonschema 0.23.1 cannot draw objects
    with the pinned hypothesis); an unknown keyword is an error, so that no schema is drawn wrong.
    """
    unknown = set(schema) - _DRAWN - _ANNOTATIONS
    assert not unknown, f"json_values cannot draw {sorted(unknown)} yet: {schema}"
    union = next((schema[key] for key in ("oneOf", "anyOf") if key in schema), None)
    if union is not None:
        return st.one_of([json_values(member) for member in union])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    types = schema.get("type")
    if isinstance(types, list):
        return st.one_of([json_values({**schema, "type": one}) for one in types])
    assert types in _BY_TYPE, f"json_values cannot draw type {types!r}: {schema}"
    return _BY_TYPE[types](schema)


def _arrays(schema: Mapping[str, Any]) -> st.SearchStrategy[list[Any]]:
    size = {"min_size": schema.get("minItems", 0), "max_size": min(schema.get("maxItems", 3), 3)}
    return st.lists(json_values(schema["items"]), **size)


def _strings(schema: Mapping[str, Any]) -> st.SearchStrategy[str]:
    if schema.get("format") == DATE_TIME:
        return _timestamp_text()
    return st.text(min_size=schema.get("minLength", 0), max_size=min(schema.get("maxLength", 12), 12))


def _objects(schema: Mapping[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    extra = schema.get("additionalProperties", True)
    known = st.fixed_dictionaries(
        {name: json_values(sub) for name, sub in properties.items() if name in required},
        optional={name: json_values(sub) for name, sub in properties.items() if name not in required},
    )
    if extra is False:
        return known
    values = _ANY_JSON if extra is True else json_values(extra)
    others = st.dictionaries(
        st.text(max_size=8).filter(lambda name: name not in properties), values, max_size=3
    )
    return st.builds(lambda fields, more: {**more, **fields}, known, others)


_BY_TYPE: dict[str | None, Callable[[Mapping[str, Any]], st.SearchStrategy[Any]]] = {
    "object": _objects,
    "array": _arrays,
    "string": _strings,
    "integer": lambda schema: st.integers(schema.get("minimum"), schema.get("maximum")),
    "number": lambda schema: st.floats(
        schema.get("minimum"), schema.get("maximum"), allow_nan=False, allow_infinity=False
    ),
    "boolean": lambda _: st.booleans(),
    "null": lambda _: st.none(),
    None: lambda _: _ANY_JSON,  # no type: any JSON value
}


def bodies(answer: Answer) -> st.SearchStrategy[Any]:
    return json_values(answer.schema)


def reference_instant(text: str) -> datetime.datetime:
    """What a timestamp means, worked out apart from the SDK (the standard library, UTC if no offset)."""
    moment = datetime.datetime.fromisoformat(text[:-1] + "Z" if text.endswith("z") else text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def normalised(value: Any, schema: Mapping[str, Any], *, from_sdk: bool = False) -> Any:
    """`value` with each timestamp as its instant: the one normalisation a round trip may apply.

    `from_sdk`: `value` is a model's to_dict(), whose timestamps must each carry their offset (a
    model holding a naive datetime would be a bug, even if the instant read as UTC were right).
    """
    if schema.get("format") == DATE_TIME:
        if isinstance(value, str):
            assert not from_sdk or datetime.datetime.fromisoformat(value).tzinfo, f"naive timestamp {value}"
            return reference_instant(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.datetime(1970, 1, 1, tzinfo=UTC) + datetime.timedelta(milliseconds=value)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        return {
            key: normalised(
                sub, properties.get(key) or (extra if isinstance(extra, Mapping) else {}), from_sdk=from_sdk
            )
            for key, sub in value.items()
        }
    if isinstance(value, list):
        return [normalised(item, schema.get("items", {}), from_sdk=from_sdk) for item in value]
    return value


# -- where a body can be changed -------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """A field of a record (an object that declares its properties) in a drawn body."""

    record: tuple[Any, ...]  # the path to the record
    name: str
    schema: Mapping[str, Any]  # the field's
    required: bool

    @property
    def path(self) -> tuple[Any, ...]:
        return (*self.record, self.name)

    @property
    def has_default(self) -> bool:
        return "default" in self.schema

    @property
    def nullable(self) -> bool:
        types = self.schema.get("type")
        return isinstance(types, list) and "null" in types


def records(
    value: Any, schema: Mapping[str, Any], path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], Mapping[str, Any]]]:
    """Each record in `value` (path, schema), outermost first; oneOf members are not entered."""
    if isinstance(value, dict):
        if "properties" in schema:
            yield path, schema
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, sub in value.items():
            sub_schema = properties.get(key) or (extra if isinstance(extra, Mapping) else {})
            yield from records(sub, sub_schema, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from records(item, schema.get("items", {}), (*path, index))


def fields(body: Any, schema: Mapping[str, Any]) -> list[Field]:
    """Every field the schema declares on every record of `body`, sent or not."""
    found = []
    for path, record in records(body, schema):
        required = set(record.get("required", []))
        for name, sub in record["properties"].items():
            found.append(Field(path, name, sub, name in required))
    return found


def at(body: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        body = body[step]
    return body


def sent(body: Any, field: Field) -> bool:
    return field.name in at(body, field.record)


def with_value(body: Any, field: Field, value: Any) -> Any:
    changed = copy.deepcopy(body)
    at(changed, field.record)[field.name] = value
    return changed


def without(body: Any, field: Field) -> Any:
    changed = copy.deepcopy(body)
    del at(changed, field.record)[field.name]
    return changed


# Values of each JSON type, for "the wrong type" (one of another type than the schema's is drawn).
_JSON_VALUES = {
    "string": st.sampled_from(["", "x", "2019-10-30T03:30:17Z", "123"]),
    "integer": st.integers(-(2**40), 2**40),
    "number": st.floats(allow_nan=False, allow_infinity=False),
    "boolean": st.booleans(),
    "array": st.lists(st.sampled_from([None, 1, "x", {}]), max_size=3),
    "object": st.dictionaries(
        st.sampled_from(["id", "x", "results"]), st.sampled_from([None, 1, "x"]), max_size=2
    ),
    "null": st.none(),
}


def _wrong_values(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    types = schema.get("type")
    allowed = set(types) if isinstance(types, list) else {types}
    if "integer" in allowed:
        allowed.add("number")
    if "number" in allowed:
        allowed.add("integer")
    others = [strategy for name, strategy in _JSON_VALUES.items() if name not in allowed and name != "null"]
    if schema.get("format") == DATE_TIME:  # a string, but no timestamp
        others.append(_NOT_TIMESTAMPS)
    return st.one_of(others)


_NOT_TIMESTAMPS = st.sampled_from(["yesterday", "", "2019-13-01T00:00:00Z", "1572406217883", "12:00"])


# -- the properties --------------------------------------------------------------------------------


def test_every_documented_answer_with_a_body_is_tried() -> None:
    # A document without responses, or a reader that found none, would make every test vacuous.
    assert {(a.operation, a.status) for a in ANSWERS} >= {
        ("batch_read", 207),
        ("search", 200),
        ("get_by_id", 200),
    }
    assert len(ANSWERS) == sum(
        1
        for item in _load()["paths"].values()
        for method, operation in item.items()
        if method in ("get", "put", "post", "delete", "patch")
        for status, response in operation["responses"].items()
        if str(status).startswith("2") and "content" in response
    )


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: f"{a.operation}-{a.status}")
@settings(max_examples=5)
@given(data=st.data())
def test_each_operation_parses_its_documented_answer_into_the_documented_model(
    answer: Answer, data: st.DataObject
) -> None:
    # The operation -> model mapping read from the document is the one the endpoint layer applies.
    assert type(parse(answer, data.draw(bodies(answer), label="body"))) is getattr(models, answer.model)


@BY_SCHEMA
@given(data=st.data())
def test_a_body_the_schema_allows_parses_and_round_trips(answer: Answer, data: st.DataObject) -> None:
    body = data.draw(bodies(answer), label=f"body of {answer.model} ({USED_BY[answer.model]})")
    assert normalised(parse(answer, body).to_dict(), answer.schema, from_sdk=True) == normalised(
        body, answer.schema
    )


@BY_SCHEMA
@given(data=st.data())
def test_an_unknown_field_is_kept(answer: Answer, data: st.DataObject) -> None:
    body = data.draw(bodies(answer), label="body")
    path, record = data.draw(st.sampled_from(list(records(body, answer.schema))), label="record")
    name = data.draw(
        st.text(min_size=1, max_size=8).filter(lambda n: n not in record["properties"]), label="name"
    )
    extra: list[Any] = [None, 0, "x", [], {"nested": True}]
    value = data.draw(st.sampled_from(extra), label="value")
    changed = copy.deepcopy(body)
    at(changed, path)[name] = value
    assert normalised(parse(answer, changed).to_dict(), answer.schema, from_sdk=True) == normalised(
        changed, answer.schema
    )


@BY_SCHEMA
@given(data=st.data())
def test_a_non_nullable_field_sent_as_null_is_absent_or_its_default(
    answer: Answer, data: st.DataObject
) -> None:
    body = data.draw(bodies(answer), label="body")
    candidates = [
        f for f in fields(body, answer.schema) if not f.nullable and (not f.required or f.has_default)
    ]
    if not candidates:
        return
    field = data.draw(st.sampled_from(candidates), label="field sent as null")
    expected = (
        with_value(body, field, field.schema["default"])
        if field.has_default
        else without(body, field)
        if sent(body, field)
        else body
    )
    parsed = parse(answer, with_value(body, field, None))
    assert normalised(parsed.to_dict(), answer.schema, from_sdk=True) == normalised(expected, answer.schema)


@BY_SCHEMA
@given(data=st.data())
def test_a_required_field_left_out_is_its_default_or_a_key_error(answer: Answer, data: st.DataObject) -> None:
    body = data.draw(bodies(answer), label="body")
    required = [f for f in fields(body, answer.schema) if f.required]
    field = data.draw(st.sampled_from(required), label="required field left out")
    changed = without(body, field)
    if field.has_default:
        parsed = parse(answer, changed)
        expected = with_value(body, field, field.schema["default"])
        assert normalised(parsed.to_dict(), answer.schema, from_sdk=True) == normalised(
            expected, answer.schema
        )
    else:
        with pytest.raises(errors.MalformedResponseError) as raised:
            parse(answer, changed)
        assert isinstance(raised.value.__cause__, KeyError)
        assert raised.value.__cause__.args == (field.name,)


@BY_SCHEMA
@given(data=st.data())
def test_a_timestamp_in_epoch_milliseconds_is_that_instant(answer: Answer, data: st.DataObject) -> None:
    body = data.draw(bodies(answer), label="body")
    stamps = [f for f in fields(body, answer.schema) if f.schema.get("format") == DATE_TIME and sent(body, f)]
    if not stamps:
        return
    field = data.draw(st.sampled_from(stamps), label="timestamp")
    instant = reference_instant(at(body, field.path))
    millis = (instant - datetime.datetime(1970, 1, 1, tzinfo=UTC)) // datetime.timedelta(milliseconds=1)
    changed = with_value(body, field, millis)
    parsed = normalised(parse(answer, changed).to_dict(), answer.schema, from_sdk=True)
    assert at(parsed, field.path) == datetime.datetime(1970, 1, 1, tzinfo=UTC) + datetime.timedelta(
        milliseconds=millis
    )


@BY_SCHEMA
@given(data=st.data())
def test_a_timestamp_that_is_no_timestamp_fails_as_a_malformed_answer(
    answer: Answer, data: st.DataObject
) -> None:
    body = data.draw(bodies(answer), label="body")
    stamps = [f for f in fields(body, answer.schema) if f.schema.get("format") == DATE_TIME]
    if not stamps:
        return
    field = data.draw(st.sampled_from(stamps), label="timestamp")
    value: Any = data.draw(_NOT_TIMESTAMPS | st.booleans() | st.just({}) | st.just([]), label="value")
    with pytest.raises(errors.MalformedResponseError) as raised:
        parse(answer, with_value(body, field, value))
    assert isinstance(raised.value.__cause__, ValueError | TypeError)


@BY_SCHEMA
@given(data=st.data())
def test_a_wrong_type_or_null_anywhere_parses_or_fails_as_a_malformed_answer(
    answer: Answer, data: st.DataObject
) -> None:
    body = data.draw(bodies(answer), label="body")
    field = data.draw(st.sampled_from(fields(body, answer.schema)), label="field")
    value = data.draw(st.one_of(st.none(), _wrong_values(field.schema)), label="value")
    parses_or_fails_as_malformed(answer, with_value(body, field, value))


@BY_SCHEMA
@given(data=st.data())
def test_a_body_cut_short_fails_as_a_malformed_answer(answer: Answer, data: st.DataObject) -> None:
    content = json.dumps(data.draw(bodies(answer), label="body")).encode()
    cut = data.draw(st.integers(0, len(content) - 1), label="bytes kept")
    with pytest.raises(errors.MalformedResponseError) as raised:
        parse(answer, None, content=content[:cut])
    assert raised.value.status_code == answer.status


@BY_SCHEMA
@given(body=st.one_of(st.none(), st.integers(), st.text(max_size=5), st.lists(st.none(), max_size=2)))
def test_a_body_that_is_not_an_object_fails_as_a_malformed_answer(answer: Answer, body: Any) -> None:
    with pytest.raises(errors.MalformedResponseError) as raised:
        parse(answer, body)
    assert isinstance(raised.value.__cause__, MODEL_ERRORS)
