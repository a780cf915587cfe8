"""The double refuses what HubSpot refuses, at the limits of the SDK's operation table.

Every limit here is read from ``hubspot_partner_clients._operations`` (the pipeline writes it from
the document), never written out: each case sends a request at the limit, which is answered, and
one past it, which is a 400 in HubSpot's error shape naming the limit.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hubspot_double import HubSpotDouble, StoreConfig
from hubspot_partner_clients._operations import OPERATIONS

PATH = "/crm/v3/objects/partner_clients"
SEARCH = f"{PATH}/search"
FIRST_ID = 1_000_001  # the double's first seeded id
FANOUT = str(FIRST_ID)  # seeded with 1,200 contacts

MAX_UPDATE = OPERATIONS.limit("batch_update", "max_inputs")
MAX_READ = OPERATIONS.limit("batch_read", "max_inputs")
LIST_MAX = OPERATIONS.limit("list_page", "max_page_size")
LIST_DEFAULT = OPERATIONS.limit("list_page", "default_page_size")
ASSOC_MAX = OPERATIONS.limit("list_associations", "max_page_size")
ASSOC_DEFAULT = OPERATIONS.limit("list_associations", "default_page_size")
SEARCH_MAX = OPERATIONS.limit("search", "max_page_size")
SEARCH_CAP = OPERATIONS.limit("search", "max_results")
MAX_GROUPS = OPERATIONS.limit("search", "max_filter_groups")
MAX_PER_GROUP = OPERATIONS.limit("search", "max_filters_per_group")
MAX_FILTERS = OPERATIONS.limit("search", "max_filters")
MAX_QUERY = OPERATIONS.limit("search", "max_query_length")


def _refused(response: httpx.Response, *mentions: str) -> dict[str, Any]:
    """HubSpot's 400: the Error shape, its correlation id also in the header, naming `mentions`."""
    assert response.status_code == 400, response.text
    body: dict[str, Any] = response.json()
    assert body["status"] == "error"
    assert body["category"] == "VALIDATION_ERROR"
    assert body["correlationId"] == response.headers["x-hubspot-correlation-id"]
    uuid.UUID(body["correlationId"])
    for mention in mentions:
        assert mention in body["message"], body["message"]
    return body


# -- batches ---------------------------------------------------------------------------------------


def test_batch_update_takes_its_limit_and_refuses_one_more(
    client: httpx.Client, double: HubSpotDouble
) -> None:
    inputs = [{"id": i, "properties": {"partner_notes": "x"}} for i in double.store.ids()[: MAX_UPDATE + 1]]
    _refused(client.post(f"{PATH}/batch/update", json={"inputs": inputs}), str(MAX_UPDATE))
    assert not double.store.write_counts  # refused as a whole: nothing applied
    assert client.post(f"{PATH}/batch/update", json={"inputs": inputs[:MAX_UPDATE]}).status_code == 200


def test_batch_read_takes_its_limit_and_refuses_one_more(client: httpx.Client, double: HubSpotDouble) -> None:
    inputs = [{"id": i} for i in double.store.ids()[: MAX_READ + 1]]
    body: dict[str, list[str]] = {"properties": [], "propertiesWithHistory": []}
    _refused(client.post(f"{PATH}/batch/read", json={"inputs": inputs, **body}), str(MAX_READ))
    answer = client.post(f"{PATH}/batch/read", json={"inputs": inputs[:MAX_READ], **body})
    assert answer.status_code == 200
    assert len(answer.json()["results"]) == MAX_READ


# -- pages -----------------------------------------------------------------------------------------


def test_list_pages_default_and_largest(client: httpx.Client) -> None:
    assert len(client.get(PATH).json()["results"]) == LIST_DEFAULT
    assert len(client.get(PATH, params={"limit": LIST_MAX}).json()["results"]) == LIST_MAX
    _refused(client.get(PATH, params={"limit": LIST_MAX + 1}), str(LIST_MAX))


