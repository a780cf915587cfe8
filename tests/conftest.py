"""Fixtures for every test folder: `api_version`, which runs a test once per API version."""

from __future__ import annotations

import pytest

from tests._versions import VERSIONS, ApiVersion


@pytest.fixture(params=VERSIONS, ids=[v.name for v in VERSIONS])
def api_version(request: pytest.FixtureRequest) -> ApiVersion:
    """Each version of openapi/versions.toml in turn (tests/_versions.py says what it gives)."""
    version: ApiVersion = request.param
    return version
