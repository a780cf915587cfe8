"""HubSpot's Error shape, bad input, authentication and scopes."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from hubspot_double import READ_ONLY_TOKEN, WRITE_SCOPE, AuthConfig, HubSpotDouble, StoreConfig

PATH = "/crm/v3/objects/partner_clients"


def _assert_error_shape(body: dict[str, Any], category: str) -> None:
    assert body["status"] == "error"
    assert body["category"] == category
    assert isinstance(body["message"], str)
    assert body["message"]
    uuid.UUID(body["correlationId"])
    assert isinstance(body["context"], dict)
    assert isinstance(body["links"], dict)


@pytest.mark.parametrize(
    ("method", "url", "content"),
    [
        ("POST", f"{PATH}/search", b"{not json"),
        ("POST", f"{PATH}/batch/update", b""),
        ("POST", f"{PATH}/batch/read", b"\xff\xfe"),
        ("PATCH", f"{PATH}/1000001", b"[1"),
        ("PATCH", f"{PATH}/1000001", b'"just a string"'),
        ("POST", f"{PATH}/search", b"42"),
    ],
)
def test_malformed_or_mistyped_json_is_400_in_error_shape(
    client: httpx.Client, method: str, url: str, content: bytes
) -> None:
    r = client.request(method, url, content=content, headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    _assert_error_shape(r.json(), "VALIDATION_ERROR")
    assert "Traceback" not in r.text


def test_wrong_query_types_are_400(client: httpx.Client) -> None:
    for params in ({"archived": "maybe"}, {"limit": "x"}):
        r = client.get(PATH, params=params)
        assert r.status_code == 400
        _assert_error_shape(r.json(), "VALIDATION_ERROR")


def test_unknown_route_and_method_use_error_shape(client: httpx.Client) -> None:
    r = client.get("/crm/v3/objects/partner_clients/1/nothing/here")
    assert r.status_code == 404
    assert r.json()["status"] == "error"
    r = client.post(f"{PATH}/1000001", json={})
    assert r.status_code == 405
    assert r.json()["status"] == "error"


def test_not_found_error_shape(client: httpx.Client) -> None:
    r = client.get(f"{PATH}/31337")
    _assert_error_shape(r.json(), "OBJECT_NOT_FOUND")
    assert r.headers["x-hubspot-correlation-id"] == r.json()["correlationId"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic double-token"}],
    ids=["none", "wrong", "scheme"],
)
def test_missing_or_wrong_token_is_401(double: HubSpotDouble, headers: dict[str, str]) -> None:
    r = httpx.get(f"{double.base_url}{PATH}", headers=headers)
    assert r.status_code == 401
    _assert_error_shape(r.json(), "INVALID_AUTHENTICATION")


WRITES = [
    ("PATCH", f"{PATH}/1000001", {"properties": {"name": "x"}}),
    ("POST", f"{PATH}/batch/update", {"inputs": [{"id": "1000001", "properties": {"name": "x"}}]}),
    ("PUT", f"{PATH}/1000001/associations/contacts/5/x", None),
    ("DELETE", f"{PATH}/1000001/associations/contacts/5/x", None),
]


@pytest.mark.parametrize(("method", "url", "body"), WRITES, ids=[w[0] + w[1][-12:] for w in WRITES])
def test_read_only_token_gets_403_on_writes(
    double: HubSpotDouble, make_client: Any, method: str, url: str, body: Any
) -> None:
    client = make_client(double, READ_ONLY_TOKEN)
    r = client.request(method, url, json=body)
    assert r.status_code == 403
    error = r.json()
    _assert_error_shape(error, "MISSING_SCOPES")
    assert error["context"] == {"requiredScopes": [WRITE_SCOPE]}
    assert not double.store.write_counts


def test_read_only_token_can_read(double: HubSpotDouble, make_client: Any) -> None:
    client = make_client(double, READ_ONLY_TOKEN)
    assert client.get(PATH).status_code == 200
    assert client.post(f"{PATH}/search", json={}).status_code == 200
    assert client.post(f"{PATH}/batch/read", json={"inputs": [{"id": "1000001"}]}).status_code == 200


def test_tokens_and_scopes_are_configurable(make_double: Any, make_client: Any) -> None:
    double = make_double(
        auth=AuthConfig(tokens={"only-write": frozenset({WRITE_SCOPE})}), store=StoreConfig(objects=5)
    )
    client = make_client(double, "only-write")
    assert double.token == "only-write"
    assert client.patch(f"{PATH}/1000001", json={"properties": {"name": "x"}}).status_code == 200
    r = client.get(PATH)
    assert r.status_code == 403
    assert r.json()["context"] == {"requiredScopes": ["crm.objects.partner-clients.read"]}