def test_association_pages_default_and_largest(client: httpx.Client) -> None:
    url = f"{PATH}/{FANOUT}/associations/contacts"
    assert len(client.get(url).json()["results"]) == min(ASSOC_DEFAULT, 1200)
    assert len(client.get(url, params={"limit": ASSOC_MAX}).json()["results"]) == min(ASSOC_MAX, 1200)
    _refused(client.get(url, params={"limit": ASSOC_MAX + 1}), str(ASSOC_MAX))


# -- search ----------------------------------------------------------------------------------------


def _has(count: int) -> list[dict[str, str]]:
    return [{"propertyName": "name", "operator": "HAS_PROPERTY"}] * count


def _spread(filters: int) -> list[dict[str, Any]]:
    """`filters` filters in as few groups as the per-group limit allows."""
    groups = math.ceil(filters / MAX_PER_GROUP)
    assert groups <= MAX_GROUPS, "the table allows fewer filters in all than this test spreads"
    return [{"filters": _has(min(MAX_PER_GROUP, filters - g * MAX_PER_GROUP))} for g in range(groups)]


@pytest.mark.parametrize(
    ("at_limit", "past_limit", "mentions"),
    [
        ({"limit": SEARCH_MAX}, {"limit": SEARCH_MAX + 1}, str(SEARCH_MAX)),
        (
            {"filterGroups": [{"filters": _has(1)}] * MAX_GROUPS},
            {"filterGroups": [{"filters": _has(1)}] * (MAX_GROUPS + 1)},
            str(MAX_GROUPS),
        ),
        (
            {"filterGroups": [{"filters": _has(MAX_PER_GROUP)}]},
            {"filterGroups": [{"filters": _has(MAX_PER_GROUP + 1)}]},
            str(MAX_PER_GROUP),
        ),
        (
            {"filterGroups": _spread(MAX_FILTERS)},
            {"filterGroups": _spread(MAX_FILTERS + 1)},
            str(MAX_FILTERS),
        ),
        ({"query": "x" * MAX_QUERY}, {"query": "x" * (MAX_QUERY + 1)}, str(MAX_QUERY)),
    ],
    ids=["page", "filter-groups", "filters-per-group", "filters-in-all", "query-length"],
)
def test_search_takes_each_limit_and_refuses_one_more(
    client: httpx.Client, at_limit: dict[str, Any], past_limit: dict[str, Any], mentions: str
) -> None:
    assert client.post(SEARCH, json=at_limit).status_code == 200
    _refused(client.post(SEARCH, json=past_limit), mentions)


def test_a_complete_first_page_with_after_zero_is_the_first_page(client: httpx.Client) -> None:
    # HubSpot's contract requires every field; "0" is the first cursor.
    complete = {"filterGroups": [], "sorts": [], "properties": [], "limit": 5, "after": "0"}
    first = client.post(SEARCH, json=complete).json()
    assert [o["id"] for o in first["results"]] == [str(FIRST_ID + i) for i in range(5)]
    assert first == client.post(SEARCH, json={"limit": 5}).json()
    assert first["paging"]["next"]["after"] == "5"


def test_search_pages_up_to_the_cap_and_refuses_past_it(
    make_double: Callable[..., HubSpotDouble], make_client: Callable[..., httpx.Client]
) -> None:
    double = make_double(store=StoreConfig(objects=SEARCH_CAP + 50, archived_every=0))
    client = make_client(double)
    last_ok = client.post(SEARCH, json={"limit": SEARCH_MAX, "after": str(SEARCH_CAP - SEARCH_MAX)})
    assert last_ok.status_code == 200
    body = last_ok.json()
    assert body["total"] == SEARCH_CAP + 50
    assert body["results"][-1]["id"] == double.store.ids()[SEARCH_CAP - 1]
    # HubSpot still offers the next cursor; following it is the error.
    assert body["paging"]["next"]["after"] == str(SEARCH_CAP)
    _refused(client.post(SEARCH, json={"limit": SEARCH_MAX, "after": str(SEARCH_CAP)}), str(SEARCH_CAP))
    # A page that only reaches past the cap is refused too.
    _refused(client.post(SEARCH, json={"limit": 2, "after": str(SEARCH_CAP - 1)}), str(SEARCH_CAP))
