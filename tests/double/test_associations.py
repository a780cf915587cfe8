"""Associations: deterministic seeds, paging (the default page from the operation table), PUT and DELETE."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from hubspot_double import HubSpotDouble
from hubspot_partner_clients._operations import OPERATIONS

PATH = "/crm/v3/objects/partner_clients"
FANOUT = "1000001"  # seeded with 1,200 contacts
DEFAULT_PAGE = OPERATIONS.limit("list_associations", "default_page_size")


def _walk(client: httpx.Client, url: str, **params: Any) -> list[list[dict[str, str]]]:
    pages = []
    while True:
        page = client.get(url, params=params).json()
        pages.append(page["results"])
        if "paging" not in page:
            return pages
        params["after"] = page["paging"]["next"]["after"]
        assert "after=" in page["paging"]["next"]["link"]


def test_default_page_and_walk_is_complete(client: httpx.Client, double: HubSpotDouble) -> None:
    pages = _walk(client, f"{PATH}/{FANOUT}/associations/contacts")
    full, rest = divmod(1200, DEFAULT_PAGE)
    assert [len(p) for p in pages] == [DEFAULT_PAGE] * full + ([rest] if rest else [])
    ids = [a["id"] for p in pages for a in p]
    assert ids == list(double.store.associations(double.store.find(FANOUT), "contacts"))  # type: ignore[arg-type]
    assert len(set(ids)) == 1200
    assert {a["type"] for p in pages for a in p} == {"partner_client_to_contact"}


def test_limit_param(client: httpx.Client) -> None:
    assert [len(p) for p in _walk(client, f"{PATH}/{FANOUT}/associations/contacts", limit=400)] == [400] * 3


def test_associations_are_deterministic(make_double: Any, make_client: Any) -> None:
    a, b = make_double(), make_double()
    got = [make_client(d).get(f"{PATH}/1000002/associations/contacts").json() for d in (a, b)]
    assert got[0] == got[1]
    assert got[0]["results"]


def test_put_creates_and_delete_removes(client: httpx.Client) -> None:
    url = f"{PATH}/1000002/associations/companies"
    r = client.put(f"{url}/123/partner_client_to_company")
    assert r.status_code == 200
    assert {"id": "123", "type": "partner_client_to_company"} in r.json()["associations"]["companies"][
        "results"
    ]
    assert "123" in [a["id"] for a in client.get(url).json()["results"]]
    r = client.delete(f"{url}/123/partner_client_to_company")
    assert r.status_code == 204
    assert r.content == b""
    assert "123" not in [a["id"] for a in client.get(url).json()["results"]]


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", f"{PATH}/99/associations/contacts", 404),
        ("GET", f"{PATH}/{FANOUT}/associations/spaceships", 400),
        ("PUT", f"{PATH}/99/associations/contacts/1/x", 404),
        ("PUT", f"{PATH}/{FANOUT}/associations/contacts/abc/x", 400),
        ("DELETE", f"{PATH}/99/associations/contacts/1/x", 404),
    ],
)
def test_association_errors(client: httpx.Client, method: str, url: str, status: int) -> None:
    r = client.request(method, url)
    assert r.status_code == status
    assert r.json()["status"] == "error"
