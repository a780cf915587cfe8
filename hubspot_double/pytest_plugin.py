"""A pytest fixture that runs a double for one test.

Use it from a conftest with ``pytest_plugins = ["hubspot_double.pytest_plugin"]``
(root conftest) or ``from hubspot_double.pytest_plugin import hubspot_double``.
Rate limiting is off so that tests exercise behaviour, not the clock; a test
that wants limits starts its own ``HubSpotDouble(DoubleConfig(...))``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .config import DoubleConfig, RateLimitConfig, StoreConfig
from .server import HubSpotDouble


@pytest.fixture
def hubspot_double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=200), rate_limit=RateLimitConfig(enabled=False))
    with HubSpotDouble(config) as double:
        yield double
