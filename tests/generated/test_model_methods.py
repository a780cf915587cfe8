"""Every model's repr and == (written once in _model_methods.py) behave as attrs' own would.

The models take both methods from ``hubspot_partner_clients._model_methods`` (model.py.jinja, note
11) instead of attrs compiling a pair per class. Each model is compared here with an attrs class
of the same name and fields, which has attrs' own methods, on the same values: a repr that
differs from attrs' by a character, an == that compares fewer fields, or attrs writing its own
methods after all (a new attrs that no longer leaves a class's own methods alone), fails.
"""

from __future__ import annotations

import io
import math
from http import HTTPStatus
from typing import Any

import attrs
import pytest

from hubspot_partner_clients import create_client
from hubspot_partner_clients._model_methods import model_eq, model_repr
from hubspot_partner_clients.client import AuthenticatedClient, Client
from hubspot_partner_clients.models import ForwardPaging, SimplePublicObjectProperties, ValueWithTimestamp
from hubspot_partner_clients.types import File, Response
from tests._versions import ApiVersion


def _models(api_version: ApiVersion) -> list[type]:
    models = api_version.models
    found = [getattr(models, name) for name in models.__all__]
    classes = [cls for cls in found if isinstance(cls, type) and attrs.has(cls)]
    assert len(classes) > 20
    return classes


def _filled(cls: type, values: dict[str, Any]) -> Any:
    made: Any = object.__new__(cls)
    for name, value in values.items():
        setattr(made, name, value)
    return made


def _twin(cls: type) -> type:
    """An attrs class of `cls`'s name and fields, with the repr and == attrs writes itself."""
    twin = attrs.make_class(cls.__name__, {f.name: attrs.field(init=f.init) for f in attrs.fields(cls)})
    assert vars(twin)["__repr__"] is not model_repr
    return twin


def _values(cls: type) -> dict[str, Any]:
    # Distinct values of a few kinds, so that a field shown or compared out of place is noticed.
    kinds: list[Any] = ["text", 7, None, ["a", 1], {"k": "v"}, 2.5, True]
    return {field.name: kinds[i % len(kinds)] for i, field in enumerate(attrs.fields(cls))}


def test_every_model_has_the_shared_methods_and_is_unhashable(api_version: ApiVersion) -> None:
    for cls in _models(api_version):
        # From the class itself: attrs wrote neither method over them.
        assert vars(cls)["__repr__"] is model_repr, cls
        assert vars(cls)["__eq__"] is model_eq, cls
        with pytest.raises(TypeError, match="unhashable"):
            hash(_filled(cls, _values(cls)))


def test_every_models_repr_is_attrs_repr(api_version: ApiVersion) -> None:
    for cls in _models(api_version):
        values = _values(cls)
        assert repr(_filled(cls, values)) == repr(_filled(_twin(cls), values)), cls


def test_a_field_not_set_shows_as_attrs_shows_it() -> None:
    # Half built (no field set): additional_properties (not an __init__ argument) is NOTHING, and
    # an __init__ argument's absence raises, in attrs' repr as in ours.
    bare: Any = object.__new__(ForwardPaging)
    twin: Any = object.__new__(_twin(ForwardPaging))
    with pytest.raises(AttributeError):
        repr(bare)
    with pytest.raises(AttributeError):
        repr(twin)
    bare.next_ = twin.next_ = None
    assert repr(bare) == repr(twin) == "ForwardPaging(next_=None, additional_properties=NOTHING)"


def test_a_model_inside_itself_is_shown_as_attrs_shows_it() -> None:
    ours = SimplePublicObjectProperties()
    ours.additional_properties["self"] = ours  # type: ignore[assignment]  # a value of no JSON type: the point
    twin_cls = _twin(SimplePublicObjectProperties)
    theirs: Any = twin_cls()
    theirs.additional_properties = {"self": theirs}
    expected = "SimplePublicObjectProperties(additional_properties={'self': ...})"
    assert repr(ours) == repr(theirs) == expected
    # The guard is per repr and let go after it: a second repr of the same model is whole again.
    assert repr([ours, ours]) == f"[{expected}, {expected}]"


def test_equality_is_attrs_equality(api_version: ApiVersion) -> None:
    for cls in _models(api_version):
        values = _values(cls)
        twin = _twin(cls)
        assert _filled(cls, values) == _filled(cls, dict(values)), cls
        for name in values:  # every field takes part, as in attrs
            changed = {**values, name: "changed"}
            ours = _filled(cls, values) != _filled(cls, changed)
            assert ours is (_filled(twin, values) != _filled(twin, changed)) is True, (cls, name)
        assert _filled(cls, values) != _filled(twin, values)  # another class is never equal


