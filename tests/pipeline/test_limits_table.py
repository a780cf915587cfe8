"""HubSpot's limits are stated once, in the document: a change there reaches the SDK, the double and
the benchmarks through generation alone, and a limit the pipeline cannot place fails generation.

As in test_overlay_hooks.py, each case edits a copy of the document as data and regenerates it with
``pipeline.build`` (staged, generated/ untouched); the changed package then runs in a child process,
first on its path, with the checkout's overlays, double and benchmarks, none of them edited.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import bundle, operations, pipeline
from generator.generation_error import GenerationError

PACKAGE = "hubspot_partner_clients"
REPO = Path(__file__).resolve().parents[2]
SEARCH_PATH = "/crm/v3/objects/partner_clients/search"
UPDATE_PATH = "/crm/v3/objects/partner_clients/batch/update"

Document = dict[str, Any]

BATCH = 7  # instead of HubSpot's 100
CAP = 450  # instead of HubSpot's 10,000: not a multiple of the search page (200)


def _load() -> Document:
    document: Document = bundle.bundle(pipeline.DOCUMENT)
    return document


def _document(tmp_path: Path, *edits: Callable[[Document], None]) -> Path:
    """A copy of the document with `edits` applied to its data."""
    document = _load()
    for edit in edits:
        edit(document)
    path = tmp_path / "partner-clients.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _schemas(document: Document) -> dict[str, Any]:
    schemas: dict[str, Any] = document["components"]["schemas"]
    return schemas


def _search(document: Document) -> dict[str, Any]:
    operation: dict[str, Any] = document["paths"][SEARCH_PATH]["post"]
    return operation


def _smaller_batches(document: Document) -> None:
    for name in ("BatchInputSimplePublicObjectBatchInput", "BatchReadInputSimplePublicObjectId"):
        _schemas(document)[name]["properties"]["inputs"]["maxItems"] = BATCH


def _smaller_search_cap(document: Document) -> None:
    _search(document)["x-max-results"] = CAP


def _an_hourly_window_for_batch_updates(document: Document) -> None:
    # A window and a group no code knows by name: the limiter and the double must spend it anyway.
    document["x-rate-limit-windows"]["hourly"] = {"max-requests": 1000, "interval-seconds": 3600}
    document["x-rate-limit-groups"]["bulk"] = ["ten-secondly", "hourly"]
    document["paths"][UPDATE_PATH]["post"]["x-rate-limit-group"] = "bulk"


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package generated with batches of 7, a search cap of 450 and an hourly window on batch updates."""
    tmp = tmp_path_factory.mktemp("limits")
    source = _document(tmp, _smaller_batches, _smaller_search_cap, _an_hourly_window_for_batch_updates)
    tree = pipeline.build(source, tmp)
    (tmp / "overlays").symlink_to(REPO / "overlays", target_is_directory=True)
    return tree / PACKAGE


