"""List, read-one and batch read: paging, parameters, archived objects."""

from __future__ import annotations

import httpx
import pytest

from hubspot_double import HubSpotDouble
from hubspot_partner_clients._operations import OPERATIONS

PATH = "/crm/v3/objects/partner_clients"
DEFAULT_PAGE = OPERATIONS.limit("list_page", "default_page_size")


def test_list_default_page_and_cursor_is_opaque(client: httpx.Client, double: HubSpotDouble) -> None:
    page = client.get(PATH).json()
    assert [o["id"] for o in page["results"]] == double.store.ids()[:DEFAULT_PAGE]
    after = page["paging"]["next"]["after"]
    assert after not in double.store.ids()  # opaque, not an id a client could compute
    nxt = client.get(PATH, params={"after": after}).json()
    assert [o["id"] for o in nxt["results"]] == double.store.ids()[DEFAULT_PAGE : 2 * DEFAULT_PAGE]


def test_next_link_fetches_the_next_page(client: httpx.Client, double: HubSpotDouble) -> None:
    first = client.get(PATH, params={"limit": 3, "properties": "name"}).json()
    link = first["paging"]["next"]["link"]
    assert link.startswith(double.base_url)
    assert "properties=name" in link
    second = client.get(link).json()
    assert [o["id"] for o in second["results"]] == double.store.ids()[3:6]
    assert set(second["results"][0]["properties"]) >= {"name", "hs_object_id"}


def test_full_walk_has_no_next_on_last_page(client: httpx.Client, double: HubSpotDouble) -> None:
    seen: list[str] = []
    params: dict[str, str | int] = {"limit": 100}
    pages = 0
    while True:
        page = client.get(PATH, params=params).json()
        pages += 1
        seen += [o["id"] for o in page["results"]]
        if "paging" not in page:
            break
        params["after"] = page["paging"]["next"]["after"]
    assert seen == double.store.ids()
    assert pages == 10  # 980 active objects: the last page has 80 and no next


@pytest.mark.parametrize("limit", ["0", "-1", "ten"])
def test_list_limit_out_of_range_is_400(client: httpx.Client, limit: str) -> None:
    r = client.get(PATH, params={"limit": limit})
    assert r.status_code == 400
    assert r.json()["category"] == "VALIDATION_ERROR"


def test_garbage_cursor_is_400(client: httpx.Client) -> None:
    assert client.get(PATH, params={"after": "not-a-cursor"}).status_code == 400


def test_archived_objects_only_with_archived_true(client: httpx.Client, double: HubSpotDouble) -> None:
    archived_ids = double.store.ids(archived=True)
    assert archived_ids, "the store seeds some archived objects"
    active = client.get(PATH, params={"limit": 100}).json()["results"]
    assert all(not o["archived"] for o in active)
    assert not set(archived_ids) & {o["id"] for o in active}
    page = client.get(PATH, params={"archived": "true", "limit": 100}).json()
    assert [o["id"] for o in page["results"]] == archived_ids
    assert all(o["archived"] and "archivedAt" in o for o in page["results"])
    assert client.get(f"{PATH}/{archived_ids[0]}").status_code == 404
    assert client.get(f"{PATH}/{archived_ids[0]}", params={"archived": "true"}).status_code == 200


def test_properties_comma_separated_and_repeated(client: httpx.Client) -> None:
    comma = client.get(f"{PATH}/1000001", params={"properties": "name,domain,client_tier"}).json()
    repeated = client.get(
        f"{PATH}/1000001", params=[("properties", "name"), ("properties", "domain,client_tier")]
    ).json()
    assert comma["properties"] == repeated["properties"]
    assert {"name", "domain", "client_tier", "hs_object_id"} <= set(comma["properties"])


def test_default_properties_and_null_values(client: httpx.Client) -> None:
    obj = client.get(f"{PATH}/1000001").json()
    assert set(obj["properties"]) == {
        "name",
        "domain",
        "hs_object_id",
        "hs_createdate",
        "hs_lastmodifieddate",
    }
    assert obj["properties"]["hs_object_id"] == obj["id"] == "1000001"
    assert obj["createdAt"].endswith("Z")
    assert obj["updatedAt"] >= obj["createdAt"]
    many = client.get(PATH, params={"limit": 100, "properties": "annual_revenue,partner_notes"}).json()
    values = [o["properties"]["annual_revenue"] for o in many["results"]]
    assert None in values
    assert any(isinstance(v, str) for v in values)


