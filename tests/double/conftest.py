"""Fixtures for the double's own tests: running doubles and plain httpx clients."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_double.pytest_plugin import hubspot_double  # noqa: F401  (the fixture, re-exported)

# Generous limits: present (so headers are real) but never hit by accident.
ROOMY = RateLimitConfig(max_requests=100_000, interval_seconds=1.0, search_max_requests=100_000)

MakeDouble = Callable[..., HubSpotDouble]


@pytest.fixture(autouse=True)
def no_server_left_behind() -> Iterator[None]:
    yield
    alive = [t.name for t in threading.enumerate() if t.name == "hubspot-double"]
    assert not alive, f"server threads still running: {alive}"


@pytest.fixture
def make_double() -> Iterator[MakeDouble]:
    """Start doubles with any config; all are stopped after the test."""
    started: list[HubSpotDouble] = []

    def make(config: DoubleConfig | None = None, *, objects: int = 1000, **parts: object) -> HubSpotDouble:
        if config is None:
            parts.setdefault("rate_limit", ROOMY)
            parts.setdefault("store", StoreConfig(objects=objects))
            config = DoubleConfig(**parts)  # type: ignore[arg-type]
        double = HubSpotDouble(config).start()
        started.append(double)
        return double

    yield make
    for double in started:
        double.stop()


@pytest.fixture
def double(make_double: MakeDouble) -> HubSpotDouble:
    return make_double()


def client_for(double: HubSpotDouble, token: str | None = None, **kwargs: object) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token or double.token}"}
    return httpx.Client(base_url=double.base_url, headers=headers, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def client(double: HubSpotDouble) -> Iterator[httpx.Client]:
    with client_for(double) as c:
        yield c


@pytest.fixture
def make_client() -> Iterator[Callable[..., httpx.Client]]:
    """httpx clients for any double/token; all closed after the test."""
    made: list[httpx.Client] = []

    def make(double: HubSpotDouble, token: str | None = None, **kwargs: object) -> httpx.Client:
        c = client_for(double, token, **kwargs)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()
