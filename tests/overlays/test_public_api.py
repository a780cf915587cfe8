"""The package's top-level names: what `import hubspot_partner_clients` promises."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import hubspot_partner_clients
from hubspot_partner_clients import _version, api, bulk, errors, hubspot_client, pagination
from hubspot_partner_clients._operations import OPERATIONS

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


def test_importing_the_package_loads_no_overlay_it_does_not_need() -> None:
    # The cold-import benchmark's goal depends on this: bulk and pagination are
    # imported on first use of one of their names.
    code = (
        "import sys, hubspot_partner_clients as h; "
        "before = {m for m in sys.modules if m.startswith('hubspot_partner_clients.')}; "
        "h.bulk_update; "
        "print(sorted(before)); print('hubspot_partner_clients.bulk' in sys.modules)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

    loaded, bulk_after = output.splitlines()
    assert "bulk" not in loaded
    assert "pagination" not in loaded
    assert bulk_after == "True"


def test_public_names_are_the_overlays_own_objects() -> None:
    assert hubspot_partner_clients.create_client is hubspot_client.create_client
    assert hubspot_partner_clients.paginate is pagination.paginate
    assert hubspot_partner_clients.bulk_update is bulk.bulk_update
    assert hubspot_partner_clients.NotFoundError is errors.NotFoundError
    assert set(hubspot_partner_clients.__all__) <= set(dir(hubspot_partner_clients))


def test_version_from_a_bare_checkout_is_marked_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_version, "DISTRIBUTION", "hubspot-partner-clients-not-installed")
    assert _version.package_version() == "0+unknown"


def test_the_operation_table_lists_every_generated_operation_module() -> None:
    folder = Path(api.__file__).parent / "partner_clients"
    modules = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    assert {operation.name for operation in OPERATIONS} == modules
    assert len(OPERATIONS) == len(modules)
    assert all(OPERATIONS.named(name) is not None for name in modules)
    assert OPERATIONS.named("no_such_operation") is None
