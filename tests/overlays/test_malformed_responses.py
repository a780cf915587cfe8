"""Success answers the SDK cannot read raise MalformedResponseError, after retries where a retry can help.

Through the real call path (create_client, the retry transport, the generated
endpoint) against the double's scripted answers, sync and async, through every API version (the
`api_version` fixture).
"""

from __future__ import annotations

import asyncio
import inspect
import json
import pickle
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import HubSpotError, MalformedResponseError
from hubspot_partner_clients.hubspot_client import create_client
from hubspot_partner_clients.retry import RetryEvent, RetryPolicy
from tests._versions import ApiVersion

NO_RETRY = RetryPolicy(max_attempts=1)
THREE_FAST = RetryPolicy(max_attempts=3, initial_delay=0.001, max_delay=0.002)
JSON = "application/json"


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=10), rate_limit=RateLimitConfig(enabled=False))
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture(scope="module")
def good(double: HubSpotDouble) -> dict[str, Any]:
    """A real answer of get_by_id, to break one field of."""
    headers = {"Authorization": f"Bearer {double.token}"}
    answer = httpx.get(f"{double.base_url}/crm/v3/objects/partner_clients/1000001", headers=headers)
    parsed: dict[str, Any] = answer.json()
    return parsed


@pytest.fixture
def fresh(double: HubSpotDouble, good: dict[str, Any]) -> HubSpotDouble:  # noqa: ARG001 - requested so that good's own request is made before the reset
    double.reset()
    return double


