"""2026-03's associations: labelled listing, AssociationSpec bodies (201), default associations,
removal, HubSpot's 400s and 404s, and the one store v3's association views read too."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from hubspot_double import HubSpotDouble
from hubspot_double.association_types import (
    HUBSPOT_DEFINED,
    OBJECT_TYPES,
    PARTNER_CLIENT_TYPE_ID,
    USER_DEFINED,
)
from hubspot_partner_clients._operations import OPERATIONS

V3 = "/crm/v3/objects/partner_clients"
DATED = "/crm/objects/2026-03/partner_clients"
FANOUT = "1000001"  # seeded with 1,200 contacts
DEFAULT_PAGE = OPERATIONS.limit("list_associations", "default_page_size")
CONTACTS = OBJECT_TYPES["contacts"]
DEFAULT, BILLING, DECIDER = CONTACTS.types
COMPANY_DEFAULT = OBJECT_TYPES["companies"].default


def _spec(kind: Any) -> dict[str, Any]:
    return {"associationCategory": kind.category, "associationTypeId": kind.type_id}


def _labelled(
    client: httpx.Client, object_id: str, to_type: str = "contacts"
) -> dict[str, list[dict[str, Any]]]:
    """toObjectId -> associationTypes, from 2026-03's listing (one page is enough here)."""
    r = client.get(f"{DATED}/{object_id}/associations/{to_type}")
    assert r.status_code == 200
    return {item["toObjectId"]: item["associationTypes"] for item in r.json()["results"]}


def _v3(client: httpx.Client, object_id: str, to_type: str = "contacts") -> list[dict[str, str]]:
    r = client.get(f"{V3}/{object_id}/associations/{to_type}")
    assert r.status_code == 200
    results: list[dict[str, str]] = r.json()["results"]
    return results


def test_table_has_a_default_and_labelled_types_per_object_type() -> None:
    for object_type in OBJECT_TYPES.values():
        default, *labelled = object_type.types
        assert (default.category, default.label) == (HUBSPOT_DEFINED, None)
        assert labelled
        assert all(t.category == USER_DEFINED and t.label for t in labelled)
        assert len({t.type_id for t in object_type.types}) == len(object_type.types)


def test_listing_shape_and_paging_over_seeded_associations(client: httpx.Client) -> None:
    pages: list[list[dict[str, Any]]] = []
    params: dict[str, str] = {}
    while True:
        page = client.get(f"{DATED}/{FANOUT}/associations/contacts", params=params).json()
        pages.append(page["results"])
        if "paging" not in page:
            break
        assert "after=" in page["paging"]["next"]["link"]
        params = {"after": page["paging"]["next"]["after"]}
    full, rest = divmod(1200, DEFAULT_PAGE)
    assert [len(p) for p in pages] == [DEFAULT_PAGE] * full + ([rest] if rest else [])
    items = [item for p in pages for item in p]
    assert [item["toObjectId"] for item in items] == [a["id"] for a in _walk_v3(client, FANOUT)]
    # The default association: HubSpot's category and type id, and no label.
    assert {str(item["associationTypes"]) for item in items} == {
        str([{"category": HUBSPOT_DEFINED, "typeId": DEFAULT.type_id}])
    }


def _walk_v3(client: httpx.Client, object_id: str) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    params: dict[str, str] = {}
    while True:
        page = client.get(f"{V3}/{object_id}/associations/contacts", params=params).json()
        out += page["results"]
        if "paging" not in page:
            return out
        params = {"after": page["paging"]["next"]["after"]}


def test_listing_limit_and_cursor_of_another_kind(client: httpx.Client) -> None:
    page = client.get(f"{DATED}/{FANOUT}/associations/contacts", params={"limit": 7}).json()
    assert len(page["results"]) == 7
    v3_cursor = client.get(f"{V3}/{FANOUT}/associations/contacts", params={"limit": 7}).json()["paging"][
        "next"
    ]["after"]
    r = client.get(f"{DATED}/{FANOUT}/associations/contacts", params={"after": v3_cursor})
    assert r.status_code == 400
    assert r.json()["category"] == "VALIDATION_ERROR"


def test_labels_round_trip_and_v3_sees_them(client: httpx.Client) -> None:
    r = client.put(f"{DATED}/1000002/associations/contacts/777", json=[_spec(BILLING), _spec(DECIDER)])
    assert r.status_code == 201
    assert r.json() == {
        "fromObjectTypeId": PARTNER_CLIENT_TYPE_ID,
        "fromObjectId": "1000002",
        "toObjectTypeId": "0-1",
        "toObjectId": "777",
        "labels": [BILLING.label, DECIDER.label],
    }
    assert _labelled(client, "1000002")["777"] == [
        {"category": USER_DEFINED, "typeId": BILLING.type_id, "label": BILLING.label},
        {"category": USER_DEFINED, "typeId": DECIDER.type_id, "label": DECIDER.label},
    ]
    # v3: one {id, type} entry per type, in the listing and in `associations=` on reads.
    expected = [{"id": "777", "type": BILLING.v3_name}, {"id": "777", "type": DECIDER.v3_name}]
    assert [a for a in _v3(client, "1000002") if a["id"] == "777"] == expected
    read = client.get(f"{V3}/1000002", params={"associations": "contacts"}).json()
    assert [a for a in read["associations"]["contacts"]["results"] if a["id"] == "777"] == expected
    read_dated = client.get(f"{DATED}/1000002", params={"associations": "contacts"}).json()
    assert read_dated["associations"] == read["associations"]


