"""A model sent with nothing but its required fields (HubSpot's usual object) is read as any other.

``from_dict`` takes a shorter way for it (generator/templates/model.py.jinja, 8. and 9.: read
straight from the answer, the instance built without the attrs ``__init__``): these tests hold that
way to what the long one gives, every optional field UNSET and no additional property, and check
that an answer with one more field still takes the long way, that a missing field is still missed,
that the caller's dicts are never the model's, that a subclass still gets its own ``__init__``, and
that its timestamps (10.: parsed by ``datetime.fromisoformat`` alone when they are HubSpot's own
spelling) come out as ``parse_datetime`` makes them in every spelling, or fail as it fails.
"""

from __future__ import annotations

import datetime
import sys

import attrs
import pytest

from hubspot_partner_clients._timestamps import parse_datetime
from hubspot_partner_clients.models import (
    ForwardPaging,
    SimplePublicObjectWithAssociations,
    SimplePublicObjectWithAssociationsProperties,
)
from hubspot_partner_clients.types import UNSET
from tests._versions import ApiVersion

PROPERTIES: dict[str, str | None] = {"name": "Acme", "domain": None}
REQUIRED = {
    "id": "1",
    "properties": PROPERTIES,
    "createdAt": "2019-10-30T03:30:17.883Z",
    "updatedAt": "2019-10-30T03:30:17.883Z",
    "archived": False,
}
OPTIONAL = (
    "properties_with_history",
    "archived_at",
    "object_write_trace_id",
    "url",
    "associations",
    "warnings",
)


def test_an_object_of_required_fields_only_has_every_optional_field_unset() -> None:
    model = SimplePublicObjectWithAssociations.from_dict(REQUIRED)
    assert model.id == "1"
    assert model.properties.additional_properties == {"name": "Acme", "domain": None}
    assert model.created_at == datetime.datetime(2019, 10, 30, 3, 30, 17, 883000, tzinfo=datetime.UTC)
    assert model.archived is False
    assert all(getattr(model, name) is UNSET for name in OPTIONAL)
    assert model.additional_properties == {}
    assert set(model.to_dict()) == set(REQUIRED)  # nothing optional written back
    # Each model has its own additional properties, as the class's factory gives.
    other = SimplePublicObjectWithAssociations.from_dict(REQUIRED)
    model["extra"] = 1
    assert other.additional_properties == {}


@pytest.mark.parametrize(
    "sent",
    [
        "2019-10-30T03:30:17.883Z",  # HubSpot's own
        "2019-10-30T03:30:17.883z",  # fromisoformat refuses it on 3.11
        "2019-10-30T03:30:17",  # fromisoformat returns it naive
        "2019-10-30",  # a date: naive midnight
        "2019-10-30T05:30:17.883+02:00",  # an offset, kept as given
        1572406217883,  # epoch milliseconds: fromisoformat refuses a number
    ],
)
def test_the_short_way_parses_timestamps_as_parse_datetime_does(sent: object) -> None:
    model = SimplePublicObjectWithAssociations.from_dict({**REQUIRED, "createdAt": sent, "updatedAt": sent})
    expected = parse_datetime(sent)
    for parsed in (model.created_at, model.updated_at):
        assert parsed == expected
        assert parsed.tzinfo is not None
        assert parsed.utcoffset() == expected.utcoffset()


def test_hubspots_own_spelling_takes_the_short_way(monkeypatch: pytest.MonkeyPatch) -> None:
    # The short way is a speed promise (bench's paging figure): with parse_datetime unusable, only
    # an answer that the short way reads whole can still be read.
    module = sys.modules[SimplePublicObjectWithAssociations.__module__]

    def refused(value: object) -> datetime.datetime:
        raise AssertionError(f"parse_datetime called for {value!r}")

    monkeypatch.setattr(module, "parse_datetime", refused)
    assert SimplePublicObjectWithAssociations.from_dict(REQUIRED).updated_at.tzinfo is not None
    with pytest.raises(AssertionError, match="parse_datetime called"):  # another spelling: the long way
        SimplePublicObjectWithAssociations.from_dict({**REQUIRED, "createdAt": "2019-10-30T03:30:17z"})


