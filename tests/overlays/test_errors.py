"""Typed errors (overlays/errors.py): each class for its status, with its fields, from the double.

Every test that calls an operation runs once per API version (the `api_version` fixture).
"""

from __future__ import annotations

import asyncio
import email.utils
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from hubspot_double import READ_ONLY_TOKEN, DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients.api.partner_clients import list_page
from hubspot_partner_clients.errors import (
    AuthenticationError,
    ConflictError,
    HubSpotError,
    MissingScopesError,
    NotFoundError,
    RateLimitError,
    ServerError,
    UnexpectedStatus,
    ValidationError,
    parse_retry_after,
)
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client
from hubspot_partner_clients.retry import RetryPolicy
from tests._versions import ApiVersion

NO_RETRY = RetryPolicy(max_attempts=1)


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=10), rate_limit=RateLimitConfig(enabled=False))
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture(scope="module")
def object_id(double: HubSpotDouble) -> str:
    with create_client(double.token, base_url=double.base_url) as client:
        return list_page.sync(client=client, limit=1).results[0].id


@pytest.fixture
def client(double: HubSpotDouble, object_id: str) -> Iterator[HubSpotClient]:  # noqa: ARG001 - requested so that object_id's own request is made before the reset
    double.reset()
    with create_client(double.token, base_url=double.base_url, retry=NO_RETRY) as made:
        yield made


def _raised(call: object) -> HubSpotError:
    assert callable(call)
    with pytest.raises(HubSpotError) as caught:
        call()
    return caught.value


def _batch(api_version: ApiVersion, ids: list[str]) -> Any:
    models = api_version.models
    return models.BatchReadInputSimplePublicObjectId(
        inputs=[models.SimplePublicObjectId(id=i) for i in ids], properties=[], properties_with_history=[]
    )


def test_404_not_found_with_hubspot_fields(client: HubSpotClient, api_version: ApiVersion) -> None:
    get_by_id = api_version.op("get_by_id")
    error = _raised(lambda: get_by_id.sync("no-such-id", client=client))
    assert type(error) is NotFoundError
    assert error.status_code == 404
    assert error.category == "OBJECT_NOT_FOUND"
    assert error.correlation_id is not None
    assert uuid.UUID(error.correlation_id)
    assert error.context == {"id": ["no-such-id"]}
    assert error.method == "GET"
    assert error.url.endswith(api_version.path("/no-such-id?archived=false"))
    assert error.body_snippet is None
    assert error.correlation_id in str(error)
    assert error.operation == "get_by_id"
    assert "operation=get_by_id" in str(error)


def test_the_correlation_id_comes_from_the_header_when_the_body_has_none(
    double: HubSpotDouble, client: HubSpotClient, object_id: str, api_version: ApiVersion
) -> None:
    get_by_id = api_version.op("get_by_id")
    double.faults.script_answer(b"upstream said no", status=500, content_type="text/plain")
    error = _raised(lambda: get_by_id.sync(object_id, client=client))
    assert type(error) is ServerError
    assert (error.body, error.body_snippet) == (None, "upstream said no")
    assert error.correlation_id == error.headers["x-hubspot-correlation-id"]
    assert uuid.UUID(error.correlation_id)


def test_an_error_without_an_answer_describes_itself() -> None:
    error = HubSpotError(status_code=None, method="GET", url="https://api.hubapi.com/x", body=None)
    assert (error.message, str(error)) == ("no answer", "GET https://api.hubapi.com/x: no answer")
    odd = HubSpotError(status_code=599, method="GET", url="https://api.hubapi.com/x", body=None)
    assert odd.message == "HTTP 599"


def test_400_validation_with_details(client: HubSpotClient, api_version: ApiVersion) -> None:
    batch_read = api_version.op("batch_read")
    error = _raised(
        lambda: batch_read.sync(client=client, body=_batch(api_version, [str(i) for i in range(101)]))
    )
    assert type(error) is ValidationError
    assert (error.status_code, error.category, error.method) == (400, "VALIDATION_ERROR", "POST")
    assert api_version.path("/batch/read?") in error.url


def test_401_authentication(double: HubSpotDouble, object_id: str, api_version: ApiVersion) -> None:
    get_by_id = api_version.op("get_by_id")
    with create_client("not-a-token", base_url=double.base_url, retry=NO_RETRY) as wrong:
        error = _raised(lambda: get_by_id.sync(object_id, client=wrong))
    assert type(error) is AuthenticationError
    assert (error.status_code, error.category) == (401, "INVALID_AUTHENTICATION")


