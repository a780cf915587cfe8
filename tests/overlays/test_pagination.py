"""The pagination overlay against the double: list, associations and search, sync and async.

Every test runs through each API version's operations (the `api_version` fixture); the heavy walks
(25,000 objects, searches past the 10,000 cap) spread the versions over their modes instead
(tests/_versions.py's `spread`).
"""

from __future__ import annotations

import asyncio
import gc
import math
import tracemalloc
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import parse_qs

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import AuthenticatedClient, pagination
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.api.partner_clients import get_by_id as root_get_by_id
from hubspot_partner_clients.api.partner_clients import list_page as root_list_page
from hubspot_partner_clients.models import (
    Filter,
    FilterGroup,
    FilterOperator,
    PublicObjectSearchRequest,
    SimplePublicObject,
    SimplePublicObjectWithAssociations,
)
from hubspot_partner_clients.pagination import (
    SEARCH_MAX_RESULTS,
    Page,
    SearchLimitError,
    apaginate,
    paginate,
)
from hubspot_partner_clients.types import Unset
from tests._versions import ApiVersion, spread

OBJECTS = 25_000
SEARCH_OBJECTS = 12_500
FIRST_ID = 1_000_001  # the double's first seeded id
FANOUT_ID = str(FIRST_ID)  # seeded with 1,200 associated contacts

MODES = ["sync", "async"]
LIST_PAGE = OPERATIONS.limit("list_page", "max_page_size")
SEARCH_PAGE = OPERATIONS.limit("search", "max_page_size")
MAX_PER_GROUP = OPERATIONS.limit("search", "max_filters_per_group")
MAX_FILTERS = OPERATIONS.limit("search", "max_filters")
# What HubSpot's contract (partnerClients-v3.json) requires in every search request.
SEARCH_REQUIRED = {"after", "filterGroups", "limit", "properties", "sorts"}


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    # No archived objects, so the 25,000 are all listed; limits off to keep the module fast
    # (pacing is the limiter's job, not the paginator's).
    config = DoubleConfig(
        store=StoreConfig(objects=OBJECTS, archived_every=0), rate_limit=RateLimitConfig(enabled=False)
    )
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture(scope="module")
def search_double() -> Iterator[HubSpotDouble]:
    # Search scans every object on each request: a store just over 12,000 keeps that cheap.
    config = DoubleConfig(
        store=StoreConfig(objects=SEARCH_OBJECTS, archived_every=0), rate_limit=RateLimitConfig(enabled=False)
    )
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture(scope="module")
def text_id_double() -> Iterator[HubSpotDouble]:
    # Ids that are not numbers ("pc-1000001"): HubSpot's contract types an id as any string.
    config = DoubleConfig(
        store=StoreConfig(objects=SEARCH_OBJECTS, archived_every=0, id_prefix="pc-"),
        rate_limit=RateLimitConfig(enabled=False),
    )
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture
def search_client(search_double: HubSpotDouble) -> Iterator[AuthenticatedClient]:
    search_double.requests.clear()
    with AuthenticatedClient(base_url=search_double.base_url, token=search_double.token) as built:
        yield built


@pytest.fixture
def client(double: HubSpotDouble) -> Iterator[AuthenticatedClient]:
    double.requests.clear()
    with AuthenticatedClient(base_url=double.base_url, token=double.token) as built:
        yield built


def _collect_pages(
    mode: str, client: AuthenticatedClient, op: Any, *args: Any, **kwargs: Any
) -> list[Page[Any]]:
    """Every page of a walk (max_items passed to iter_pages), through op.sync or op.asyncio."""
    max_items = kwargs.pop("max_items", None)
    if mode == "sync":
        return list(paginate(op.sync, *args, client=client, **kwargs).iter_pages(max_items))

    async def run() -> list[Page[Any]]:
        async with client:
            return [
                p async for p in apaginate(op.asyncio, *args, client=client, **kwargs).iter_pages(max_items)
            ]

    return asyncio.run(run())


def _collect(mode: str, client: AuthenticatedClient, op: Any, *args: Any, **kwargs: Any) -> list[Any]:
    return [item for page in _collect_pages(mode, client, op, *args, **kwargs) for item in page.results]


def _search_bodies(double: HubSpotDouble) -> list[dict[str, Any]]:
    return [r.json() for r in double.requests.matching(method="POST", path_contains="/search")]


def _through(double: HubSpotDouble, api_version: ApiVersion) -> None:
    """Every page was asked of the version's paths."""
    assert double.requests.all()
    assert all(r.path.startswith(api_version.prefix) for r in double.requests.all())


