"""Each API version's resource client, on the one client: its paths, bodies, pages and bulk methods.

A recording transport stands in for HubSpot (the double serves v3's paths here), so each test sees
exactly what a version's method sends, through the client's real retry transport.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from hubspot_partner_clients import HubSpotClient, create_client, v2026_03
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.v2026_03._operations import OPERATIONS as DATED
from hubspot_partner_clients.v2026_03.models import AssociationSpec, LabelsBetweenObjectPair
from hubspot_partner_clients.v2026_03.models.association_category import AssociationCategory
from hubspot_partner_clients.v2026_03.params import AssociationSpecParam

BASE = "/crm/objects/2026-03/partner_clients"
NOW = "2026-03-01T00:00:00Z"

Sent = list[httpx.Request]


def _object(object_id: str) -> dict[str, Any]:
    return {"id": object_id, "properties": {}, "createdAt": NOW, "updatedAt": NOW, "archived": False}


def _answer(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if request.method == "PUT" and "/associations/" in path:
        to_type, to_id = path.split("/")[-2:]
        labels = [spec["associationTypeId"] for spec in json.loads(request.content)]
        return httpx.Response(
            201,
            json={
                "fromObjectId": path.split("/")[4],
                "fromObjectTypeId": "partner_clients",
                "toObjectId": to_id,
                "toObjectTypeId": to_type,
                "labels": [str(label) for label in labels],
            },
        )
    if path.endswith("/associations/contacts"):
        after = request.url.params.get("after")
        page: dict[str, Any] = {
            "results": [
                {
                    "toObjectId": after or "1",
                    "associationTypes": [{"category": "USER_DEFINED", "typeId": 7, "label": "Mentor"}],
                }
            ]
        }
        if after is None:
            page["paging"] = {"next": {"after": "2"}}
        return httpx.Response(200, json=page)
    if path.endswith("/batch/read") or path.endswith("/batch/update"):
        inputs = json.loads(request.content)["inputs"]
        results = [_object(item["id"]) for item in inputs]
        return httpx.Response(
            200, json={"status": "COMPLETE", "results": results, "startedAt": NOW, "completedAt": NOW}
        )
    return httpx.Response(
        404, json={"status": "error", "message": "no", "correlationId": "c", "category": "OBJECT_NOT_FOUND"}
    )


@pytest.fixture
def recorded() -> Iterator[tuple[HubSpotClient, Sent]]:
    sent: Sent = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return _answer(request)

    transport = httpx.MockTransport(handle)
    with create_client(
        "token", rate_limit=None, httpx_args={"transport": transport, "async_transport": transport}
    ) as client:
        yield client, sent


def test_associate_sends_the_labels_as_association_specs_and_reads_the_201(
    recorded: tuple[HubSpotClient, Sent],
) -> None:
    client, sent = recorded
    labels: list[AssociationSpecParam | AssociationSpec] = [
        {"associationCategory": "USER_DEFINED", "associationTypeId": 7},
        AssociationSpec(AssociationCategory.HUBSPOT_DEFINED, 1),
    ]

    answer = client.v2026_03.partner_clients.associate("42", "contacts", "9", labels)

    assert isinstance(answer, LabelsBetweenObjectPair)
    assert answer.labels == ["7", "1"]
    assert sent[0].method == "PUT"
    assert sent[0].url.path == f"{BASE}/42/associations/contacts/9"
    assert json.loads(sent[0].content) == [
        {"associationCategory": "USER_DEFINED", "associationTypeId": 7},
        {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 1},
    ]


def test_list_associations_pages_by_2026_03s_largest_page(recorded: tuple[HubSpotClient, Sent]) -> None:
    client, sent = recorded

    found = list(client.v2026_03.partner_clients.list_associations("42", "contacts"))

    assert [item.to_object_id for item in found] == ["1", "2"]
    assert found[0].association_types[0].label == "Mentor"
    assert [request.url.params.get("after") for request in sent] == [None, "2"]
    largest = DATED.limit("list_associations", "max_page_size")
    assert {request.url.params["limit"] for request in sent} == {str(largest)}


@pytest.mark.asyncio
async def test_the_async_twin_lists_through_2026_03(recorded: tuple[HubSpotClient, Sent]) -> None:
    client, sent = recorded

    found = [item async for item in client.aio.v2026_03.partner_clients.list_associations("42", "contacts")]

    assert len(found) == 2
    assert all(request.url.path.startswith(BASE) for request in sent)


def test_bulk_methods_send_through_their_versions_batch_operations(
    recorded: tuple[HubSpotClient, Sent],
) -> None:
    client, sent = recorded

    updated = client.v2026_03.partner_clients.bulk_update([{"id": "1", "properties": {"a": "b"}}])
    read = client.v2026_03.partner_clients.bulk_read(["2", "3"])
    client.partner_clients.bulk_read(["4"])

    assert updated.status == "COMPLETE"
    assert read.status == "COMPLETE"
    assert [request.url.path for request in sent] == [
        f"{BASE}/batch/update",
        f"{BASE}/batch/read",
        "/crm/v3/objects/partner_clients/batch/read",
    ]


def test_the_transports_table_finds_every_versions_operations() -> None:
    found = OPERATIONS.find("PUT", f"{BASE}/42/associations/default/contacts/9")
    assert found is not None
    assert found.name == "associate_default"
    assert found is DATED.named("associate_default")
    assert OPERATIONS.named("associate_default") is None  # a name is looked up in its own version
    v3 = OPERATIONS.find("POST", "/crm/v3/objects/partner_clients/batch/update")
    assert v3 is OPERATIONS.named("batch_update")
    assert v2026_03.__doc__ is not None
