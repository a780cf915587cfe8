"""Every generated operation, sync and async, builds HubSpot's request and parses its answer.

Driven against the HubSpot double: the request is checked as the client built
it (httpx's view, raw path included) and as the server received it.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from generator import bundle
from hubspot_double import HubSpotDouble
from hubspot_partner_clients import errors
from hubspot_partner_clients.api.partner_clients import (
    associate,
    batch_read,
    batch_update,
    get_by_id,
    list_associations,
    list_page,
    remove_association,
    search,
    update,
)
from hubspot_partner_clients.models import (
    BatchInputSimplePublicObjectBatchInput,
    BatchReadInputSimplePublicObjectId,
    BatchResponseSimplePublicObject,
    BatchResponseSimplePublicObjectWithErrors,
    BatchStatus,
    CollectionResponseAssociatedIdForwardPaging,
    CollectionResponseSimplePublicObjectWithAssociationsForwardPaging,
    CollectionResponseWithTotalSimplePublicObject,
    Filter,
    FilterGroup,
    FilterOperator,
    ForwardPaging,
    NextPage,
    PublicObjectSearchRequest,
    SimplePublicObject,
    SimplePublicObjectBatchInput,
    SimplePublicObjectBatchInputProperties,
    SimplePublicObjectId,
    SimplePublicObjectInput,
    SimplePublicObjectInputProperties,
    SimplePublicObjectWithAssociations,
    SimplePublicObjectWithAssociationsAssociations,
    SimplePublicObjectWithAssociationsPropertiesWithHistory,
)

# The `call` fixture (conftest.py): runs an operation module through sync() or asyncio().
Caller = Callable[..., Any]

BASE = "/crm/v3/objects/partner_clients"
FIRST = "1000001"
SECOND = "1000002"


def only(sent: list[httpx.Request]) -> httpx.Request:
    assert len(sent) == 1, [str(r.url) for r in sent]
    return sent[0]


def query(request: httpx.Request) -> dict[str, list[str]]:
    return parse_qs(request.url.query.decode(), keep_blank_values=True)


def test_list_page_sends_arrays_as_repeated_parameters(call: Caller, sent: list[httpx.Request]) -> None:
    page = call(
        list_page,
        limit=7,
        properties=["name", "domain"],
        properties_with_history=["name"],
        associations=["contacts", "companies"],
        archived=False,
    )

    request = only(sent)
    assert (request.method, request.url.path) == ("GET", BASE)
    assert query(request) == {
        "limit": ["7"],
        # HubSpot's contract: `style: form, explode: true`, one parameter per item.
        "properties": ["name", "domain"],
        "propertiesWithHistory": ["name"],
        "associations": ["contacts", "companies"],
        "archived": ["false"],
    }
    assert isinstance(page, CollectionResponseSimplePublicObjectWithAssociationsForwardPaging)
    assert len(page.results) == 7
    first = page.results[0]
    assert isinstance(first, SimplePublicObjectWithAssociations)
    assert set(first.properties.additional_properties) >= {"name", "domain"}
    assert isinstance(first.properties_with_history, SimplePublicObjectWithAssociationsPropertiesWithHistory)
    assert first.properties_with_history["name"][0].value is not None
    assert isinstance(first.associations, SimplePublicObjectWithAssociationsAssociations)
    assert "contacts" in first.associations.additional_properties
    assert isinstance(page.paging, ForwardPaging)
    assert isinstance(page.paging.next_, NextPage)
    assert page.paging.next_.after


def test_list_page_follows_the_cursor(call: Caller, sent: list[httpx.Request]) -> None:
    first = call(list_page, limit=2)
    second = call(list_page, limit=2, after=first.paging.next_.after)

    assert query(sent[1])["after"] == [first.paging.next_.after]
    assert [o.id for o in first.results] == [FIRST, SECOND]
    assert int(second.results[0].id) == int(SECOND) + 1


def test_get_by_id(call: Caller, sent: list[httpx.Request]) -> None:
    obj = call(get_by_id, FIRST, properties=["name", "external_ref"], archived=False)

    request = only(sent)
    assert (request.method, request.url.path) == ("GET", f"{BASE}/{FIRST}")
    assert query(request) == {"properties": ["name", "external_ref"], "archived": ["false"]}
    assert isinstance(obj, SimplePublicObjectWithAssociations)
    assert obj.id == FIRST
    assert obj.properties["external_ref"] == "PC-000000"


def test_get_by_id_with_id_property(call: Caller, sent: list[httpx.Request]) -> None:
    obj = call(get_by_id, "PC-000001", id_property="external_ref")

    assert query(only(sent))["idProperty"] == ["external_ref"]
    assert obj.id == SECOND


@pytest.mark.parametrize(
    "hostile", ["..", ".", "a/b", "../../batch/read", "x?archived=true", "x#frag", "%2E%2E"]
)
def test_path_parameters_cannot_change_the_path(
    call: Caller, sent: list[httpx.Request], double: HubSpotDouble, hostile: str
) -> None:
    with pytest.raises(errors.NotFoundError):
        call(get_by_id, hostile)

    request = only(sent)
    raw_path, _, raw_query = request.url.raw_path.decode().partition("?")
    prefix = f"{BASE}/"
    assert raw_path.startswith(prefix)
    assert "/" not in raw_path[len(prefix) :], raw_path
    assert "#" not in raw_path
    assert raw_query == "archived=false"
    received = double.requests.all()[-1]
    assert received.path == prefix + hostile


# Each operation with path arguments, called with valid ones; each argument in turn is blanked.
PATH_CALLS: list[tuple[Any, tuple[str, ...], list[str]]] = [
    (get_by_id, (FIRST,), ["partner_client_id"]),
    (update, (FIRST,), ["partner_client_id"]),
    (list_associations, (FIRST, "contacts"), ["partner_client_id", "to_object_type"]),
    (
        associate,
        (FIRST, "contacts", "777", "partner_client_to_contact"),
        ["partner_client_id", "to_object_type", "to_object_id", "association_type"],
    ),
    (
        remove_association,
        (FIRST, "contacts", "777", "partner_client_to_contact"),
        ["partner_client_id", "to_object_type", "to_object_id", "association_type"],
    ),
]


@pytest.mark.parametrize(
    "blanked",
    [(op, i, name) for op, _, names in PATH_CALLS for i, name in enumerate(names)],
    ids=lambda case: f"{case[0].__name__.rsplit('.', 1)[-1]}-{case[2]}",
)
@pytest.mark.parametrize("blank", ["", " \t\n"])
def test_a_blank_path_argument_is_refused_before_sending(
    call: Caller, sent: list[httpx.Request], blanked: tuple[Any, int, str], blank: str
) -> None:
    # get_by_id("") used to send GET .../partner_clients/, the list path.
    operation, position, argument = blanked
    args = list(next(a for op, a, _ in PATH_CALLS if op is operation))
    args[position] = blank
    kwargs: dict[str, Any] = {}
    if operation is update:
        kwargs["body"] = SimplePublicObjectInput(properties=SimplePublicObjectInputProperties.from_dict({}))
    with pytest.raises(errors.InvalidArgumentError) as caught:
        call(operation, *args, **kwargs)
    assert isinstance(caught.value, ValueError)
    assert (caught.value.argument, caught.value.operation) == (
        argument,
        operation.__name__.rsplit(".", 1)[-1],
    )
    assert argument in str(caught.value)
    assert "nothing was sent" in str(caught.value)
    assert sent == []
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (type(copy), str(copy), copy.argument) == (
        errors.InvalidArgumentError,
        str(caught.value),
        argument,
    )


@pytest.mark.parametrize(
    "blanked",
    [(op, i, name) for op, _, names in PATH_CALLS for i, name in enumerate(names)],
    ids=lambda case: f"{case[0].__name__.rsplit('.', 1)[-1]}-{case[2]}",
)
@pytest.mark.parametrize("wrong", [None, b"1000001", 1.5, True], ids=repr)
def test_a_path_argument_of_another_type_is_refused_before_sending(
    call: Caller, sent: list[httpx.Request], blanked: tuple[Any, int, str], wrong: object
) -> None:
    # get_by_id(None) used to send GET .../partner_clients/None.
    operation, position, argument = blanked
    args: list[Any] = list(next(a for op, a, _ in PATH_CALLS if op is operation))
    args[position] = wrong
    kwargs: dict[str, Any] = {}
    if operation is update:
        kwargs["body"] = SimplePublicObjectInput(properties=SimplePublicObjectInputProperties.from_dict({}))
    with pytest.raises(errors.InvalidArgumentError) as caught:
        call(operation, *args, **kwargs)
    assert caught.value.argument == argument
    assert f"{argument} is {wrong!r}, a {type(wrong).__name__}" in str(caught.value)
    assert "nothing was sent" in str(caught.value)
    assert sent == []


def test_an_int_id_is_sent_as_its_digits(call: Caller, sent: list[httpx.Request]) -> None:
    obj = call(get_by_id, int(FIRST))
    assert only(sent).url.path == f"{BASE}/{FIRST}"
    assert obj.id == FIRST


def test_update(call: Caller, sent: list[httpx.Request], double: HubSpotDouble) -> None:
    body = SimplePublicObjectInput(
        properties=SimplePublicObjectInputProperties.from_dict({"client_tier": "gold", "region": "EMEA"})
    )

    obj = call(update, SECOND, body=body)

    request = only(sent)
    assert (request.method, request.url.path) == ("PATCH", f"{BASE}/{SECOND}")
    assert json.loads(request.content) == {"properties": {"client_tier": "gold", "region": "EMEA"}}
    assert request.headers["content-type"] == "application/json"
    assert isinstance(obj, SimplePublicObject)
    assert obj.properties["client_tier"] == "gold"
    assert double.store.get(SECOND) is not None
    assert double.store.get(SECOND).get("region") == "EMEA"  # type: ignore[union-attr]


def test_batch_read_parses_200_and_207(call: Caller, sent: list[httpx.Request]) -> None:
    def body(*ids: str) -> BatchReadInputSimplePublicObjectId:
        return BatchReadInputSimplePublicObjectId(
            inputs=[SimplePublicObjectId(id=i) for i in ids], properties=["name"], properties_with_history=[]
        )

    complete = call(batch_read, body=body(FIRST, SECOND), archived=False)
    partial = call(batch_read, body=body(FIRST, "999"))

    request = sent[0]
    assert (request.method, request.url.path) == ("POST", f"{BASE}/batch/read")
    assert query(request) == {"archived": ["false"]}
    assert json.loads(request.content) == {
        "inputs": [{"id": FIRST}, {"id": SECOND}],
        "properties": ["name"],
        "propertiesWithHistory": [],
    }
    assert isinstance(complete, BatchResponseSimplePublicObject)
    assert complete.status is BatchStatus.COMPLETE
    assert sorted(o.id for o in complete.results) == [FIRST, SECOND]
    assert isinstance(partial, BatchResponseSimplePublicObjectWithErrors)
    assert [o.id for o in partial.results] == [FIRST]
    assert partial.num_errors == 1
    assert isinstance(partial.errors, list)
    assert partial.errors[0].category == "OBJECT_NOT_FOUND"


def test_batch_update(call: Caller, sent: list[httpx.Request], double: HubSpotDouble) -> None:
    body = BatchInputSimplePublicObjectBatchInput(
        inputs=[
            SimplePublicObjectBatchInput(
                id=FIRST,
                properties=SimplePublicObjectBatchInputProperties.from_dict({"client_tier": "platinum"}),
                object_write_trace_id="trace-1",
            )
        ]
    )

    result = call(batch_update, body=body)

    request = only(sent)
    assert (request.method, request.url.path) == ("POST", f"{BASE}/batch/update")
    assert json.loads(request.content) == {
        "inputs": [{"id": FIRST, "properties": {"client_tier": "platinum"}, "objectWriteTraceId": "trace-1"}]
    }
    assert isinstance(result, BatchResponseSimplePublicObject)
    assert result.results[0].properties["client_tier"] == "platinum"
    assert double.store.get(FIRST).get("client_tier") == "platinum"  # type: ignore[union-attr]


def test_search(call: Caller, sent: list[httpx.Request]) -> None:
    body = PublicObjectSearchRequest(
        filter_groups=[
            FilterGroup(
                filters=[Filter(property_name="hs_object_id", operator=FilterOperator.LTE, value=SECOND)]
            )
        ],
        sorts=["-hs_object_id"],
        properties=["name"],
        limit=1,
    )

    page = call(search, body=body)

    request = only(sent)
    assert (request.method, request.url.path) == ("POST", f"{BASE}/search")
    assert json.loads(request.content) == {
        "filterGroups": [{"filters": [{"propertyName": "hs_object_id", "operator": "LTE", "value": SECOND}]}],
        "sorts": ["-hs_object_id"],
        "properties": ["name"],
        "limit": 1,
        "after": "0",  # the document's default: the first page's cursor
    }
    assert isinstance(page, CollectionResponseWithTotalSimplePublicObject)
    assert page.total == 2
    assert [o.id for o in page.results] == [SECOND]


def test_an_empty_search_request_sends_every_field_hubspot_requires(
    call: Caller, sent: list[httpx.Request]
) -> None:
    page = call(search, body=PublicObjectSearchRequest())

    # HubSpot's contract requires all five; the document's defaults fill them.
    assert json.loads(only(sent).content) == {
        "filterGroups": [],
        "sorts": [],
        "properties": [],
        "limit": 10,
        "after": "0",
    }
    assert isinstance(page, CollectionResponseWithTotalSimplePublicObject)
    assert len(page.results) == 10


def test_a_batch_read_without_property_lists_sends_them_empty(
    call: Caller, sent: list[httpx.Request]
) -> None:
    body = BatchReadInputSimplePublicObjectId(inputs=[SimplePublicObjectId(id=FIRST)])

    result = call(batch_read, body=body)

    assert json.loads(only(sent).content) == {
        "inputs": [{"id": FIRST}],
        "properties": [],
        "propertiesWithHistory": [],
    }
    assert [o.id for o in result.results] == [FIRST]


def test_associations_list_add_remove(call: Caller, sent: list[httpx.Request]) -> None:
    page = call(list_associations, FIRST, "contacts", limit=500, include_fa=False)
    assert isinstance(page, CollectionResponseAssociatedIdForwardPaging)
    assert query(sent[0]) == {"limit": ["500"], "includeFA": ["false"]}
    assert (sent[0].method, sent[0].url.path) == ("GET", f"{BASE}/{FIRST}/associations/contacts")

    added = call(associate, FIRST, "contacts", "777", "partner_client_to_contact")
    assert (sent[1].method, sent[1].url.path) == (
        "PUT",
        f"{BASE}/{FIRST}/associations/contacts/777/partner_client_to_contact",
    )
    assert isinstance(added, SimplePublicObjectWithAssociations)
    after_add = call(list_associations, FIRST, "contacts")
    assert "777" in {a.id for a in after_add.results}

    removed = call(remove_association, FIRST, "contacts", "777", "partner_client_to_contact")
    assert removed is None
    assert sent[3].method == "DELETE"
    after_remove = call(list_associations, FIRST, "contacts")
    assert "777" not in {a.id for a in after_remove.results}


def test_every_success_with_a_body_is_json() -> None:
    # retry.py judges a 2xx body of the document's operations broken when it
    # is not JSON, whatever its Content-Type: true only while every documented
    # 2xx answer but a 204 is a JSON model.
    # The bundle: the document with the responses it shares from components.yaml, refs made local.
    document = bundle.bundle(Path(__file__).resolve().parents[2] / "openapi" / "partner-clients.yaml")
    shared = document["components"].get("responses", {})
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            for status, given in operation["responses"].items():
                if str(status).startswith("2") and str(status) != "204":
                    answer = shared[given["$ref"].rsplit("/", 1)[1]] if "$ref" in given else given
                    assert list(answer.get("content", {})) == ["application/json"], (method, path, status)


def test_errors_raise_instead_of_returning(call: Caller) -> None:
    with pytest.raises(errors.NotFoundError) as caught:
        call(get_by_id, "424242")

    assert caught.value.status_code == 404
    assert caught.value.category == "OBJECT_NOT_FOUND"
    assert caught.value.correlation_id