def _associated_id(item: Any) -> str:
    """The associated object's id, in whichever shape the version lists it (`id` or `toObjectId`)."""
    listed: dict[str, Any] = item.to_dict()
    return str(listed["id"] if "id" in listed else listed["toObjectId"])


# -- list -----------------------------------------------------------------------------------


class _WalkProbe:
    """Checks a walk page by page without keeping it, and takes tracemalloc peaks.

    Ids are checked as they come (each the next one expected), not collected: a list of 25,000
    ids in the test would itself grow the peak it measures.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.pages = 0
        self.next_id = FIRST_ID
        self.peaks: dict[int, int] = {}

    def page(self, results: Sequence[SimplePublicObjectWithAssociations]) -> None:
        for obj in results:
            assert int(obj.id) == self.next_id
            self.next_id += 1
        self.pages += 1
        if self.pages in (self.n, 2 * self.n):
            gc.collect()
            self.peaks[self.pages] = tracemalloc.get_traced_memory()[1]
        if self.pages == 2 * self.n:
            tracemalloc.stop()  # measured; the rest of the walk runs at full speed


@pytest.mark.parametrize(("mode", "api_version"), spread(MODES))
def test_list_walks_25000_objects_once_in_order_with_flat_memory(
    mode: str, double: HubSpotDouble, client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    list_page = api_version.op("list_page")
    probe = _WalkProbe(50)
    tracemalloc.start()
    try:
        if mode == "sync":
            for page in paginate(list_page.sync, client=client, limit=100).iter_pages():
                probe.page(page.results)
        else:

            async def run() -> None:
                async with client:
                    async for page in apaginate(list_page.asyncio, client=client, limit=100).iter_pages():
                        probe.page(page.results)

            asyncio.run(run())
    finally:
        tracemalloc.stop()

    assert probe.next_id == FIRST_ID + OBJECTS  # every id once, in order, none missing
    _through(double, api_version)
    assert len(double.requests.matching(method="GET")) == OBJECTS // 100
    # Kept pages would add ~100 parsed objects (~110 kB) per page: the peak over 100 pages would
    # be far above the peak over 50. A flat walk's peak is set by one page and stays put (the
    # margin covers the double's own request log, which shares this process).
    peak_n, peak_2n = probe.peaks[50], probe.peaks[100]
    assert peak_2n < peak_n * 1.5, (peak_n, peak_2n)


@pytest.mark.parametrize("mode", MODES)
def test_max_items_stops_early_without_fetching_another_page(
    mode: str, double: HubSpotDouble, client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    list_page = api_version.op("list_page")
    pages = _collect_pages(mode, client, list_page, limit=100, max_items=250)

    assert [len(p.results) for p in pages] == [100, 100, 50]
    assert [int(o.id) for p in pages for o in p.results] == list(range(FIRST_ID, FIRST_ID + 250))
    assert len(double.requests.matching(method="GET")) == 3
    _through(double, api_version)


@pytest.mark.parametrize("mode", MODES)
def test_a_walk_without_limit_asks_for_the_largest_pages(
    mode: str, double: HubSpotDouble, client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    list_page = api_version.op("list_page")
    # HubSpot's default page is 10: without this a walk would spend 10x the rate limit.
    pages = _collect_pages(mode, client, list_page, max_items=LIST_PAGE + 50)

    assert [len(p.results) for p in pages] == [LIST_PAGE, 50]
    sent = [parse_qs(r.query)["limit"] for r in double.requests.matching(method="GET")]
    assert sent == [[str(LIST_PAGE)], [str(LIST_PAGE)]]


def test_max_items_zero_sends_nothing(
    double: HubSpotDouble, client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    list_page = api_version.op("list_page")
    assert list(paginate(list_page.sync, client=client).iter_items(max_items=0)) == []
    assert len(double.requests) == 0
    with pytest.raises(ValueError, match="max_items"):
        list(paginate(list_page.sync, client=client).iter_items(max_items=-1))


@pytest.mark.parametrize("mode", MODES)
def test_other_parameters_pass_through_unchanged_on_every_page(
    mode: str, double: HubSpotDouble, client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    list_page = api_version.op("list_page")
    items: list[SimplePublicObjectWithAssociations] = _collect(
        mode,
        client,
        list_page,
        limit=7,
        properties=["name", "client_tier"],
        associations=["deals"],
        archived=False,
        max_items=20,
    )

    assert len(items) == 20
    # Only the requested properties come back (a property without a value may be left out).
    assert all("name" in o.properties.additional_properties for o in items)
    returned = {k for o in items for k in o.properties.additional_properties}
    assert {"name", "client_tier"} <= returned
    assert "domain" not in returned  # a default property, not asked for
    queries = [parse_qs(r.query) for r in double.requests.matching(method="GET")]
    assert len(queries) == 3
    for query in queries:
        assert query["limit"] == ["7"]
        assert query["properties"] == ["name", "client_tier"]
        assert query["associations"] == ["deals"]
        assert query["archived"] == ["false"]
    # The cursor is the only thing that changes: none on the first page, then each page's next.after.
    assert "after" not in queries[0]
    assert queries[1]["after"] != queries[2]["after"]


def test_iterating_twice_walks_again_and_resumes_from_a_given_after(
    client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    list_page = api_version.op("list_page")
    pager = paginate(list_page.sync, client=client, limit=100)
    first = [o.id for o in pager.iter_items(max_items=150)]
    again = [o.id for o in pager.iter_items(max_items=150)]
    assert first == again

    paging = next(iter(pager.iter_pages())).response.paging
    assert not isinstance(paging, Unset)
    assert not isinstance(paging.next_, Unset)
    after = paging.next_.after
    resumed = [
        o.id for o in paginate(list_page.sync, client=client, limit=100, after=after).iter_items(max_items=1)
    ]
    assert resumed == [str(FIRST_ID + 100)]


# -- associations ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_associations_are_paged_to_the_end(
    mode: str, double: HubSpotDouble, client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    list_associations = api_version.op("list_associations")
    pages = _collect_pages(mode, client, list_associations, FANOUT_ID, "contacts", limit=500)

    items = [a for p in pages for a in p.results]
    assert [len(p.results) for p in pages] == [500, 500, 200]
    fanout = double.store.get(FANOUT_ID)
    assert fanout is not None
    expected = double.store.associations(fanout, "contacts")
    assert [_associated_id(a) for a in items] == list(expected)
    # Every seeded association is of the one default kind, parsed alike on each item.
    kinds = {repr({k: v for k, v in a.to_dict().items() if k not in ("id", "toObjectId")}) for a in items}
    assert len(kinds) == 1, kinds
    _through(double, api_version)
    queries = [
        parse_qs(r.query) for r in double.requests.matching(method="GET", path_contains="/associations/")
    ]
    assert [q["limit"] for q in queries] == [["500"]] * 3


def test_async_for_over_apaginate_yields_every_item_as_the_readme_shows(
    double: HubSpotDouble, client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    list_associations = api_version.op("list_associations")

    async def walk() -> list[str]:
        ids: list[str] = []
        async with client:
            async for association in apaginate(
                list_associations.asyncio, FANOUT_ID, "contacts", client=client
            ):
                ids.append(_associated_id(association))
        return ids

    fanout = double.store.get(FANOUT_ID)
    assert fanout is not None
    assert asyncio.run(walk()) == list(double.store.associations(fanout, "contacts"))


# -- search ---------------------------------------------------------------------------------


def _id_filter(operator: FilterOperator, value: int) -> Filter:
    return Filter(property_name="hs_object_id", operator=operator, value=str(value))


@pytest.mark.parametrize(("mode", "api_version"), spread(MODES))
def test_search_matching_12000_yields_each_once_past_the_10000_cap(
    mode: str, search_double: HubSpotDouble, search_client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    search = api_version.op("search")
    # 12,000 of the 25,000 objects, in one filter group the continuation must extend.
    body = PublicObjectSearchRequest(
        filter_groups=[FilterGroup(filters=[_id_filter(FilterOperator.LT, FIRST_ID + 12_000)])],
        properties=["name"],
    )
    items: list[SimplePublicObject] = _collect(mode, search_client, search, body=body)

    ids = [int(o.id) for o in items]
    assert ids == list(range(FIRST_ID, FIRST_ID + 12_000))
    bodies = _search_bodies(search_double)
    _through(search_double, api_version)
    assert all(b["limit"] == SEARCH_PAGE and b["properties"] == ["name"] for b in bodies)
    assert all(b["sorts"] == ["hs_object_id"] for b in bodies)
    # Never a page past the cap; the continuation re-queries from the last id seen, cursor reset
    # to the first page's.
    assert max(int(b["after"]) + b["limit"] for b in bodies) <= SEARCH_MAX_RESULTS
    assert bodies[0]["after"] == "0"
    restarts = [b for b in bodies[1:] if b["after"] == "0"]
    assert len(restarts) == 1
    assert restarts[0]["filterGroups"] == [
        {
            "filters": [
                {"propertyName": "hs_object_id", "operator": "LT", "value": str(FIRST_ID + 12_000)},
                {
                    "propertyName": "hs_object_id",
                    "operator": "GT",
                    "value": str(FIRST_ID + SEARCH_MAX_RESULTS - 1),
                },
            ]
        }
    ]
    assert len(bodies) == math.ceil(SEARCH_MAX_RESULTS / SEARCH_PAGE) + math.ceil(2_000 / SEARCH_PAGE)


@pytest.mark.parametrize(
    "body",
    [
        PublicObjectSearchRequest(filter_groups=[], sorts=[], properties=[], limit=SEARCH_PAGE, after="0"),
        # The README's own example: nothing given, the document's defaults fill every field.
        PublicObjectSearchRequest(),
        # from_dict takes the document's defaults for what the dict lacks, the cursor too.
        PublicObjectSearchRequest.from_dict({}),
    ],
    ids=["every-field-given", "nothing-given", "from-dict"],
)
@pytest.mark.parametrize(("mode", "api_version"), spread(MODES))
def test_every_search_page_sends_a_complete_body(
    mode: str,
    body: PublicObjectSearchRequest,
    search_double: HubSpotDouble,
    search_client: AuthenticatedClient,
    api_version: ApiVersion,
) -> None:
    search = api_version.op("search")
    # Just past the cap: the pages under it, and the first page of the continuation.
    items = _collect(mode, search_client, search, body=body, max_items=SEARCH_MAX_RESULTS + 50)

    assert [int(o.id) for o in items] == list(range(FIRST_ID, FIRST_ID + SEARCH_MAX_RESULTS + 50))
    bodies = _search_bodies(search_double)
    assert len(bodies) == math.ceil(SEARCH_MAX_RESULTS / SEARCH_PAGE) + 1
    for sent in bodies:
        assert sent.keys() >= SEARCH_REQUIRED, sent
        assert isinstance(sent["after"], str)
        assert sent["limit"] == SEARCH_PAGE
    assert [b["after"] for b in bodies if b["after"] == "0"] == ["0", "0"]  # the first page, the restart


@pytest.mark.parametrize(("mode", "api_version"), spread(MODES))
def test_search_past_the_cap_with_ids_that_are_not_numbers(
    mode: str, text_id_double: HubSpotDouble, api_version: ApiVersion
) -> None:
    search = api_version.op("search")
    text_id_double.requests.clear()
    body = PublicObjectSearchRequest(filter_groups=[], sorts=[], properties=[])
    with AuthenticatedClient(base_url=text_id_double.base_url, token=text_id_double.token) as client:
        items = _collect(mode, client, search, body=body)

    assert [o.id for o in items] == text_id_double.store.ids()
    assert len(items) == SEARCH_OBJECTS > SEARCH_MAX_RESULTS
    bodies = _search_bodies(text_id_double)
    restart = next(b for b in bodies[1:] if b["after"] == "0")
    # The floor is the last id seen, sent as it came: nothing parsed it as a number.
    assert restart["filterGroups"] == [
        {
            "filters": [
                {"propertyName": "hs_object_id", "operator": "GT", "value": items[SEARCH_MAX_RESULTS - 1].id}
            ]
        }
    ]
    assert all(b.keys() >= SEARCH_REQUIRED for b in bodies)


def test_a_search_at_the_models_default_limit_asks_for_the_largest_pages(
    monkeypatch: pytest.MonkeyPatch,
    search_double: HubSpotDouble,
    search_client: AuthenticatedClient,
    api_version: ApiVersion,
) -> None:
    search = api_version.op("search")
    # attrs cannot tell a limit left at the model's default from one set to it: a model that
    # defaults `limit` (to HubSpot's 10, say) must not make every walk page by 10.
    monkeypatch.setattr(pagination, "_MODEL_SEARCH_LIMIT", 10)
    for limit, sent in ((10, SEARCH_PAGE), (11, 11)):
        search_double.requests.clear()
        body = PublicObjectSearchRequest(filter_groups=[], sorts=[], properties=[], limit=limit)
        assert (
            len(list(paginate(search.sync, client=search_client, body=body).iter_items(max_items=30))) == 30
        )
        assert {b["limit"] for b in _search_bodies(search_double)} == {sent}


def test_search_without_filters_continues_with_one_added_group(
    search_double: HubSpotDouble, search_client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    search = api_version.op("search")
    # 150 does not divide 10,000: the last page under the cap ends at 9,900.
    body = PublicObjectSearchRequest(sorts=["hs_object_id"], limit=150)
    ids = [
        int(o.id) for o in paginate(search.sync, client=search_client, body=body).iter_items(max_items=10_050)
    ]

    assert ids == list(range(FIRST_ID, FIRST_ID + 10_050))
    bodies = _search_bodies(search_double)
    assert all(b["limit"] == 150 for b in bodies)
    under_cap = SEARCH_MAX_RESULTS // 150  # pages that fit under the cap (66 of 10,000: to 9,900)
    assert len(bodies) == under_cap + 1  # then one above the last id seen
    assert bodies[-1]["filterGroups"] == [
        {
            "filters": [
                {
                    "propertyName": "hs_object_id",
                    "operator": "GT",
                    "value": str(FIRST_ID + under_cap * 150 - 1),
                }
            ]
        }
    ]
    assert bodies[-1]["after"] == "0"
    # The caller's body is untouched.
    assert body.after == PublicObjectSearchRequest().after
    assert body.filter_groups == []


def test_search_with_max_items_under_the_cap_keeps_the_callers_request(
    search_double: HubSpotDouble, search_client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    search = api_version.op("search")
    body = PublicObjectSearchRequest(query="harbor", sorts=["-name"])
    items = list(paginate(search.sync, client=search_client, body=body).iter_items(max_items=300))

    assert len(items) == 300
    bodies = _search_bodies(search_double)
    assert len(bodies) == 2
    unchanged = {
        "query": "harbor",
        "sorts": ["-name"],
        "filterGroups": [],
        "properties": [],
        "limit": SEARCH_PAGE,
    }
    assert bodies[0] == {**unchanged, "after": "0"}
    assert bodies[1] == {**unchanged, "after": str(SEARCH_PAGE)}


def _groups(count: int, filters_each: int) -> list[FilterGroup]:
    return [
        FilterGroup(filters=[_id_filter(FilterOperator.GT, FIRST_ID - 1 - k) for k in range(filters_each)])
        for _ in range(count)
    ]


@pytest.mark.parametrize(
    ("sorts", "groups", "reason"),
    [
        (["name"], [], "sorted by"),
        (["-hs_object_id"], [], "sorted by"),
        (["hs_object_id", "name"], [], "sorted by"),
        ([], _groups(1, MAX_PER_GROUP), f"maximum is {MAX_PER_GROUP} per group"),
        # 16 filters: room in each group, but not for 4 more in all.
        (["hs_object_id"], _groups(4, 4), f"maximum is {MAX_FILTERS} per request"),
    ],
)
@pytest.mark.parametrize("mode", MODES)
def test_search_that_cannot_continue_past_the_cap_raises_before_yielding(
    *,
    mode: str,
    sorts: list[str],
    groups: list[FilterGroup],
    reason: str,
    search_double: HubSpotDouble,
    search_client: AuthenticatedClient,
    api_version: ApiVersion,
) -> None:
    search = api_version.op("search")
    body = PublicObjectSearchRequest(sorts=sorts, filter_groups=groups)
    with pytest.raises(SearchLimitError) as raised:
        _collect(mode, search_client, search, body=body)

    message = str(raised.value)
    assert f"{SEARCH_MAX_RESULTS:,}" in message
    assert "hs_object_id ascending" in message
    assert reason in message
    assert isinstance(raised.value, ValueError)
    assert len(_search_bodies(search_double)) == 1  # failed on the first page, before any work


def test_search_limit_error_when_the_cap_is_reached_lazily(
    search_client: AuthenticatedClient, api_version: ApiVersion
) -> None:
    search = api_version.op("search")
    # max_items promised to stay under the cap, so nothing failed up front; a caller's later
    # `after` that leads past the cap still gets the clear error, not HubSpot's 400.
    body = PublicObjectSearchRequest(sorts=["name"], after=str(SEARCH_MAX_RESULTS - SEARCH_PAGE))
    pager = paginate(search.sync, client=search_client, body=body)
    items = pager.iter_items(max_items=5_000)
    assert len([next(items) for _ in range(SEARCH_PAGE)]) == SEARCH_PAGE
    with pytest.raises(SearchLimitError, match=f"{SEARCH_MAX_RESULTS:,}"):
        next(items)


def test_paginate_refuses_what_it_cannot_page(client: AuthenticatedClient) -> None:
    # The root's modules, typed: mypy refuses these calls too (the ignores would be unused otherwise).
    with pytest.raises(TypeError, match="not a paged operation"):
        paginate(root_get_by_id.sync, "1", client=client)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="apaginate"):
        paginate(root_list_page.asyncio, client=client)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="paginate"):
        apaginate(root_list_page.sync, client=client)  # type: ignore[arg-type]
