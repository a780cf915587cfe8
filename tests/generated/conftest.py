"""Fixtures for the generated operations: a double and a plain generated client; hypothesis's profiles."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from types import ModuleType
from typing import Any, Protocol

import httpx
import pytest
from hypothesis import HealthCheck, Phase, settings

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import AuthenticatedClient

# The property-based tests (test_response_properties.py): bounded and the same examples on every
# run by default, so that the checks stay fast and a failure reproduces; HYPOTHESIS_PROFILE=explore
# tries many more, fresh each run, and remembers failures in .hypothesis/.
settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    # Without the explain phase, which on these nested bodies costs more than the shrinking: a
    # failure is reported in seconds, with its shrunk body.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    # Bodies of nested pages are large by nature; drawing them is the test, not a slow setup.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("explore", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=300), rate_limit=RateLimitConfig(enabled=False))
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture
def sent(double: HubSpotDouble) -> list[httpx.Request]:
    """The requests the client built, as httpx saw them (raw path included)."""
    double.requests.clear()
    return []


class Caller(Protocol):
    def __call__(self, operation: ModuleType, *args: Any, **kwargs: Any) -> Any: ...


@pytest.fixture(params=["sync", "async"])
def call(
    request: pytest.FixtureRequest, double: HubSpotDouble, sent: list[httpx.Request]
) -> Iterator[Caller]:
    """Call a generated operation module through its sync or its asyncio function."""
    headers = {"Authorization": f"Bearer {double.token}"}

    def record(request: httpx.Request) -> None:
        sent.append(request)

    async def record_async(request: httpx.Request) -> None:
        sent.append(request)

    with AuthenticatedClient(base_url=double.base_url, token=double.token) as client:
        client.set_httpx_client(
            httpx.Client(base_url=double.base_url, headers=headers, event_hooks={"request": [record]})
        )

        def call_sync(operation: ModuleType, *args: Any, **kwargs: Any) -> Any:
            return operation.sync(*args, client=client, **kwargs)

        def call_async(operation: ModuleType, *args: Any, **kwargs: Any) -> Any:
            async def run() -> Any:
                async with httpx.AsyncClient(
                    base_url=double.base_url, headers=headers, event_hooks={"request": [record_async]}
                ) as http:
                    client.set_async_httpx_client(http)
                    return await operation.asyncio(*args, client=client, **kwargs)

            return asyncio.run(run())

        yield call_sync if request.param == "sync" else call_async
