"""Answers that differ harmlessly from HubSpot's document parse; answers that lack what was asked for do not.

Each decision once, through the real call path (create_client against the double, which answers
as scripted, sync and async) for the two that lose most when wrong: a 207 batch whose error items
carry a string `subCategory` and no `errors` / `links` / `context` (the whole batch result was lost),
and timestamps in the spellings HubSpot's services use. The rest at the model, from_dict.
"""

from __future__ import annotations

import asyncio
import datetime
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients.api.partner_clients import batch_read, get_by_id
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client
from hubspot_partner_clients.models import (
    BatchReadInputSimplePublicObjectId,
    BatchResponseSimplePublicObjectWithErrors,
    CollectionResponseSimplePublicObjectWithAssociationsForwardPaging,
    PublicObjectWarning,
    SimplePublicObject,
    SimplePublicObjectId,
    SimplePublicObjectWithAssociations,
    StandardError,
    StandardErrorSubCategory,
)
from hubspot_partner_clients.types import UNSET

BASE = "/crm/v3/objects/partner_clients"
FIRST = "1000001"
UTC = datetime.UTC


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=20), rate_limit=RateLimitConfig(enabled=False))
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture(autouse=True)
def clean(double: HubSpotDouble) -> None:
    double.reset()


Call = Callable[..., Any]


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest, double: HubSpotDouble) -> Call:
    """Run a generated operation as a user does: create_client, then sync() or asyncio()."""

    def call_sync(operation: Any, *args: Any, **kwargs: Any) -> Any:
        with create_client(double.token, base_url=double.base_url) as client:
            return operation.sync(*args, client=client, **kwargs)

    def call_async(operation: Any, *args: Any, **kwargs: Any) -> Any:
        async def run() -> Any:
            client: HubSpotClient
            async with create_client(double.token, base_url=double.base_url) as client:
                return await operation.asyncio(*args, client=client, **kwargs)

        return asyncio.run(run())

    return call_sync if request.param == "sync" else call_async


