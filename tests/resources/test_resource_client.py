"""The resource client (client.partner_clients, client.aio.partner_clients) against the double.

Each method is the generated function underneath with plain-dict arguments: the
tests check what reaches the double (the store, the recorded requests) and what
comes back, in both twins.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import parse_qs

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import HubSpotClient, InvalidArgumentError, NotFoundError, create_client
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.models import SimplePublicObjectBatchInput
from hubspot_partner_clients.models import SimplePublicObjectBatchInputProperties as Properties
from hubspot_partner_clients.resources import AsyncPartnerClients, PartnerClients

MODES = ["sync", "async"]
LIST_PAGE = OPERATIONS.limit("list_page", "max_page_size")
SEARCH_PAGE = OPERATIONS.limit("search", "max_page_size")
T = TypeVar("T")


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(
        store=StoreConfig(objects=450, archived_every=0), rate_limit=RateLimitConfig(enabled=False)
    )
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture
def client(double: HubSpotDouble) -> Iterator[HubSpotClient]:
    double.reset()
    with create_client(double.token, base_url=double.base_url, rate_limit=None) as made:
        yield made


def run(mode: str, client: HubSpotClient, call: Callable[[Any], Any]) -> Any:
    """`call(client.partner_clients)` in sync mode; awaited on `client.aio.partner_clients` in async."""
    if mode == "sync":
        return call(client.partner_clients)

    async def main() -> Any:
        # A copy per event loop, closed on it: an async httpx client belongs to one loop.
        async with client.with_options() as copy:
            result = call(copy.aio.partner_clients)
            return await result if isinstance(result, Awaitable) else result

    return asyncio.run(main())


def collect(mode: str, client: HubSpotClient, call: Callable[[Any], Any]) -> list[Any]:
    """Every item of a paged method, iterated sync or async."""
    if mode == "sync":
        return list(call(client.partner_clients))

    async def main() -> list[Any]:
        async with client.with_options() as copy:
            return [item async for item in call(copy.aio.partner_clients)]

    return asyncio.run(main())


def test_the_client_offers_both_twins(client: HubSpotClient) -> None:
    assert isinstance(client.partner_clients, PartnerClients)
    assert isinstance(client.aio.partner_clients, AsyncPartnerClients)

    # The same surface: every public method of one is a method of the other.
    def public(cls: type) -> set[str]:
        return {name for name in dir(cls) if not name.startswith("_")}

    assert public(PartnerClients) == public(AsyncPartnerClients)
    operations = {"get", "list", "update", "batch_read", "batch_update", "search", "list_associations"}
    assert {*operations, "associate", "remove_association", "bulk_update", "bulk_read"} <= public(
        PartnerClients
    )


@pytest.mark.parametrize("mode", MODES)
def test_batch_update_takes_plain_dicts(mode: str, double: HubSpotDouble, client: HubSpotClient) -> None:
    first, second = double.store.ids()[:2]
    result = run(
        mode,
        client,
        lambda pc: pc.batch_update(
            [
                {"id": first, "properties": {"client_tier": "gold"}},
                # A model is accepted beside a dict.
                SimplePublicObjectBatchInput(
                    id=second,
                    properties=Properties.from_dict({"client_tier": "silver"}),
                ),
            ]
        ),
    )
    assert str(result.status) == "COMPLETE"
    assert {r.id: r.properties["client_tier"] for r in result.results} == {first: "gold", second: "silver"}
    stored = {i: double.store.get(i) for i in (first, second)}
    assert {i: obj.get("client_tier") if obj else None for i, obj in stored.items()} == {
        first: "gold",
        second: "silver",
    }


@pytest.mark.parametrize("mode", MODES)
def test_get_update_and_batch_read_send_python_names_as_hubspot_names(
    mode: str, double: HubSpotDouble, client: HubSpotClient
) -> None:
    object_id = double.store.ids()[3]
    updated = run(mode, client, lambda pc: pc.update(object_id, {"client_tier": "bronze"}))
    assert updated.properties["client_tier"] == "bronze"
    one = run(
        mode,
        client,
        lambda pc: pc.get(object_id, properties=["client_tier"], properties_with_history=["client_tier"]),
    )
    assert one.properties["client_tier"] == "bronze"
    [sent] = double.requests.matching(method="GET", path_contains=object_id)
    query = parse_qs(sent.query)
    assert query["properties"] == query["propertiesWithHistory"] == ["client_tier"]

    read = run(mode, client, lambda pc: pc.batch_read([{"id": object_id}], properties=["client_tier"]))
    assert [r.properties["client_tier"] for r in read.results] == ["bronze"]
    [batch] = double.requests.matching(method="POST", path_contains="batch/read")
    assert batch.json()["inputs"] == [{"id": object_id}]
    assert batch.json()["properties"] == ["client_tier"]


@pytest.mark.parametrize("mode", MODES)
def test_list_walks_every_page_at_the_largest_page_size(
    mode: str, double: HubSpotDouble, client: HubSpotClient
) -> None:
    items = collect(mode, client, lambda pc: pc.list(properties=["name"]))
    assert [item.id for item in items] == double.store.ids()
    pages = double.requests.matching(method="GET")
    assert len(pages) == -(-450 // LIST_PAGE)
    assert all(parse_qs(p.query)["limit"] == [str(LIST_PAGE)] for p in pages)


def test_list_gives_pages_and_stops_early(double: HubSpotDouble, client: HubSpotClient) -> None:
    sizes = [len(page.results) for page in client.partner_clients.list(limit=20).iter_pages(max_items=50)]
    assert sizes == [20, 20, 10]
    assert len(double.requests.matching(method="GET")) == 3


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", [10, 7])
def test_a_search_limit_is_the_size_of_every_page(
    mode: str, size: int, double: HubSpotDouble, client: HubSpotClient
) -> None:
    # search(limit=10) used to walk by pages of 200: 10 is the search model's default limit, which
    # the paginator took for "no limit given".
    def sizes(pc: Any) -> Any:
        pages = pc.search(limit=size).iter_pages(max_items=2 * size + 3)
        if mode == "sync":
            return [len(page.results) for page in pages]

        async def gather() -> list[int]:
            return [len(page.results) async for page in pages]

        return gather()

    assert run(mode, client, sizes) == [size, size, 3]
    sent = double.requests.matching(method="POST", path_contains="search")
    assert [r.json()["limit"] for r in sent] == [size] * 3


@pytest.mark.parametrize("mode", MODES)
def test_a_list_limit_is_the_size_of_every_page(
    mode: str, double: HubSpotDouble, client: HubSpotClient
) -> None:
    object_id = double.store.ids()[0]
    collect(mode, client, lambda pc: pc.list(limit=10).iter_items(max_items=15))
    collect(
        mode,
        client,
        lambda pc: pc.list_associations(object_id, "contacts", limit=10).iter_items(max_items=15),
    )
    pages = double.requests.matching(method="GET")
    assert len(pages) == 4
    assert all(parse_qs(p.query)["limit"] == ["10"] for p in pages)


@pytest.mark.parametrize("mode", MODES)
def test_search_takes_filter_dicts_and_pages(mode: str, double: HubSpotDouble, client: HubSpotClient) -> None:
    ids = double.store.ids()[:5]
    run(
        mode,
        client,
        lambda pc: pc.batch_update([{"id": i, "properties": {"client_tier": "platinum"}} for i in ids]),
    )
    found = collect(
        mode,
        client,
        lambda pc: pc.search(
            filter_groups=[
                {"filters": [{"propertyName": "client_tier", "operator": "EQ", "value": "platinum"}]}
            ],
            properties=["client_tier"],
        ),
    )
    assert sorted(item.id for item in found) == sorted(ids)
    [sent] = double.requests.matching(method="POST", path_contains="search")
    assert sent.json()["limit"] == SEARCH_PAGE
    assert sent.json()["filterGroups"] == [
        {"filters": [{"propertyName": "client_tier", "operator": "EQ", "value": "platinum"}]}
    ]


@pytest.mark.parametrize("mode", MODES)
def test_associations_and_their_removal(mode: str, double: HubSpotDouble, client: HubSpotClient) -> None:
    object_id = double.store.ids()[10]
    run(mode, client, lambda pc: pc.associate(object_id, "companies", "777", "partner_client_to_company"))
    linked = collect(mode, client, lambda pc: pc.list_associations(object_id, "companies"))
    assert "777" in [a.id for a in linked]
    run(
        mode,
        client,
        lambda pc: pc.remove_association(object_id, "companies", "777", "partner_client_to_company"),
    )
    assert "777" not in [
        a.id for a in collect(mode, client, lambda pc: pc.list_associations(object_id, "companies"))
    ]


@pytest.mark.parametrize("mode", MODES)
def test_bulk_methods_are_bulk_with_this_client(
    mode: str, double: HubSpotDouble, client: HubSpotClient
) -> None:
    ids = double.store.ids()[100:350]
    updated = run(
        mode,
        client,
        lambda pc: pc.bulk_update([{"id": i, "properties": {"client_tier": "tin"}} for i in ids]),
    )
    assert updated.succeeded == 250
    read = run(mode, client, lambda pc: pc.bulk_read(ids, properties=["client_tier"]))
    assert {o.properties["client_tier"] for o in read.objects} == {"tin"}
    assert read.succeeded == 250


@pytest.mark.parametrize("mode", MODES)
def test_a_dict_missing_a_required_field_is_refused_before_sending(
    mode: str, double: HubSpotDouble, client: HubSpotClient
) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        run(mode, client, lambda pc: pc.batch_update([{"id": "1", "properties": {}}, {"id": "2"}]))
    assert raised.value.argument == "inputs[1]"
    assert raised.value.operation == "batch_update"
    assert "'properties'" in str(raised.value)
    assert "Nothing was sent" in str(raised.value)
    assert len(double.requests) == 0


@pytest.mark.parametrize(
    ("value", "said"),
    [({"id": "1", "properties": {}}, "must be a list"), ("1", "must be a list"), ([42], "not int")],
)
def test_a_body_of_the_wrong_shape_is_refused_naming_it(
    value: Any, said: str, double: HubSpotDouble, client: HubSpotClient
) -> None:
    with pytest.raises(InvalidArgumentError, match=said):
        client.partner_clients.batch_update(value)
    assert len(double.requests) == 0


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("argument", "call"),
    [
        ("sorts", lambda pc, value: pc.search(sorts=value)),
        ("properties", lambda pc, value: pc.search(properties=value)),
        ("properties", lambda pc, value: pc.batch_read([{"id": "1"}], properties=value)),
        (
            "properties_with_history",
            lambda pc, value: pc.batch_read([{"id": "1"}], properties_with_history=value),
        ),
    ],
)
@pytest.mark.parametrize("value", ["name", b"name", {"name"}, 5])
def test_a_bare_string_for_a_list_of_strings_is_refused_naming_it(
    mode: str,
    argument: str,
    call: Callable[[Any, Any], Any],
    value: object,
    *,
    double: HubSpotDouble,
    client: HubSpotClient,
) -> None:
    # search(sorts="name") used to send "sorts": ["n", "a", "m", "e"].
    with pytest.raises(InvalidArgumentError) as raised:
        run(mode, client, lambda pc: call(pc, value))
    assert raised.value.argument == argument
    assert f"{argument} must be a list of strings" in str(raised.value)
    if isinstance(value, str):
        assert f"{argument}=['name']" in str(raised.value)
    assert len(double.requests) == 0


def test_a_tuple_of_strings_is_sent_as_a_list(double: HubSpotDouble, client: HubSpotClient) -> None:
    list(client.partner_clients.search(sorts=("hs_object_id",), properties=("name",)).iter_items(max_items=1))  # type: ignore[arg-type]
    [sent] = double.requests.matching(method="POST", path_contains="search")
    assert (sent.json()["sorts"], sent.json()["properties"]) == (["hs_object_id"], ["name"])


def test_errors_are_the_typed_errors(client: HubSpotClient) -> None:
    with pytest.raises(NotFoundError):
        client.partner_clients.get("424242")


def test_arguments_left_out_are_not_sent(double: HubSpotDouble, client: HubSpotClient) -> None:
    found = list(client.partner_clients.search(limit=5).iter_items(max_items=3))
    assert len(found) == 3
    [sent] = double.requests.matching(method="POST", path_contains="search")
    # The model's defaults for what was left out; the limit as given.
    assert sent.json()["filterGroups"] == []
    assert sent.json()["limit"] == 5
    assert "query" not in sent.json()
