"""The package's top-level names: what `import hubspot_partner_clients` promises."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import hubspot_partner_clients

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_version_is_the_one_in_pyproject() -> None:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]

    assert hubspot_partner_clients.__version__ == declared


def test_every_public_name_is_importable() -> None:
    for name in hubspot_partner_clients.__all__:
        assert getattr(hubspot_partner_clients, name) is not None


def test_unknown_attributes_still_raise() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = hubspot_partner_clients.nope
