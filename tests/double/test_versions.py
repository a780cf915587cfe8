"""Both path families, v3 and 2026-03, over one store: a write through one is read through the other.

Also the account-wide rate-limit windows both families spend, and faults and scopes on 2026-03's paths.
2026-03's associations (labels, default associations, the 201 answer) are in test_associations_2026_03.py.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from hubspot_double import READ_ONLY_TOKEN, HubSpotDouble, RateLimitConfig, StoreConfig, app
from hubspot_partner_clients._operation import OperationTable
from hubspot_partner_clients._operations import OPERATIONS

V3 = "/crm/v3/objects/partner_clients"
DATED = "/crm/objects/2026-03/partner_clients"
BOTH = pytest.mark.parametrize(
    ("write", "read"), [(V3, DATED), (DATED, V3)], ids=["v3->2026-03", "2026-03->v3"]
)
SMALL = StoreConfig(objects=20)


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "?limit=3&properties=name,region", None),
        ("GET", "/1000002?associations=contacts,deals&propertiesWithHistory=name", None),
        ("POST", "/batch/read", {"inputs": [{"id": "1000001"}, {"id": "404"}], "properties": ["name"]}),
        (
            "POST",
            "/search",
            {"filterGroups": [{"filters": [{"propertyName": "region", "operator": "EQ", "value": "EMEA"}]}]},
        ),
    ],
    ids=["list", "get", "batch-read", "search"],
)
def test_reads_answer_the_same_in_both_families(
    client: httpx.Client, method: str, suffix: str, body: Any
) -> None:
    v3, dated = (client.request(method, base + suffix, json=body) for base in (V3, DATED))
    assert (v3.status_code, dated.status_code) in ((200, 200), (207, 207))
    strip = {"requestedAt", "startedAt", "completedAt", "paging"}
    one, other = ({k: v for k, v in r.json().items() if k not in strip} for r in (v3, dated))
    assert one == other
    assert one.get("results") or one["associations"]  # something was compared


def test_paging_links_stay_in_the_family_that_was_asked(client: httpx.Client) -> None:
    for base in (V3, DATED):
        link = client.get(base, params={"limit": 2}).json()["paging"]["next"]["link"]
        assert httpx.URL(link).path == base
        assert client.get(link).status_code == 200


@BOTH
def test_an_update_through_one_family_is_read_through_the_other(
    client: httpx.Client, double: HubSpotDouble, write: str, read: str
) -> None:
    r = client.patch(f"{write}/1000003", json={"properties": {"name": f"via {write}"}})
    assert r.status_code == 200
    got = client.get(f"{read}/1000003", params={"properties": "name"}).json()
    assert got["properties"]["name"] == f"via {write}"
    assert got["updatedAt"] == r.json()["updatedAt"]
    assert [w.operation for w in double.store.writes_for("1000003")] == ["PATCH"]


@BOTH
def test_a_batch_update_through_one_family_is_found_by_search_through_the_other(
    client: httpx.Client, write: str, read: str
) -> None:
    inputs = [{"id": i, "properties": {"partner_notes": "moved to 2026-03"}} for i in ("1000004", "1000005")]
    assert client.post(f"{write}/batch/update", json={"inputs": inputs}).status_code == 200
    query = {
        "filterGroups": [
            {"filters": [{"propertyName": "partner_notes", "operator": "EQ", "value": "moved to 2026-03"}]}
        ]
    }
    found = client.post(f"{read}/search", json=query).json()
    assert sorted(o["id"] for o in found["results"]) == ["1000004", "1000005"]


def test_the_families_spend_one_account_window(make_double: Any, make_client: Any) -> None:
    limits = RateLimitConfig(max_requests=4, interval_seconds=30.0, search_max_requests=100)
    double = make_double(rate_limit=limits, store=SMALL)
    client = make_client(double)
    statuses = [client.get(base).status_code for base in (V3, DATED, V3, DATED)]
    assert statuses == [200] * 4
    for base in (V3, DATED):
        r = client.get(f"{base}/1000001/associations/contacts")
        assert r.status_code == 429
        assert r.json()["policyName"] == "TEN_SECONDLY_ROLLING"


def test_dated_search_spends_search_s_window_not_the_account_s(make_double: Any, make_client: Any) -> None:
    # A 2026-03 request spends its operation's windows, as the same request to v3 does: were search
    # through 2026-03 counted as an unknown operation, it would spend the account's window.
    limits = RateLimitConfig(
        max_requests=2, interval_seconds=30.0, search_max_requests=3, search_interval_seconds=30.0
    )
    double = make_double(rate_limit=limits, store=SMALL)
    client = make_client(double)
    assert [client.post(f"{DATED}/search", json={}).status_code for _ in range(3)] == [200] * 3
    assert client.post(f"{V3}/search", json={}).status_code == 429
    assert [client.get(base).status_code for base in (DATED, V3)] == [200, 200]


def test_faults_match_either_family_by_path(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    double.faults.script_answer("{}", path_contains="/2026-03/", times=2)
    double.faults.script(503, path_contains="/v3/")
    assert client.get(f"{DATED}/1000001").json() == {}
    assert client.get(f"{V3}/1000001").status_code == 503
    assert client.get(f"{DATED}/1000001/associations/contacts").json() == {}
    assert client.get(f"{DATED}/1000001").json()["id"] == "1000001"
    assert double.faults.pending() == 0


WRITES = [
    ("PATCH", f"{DATED}/1000001", {"properties": {"name": "x"}}),
    ("POST", f"{DATED}/batch/update", {"inputs": [{"id": "1000001", "properties": {"name": "x"}}]}),
    (
        "PUT",
        f"{DATED}/1000001/associations/contacts/5",
        [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 901}],
    ),
    ("PUT", "/crm/objects/2026-03/partner_clients/1000001/associations/default/contacts/5", None),
    ("DELETE", f"{DATED}/1000001/associations/contacts/5", None),
]


@pytest.mark.parametrize(("method", "url", "body"), WRITES, ids=[w[0] + w[1][-24:] for w in WRITES])
def test_read_only_token_gets_403_on_dated_writes(
    double: HubSpotDouble, make_client: Any, method: str, url: str, body: Any
) -> None:
    client = make_client(double, READ_ONLY_TOKEN)
    r = client.request(method, url, json=body)
    assert r.status_code == 403
    assert r.json()["category"] == "MISSING_SCOPES"
    assert client.get(f"{DATED}/1000001").status_code == 200
    links = double.store.associations(double.store.find("1000001"), "contacts")  # type: ignore[arg-type]
    assert "5" not in links
    assert not double.store.write_counts


def test_a_table_with_both_versions_rows_is_read_directly(
    make_double: Any, make_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Once the operation table holds 2026-03's rows too, a dated request spends its own row's
    # windows: here a (made-up) dated search row spending the account's window instead of search's.
    search = OPERATIONS.named("search")
    assert search is not None
    dated = search._replace(
        path=f"{DATED}/search",
        pattern=f"^{DATED}/search$",
        rate_limit_windows=("ten-secondly",),
    )
    table = OperationTable(
        (*OPERATIONS, dated), windows=OPERATIONS.windows, default_windows=OPERATIONS.default_windows
    )
    monkeypatch.setattr(app, "OPERATIONS", table)
    limits = RateLimitConfig(max_requests=2, interval_seconds=30.0, search_max_requests=100)
    client = make_client(make_double(rate_limit=limits, store=SMALL))
    assert [client.post(f"{DATED}/search", json={}).status_code for _ in range(3)] == [200, 200, 429]
    assert client.post(f"{V3}/search", json={}).status_code == 200
