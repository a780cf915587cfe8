"""Observability: recorded requests (no Authorization) and per-object writes."""

from __future__ import annotations

import httpx

from hubspot_double import HubSpotDouble

PATH = "/crm/v3/objects/partner_clients"


def test_requests_are_recorded_without_authorization(client: httpx.Client, double: HubSpotDouble) -> None:
    client.get(PATH, params={"limit": 2, "properties": "name"}, headers={"X-Trace": "t1"})
    client.patch(f"{PATH}/1000001", json={"properties": {"name": "A"}})
    client.get(f"{PATH}/5")
    first, second, third = double.requests.all()
    assert (first.method, first.path, first.status) == ("GET", PATH, 200)
    assert "limit=2" in first.query
    assert "properties=name" in first.query
    assert first.headers["x-trace"] == "t1"
    assert all("authorization" not in r.headers for r in double.requests)
    assert second.json() == {"properties": {"name": "A"}}
    assert second.status == 200
    assert third.status == 404
    assert len(double.requests.matching(method="PATCH")) == 1
    assert len(double.requests.matching(path_contains="/5")) == 1


def test_faults_and_refusals_are_recorded(client: httpx.Client, double: HubSpotDouble) -> None:
    double.faults.script("502")
    client.get(PATH)
    httpx.get(f"{double.base_url}{PATH}")
    faulted, refused = double.requests.all()
    assert (faulted.status, faulted.fault) == (502, "502")
    assert (refused.status, refused.fault) == (401, None)


def test_clear_records(client: httpx.Client, double: HubSpotDouble) -> None:
    client.get(PATH)
    double.requests.clear()
    assert len(double.requests) == 0
    client.get(PATH)
    assert len(double.requests) == 1


def test_writes_counted_per_object(client: httpx.Client, double: HubSpotDouble) -> None:
    client.patch(f"{PATH}/1000001", json={"properties": {"name": "A"}})
    client.post(
        f"{PATH}/batch/update",
        json={
            "inputs": [
                {"id": "1000001", "properties": {"name": "B"}},
                {"id": "1000002", "properties": {"region": None}},
            ]
        },
    )
    assert dict(double.store.write_counts) == {"1000001": 2, "1000002": 1}
    assert [(w.properties, w.operation) for w in double.store.writes_for("1000001")] == [
        ({"name": "A"}, "PATCH"),
        ({"name": "B"}, "batch/update"),
    ]


def test_reset_clears_records_writes_and_faults(client: httpx.Client, double: HubSpotDouble) -> None:
    client.patch(f"{PATH}/1000001", json={"properties": {"name": "A"}})
    double.faults.script(500, times=5)
    double.reset()
    assert len(double.requests) == 0
    assert not double.store.write_counts
    assert double.faults.pending() == 0
    # The data itself is kept: reset is about observation, not state.
    assert client.get(f"{PATH}/1000001", params={"properties": "name"}).json()["properties"]["name"] == "A"