def test_adding_a_label_keeps_those_the_pair_has(client: httpx.Client) -> None:
    url = f"{DATED}/1000002/associations/contacts/778"
    assert client.put(url, json=[_spec(DEFAULT)]).json()["labels"] == []
    assert client.put(url, json=[_spec(BILLING)]).json()["labels"] == [BILLING.label]
    assert [t["typeId"] for t in _labelled(client, "1000002")["778"]] == [DEFAULT.type_id, BILLING.type_id]


def test_v3_put_of_a_labelled_type_is_listed_by_2026_03_with_its_label(client: httpx.Client) -> None:
    r = client.put(f"{V3}/1000003/associations/contacts/555/{DECIDER.v3_name}")
    assert r.status_code == 200
    assert {"id": "555", "type": DECIDER.v3_name} in r.json()["associations"]["contacts"]["results"]
    assert _labelled(client, "1000003")["555"] == [
        {"category": USER_DEFINED, "typeId": DECIDER.type_id, "label": DECIDER.label}
    ]
    # v3 names a type by its type id too.
    assert client.put(f"{V3}/1000003/associations/contacts/555/{DEFAULT.type_id}").status_code == 200
    assert [t["typeId"] for t in _labelled(client, "1000003")["555"]] == [DEFAULT.type_id, DECIDER.type_id]


def test_v3_lists_every_type_of_a_pair_across_pages(client: httpx.Client) -> None:
    client.put(f"{DATED}/1000006/associations/deals/42", json=[_spec(t) for t in OBJECT_TYPES["deals"].types])
    seen, params = [], {"limit": 1}
    while True:
        page = client.get(f"{V3}/1000006/associations/deals", params=params).json()
        assert len(page["results"]) <= 1
        seen += page["results"]
        if "paging" not in page:
            break
        params["after"] = page["paging"]["next"]["after"]
    assert [a["type"] for a in seen if a["id"] == "42"] == [t.v3_name for t in OBJECT_TYPES["deals"].types]
    assert len(seen) == len({(a["id"], a["type"]) for a in seen})


def test_default_association(client: httpx.Client) -> None:
    r = client.put("/crm/objects/2026-03/partner_clients/1000004/associations/default/companies/9090")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "COMPLETE"
    assert body["results"] == [
        {
            "from": {"id": "1000004"},
            "to": {"id": "9090"},
            "associationSpec": {
                "associationCategory": HUBSPOT_DEFINED,
                "associationTypeId": COMPANY_DEFAULT.type_id,
            },
        }
    ]
    assert {"startedAt", "completedAt", "requestedAt"} <= body.keys()
    assert _labelled(client, "1000004", "companies")["9090"] == [
        {"category": HUBSPOT_DEFINED, "typeId": COMPANY_DEFAULT.type_id}
    ]
    assert {"id": "9090", "type": "partner_client_to_company"} in _v3(client, "1000004", "companies")


def test_default_association_answers_the_configured_batch_status(
    double: HubSpotDouble, client: httpx.Client
) -> None:
    double.faults.configure(batch_status="CANCELED")
    r = client.put("/crm/objects/2026-03/partner_clients/1000004/associations/default/contacts/1")
    assert r.json()["status"] == "CANCELED"


def test_removal_through_2026_03_removes_every_type(client: httpx.Client) -> None:
    url = f"{DATED}/1000005/associations/contacts/321"
    client.put(url, json=[_spec(DEFAULT), _spec(BILLING)])
    r = client.delete(url)
    assert r.status_code == 204
    assert r.content == b""
    assert "321" not in _labelled(client, "1000005")
    assert "321" not in [a["id"] for a in _v3(client, "1000005")]
    assert client.delete(url).status_code == 204  # removing what is not there is not an error


def test_v3_removal_removes_only_the_type_it_names(client: httpx.Client) -> None:
    client.put(f"{DATED}/1000005/associations/contacts/322", json=[_spec(DEFAULT), _spec(BILLING)])
    assert client.delete(f"{V3}/1000005/associations/contacts/322/{BILLING.v3_name}").status_code == 204
    assert _labelled(client, "1000005")["322"] == [{"category": HUBSPOT_DEFINED, "typeId": DEFAULT.type_id}]
    assert client.delete(f"{V3}/1000005/associations/contacts/322/{DEFAULT.v3_name}").status_code == 204
    assert "322" not in _labelled(client, "1000005")


