"""A labelled association through 2026-03, seen through v3, and a v3 association seen through 2026-03.

End to end: the SDK's resource clients (`client.v2026_03.partner_clients`, `client.partner_clients`
and their `client.aio` twins) against the real double, which keeps one store for both path
families. This is about the two versions' own association shapes (2026-03's labels, v3's type
names), so it names them. The label's type id is the double's (hubspot_double.association_types).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_double.association_types import OBJECT_TYPES, USER_DEFINED
from hubspot_partner_clients import HubSpotClient, create_client
from hubspot_partner_clients.types import Unset
from hubspot_partner_clients.v2026_03.params import AssociationSpecParam

CONTACTS = OBJECT_TYPES["contacts"]
BILLING = next(t for t in CONTACTS.types if t.label == "Billing contact")
DECIDER = next(t for t in CONTACTS.types if t.label and t is not BILLING)
V3_PATHS, DATED_PATHS = "/crm/v3/", "/crm/objects/2026-03/"


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=20), rate_limit=RateLimitConfig(enabled=False))
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture
def client(double: HubSpotDouble) -> Iterator[HubSpotClient]:
    double.reset()
    with create_client(double.token, base_url=double.base_url, rate_limit=None) as made:
        yield made


def _labelled(items: list[Any], to_id: str) -> list[tuple[str, int, str | None]]:
    """2026-03's listing of one pair: (category, type id, label) of each of its associations."""
    pair = [item for item in items if item.to_object_id == to_id]
    assert len(pair) == 1, items
    return [
        (str(kind.category), kind.type_id, None if isinstance(kind.label, Unset) else kind.label)
        for kind in pair[0].association_types
    ]


def _v3_types(items: list[Any], to_id: str) -> list[str]:
    """v3's view of one pair: the type name of each of its associations."""
    return [item.type_ for item in items if item.id == to_id]


def _read_types(read: Any, to_id: str) -> list[str]:
    """The pair's types in a v3 `get(..., associations=["contacts"])`."""
    assert not isinstance(read.associations, Unset)
    return _v3_types(read.associations["contacts"].results, to_id)


def _paths(double: HubSpotDouble) -> set[str]:
    """Which path families the requests took."""
    return {
        family for r in double.requests for family in (V3_PATHS, DATED_PATHS) if r.path.startswith(family)
    }


def test_a_label_through_2026_03_is_listed_back_and_seen_through_v3(
    double: HubSpotDouble, client: HubSpotClient
) -> None:
    dated, v3 = client.v2026_03.partner_clients, client.partner_clients
    billing: AssociationSpecParam = {
        "associationCategory": "USER_DEFINED",
        "associationTypeId": BILLING.type_id,
    }

    pair = dated.associate("1000002", "contacts", "70001", labels=[billing])

    assert pair.labels == [BILLING.label]
    listed = list(dated.list_associations("1000002", "contacts"))
    assert _labelled(listed, "70001") == [(USER_DEFINED, BILLING.type_id, BILLING.label)]
    assert _v3_types(list(v3.list_associations("1000002", "contacts")), "70001") == [BILLING.v3_name]
    assert _read_types(v3.get("1000002", associations=["contacts"]), "70001") == [BILLING.v3_name]
    assert _paths(double) == {V3_PATHS, DATED_PATHS}


def test_a_v3_association_is_listed_through_2026_03_with_its_label(client: HubSpotClient) -> None:
    client.partner_clients.associate("1000003", "contacts", "70002", DECIDER.v3_name)

    listed = list(client.v2026_03.partner_clients.list_associations("1000003", "contacts"))

    assert _labelled(listed, "70002") == [(USER_DEFINED, DECIDER.type_id, DECIDER.label)]


def test_the_async_twins_agree(double: HubSpotDouble, client: HubSpotClient) -> None:
    dated, v3 = client.aio.v2026_03.partner_clients, client.aio.partner_clients
    billing: AssociationSpecParam = {
        "associationCategory": "USER_DEFINED",
        "associationTypeId": BILLING.type_id,
    }

    async def main() -> None:
        async with client:
            pair = await dated.associate("1000004", "contacts", "70003", labels=[billing])
            assert pair.labels == [BILLING.label]
            listed = [item async for item in dated.list_associations("1000004", "contacts")]
            assert _labelled(listed, "70003") == [(USER_DEFINED, BILLING.type_id, BILLING.label)]
            seen = [item async for item in v3.list_associations("1000004", "contacts")]
            assert _v3_types(seen, "70003") == [BILLING.v3_name]
            read = await v3.get("1000004", associations=["contacts"])
            assert _read_types(read, "70003") == [BILLING.v3_name]
            # And the other way: v3's association, 2026-03's label.
            await v3.associate("1000005", "contacts", "70004", DECIDER.v3_name)
            back = [item async for item in dated.list_associations("1000005", "contacts")]
            assert _labelled(back, "70004") == [(USER_DEFINED, DECIDER.type_id, DECIDER.label)]

    asyncio.run(main())
    assert _paths(double) == {V3_PATHS, DATED_PATHS}