def test_a_field_unequal_to_itself_compares_as_attrs_compares_it() -> None:
    values = {field.name: math.nan for field in attrs.fields(ValueWithTimestamp)}
    twin = _twin(ValueWithTimestamp)
    # Field by field with ==, as attrs compares: NaN is unequal even to itself.
    assert (_filled(twin, values) == _filled(twin, values)) is False
    assert (_filled(ValueWithTimestamp, values) == _filled(ValueWithTimestamp, values)) is False


class _Verdict:
    """A value whose == answers neither True nor False, as numpy arrays and SQL expressions do."""

    def __init__(self, answer: object) -> None:
        self.answer = answer

    def __eq__(self, other: object) -> Any:
        return self.answer

    __hash__ = None  # type: ignore[assignment]  # unhashable, as a value with such an == is


def test_the_answer_is_the_first_false_comparison_or_the_last_as_in_attrs() -> None:
    twin = _twin(ValueWithTimestamp)
    names = [field.name for field in attrs.fields(ValueWithTimestamp)]
    last = object()
    for cls in (ValueWithTimestamp, twin):
        values: dict[str, Any] = {name: "same" for name in names}
        values[names[-1]] = _Verdict(last)
        assert (_filled(cls, values) == _filled(cls, values)) is last  # every other field equal
        falsy: list[object] = []
        values[names[0]] = _Verdict(falsy)
        assert (_filled(cls, values) == _filled(cls, values)) is falsy  # stops at the first falsy


def test_fields_declared_without_repr_or_eq_are_left_out_as_attrs_leaves_them() -> None:
    # No generated field says repr= or eq= today; a template that did must keep them apart.
    @attrs.define
    class Declared:  # noqa: PLW1641 - unhashable, as the models are
        shown: str
        hidden: str = attrs.field(repr=False)
        uncompared: str = attrs.field(eq=False, repr=lambda value: f"<{value}>")
        __repr__ = model_repr
        __eq__ = model_eq

    @attrs.define
    class Attrs:
        shown: str
        hidden: str = attrs.field(repr=False)
        uncompared: str = attrs.field(eq=False, repr=lambda value: f"<{value}>")

    for cls in (Declared, Attrs):
        assert repr(cls("a", "b", "c")).endswith("(shown='a', uncompared=<c>)")
        assert cls("a", "b", "c") == cls("a", "b", "other")
        assert cls("a", "b", "c") != cls("a", "other", "c")
    assert vars(Declared)["__repr__"] is model_repr


def _twin_with_flags(cls: type) -> type:
    """An attrs class of `cls`'s name and fields, their repr and eq flags kept, with attrs' methods."""
    fields = {f.name: attrs.field(init=False, repr=f.repr, eq=f.eq) for f in attrs.fields(cls)}
    twin = attrs.make_class(cls.__name__, fields)
    assert vars(twin)["__repr__"] is not model_repr
    return twin


def _other_classes() -> list[Any]:
    """An instance of each attrs class that takes the shared methods besides the models."""
    built = AuthenticatedClient(base_url="https://api.hubapi.com", token="pat-na1-SECRET-TWIN")
    built.get_httpx_client()
    return [
        File(payload=io.BytesIO(b"data"), file_name="a.csv"),
        Response(status_code=HTTPStatus.OK, content=b"{}", headers={"x-a": "1"}, parsed={"id": "1"}),
        Client(base_url="https://api.hubapi.com", headers={"x-a": "1"}),
        built,  # its httpx client built: the token is in its headers dict now
        built.with_headers({"x-b": "2"}),
        create_client("pat-na1-SECRET-TWIN", headers={"x-a": "1"}),
    ]


def test_the_clients_files_and_responses_have_attrs_repr_and_equality() -> None:
    for instance in _other_classes():
        cls = type(instance)
        assert vars(cls)["__repr__"] is model_repr, cls
        assert vars(cls)["__eq__"] is model_eq, cls
        twin_cls = _twin_with_flags(cls)
        values = {f.name: getattr(instance, f.name) for f in attrs.fields(cls)}
        assert repr(instance) == repr(_filled(twin_cls, values)), cls
        assert "SECRET" not in repr(instance)
        assert instance == _filled(cls, values)
        with pytest.raises(TypeError, match="unhashable"):
            hash(instance)
        for field in attrs.fields(cls):  # a field takes part in == exactly when it does in attrs'
            changed = {**values, field.name: object()}
            ours = instance != _filled(cls, changed)
            assert ours is (_filled(twin_cls, values) != _filled(twin_cls, changed)) is field.eq, (cls, field)