def real_answer(double: HubSpotDouble, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
    """The double's own answer, to be changed the way HubSpot's differs and then scripted."""
    with httpx.Client(base_url=double.base_url, headers={"Authorization": f"Bearer {double.token}"}) as http:
        response = http.request(method, path, **kwargs)
    double.requests.clear()
    return response.status_code, response.json()


# -- through the call path -----------------------------------------------------------------------


def test_a_207_whose_error_items_carry_a_string_subcategory_and_no_details_keeps_every_result(
    double: HubSpotDouble, call: Call
) -> None:
    ids = [FIRST, "1000002", "999"]
    inputs = [{"id": i} for i in ids]
    status, body = real_answer(double, "POST", f"{BASE}/batch/read", json={"inputs": inputs})
    assert status == 207
    (item,) = body["errors"]
    for field in ("errors", "links", "context"):
        item.pop(field, None)
    item["subCategory"] = "crm.objects.OBJECT_NOT_FOUND"
    double.faults.script_answer(json.dumps(body), status=207, path_contains="/batch/read")

    answer = call(
        batch_read,
        body=BatchReadInputSimplePublicObjectId(
            inputs=[SimplePublicObjectId(id=i) for i in ids], properties=[], properties_with_history=[]
        ),
    )

    assert double.faults.pending() == 0  # the scripted answer, not the double's own, was parsed
    assert isinstance(answer, BatchResponseSimplePublicObjectWithErrors)
    assert sorted(obj.id for obj in answer.results) == [FIRST, "1000002"]
    assert isinstance(answer.errors, list)
    (error,) = answer.errors
    assert error.category == "OBJECT_NOT_FOUND"
    assert error.sub_category == "crm.objects.OBJECT_NOT_FOUND"
    assert error.errors == []
    assert error.links.to_dict() == {}
    assert error.context.to_dict() == {}


def test_timestamps_in_any_spelling_of_an_instant_parse_aware_and_a_null_archived_at_is_absent(
    double: HubSpotDouble, call: Call
) -> None:
    status, body = real_answer(double, "GET", f"{BASE}/{FIRST}")
    assert status == 200
    body.update(createdAt="2019-10-30T03:30:17.883z", updatedAt="2019-12-07T16:50:06", archivedAt=None)
    double.faults.script_answer(json.dumps(body), path_contains=FIRST)

    answer = call(get_by_id, FIRST)

    assert double.faults.pending() == 0
    assert isinstance(answer, SimplePublicObjectWithAssociations)
    assert answer.created_at == datetime.datetime(2019, 10, 30, 3, 30, 17, 883000, tzinfo=UTC)
    assert answer.updated_at == datetime.datetime(2019, 12, 7, 16, 50, 6, tzinfo=UTC)
    assert answer.updated_at.tzinfo is not None  # no offset is UTC, never naive
    assert answer.archived_at is UNSET


# -- at the model ----------------------------------------------------------------------------------

OBJECT: dict[str, Any] = {
    "id": "512",
    "properties": {"name": "Acme", "domain": None},
    "createdAt": "2019-10-30T03:30:17.883Z",
    "updatedAt": "2019-12-07T16:50:06.678Z",
    "archived": False,
}
ERROR_ITEM: dict[str, Any] = {"status": "error", "category": "OBJECT_NOT_FOUND", "message": "Not found."}


@pytest.mark.parametrize(
    ("sent", "parsed"),
    [
        ("crm.objects.OBJECT_NOT_FOUND", "crm.objects.OBJECT_NOT_FOUND"),
        ({"code": "NOT_FOUND"}, {"code": "NOT_FOUND"}),
    ],
)
def test_subcategory_is_a_string_or_an_object_and_round_trips(sent: Any, parsed: Any) -> None:
    error = StandardError.from_dict({**ERROR_ITEM, "subCategory": sent})
    if isinstance(parsed, dict):
        assert isinstance(error.sub_category, StandardErrorSubCategory)
        assert error.sub_category.to_dict() == parsed
    else:
        assert error.sub_category == parsed
    assert error.to_dict()["subCategory"] == sent


@pytest.mark.parametrize("absent", ["missing", "null"])
def test_error_item_details_absent_or_null_are_empty(absent: str) -> None:
    item = dict(ERROR_ITEM)
    if absent == "null":
        item.update(errors=None, links=None, context=None, subCategory=None)
    error = StandardError.from_dict(item)
    assert (error.errors, error.links.to_dict(), error.context.to_dict()) == ([], {}, {})
    assert error.sub_category is UNSET


def test_error_item_details_when_sent_are_kept() -> None:
    error = StandardError.from_dict(
        {
            **ERROR_ITEM,
            "errors": [{"message": "id 999 not found", "in": "inputs[2].id"}],
            "links": {"docs": "https://developers.hubspot.com"},
            "context": {"ids": ["999"]},
        }
    )
    assert [(e.message, e.in_) for e in error.errors] == [("id 999 not found", "inputs[2].id")]
    assert error.links["docs"] == "https://developers.hubspot.com"
    assert error.context["ids"] == ["999"]


@pytest.mark.parametrize("field", ["status", "category", "message"])
def test_an_error_item_without_what_it_reports_does_not_parse(field: str) -> None:
    item = dict(ERROR_ITEM)
    del item[field]
    with pytest.raises(KeyError, match=field):
        StandardError.from_dict(item)


@pytest.mark.parametrize(
    ("field", "attribute"),
    [
        ("archivedAt", "archived_at"),
        ("objectWriteTraceId", "object_write_trace_id"),
        ("url", "url"),
        ("propertiesWithHistory", "properties_with_history"),
        ("warnings", "warnings"),
    ],
)
def test_an_optional_field_sent_as_null_is_absent(field: str, attribute: str) -> None:
    obj = SimplePublicObject.from_dict({**OBJECT, field: None})
    assert getattr(obj, attribute) is UNSET
    assert field not in obj.additional_properties
    assert field not in obj.to_dict()


def test_a_property_value_sent_as_null_stays_null() -> None:
    # Nullable on purpose (deviations.yaml): a property with no value is null, not absent.
    obj = SimplePublicObject.from_dict(OBJECT)
    assert obj.properties.to_dict() == {"name": "Acme", "domain": None}


def test_a_null_paging_is_the_last_page() -> None:
    page = CollectionResponseSimplePublicObjectWithAssociationsForwardPaging.from_dict(
        {"results": [OBJECT], "paging": None}
    )
    assert page.paging is UNSET
    assert [obj.id for obj in page.results] == ["512"]


def test_an_archived_at_in_epoch_milliseconds_is_utc() -> None:
    obj = SimplePublicObject.from_dict({**OBJECT, "archived": True, "archivedAt": 1572406217883})
    assert obj.archived_at == datetime.datetime(2019, 10, 30, 3, 30, 17, 883000, tzinfo=UTC)


def test_warnings_of_an_object_with_associations_are_typed() -> None:
    warning = {"category": "PROPERTY_NOT_FOUND", "message": "No such property.", "context": {"name": "nope"}}
    obj = SimplePublicObjectWithAssociations.from_dict({**OBJECT, "warnings": [warning]})
    assert isinstance(obj.warnings, list)
    (parsed,) = obj.warnings
    assert isinstance(parsed, PublicObjectWarning)
    assert (parsed.category, parsed.context["name"]) == ("PROPERTY_NOT_FOUND", "nope")
    assert "warnings" not in obj.additional_properties
    assert obj.to_dict()["warnings"] == [warning]


@pytest.mark.parametrize("field", ["id", "properties", "createdAt", "updatedAt", "archived"])
def test_an_object_without_a_required_field_does_not_parse(field: str) -> None:
    body = dict(OBJECT)
    del body[field]
    with pytest.raises(KeyError, match=field):
        SimplePublicObject.from_dict(body)


def test_a_page_without_results_does_not_parse() -> None:
    with pytest.raises(KeyError, match="results"):
        CollectionResponseSimplePublicObjectWithAssociationsForwardPaging.from_dict({"paging": None})


@pytest.mark.parametrize("created_at", [None, "yesterday", {"at": 1}])
def test_a_required_timestamp_that_is_no_timestamp_does_not_parse(created_at: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        SimplePublicObject.from_dict({**OBJECT, "createdAt": created_at})