def _run_in(package: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """Run `command` with `package` (not the checkout's) first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(package.parent), str(REPO)])}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, check=False)


def _python_in(package: Path, code: str) -> str:
    result = _run_in(package, sys.executable, "-c", textwrap.dedent(code))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_the_sdk_chunks_pages_and_spends_by_the_changed_document(changed: Path) -> None:
    out = _python_in(
        changed,
        f"""
        import math
        from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
        import {PACKAGE}
        from {PACKAGE} import bulk_update, create_client, paginate
        from {PACKAGE}.api.partner_clients import search
        from {PACKAGE}.models import PublicObjectSearchRequest
        assert {PACKAGE}._operations.__file__.startswith({str(changed)!r})

        config = DoubleConfig(store=StoreConfig(objects=1000, archived_every=0))
        with HubSpotDouble(config) as double:
            client = create_client(double.token, base_url=double.base_url)
            ids = double.store.ids()
            # bulk: chunks of the document's batch size; one more is refused before sending.
            result = bulk_update(client, [{{"id": i, "properties": {{"name": "n"}}}} for i in ids[:20]])
            assert result.succeeded == 20, (result.status, result.errors[:1])
            sizes = [len(r.json()["inputs"]) for r in double.requests.matching(path_contains="/batch/update")]
            # Chunks run concurrently: they may reach the double in any order.
            assert sorted(sizes) == sorted([{BATCH}, {BATCH}, 20 - 2 * {BATCH}]), sizes
            try:
                bulk_update(client, [], chunk_size={BATCH + 1})
            except ValueError as exc:
                assert "between 1 and {BATCH}" in str(exc), exc
            else:
                raise AssertionError("chunk_size above the batch size was accepted")
            # The hourly window the document added is spent by batch updates, and by nothing else.
            assert len(client.limiter._windows["hourly"].sent) == 3
            assert len(client.limiter._windows["ten-secondly"].sent) == 3
            # pagination: the walk restarts before the document's cap, and never pages past it.
            double.requests.clear()
            body = PublicObjectSearchRequest(filter_groups=[], sorts=[], properties=[])
            found = [o.id for o in paginate(search.sync, client=client, body=body)]
            assert found == ids, (len(found), len(ids))
            bodies = [r.json() for r in double.requests.matching(path_contains="/search")]
            assert max(int(b["after"]) + b["limit"] for b in bodies) <= {CAP}
            restarts = sum(b["after"] == "0" for b in bodies) - 1
            assert restarts == math.ceil(1000 / 400) - 1, [(b["after"], b["filterGroups"]) for b in bodies]
            client.close()
        print("ok")
        """,
    )
    assert out == "ok\n"


def test_the_double_refuses_by_the_changed_document(changed: Path) -> None:
    out = _python_in(
        changed,
        f"""
        import httpx
        from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig

        config = DoubleConfig(store=StoreConfig(objects=600, archived_every=0))
        with HubSpotDouble(config) as double:
            auth = {{"Authorization": f"Bearer {{double.token}}"}}
            http = httpx.Client(base_url=double.base_url, headers=auth)
            ids = double.store.ids()
            batch = [{{"id": i, "properties": {{"name": "n"}}}} for i in ids[: {BATCH + 1}]]
            refused = http.post("{UPDATE_PATH}", json={{"inputs": batch}})
            assert refused.status_code == 400 and "{BATCH}" in refused.json()["message"], refused.text[:300]
            assert http.post("{UPDATE_PATH}", json={{"inputs": batch[:-1]}}).status_code == 200
            read = [{{"id": i}} for i in ids[: {BATCH + 1}]]
            read_path = "{UPDATE_PATH}".replace("update", "read")
            assert http.post(read_path, json={{"inputs": read}}).status_code == 400
            past = http.post("{SEARCH_PATH}", json={{"limit": 200, "after": "400"}})
            assert past.status_code == 400 and "{CAP}" in past.json()["message"], past.text[:300]
            assert http.post("{SEARCH_PATH}", json={{"limit": 50, "after": "400"}}).status_code == 200
            http.close()
        print("ok")
        """,
    )
    assert out == "ok\n"


def test_the_benchmarks_measure_by_the_changed_document(changed: Path) -> None:
    out = _python_in(
        changed,
        f"""
        from bench import bulk, parse
        assert bulk.BATCH == parse.BATCH == {BATCH}, (bulk.BATCH, parse.BATCH)
        figure = bulk.run(updates=30, max_requests=100, interval=1.0, runs=1)
        assert figure.extra["requests_per_run"] == figure.extra["requests_answered"] == 5, figure.extra
        assert figure.extra["inputs_applied"] == 30
        print("ok")
        """,
    )
    assert out == "ok\n"


def test_the_package_tests_of_limits_pass_unchanged_against_the_changed_document(changed: Path) -> None:
    """The tests that check limits read them from the table too: none needs an edit."""
    result = _run_in(
        changed,
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/double/test_limits.py",
        "tests/overlays/test_bulk.py",
        "-k",
        "not ten_thousand_updates",  # 1,429 batches of 7 through faults: minutes, and nothing new
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


# -- what generation refuses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (lambda d: _search(d).update({"x-rate-limit-group": "searches"}), "x-rate-limit-group 'searches'"),
        (
            lambda d: _search(d).update({"x-hubspot-rate-limit-exemptions": ["tensecondly"]}),
            "x-hubspot-rate-limit-exemptions names unknown rate-limit window(s) ['tensecondly']",
        ),
    ],
    ids=["unknown-group", "unknown-exemption"],
)
def test_an_unknown_group_or_exemption_fails_generation_naming_it(
    tmp_path: Path, edit: Callable[[Document], None], named: str
) -> None:
    source = _document(tmp_path, edit)
    with pytest.raises(GenerationError) as raised:
        pipeline.build(source, tmp_path)

    message = str(raised.value)
    assert named in message
    assert "operation 'search'" in message
    assert "in version v3, generated from partner-clients.yaml" in message
    assert not (tmp_path / "generated").exists()


def _without_windows(d: Document) -> None:
    del d["x-rate-limit-windows"]


def _without_default_group(d: Document) -> None:
    del d["x-rate-limit-groups"]["default"]


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (_without_windows, "declares no x-rate-limit-windows"),
        (
            lambda d: d["x-rate-limit-windows"]["search"].pop("interval-seconds"),
            "x-rate-limit-windows.search",
        ),
        (
            lambda d: d["x-rate-limit-windows"]["search"].update({"max-requests": 0}),
            "x-rate-limit-windows.search",
        ),
        (_without_default_group, "no `default` group"),
        (
            lambda d: d["x-rate-limit-groups"].update({"search": ["search", "minutely"]}),
            "x-rate-limit-groups.search: spends unknown rate-limit window(s) ['minutely']",
        ),
        (lambda d: d["x-rate-limit-groups"].update({"search": "search"}), "must be a list of window names"),
        (
            lambda d: _search(d).update({"x-hubspot-rate-limit-exemptions": "ten-secondly"}),
            "x-hubspot-rate-limit-exemptions must be a list",
        ),
        (lambda d: _search(d).update({"x-max-results": "lots"}), "its x-max-results must be a whole number"),
        (
            lambda d: _schemas(d)["PublicObjectSearchRequest"].update({"x-max-filters": 0}),
            "its x-max-filters must be a whole number >= 1; got 0",
        ),
    ],
    ids=[
        "no-windows",
        "window-without-interval",
        "window-of-zero",
        "no-default-group",
        "group-of-unknown-window",
        "group-not-a-list",
        "exemptions-not-a-list",
        "cap-not-a-number",
        "filters-zero",
    ],
)
def test_a_limit_the_table_cannot_hold_is_refused_naming_it(
    edit: Callable[[Document], None], named: str
) -> None:
    document = copy.deepcopy(_load())
    edit(document)
    with pytest.raises(GenerationError) as raised:
        operations.operation_rows(document)
    assert named in str(raised.value)


def test_a_module_that_needs_a_limit_the_document_lost_fails_on_import(tmp_path: Path) -> None:
    def drop_batch_size(document: Document) -> None:
        del _schemas(document)["BatchInputSimplePublicObjectBatchInput"]["properties"]["inputs"]["maxItems"]

    tree = pipeline.build(_document(tmp_path, drop_batch_size), tmp_path)
    (tmp_path / "overlays").symlink_to(REPO / "overlays", target_is_directory=True)
    result = _run_in(tree / PACKAGE, sys.executable, "-c", f"import {PACKAGE}.bulk")

    assert result.returncode != 0
    assert "no max_inputs for operation 'batch_update'" in result.stderr
    assert "openapi/partner-clients.yaml" in result.stderr