def _body(case: str, good: dict[str, Any]) -> tuple[bytes, str | None, type[BaseException]]:
    """A body HubSpot should not send, its Content-Type, and what parsing it raised before."""
    whole = json.dumps(good).encode()
    bodies: dict[str, tuple[bytes, str | None, type[BaseException]]] = {
        "empty object": (b"{}", JSON, KeyError),
        "null": (b"null", JSON, TypeError),
        "not JSON": (b"<html><body>Service temporarily unavailable</body></html>", "text/html", ValueError),
        "truncated": (whole[: len(whole) // 2], JSON, ValueError),
        "empty body": (b"", None, ValueError),
        "createdAt yesterday": (json.dumps({**good, "createdAt": "yesterday"}).encode(), JSON, ValueError),
        # A required field that is not an object.
        "wrong type": (json.dumps({**good, "properties": 7}).encode(), JSON, TypeError),
    }
    return bodies[case]


CASES = ["empty object", "null", "not JSON", "truncated", "empty body", "createdAt yesterday", "wrong type"]
# Those a second attempt may cure: the answer did not arrive whole, or is not JSON at all.
RETRIED = {"not JSON", "truncated", "empty body"}


def _get(
    mode: str,
    api_version: ApiVersion,
    double: HubSpotDouble,
    policy: RetryPolicy,
    events: list[RetryEvent] | None = None,
) -> str:
    get_by_id = api_version.op("get_by_id")
    client = create_client(
        double.token,
        base_url=double.base_url,
        retry=policy,
        rate_limit=None,
        on_retry=events.append if events is not None else None,
    )
    if mode == "sync":
        with client:
            return str(get_by_id.sync("1000001", client=client).id)

    async def main() -> str:
        async with client:
            return str((await get_by_id.asyncio("1000001", client=client)).id)

    return asyncio.run(main())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", CASES)
def test_an_unreadable_success_raises_one_typed_error(
    fresh: HubSpotDouble, good: dict[str, Any], case: str, mode: str, api_version: ApiVersion
) -> None:
    body, content_type, raw = _body(case, good)
    fresh.faults.script_answer(body, content_type=content_type)
    with pytest.raises(MalformedResponseError) as caught:
        _get(mode, api_version, fresh, NO_RETRY)
    error = caught.value
    assert isinstance(error, HubSpotError)
    assert isinstance(error.__cause__, raw)  # what used to reach the caller
    assert (error.status_code, error.operation, error.method) == (200, "get_by_id", "GET")
    assert error.url.startswith(fresh.base_url + api_version.path("/1000001"))
    assert error.correlation_id is not None
    assert uuid.UUID(error.correlation_id)  # from the X-HubSpot-Correlation-Id header
    assert error.body_snippet == body[:200].decode()
    assert "get_by_id" in str(error)
    assert error.correlation_id in str(error)
    assert len(str(error)) < 1000  # the body is bounded, however long
    assert fresh.token not in str(error)


def test_the_snippet_is_bounded_and_the_error_pickles(
    fresh: HubSpotDouble, good: dict[str, Any], api_version: ApiVersion
) -> None:
    long = json.dumps({**good, "createdAt": "yesterday", "padding": "x" * 5000}).encode()
    fresh.faults.script_answer(long)
    with pytest.raises(MalformedResponseError) as caught:
        _get("sync", api_version, fresh, NO_RETRY)
    error = caught.value
    assert error.body_snippet == long[:200].decode()
    assert error.body is not None
    assert error.body["createdAt"] == "yesterday"
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is MalformedResponseError
    assert (str(copy), copy.status_code, copy.operation, copy.correlation_id, copy.body_snippet) == (
        str(error),
        200,
        "get_by_id",
        error.correlation_id,
        error.body_snippet,
    )


def test_a_207_batch_answer_that_cannot_be_read_is_malformed_too(
    fresh: HubSpotDouble, api_version: ApiVersion
) -> None:
    batch_read = api_version.op("batch_read")
    fresh.faults.script_answer(b'{"status": "COMPLETE"}', status=207)
    models = api_version.models
    body = models.BatchReadInputSimplePublicObjectId(
        inputs=[models.SimplePublicObjectId(id="1000001")], properties=[], properties_with_history=[]
    )
    with (
        create_client(fresh.token, base_url=fresh.base_url, retry=NO_RETRY) as client,
        pytest.raises(MalformedResponseError) as caught,
    ):
        batch_read.sync(client=client, body=body)
    assert (caught.value.status_code, caught.value.operation, caught.value.method) == (
        207,
        "batch_read",
        "POST",
    )


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", sorted(RETRIED))
def test_an_incomplete_or_non_json_success_is_retried(
    fresh: HubSpotDouble, good: dict[str, Any], case: str, mode: str, api_version: ApiVersion
) -> None:
    body, content_type, _ = _body(case, good)
    fresh.faults.script_answer(body, content_type=content_type, times=2)
    events: list[RetryEvent] = []
    assert _get(mode, api_version, fresh, THREE_FAST, events) == "1000001"
    assert [(e.operation, e.status, e.attempt) for e in events] == [
        ("get_by_id", 200, 1),
        ("get_by_id", 200, 2),
    ]
    assert len(fresh.requests) == 3


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_double_s_truncated_answer_is_retried_then_raises(
    fresh: HubSpotDouble, mode: str, api_version: ApiVersion
) -> None:
    fresh.faults.script("truncate", times=3)
    events: list[RetryEvent] = []
    with pytest.raises(MalformedResponseError) as caught:
        _get(mode, api_version, fresh, THREE_FAST, events)
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)
    assert [e.attempt for e in events] == [1, 2]
    assert len(fresh.requests) == 3


@pytest.mark.parametrize("case", sorted(set(CASES) - RETRIED))
def test_json_of_the_wrong_shape_is_not_retried(
    fresh: HubSpotDouble, good: dict[str, Any], case: str, api_version: ApiVersion
) -> None:
    # The same server would send the same shape again: a retry only costs time and budget.
    body, content_type, _ = _body(case, good)
    fresh.faults.script_answer(body, content_type=content_type, times=3)
    events: list[RetryEvent] = []
    with pytest.raises(MalformedResponseError):
        _get("sync", api_version, fresh, THREE_FAST, events)
    assert events == []
    assert len(fresh.requests) == 1


def test_a_204_s_empty_body_is_not_a_broken_one(fresh: HubSpotDouble, api_version: ApiVersion) -> None:
    remove_association = api_version.op("remove_association")
    events: list[RetryEvent] = []
    with create_client(
        fresh.token, base_url=fresh.base_url, retry=THREE_FAST, rate_limit=None, on_retry=events.append
    ) as client:
        # Each version's own arguments: v3's names the association type, 2026-03's removes every type.
        arguments = {
            "partner_client_id": "1000001",
            "to_object_type": "contacts",
            "to_object_id": "1",
            "association_type": "partner_client_to_contact",
        }
        taken = inspect.signature(remove_association.sync).parameters
        remove_association.sync(client=client, **{k: v for k, v in arguments.items() if k in taken})
    assert events == []
    assert [(r.status, r.path.startswith(api_version.prefix)) for r in fresh.requests] == [(204, True)]
