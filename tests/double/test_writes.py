"""PATCH and batch update: writes are real, validated, and counted."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from hubspot_double import HubSpotDouble

PATH = "/crm/v3/objects/partner_clients"
UPDATE = f"{PATH}/batch/update"


def test_patch_changes_later_reads_and_advances_updated_at(
    client: httpx.Client, double: HubSpotDouble
) -> None:
    before = client.get(f"{PATH}/1000003").json()
    r = client.patch(f"{PATH}/1000003", json={"properties": {"name": "Acme", "partner_notes": None}})
    assert r.status_code == 200
    assert r.json()["properties"]["name"] == "Acme"
    after = client.get(f"{PATH}/1000003", params={"properties": "name,partner_notes"}).json()
    assert after["properties"]["name"] == "Acme"
    assert after["properties"]["partner_notes"] is None
    assert after["updatedAt"] > before["updatedAt"]
    assert after["properties"]["hs_lastmodifieddate"] == after["updatedAt"]
    assert double.store.write_counts["1000003"] == 1


def test_patch_by_id_property(client: httpx.Client) -> None:
    r = client.patch(
        f"{PATH}/PC-000009", params={"idProperty": "external_ref"}, json={"properties": {"region": "APAC"}}
    )
    assert r.status_code == 200
    assert r.json()["id"] == "1000010"


def test_patch_unknown_id_is_404(client: httpx.Client, double: HubSpotDouble) -> None:
    r = client.patch(f"{PATH}/12", json={"properties": {"name": "x"}})
    assert r.status_code == 404
    assert r.json()["category"] == "OBJECT_NOT_FOUND"
    assert not double.store.write_counts


def test_every_write_advances_updated_at_even_within_a_millisecond(client: httpx.Client) -> None:
    stamps = [
        client.patch(f"{PATH}/1000001", json={"properties": {"name": f"n{i}"}}).json()["updatedAt"]
        for i in range(5)
    ]
    assert stamps == sorted(set(stamps))


def test_batch_update_applies_all(client: httpx.Client, double: HubSpotDouble) -> None:
    inputs = [{"id": str(1000001 + i), "properties": {"client_tier": "gold"}} for i in range(3)]
    inputs[0]["objectWriteTraceId"] = "trace-1"
    r = client.post(UPDATE, json={"inputs": inputs})
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "COMPLETE"
    assert {o["id"] for o in body["results"]} == {"1000001", "1000002", "1000003"}
    assert body["results"][0]["objectWriteTraceId"] == "trace-1"
    read = client.post(
        f"{PATH}/batch/read",
        json={"inputs": [{"id": i["id"]} for i in inputs], "properties": ["client_tier"]},
    )
    assert {o["properties"]["client_tier"] for o in read.json()["results"]} == {"gold"}
    assert sum(double.store.write_counts.values()) == 3


def test_batch_update_unknown_ids_give_207_and_apply_the_rest(
    client: httpx.Client, double: HubSpotDouble
) -> None:
    inputs = [
        {"id": "1000001", "properties": {"name": "ok"}},
        {"id": "77", "properties": {"name": "no"}},
        {"id": "78", "properties": {"name": "no"}},
    ]
    r = client.post(UPDATE, json={"inputs": inputs})
    assert r.status_code == 207
    body = r.json()
    assert [o["id"] for o in body["results"]] == ["1000001"]
    assert body["numErrors"] == 2
    for error, missing in zip(body["errors"], ["77", "78"], strict=True):
        assert error["status"] == "error"
        assert error["category"] == "OBJECT_NOT_FOUND"
        assert error["context"] == {"ids": [missing]}
        assert isinstance(error["message"], str)
    assert double.store.find("1000001").props["name"] == "ok"  # type: ignore[union-attr]
    assert dict(double.store.write_counts) == {"1000001": 1}


def test_batch_update_by_id_property(client: httpx.Client) -> None:
    r = client.post(
        UPDATE,
        json={"inputs": [{"id": "PC-000001", "idProperty": "external_ref", "properties": {"name": "Z"}}]},
    )
    assert r.status_code == 200
    assert r.json()["results"][0]["id"] == "1000002"


def _bad_batches() -> list[tuple[str, Any, str]]:
    ok = {"properties": {"name": "x"}}
    return [
        ("duplicates", {"inputs": [{"id": "1000001", **ok}, {"id": "1000001", **ok}]}, "Duplicate"),
        (
            "number-value",
            {"inputs": [{"id": "1000001", "properties": {"annual_revenue": 5}}]},
            "annual_revenue",
        ),
        ("bool-value", {"inputs": [{"id": "1000001", "properties": {"is_active": True}}]}, "is_active"),
        (
            "unknown-property",
            {"inputs": [{"id": "1000001", "properties": {"colour": "red", "size": "L"}}]},
            "colour",
        ),
        ("read-only", {"inputs": [{"id": "1000001", "properties": {"hs_object_id": "9"}}]}, "hs_object_id"),
        ("properties-not-object", {"inputs": [{"id": "1000001", "properties": ["x"]}]}, "properties"),
        ("missing-properties", {"inputs": [{"id": "1000001"}]}, "properties"),
        ("inputs-not-list", {"inputs": {"id": "1000001"}}, "inputs"),
        ("body-not-object", [1, 2], "inputs"),
    ]


@pytest.mark.parametrize(
    ("body", "mentions"), [b[1:] for b in _bad_batches()], ids=[b[0] for b in _bad_batches()]
)
def test_invalid_batch_is_400_and_applies_nothing(
    client: httpx.Client, double: HubSpotDouble, body: Any, mentions: str
) -> None:
    r = client.post(UPDATE, json=body)
    assert r.status_code == 400
    error = r.json()
    assert error["category"] == "VALIDATION_ERROR"
    assert mentions in error["message"]
    assert not double.store.write_counts


def test_unknown_property_error_names_every_unknown_property(client: httpx.Client) -> None:
    r = client.patch(f"{PATH}/1000001", json={"properties": {"colour": "red", "size": "L", "name": "ok"}})
    assert r.status_code == 400
    body = r.json()
    assert body["context"]["propertyName"] == ["colour", "size"]
    assert [e["code"] for e in body["errors"]] == ["PROPERTY_DOESNT_EXIST"] * 2


def test_patch_non_string_value_is_400(client: httpx.Client) -> None:
    r = client.patch(f"{PATH}/1000001", json={"properties": {"employee_count": 12}})
    assert r.status_code == 400


def test_unique_property_conflict_is_409(client: httpx.Client, double: HubSpotDouble) -> None:
    r = client.patch(f"{PATH}/1000001", json={"properties": {"external_ref": "PC-000001"}})
    assert r.status_code == 409
    assert r.json()["category"] == "CONFLICT"
    assert not double.store.write_counts