@pytest.mark.parametrize(
    ("sent", "error", "message"),
    [
        ("yesterday", ValueError, "not an ISO 8601 timestamp"),
        (None, TypeError, "got NoneType"),
        ({"at": 1}, TypeError, "got dict"),
    ],
)
def test_a_timestamp_the_short_way_refuses_fails_as_parse_datetime_fails(
    sent: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        SimplePublicObjectWithAssociations.from_dict({**REQUIRED, "updatedAt": sent})


def test_one_more_field_takes_the_full_way() -> None:
    model = SimplePublicObjectWithAssociations.from_dict(
        {**REQUIRED, "url": "https://app.hubspot.com/x", "archivedAt": None, "extra": 2}
    )
    assert model.url == "https://app.hubspot.com/x"
    assert model.archived_at is UNSET  # null is absent
    assert model.additional_properties == {"extra": 2}


def test_a_model_with_no_required_field_reads_an_empty_object() -> None:
    paging = ForwardPaging.from_dict({})
    assert paging.next_ is UNSET
    assert paging.additional_properties == {}


def test_the_short_way_builds_what_the_constructor_builds() -> None:
    # attrs' __eq__ compares every field: one the short way did not store would raise or differ.
    built = SimplePublicObjectWithAssociations(
        id="1",
        properties=SimplePublicObjectWithAssociationsProperties.from_dict(PROPERTIES),
        created_at=datetime.datetime(2019, 10, 30, 3, 30, 17, 883000, tzinfo=datetime.UTC),
        updated_at=datetime.datetime(2019, 10, 30, 3, 30, 17, 883000, tzinfo=datetime.UTC),
        archived=False,
    )
    assert SimplePublicObjectWithAssociations.from_dict(REQUIRED) == built
    assert repr(SimplePublicObjectWithAssociations.from_dict(REQUIRED)) == repr(built)


def test_as_many_fields_as_required_but_one_missing_is_still_missed() -> None:
    sent = {**{k: v for k, v in REQUIRED.items() if k != "archived"}, "extra": 1}
    with pytest.raises(KeyError, match="archived"):
        SimplePublicObjectWithAssociations.from_dict(sent)


def test_the_models_never_share_the_callers_dicts() -> None:
    sent = {**REQUIRED, "properties": dict(PROPERTIES)}
    model = SimplePublicObjectWithAssociations.from_dict(sent)
    model.properties["name"] = "Changed"
    model["extra"] = 1
    assert sent["properties"] == {"name": "Acme", "domain": None}
    assert set(sent) == set(REQUIRED)


def test_a_subclass_goes_through_its_own_init() -> None:
    @attrs.define
    class Tagged(SimplePublicObjectWithAssociations):
        tag: str = "default"

    @attrs.define
    class TaggedProperties(SimplePublicObjectWithAssociationsProperties):
        tag: str = "default"

    assert Tagged.from_dict(REQUIRED).tag == "default"
    assert TaggedProperties.from_dict({"name": "Acme"}).tag == "default"


def test_no_model_needs_more_than_stores_from_its_init(api_version: ApiVersion) -> None:
    # The short way skips the attrs __init__ (9.): it is right only while that __init__ does nothing
    # but store, which a validator, a converter, an on_setattr hook or a pre- or post-init would change.
    models = api_version.models
    classes = [getattr(models, name) for name in models.__all__]
    classes = [cls for cls in classes if isinstance(cls, type) and attrs.has(cls)]
    assert len(classes) > 20
    for cls in classes:
        assert cls.__setattr__ is object.__setattr__, cls
        assert not hasattr(cls, "__attrs_post_init__"), cls
        assert not hasattr(cls, "__attrs_pre_init__"), cls
        for field in attrs.fields(cls):
            assert field.validator is None, (cls, field.name)
            assert field.converter is None, (cls, field.name)
