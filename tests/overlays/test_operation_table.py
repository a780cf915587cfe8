"""The operation table's lookups of HubSpot's limits: a limit a module needs and the document does not
state is a clear error at import, naming the operation, the limit and where to state it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from hubspot_partner_clients import pagination
from hubspot_partner_clients._operations import OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
# The checkout these tests run from, not whatever copy of the package an interpreter would find.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "generated")])}


def test_a_limit_is_read_from_its_operations_row() -> None:
    batch_update = OPERATIONS.named("batch_update")
    assert batch_update is not None
    assert OPERATIONS.limit("batch_update", "max_inputs") == batch_update.max_inputs


def test_a_limit_the_document_does_not_state_is_a_clear_lookup_error() -> None:
    with pytest.raises(
        LookupError, match=r"no max_inputs for operation 'get_by_id'.*openapi/partner-clients\.yaml"
    ):
        OPERATIONS.limit("get_by_id", "max_inputs")
    with pytest.raises(LookupError, match=r"no max_inputs for operation 'no_such_operation'"):
        OPERATIONS.limit("no_such_operation", "max_inputs")


def test_an_undeclared_window_is_a_clear_lookup_error() -> None:
    assert OPERATIONS.window("search").name == "search"
    with pytest.raises(LookupError, match=r"no rate-limit window 'hourly'.*x-rate-limit-windows"):
        OPERATIONS.window("hourly")


def test_a_search_model_without_a_first_cursor_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # HubSpot requires `after` on every page; the paginator takes the first page's from the model's
    # default, and says so when the model has none rather than send an incomplete first page.
    @attrs.define
    class NoFirstCursor:
        after: str

    monkeypatch.setattr(pagination, "PublicObjectSearchRequest", NoFirstCursor)
    with pytest.raises(LookupError, match=r"PublicObjectSearchRequest\.after has no default"):
        pagination._first_search_cursor()


def test_the_other_versions_tables_load_at_the_first_lookup() -> None:
    # The cold-start benchmark counts on this: building a client and importing an operation import
    # no other version's table and build no lookup index (whose patterns are compiled with it); the
    # first lookup does both, once.
    code = (
        "import sys, re, hubspot_partner_clients as h; h.create_client(token='x'); "
        "from hubspot_partner_clients.api.partner_clients import get_by_id; "
        "from hubspot_partner_clients._operations import OPERATIONS; "
        "print('hubspot_partner_clients.v2026_03._operations' in sys.modules, OPERATIONS._by_shape); "
        "found = OPERATIONS.find('GET', '/crm/objects/2026-03/partner_clients/123'); "
        "print('hubspot_partner_clients.v2026_03._operations' in sys.modules); "
        "index = OPERATIONS._by_shape; "
        "again = OPERATIONS.find('get', '/crm/objects/2026-03/partner_clients/9'); "
        "print(found.name, found.path, found is again, index is not None and OPERATIONS._by_shape is index)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=ENV)
    output = run.stdout

    assert output.splitlines() == [
        "False None",
        "True",
        "get_by_id /crm/objects/2026-03/partner_clients/{partnerClientId} True True",
    ]


def test_a_path_matches_its_pattern_in_full_only() -> None:
    assert OPERATIONS.find("GET", "/crm/v3/objects/partner_clients/123") == OPERATIONS.named("get_by_id")
    assert OPERATIONS.find("GET", "/crm/v3/objects/partner_clients/123/extra") is None
    assert OPERATIONS.find("GET", "/x/crm/v3/objects/partner_clients") is None
    assert OPERATIONS.find("POST", "/crm/v3/objects/partner_clients/123") is None
