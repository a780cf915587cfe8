"""A model sent with nothing but its required fields (HubSpot's usual object) is read as any other.

``from_dict`` takes a shorter way for it (generator/templates/model.py.jinja, 8.): these tests hold
that way to what the long one gives, every optional field UNSET and no additional property, and
check that an answer with one more field still takes the long way.
"""

from __future__ import annotations

import datetime

from hubspot_partner_clients.models import ForwardPaging, SimplePublicObjectWithAssociations
from hubspot_partner_clients.types import UNSET

REQUIRED = {
    "id": "1",
    "properties": {"name": "Acme", "domain": None},
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