def test_generic_paths_take_partner_clients_object_type_id(client: httpx.Client) -> None:
    url = f"/crm/objects/2026-03/{PARTNER_CLIENT_TYPE_ID}/1000007/associations/0-1/11"
    assert client.put(url, json=[_spec(BILLING)]).status_code == 201
    assert "11" in _labelled(client, "1000007")
    assert client.delete(url).status_code == 204
    assert "11" not in _labelled(client, "1000007")


def _assert_error(r: httpx.Response, status: int, category: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    assert body["status"] == "error"
    assert body["category"] == category
    assert body["message"]
    assert isinstance(body["context"], dict)
    assert isinstance(body["links"], dict)
    assert r.headers["x-hubspot-correlation-id"] == body["correlationId"]
    return body


BAD_BODIES = [
    ([{"associationCategory": USER_DEFINED}], "associationTypeId is required"),
    ([{"associationCategory": "NOPE", "associationTypeId": BILLING.type_id}], "must be one of"),
    ([{"associationTypeId": BILLING.type_id}], "associationCategory is required"),
    ([{"associationCategory": USER_DEFINED, "associationTypeId": DEFAULT.type_id}], "does not exist"),
    ([{"associationCategory": USER_DEFINED, "associationTypeId": 4242}], "does not exist"),
    ([{"associationCategory": USER_DEFINED, "associationTypeId": "101"}], "must be an integer"),
    ({"associationCategory": USER_DEFINED, "associationTypeId": BILLING.type_id}, "must be an array"),
    ([], "at least one"),
    (["USER_DEFINED"], "AssociationSpec object"),
    ([_spec(BILLING), {"associationCategory": USER_DEFINED, "associationTypeId": 4242}], "does not exist"),
]


@pytest.mark.parametrize(("body", "says"), BAD_BODIES)
def test_bad_bodies_are_400_and_store_nothing(client: httpx.Client, body: Any, says: str) -> None:
    r = client.put(f"{DATED}/1000008/associations/contacts/99", json=body)
    assert says in _assert_error(r, 400, "VALIDATION_ERROR")["message"]
    assert "99" not in _labelled(client, "1000008")


def test_no_body_is_400(client: httpx.Client) -> None:
    _assert_error(client.put(f"{DATED}/1000008/associations/contacts/99"), 400, "VALIDATION_ERROR")


@pytest.mark.parametrize(
    ("method", "url", "status", "category"),
    [
        ("GET", "/crm/objects/2026-03/spaceships/1000001/associations/contacts", 400, "VALIDATION_ERROR"),
        ("GET", "/crm/objects/2026-03/contacts/1000001/associations/companies", 404, "OBJECT_NOT_FOUND"),
        ("GET", f"{DATED}/404/associations/contacts", 404, "OBJECT_NOT_FOUND"),
        ("GET", f"{DATED}/1000001/associations/spaceships", 400, "VALIDATION_ERROR"),
        ("PUT", "/crm/objects/2026-03/spaceships/1000001/associations/contacts/1", 400, "VALIDATION_ERROR"),
        ("PUT", "/crm/objects/2026-03/deals/1000001/associations/contacts/1", 404, "OBJECT_NOT_FOUND"),
        ("PUT", f"{DATED}/404/associations/contacts/1", 404, "OBJECT_NOT_FOUND"),
        ("PUT", f"{DATED}/1000001/associations/spaceships/1", 400, "VALIDATION_ERROR"),
        ("PUT", f"{DATED}/1000001/associations/contacts/abc", 400, "VALIDATION_ERROR"),
        (
            "DELETE",
            "/crm/objects/2026-03/spaceships/1000001/associations/contacts/1",
            400,
            "VALIDATION_ERROR",
        ),
        ("DELETE", f"{DATED}/404/associations/contacts/1", 404, "OBJECT_NOT_FOUND"),
        (
            "PUT",
            "/crm/objects/2026-03/spaceships/1000001/associations/default/contacts/1",
            400,
            "VALIDATION_ERROR",
        ),
        (
            "PUT",
            "/crm/objects/2026-03/contacts/1000001/associations/default/companies/1",
            404,
            "OBJECT_NOT_FOUND",
        ),
        ("PUT", f"{DATED}/404/associations/default/contacts/1", 404, "OBJECT_NOT_FOUND"),
        ("PUT", f"{DATED}/1000001/associations/default/spaceships/1", 400, "VALIDATION_ERROR"),
        ("PUT", f"{DATED}/1000001/associations/default/contacts/x1", 400, "VALIDATION_ERROR"),
        ("PUT", f"{V3}/1000001/associations/contacts/1/partner_client_to_spaceship", 400, "VALIDATION_ERROR"),
        ("DELETE", f"{V3}/1000001/associations/contacts/1/{BILLING.label}", 400, "VALIDATION_ERROR"),
    ],
)
def test_path_errors(client: httpx.Client, method: str, url: str, status: int, category: str) -> None:
    _assert_error(client.request(method, url, json=[_spec(BILLING)]), status, category)