def test_403_missing_scopes_names_them(
    double: HubSpotDouble, object_id: str, api_version: ApiVersion
) -> None:
    update = api_version.op("update")
    models = api_version.models
    body = models.SimplePublicObjectInput(
        properties=models.SimplePublicObjectInputProperties.from_dict({"a": "b"})
    )
    with create_client(READ_ONLY_TOKEN, base_url=double.base_url, retry=NO_RETRY) as read_only:
        error = _raised(lambda: update.sync(object_id, client=read_only, body=body))
    assert isinstance(error, MissingScopesError)
    assert (error.status_code, error.category, error.method) == (403, "MISSING_SCOPES", "PATCH")
    assert error.context == {"requiredScopes": ["crm.objects.partner-clients.write"]}
    assert error.details[0]["context"] == {"requiredGranularScopes": ["crm.objects.partner-clients.write"]}
    assert "crm.objects.partner-clients.write" in error.required_scopes


def test_409_conflict(
    double: HubSpotDouble, client: HubSpotClient, object_id: str, api_version: ApiVersion
) -> None:
    get_by_id = api_version.op("get_by_id")
    double.faults.script(409)
    error = _raised(lambda: get_by_id.sync(object_id, client=client))
    assert type(error) is ConflictError
    assert (error.status_code, error.category) == (409, "CONFLICT")


def test_429_rolling_and_daily(
    double: HubSpotDouble, client: HubSpotClient, object_id: str, api_version: ApiVersion
) -> None:
    get_by_id = api_version.op("get_by_id")
    double.faults.script(429, retry_after=7)
    rolling = _raised(lambda: get_by_id.sync(object_id, client=client))
    assert isinstance(rolling, RateLimitError)
    assert (rolling.policy_name, rolling.is_daily, rolling.retry_after) == (
        "TEN_SECONDLY_ROLLING",
        False,
        7.0,
    )
    assert rolling.category == "RATE_LIMIT"
    double.faults.script("429_daily")
    daily = _raised(lambda: get_by_id.sync(object_id, client=client))
    assert isinstance(daily, RateLimitError)
    assert (daily.policy_name, daily.is_daily, daily.retry_after) == ("DAILY", True, None)


@pytest.mark.parametrize("status", [500, 503])
def test_5xx_json_is_a_server_error(
    double: HubSpotDouble, client: HubSpotClient, object_id: str, status: int, api_version: ApiVersion
) -> None:
    get_by_id = api_version.op("get_by_id")
    double.faults.script(status)
    error = _raised(lambda: get_by_id.sync(object_id, client=client))
    assert type(error) is ServerError
    assert error.status_code == status
    assert error.correlation_id is not None
    assert error.body_snippet is None


@pytest.mark.parametrize("status", [502, 504])
def test_a_proxys_html_page_keeps_a_snippet(
    double: HubSpotDouble, client: HubSpotClient, object_id: str, status: int, api_version: ApiVersion
) -> None:
    get_by_id = api_version.op("get_by_id")
    double.faults.script(status)
    error = _raised(lambda: get_by_id.sync(object_id, client=client))
    assert type(error) is ServerError
    assert error.body is None
    assert error.body_snippet is not None
    assert error.body_snippet.startswith("<html>")
    assert len(error.body_snippet) <= 200
    assert str(status) in str(error)
    assert error.correlation_id is None


def test_an_unexpected_status(
    double: HubSpotDouble, client: HubSpotClient, object_id: str, api_version: ApiVersion
) -> None:
    get_by_id = api_version.op("get_by_id")
    double.faults.script(418)
    error = _raised(lambda: get_by_id.sync(object_id, client=client))
    assert type(error) is UnexpectedStatus
    assert error.status_code == 418


def test_async_raises_the_same_classes(
    double: HubSpotDouble, object_id: str, api_version: ApiVersion
) -> None:
    get_by_id = api_version.op("get_by_id")
    double.reset()

    async def main() -> None:
        async with create_client(double.token, base_url=double.base_url, retry=NO_RETRY) as made:
            with pytest.raises(NotFoundError):
                await get_by_id.asyncio("no-such-id", client=made)
            double.faults.script(502)
            with pytest.raises(ServerError) as caught:
                await get_by_id.asyncio(object_id, client=made)
            assert caught.value.body_snippet is not None

    asyncio.run(main())


def test_207_is_a_result_not_an_error(client: HubSpotClient, object_id: str, api_version: ApiVersion) -> None:
    batch_read = api_version.op("batch_read")
    answer = batch_read.sync(client=client, body=_batch(api_version, [object_id, "no-such-id"]))
    assert isinstance(answer, api_version.models.BatchResponseSimplePublicObjectWithErrors)
    assert [r.id for r in answer.results] == [object_id]


def test_parse_retry_after_forms() -> None:
    now = time.time()
    assert parse_retry_after(None) is None
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("inf") is None
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(date, now=now) == pytest.approx(30, abs=1)
    # "-0000" is GMT too, whatever the local time zone is.
    unknown_zone = email.utils.formatdate(now + 30).replace("+0000", "-0000")
    assert parse_retry_after(unknown_zone, now=now) == pytest.approx(30, abs=1)
    assert parse_retry_after(email.utils.formatdate(now - 30, usegmt=True), now=now) == 0.0