def test_unknown_read_property_is_ignored(client: httpx.Client) -> None:
    obj = client.get(f"{PATH}/1000001", params={"properties": "name,nope"}).json()
    assert "nope" not in obj["properties"]


def test_properties_with_history(client: httpx.Client) -> None:
    client.patch(f"{PATH}/1000001", json={"properties": {"name": "Renamed"}})
    obj = client.get(
        f"{PATH}/1000001", params=[("propertiesWithHistory", "name"), ("propertiesWithHistory", "domain")]
    ).json()
    history = obj["propertiesWithHistory"]["name"]
    assert history[0]["value"] == "Renamed"
    assert len(history) == 2
    assert history[1]["sourceType"] == "IMPORT"
    assert {"value", "timestamp", "sourceType"} <= set(history[0])
    assert len(obj["propertiesWithHistory"]["domain"]) == 1


def test_associations_param_comma_and_repeated(client: httpx.Client) -> None:
    oid = "1000002"
    comma = client.get(f"{PATH}/{oid}", params={"associations": "contacts,companies"}).json()
    repeated = client.get(
        f"{PATH}/{oid}", params=[("associations", "contacts"), ("associations", "companies")]
    ).json()
    assert comma["associations"] == repeated["associations"]
    assert set(comma["associations"]) == {"contacts", "companies"}
    assert comma["associations"]["contacts"]["results"][0]["type"] == "partner_client_to_contact"


def test_get_unknown_id_is_404_object_not_found(client: httpx.Client) -> None:
    r = client.get(f"{PATH}/42")
    assert r.status_code == 404
    assert r.json()["category"] == "OBJECT_NOT_FOUND"


def test_get_by_id_property(client: httpx.Client) -> None:
    obj = client.get(f"{PATH}/PC-000004", params={"idProperty": "external_ref"}).json()
    assert obj["id"] == "1000005"
    assert client.get(f"{PATH}/PC-999999", params={"idProperty": "external_ref"}).status_code == 404
    # Only unique properties identify objects.
    assert client.get(f"{PATH}/gold", params={"idProperty": "client_tier"}).status_code == 400


def test_batch_read_with_unknown_ids_is_207(client: httpx.Client) -> None:
    r = client.post(
        f"{PATH}/batch/read",
        json={
            "inputs": [{"id": "1000001"}, {"id": "1"}, {"id": "2"}],
            "properties": ["name"],
            "propertiesWithHistory": [],
        },
    )
    assert r.status_code == 207
    body = r.json()
    assert [o["id"] for o in body["results"]] == ["1000001"]
    assert "name" in body["results"][0]["properties"]
    assert body["numErrors"] == 2
    assert [e["context"]["ids"] for e in body["errors"]] == [["1"], ["2"]]
    assert all(e["status"] == "error" and e["category"] == "OBJECT_NOT_FOUND" for e in body["errors"])


def test_batch_read_all_found_is_200_complete(client: httpx.Client) -> None:
    r = client.post(
        f"{PATH}/batch/read", json={"inputs": [{"id": "1000001"}, {"id": "1000002"}], "properties": []}
    )
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "COMPLETE"
    assert "errors" not in body
    assert {"startedAt", "completedAt"} <= set(body)


def test_batch_read_by_id_property_and_archived(client: httpx.Client, double: HubSpotDouble) -> None:
    r = client.post(
        f"{PATH}/batch/read",
        json={"inputs": [{"id": "PC-000000"}], "idProperty": "external_ref", "properties": ["external_ref"]},
    )
    assert r.json()["results"][0]["id"] == "1000001"
    archived = double.store.ids(archived=True)[0]
    body = {"inputs": [{"id": archived}], "properties": []}
    assert client.post(f"{PATH}/batch/read", json=body).status_code == 207
    assert client.post(f"{PATH}/batch/read", params={"archived": "true"}, json=body).status_code == 200


@pytest.mark.parametrize(
    "inputs",
    [
        [{"id": "1000001"}, {"id": "1000001"}],
        [{"id": 1000001}],
    ],
    ids=["duplicates", "non-string-id"],
)
def test_batch_read_validation(client: httpx.Client, inputs: list[dict[str, object]]) -> None:
    r = client.post(f"{PATH}/batch/read", json={"inputs": inputs, "properties": []})
    assert r.status_code == 400
    assert r.json()["category"] == "VALIDATION_ERROR"
