"""Search: filters (every operator), groups, sorts, query, malformed requests.

Its limits (page size, filter groups and filters, query length, the total cap) are in test_limits.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hubspot_double import HubSpotDouble

SEARCH = "/crm/v3/objects/partner_clients/search"


def _all(client: httpx.Client, body: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """Every result of a search (walking `after`), and the reported total."""
    results: list[dict[str, Any]] = []
    body = {"limit": 200, **body}
    while True:
        r = client.post(SEARCH, json=body)
        assert r.status_code == 200, r.text
        page = r.json()
        results += page["results"]
        nxt = page.get("paging", {}).get("next")
        if nxt is None:
            return results, page["total"]
        body["after"] = nxt["after"]


def _flt(prop: str, operator: str, **kw: Any) -> dict[str, Any]:
    return {
        "filterGroups": [{"filters": [{"propertyName": prop, "operator": operator, **kw}]}],
        "properties": [prop],
    }


def _values(double: HubSpotDouble, prop: str) -> dict[str, str | None]:
    return {i: double.store.find(i).get(prop) for i in double.store.ids()}  # type: ignore[union-attr]


def _ids(results: list[dict[str, Any]]) -> set[str]:
    return {o["id"] for o in results}


CASES: list[tuple[str, dict[str, Any], Callable[[str | None], bool]]] = [
    ("client_tier", {"operator": "EQ", "value": "GOLD"}, lambda v: v == "gold"),  # case-insensitive
    ("client_tier", {"operator": "NEQ", "value": "gold"}, lambda v: v != "gold"),
    ("annual_revenue", {"operator": "LT", "value": "100000"}, lambda v: v is not None and int(v) < 100000),
    ("annual_revenue", {"operator": "LTE", "value": "100000"}, lambda v: v is not None and int(v) <= 100000),
    ("employee_count", {"operator": "GT", "value": "4500"}, lambda v: v is not None and int(v) > 4500),
    ("employee_count", {"operator": "GTE", "value": 4500}, lambda v: v is not None and int(v) >= 4500),
    (
        "employee_count",
        {"operator": "BETWEEN", "value": "10", "highValue": "20"},
        lambda v: v is not None and 10 <= int(v) <= 20,
    ),
    ("region", {"operator": "IN", "values": ["EMEA", "apac"]}, lambda v: v in ("EMEA", "APAC")),
    ("region", {"operator": "NOT_IN", "values": ["EMEA", "APAC"]}, lambda v: v not in ("EMEA", "APAC")),
    ("partner_notes", {"operator": "HAS_PROPERTY"}, lambda v: v is not None),
    ("partner_notes", {"operator": "NOT_HAS_PROPERTY"}, lambda v: v is None),
    (
        "name",
        {"operator": "CONTAINS_TOKEN", "value": "harbor"},
        lambda v: v is not None and "Harbor" in v.split(),
    ),
    (
        "name",
        {"operator": "NOT_CONTAINS_TOKEN", "value": "harbor"},
        lambda v: v is None or "Harbor" not in v.split(),
    ),
    (
        "domain",
        {"operator": "CONTAINS_TOKEN", "value": "blue*"},
        lambda v: v is not None and v.startswith("blue"),
    ),
]


@pytest.mark.parametrize(
    ("prop", "flt", "expect"), CASES, ids=[f"{c[0]}-{c[1]['operator']}-{i}" for i, c in enumerate(CASES)]
)
def test_operator(
    client: httpx.Client,
    double: HubSpotDouble,
    prop: str,
    flt: dict[str, Any],
    expect: Callable[[str | None], bool],
) -> None:
    results, total = _all(client, _flt(prop, **flt))
    wanted = {i for i, v in _values(double, prop).items() if expect(v)}
    assert wanted, "the case must select something"
    assert wanted != set(double.store.ids()), "the case must exclude something"
    assert _ids(results) == wanted
    assert total == len(wanted)


def test_numeric_comparison_only_when_both_sides_are_numbers(client: httpx.Client) -> None:
    # As strings "900" > "1000"; as numbers it is not.
    results, _ = _all(client, _flt("employee_count", "GT", value="900"))
    assert all(int(o["properties"]["employee_count"]) > 900 for o in results)
    # Non-numeric values compare as case-insensitive strings.
    results, _ = _all(client, _flt("name", "LT", value="c"))
    assert results
    assert all(o["properties"]["name"].lower() < "c" for o in results)


def test_dates_compare_as_instants(client: httpx.Client) -> None:
    results, _ = _all(
        client, _flt("hs_createdate", "LT", value="1546300860000")
    )  # 2019-01-01T00:01:00Z in ms
    iso, _ = _all(client, _flt("hs_createdate", "LT", value="2019-01-01T00:01:00Z"))
    assert [o["id"] for o in results] == ["1000001"]
    assert _ids(iso) == _ids(results)


def test_groups_or_filters_and(client: httpx.Client, double: HubSpotDouble) -> None:
    body = {
        "filterGroups": [
            {
                "filters": [
                    {"propertyName": "client_tier", "operator": "EQ", "value": "gold"},
                    {"propertyName": "region", "operator": "EQ", "value": "EMEA"},
                ]
            },
            {"filters": [{"propertyName": "is_active", "operator": "EQ", "value": "false"}]},
        ]
    }
    results, _ = _all(client, body)
    objs = {i: double.store.find(i) for i in double.store.ids()}
    wanted = {
        i
        for i, o in objs.items()
        if (o.get("client_tier") == "gold" and o.get("region") == "EMEA") or o.get("is_active") == "false"  # type: ignore[union-attr]
    }
    assert _ids(results) == wanted


def test_default_sort_is_object_id_ascending(client: httpx.Client, double: HubSpotDouble) -> None:
    results, total = _all(client, {})
    assert [o["id"] for o in results] == double.store.ids()
    assert total == len(double.store.ids())


@pytest.mark.parametrize(
    "sort",
    ["-employee_count", {"propertyName": "employee_count", "direction": "DESCENDING"}],
    ids=["string", "object"],
)
def test_sort_descending_both_forms(client: httpx.Client, sort: object) -> None:
    r = client.post(SEARCH, json={"sorts": [sort], "properties": ["employee_count"], "limit": 50})
    counts = [int(o["properties"]["employee_count"]) for o in r.json()["results"]]
    assert counts == sorted(counts, reverse=True)


def test_sort_ascending_strings_and_nulls_last(client: httpx.Client) -> None:
    results, _ = _all(client, {"sorts": ["annual_revenue"], "properties": ["annual_revenue", "name"]})
    revenues = [o["properties"]["annual_revenue"] for o in results]
    present = [int(v) for v in revenues if v is not None]
    assert present == sorted(present)
    assert revenues[len(present) :] == [None] * (len(revenues) - len(present))
    by_name = client.post(
        SEARCH, json={"sorts": [{"propertyName": "name"}], "properties": ["name"], "limit": 100}
    )
    names = [o["properties"]["name"].lower() for o in by_name.json()["results"]]
    assert names == sorted(names)


def test_free_text_query(client: httpx.Client, double: HubSpotDouble) -> None:
    results, total = _all(client, {"query": "northern harb", "properties": ["name"]})
    wanted = {
        i
        for i in double.store.ids()
        if (n := double.store.find(i).get("name")) and n.startswith("Northern Harbor")  # type: ignore[union-attr]
    }
    assert _ids(results) == wanted
    assert total == len(wanted) > 0


def test_search_excludes_archived(client: httpx.Client, double: HubSpotDouble) -> None:
    results, _ = _all(client, {})
    assert not _ids(results) & set(double.store.ids(archived=True))


def test_search_sees_writes(client: httpx.Client) -> None:
    client.patch("/crm/v3/objects/partner_clients/1000007", json={"properties": {"name": "Zebra Unique"}})
    results, _ = _all(client, {"query": "zebra"})
    assert _ids(results) == {"1000007"}


def test_after_is_an_offset(client: httpx.Client, double: HubSpotDouble) -> None:
    page = client.post(SEARCH, json={"limit": 5, "after": "5"}).json()
    assert [o["id"] for o in page["results"]] == double.store.ids()[5:10]
    assert page["paging"]["next"]["after"] == "10"


@pytest.mark.parametrize(
    "body",
    [
        {"limit": "ten"},
        {"limit": 0},
        {"after": "x"},
        {"sorts": ["nope"]},
        {"sorts": [{"propertyName": "name", "direction": "UP"}]},
        {"filterGroups": [{"filters": [{"propertyName": "nope", "operator": "EQ", "value": "1"}]}]},
        {"filterGroups": [{"filters": [{"propertyName": "name", "operator": "LIKE", "value": "1"}]}]},
        {"filterGroups": [{"filters": [{"propertyName": "name", "operator": "EQ"}]}]},
        {"filterGroups": [{"filters": [{"propertyName": "name", "operator": "BETWEEN", "value": "a"}]}]},
        {"filterGroups": [{"filters": [{"propertyName": "name", "operator": "IN"}]}]},
        {"filterGroups": "all"},
        {"filterGroups": [{"filters": "all"}]},
        {"query": 5},
    ],
)
def test_invalid_search_is_400(client: httpx.Client, body: dict[str, Any]) -> None:
    r = client.post(SEARCH, json=body)
    assert r.status_code == 400
    assert r.json()["category"] == "VALIDATION_ERROR"
