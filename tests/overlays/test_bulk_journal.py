"""The bulk journal: resume after a stop or a SIGKILL, and refusal of a journal made for something else.

Every run goes through an API version's resource client (`client[.<version>].partner_clients`): once
per version (the `api_version` fixture), but the SIGKILL test (10,000 inputs, six child processes,
about 8 s) runs on the newest version only (tests/_versions.py's NEWEST): the root's path had it
before versions existed, and the other tests here take every version.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.bulk import BulkInterrupted, BulkJournalError, BulkResult, BulkStatus
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client
from hubspot_partner_clients.limiter import RateLimit
from hubspot_partner_clients.retry import RetryPolicy
from tests._versions import NEWEST, ApiVersion

UPDATE = "/batch/update"
CHUNK = min(100, OPERATIONS.limit("batch_update", "max_inputs"))
ROOT = Path(__file__).resolve().parents[2]
RETRY = RetryPolicy(max_attempts=3, initial_delay=0.001, max_delay=0.01, deadline=30.0)
LIMIT = RateLimit(max_requests=100_000, interval=1.0)


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(
        store=StoreConfig(objects=10_000, archived_every=0),
        rate_limit=RateLimitConfig(max_requests=1_000_000, interval_seconds=1.0),
    )
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture(autouse=True)
def clean(double: HubSpotDouble) -> None:
    double.reset()


def make_client(double: HubSpotDouble) -> HubSpotClient:
    return create_client(double.token, base_url=double.base_url, retry=RETRY, rate_limit=LIMIT)


def updates(ids: list[str], tag: str) -> list[dict[str, Any]]:
    return [{"id": i, "properties": {"partner_notes": f"{tag}-{i}"}} for i in ids]


def sent_ids(double: HubSpotDouble, api_version: ApiVersion) -> list[str]:
    """The ids of every batch update sent; each request must have gone to the version's path."""
    sent = double.requests.matching(method="POST", path_contains=UPDATE)
    assert {r.path for r in sent} <= {api_version.path(UPDATE)}
    return [item["id"] for r in sent for item in r.json()["inputs"]]


def test_a_stopped_run_resumes_from_its_journal_sending_only_what_was_not_applied(
    double: HubSpotDouble, tmp_path: Path, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:500]
    inputs = updates(ids, "resume")
    journal = tmp_path / "run.sqlite"

    def stop_after_two(done: int, _total: int | None) -> None:
        if done >= 2 * CHUNK:
            raise RuntimeError("stop here")

    with make_client(double) as client:
        pcs = api_version.resources(client)
        first = pcs.bulk_update(
            inputs, chunk_size=CHUNK, concurrency=1, on_progress=stop_after_two, journal=journal
        )
        assert first.status is BulkStatus.STOPPED
        assert len(first.applied) == 2 * CHUNK
        stopped_sends = sent_ids(double, api_version)
        double.requests.clear()
        second = pcs.bulk_update(inputs, concurrency=2, journal=journal)

    assert second.status is BulkStatus.COMPLETE
    assert second.applied == inputs  # every input across both runs, once, in order
    assert second.not_applied == []
    assert second.errors == []
    assert len(second.objects) == 500
    # The second run sent exactly what the first did not apply.
    first_applied = {x["id"] for x in first.applied}
    assert sorted(sent_ids(double, api_version)) == sorted(set(ids) - first_applied)
    assert len(stopped_sends) > 0
    assert all(double.store.write_counts[i] == 1 for i in ids)


def test_a_finished_journal_sends_nothing_again(
    double: HubSpotDouble, tmp_path: Path, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:150]
    ids_read = ids[:120]
    with make_client(double) as client:
        pcs = api_version.resources(client)
        pcs.bulk_read(ids_read, journal=tmp_path / "read.sqlite")
        double.requests.clear()
        again = pcs.bulk_read(iter(ids_read), journal=tmp_path / "read.sqlite")
    assert len(double.requests) == 0
    assert again.status is BulkStatus.COMPLETE
    assert again.applied == ids_read
    assert sorted(o.id for o in again.objects) == sorted(ids_read)


def test_a_journal_for_other_inputs_or_another_operation_is_refused(
    double: HubSpotDouble, tmp_path: Path, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:150]
    journal = tmp_path / "j.sqlite"
    with make_client(double) as client:
        pcs = api_version.resources(client)
        pcs.bulk_update(updates(ids, "a"), journal=journal)
        double.requests.clear()
        with pytest.raises(BulkJournalError, match=r"input #0 .*other inputs"):
            pcs.bulk_update(updates(ids, "b"), journal=journal)
        with pytest.raises(BulkJournalError, match=r"input #0 .*other inputs"):
            pcs.bulk_update(iter(updates(ids, "b")), journal=journal)
        with pytest.raises(BulkJournalError, match="made for 'batch_update', not 'batch_read'"):
            pcs.bulk_read(ids, journal=journal)
        pcs.bulk_read(ids[:5], properties=["region"], journal=tmp_path / "r.sqlite")
        with pytest.raises(BulkJournalError, match="other options"):
            pcs.bulk_read(ids[:5], properties=["name"], journal=tmp_path / "r.sqlite")
        (tmp_path / "junk").write_bytes(b"not a database at all" * 100)
        with pytest.raises(BulkJournalError, match="not a readable bulk journal"):
            pcs.bulk_update(updates(ids, "a"), journal=tmp_path / "junk")
    assert [r.path for r in double.requests if UPDATE in r.path] == []
    # The one bulk_read that made r.sqlite.
    assert [r.path for r in double.requests] == [api_version.path("/batch/read")]


CHILD = """
import json, sys
from hubspot_partner_clients.hubspot_client import create_client
from hubspot_partner_clients.limiter import RateLimit
from hubspot_partner_clients.retry import RetryPolicy

base_url, token, journal, inputs_file, out, version = sys.argv[1:7]
inputs = json.loads(open(inputs_file).read())
retry = RetryPolicy(max_attempts=3, initial_delay=0.001, max_delay=0.01)
with create_client(token, base_url=base_url, retry=retry, rate_limit=RateLimit(100_000, 1.0)) as client:
    resources = (getattr(client, version) if version else client).partner_clients
    result = resources.bulk_update(iter(inputs), concurrency=4, journal=journal)
with open(out, "w") as f:
    json.dump({"status": result.status.value, "applied": [x["id"] for x in result.applied],
               "not_applied": [x["id"] for x in result.not_applied], "objects": len(result.objects)}, f)
"""


def journalled(journal: Path, ids: list[str]) -> set[str]:
    # closing(): a connection's own `with` commits but does not close (Python 3.13 warns of that).
    with contextlib.closing(sqlite3.connect(journal)) as db:
        return {ids[p] for (p,) in db.execute("SELECT position FROM inputs WHERE applied = 1")}


def settle(double: HubSpotDouble) -> None:
    """Wait until the double has recorded every request the killed child had sent."""
    seen, quiet_since = len(double.requests), time.monotonic()
    while time.monotonic() - quiet_since < 0.3:
        time.sleep(0.02)
        if len(double.requests) != seen:
            seen, quiet_since = len(double.requests), time.monotonic()


def test_ten_thousand_updates_survive_five_sigkills(double: HubSpotDouble, tmp_path: Path) -> None:
    version = NEWEST
    ids = double.store.ids()[:10_000]
    inputs = updates(ids, "killed")
    (tmp_path / "inputs.json").write_text(json.dumps(inputs))
    (tmp_path / "child.py").write_text(CHILD)
    journal, out = tmp_path / "journal.sqlite", tmp_path / "out.json"
    argv = [sys.executable, str(tmp_path / "child.py"), double.base_url, double.token, str(journal)]
    argv += [str(tmp_path / "inputs.json"), str(out), version.subpackage or ""]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "generated")])}
    rng = random.Random(12)
    in_flight_at_kills: collections.Counter[str] = collections.Counter()
    chunks = len(ids) // OPERATIONS.limit("batch_update", "max_inputs")
    for kill in range(5):
        before = set(sent_ids(double, version))
        requests_before = len(double.requests)
        target = requests_before + rng.randint(2, chunks // 6)
        child = subprocess.Popen(argv, env=env, cwd=ROOT)
        try:
            give_up = time.monotonic() + 60
            while len(double.requests) < target and child.poll() is None and time.monotonic() < give_up:
                time.sleep(rng.uniform(0.0005, 0.01))
            time.sleep(rng.uniform(0, 0.05))  # anywhere between two answers, or inside one
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        assert child.returncode == -signal.SIGKILL, f"run {kill} ended before its kill"
        settle(double)
        # Sent in this run but not recorded as applied: the chunks in flight at the kill.
        this_run = collections.Counter(
            item["id"]
            for r in double.requests.all()[requests_before:]
            if r.path == version.path(UPDATE)
            for item in r.json()["inputs"]
        )
        # (It may be empty: a kill can land after every answer was journalled, before the next
        # request reached the double.)
        in_flight = set(this_run) - journalled(journal, ids)
        in_flight_at_kills.update(in_flight)
        assert not (set(this_run) & before - set(in_flight_at_kills)), "an applied input was re-sent"

    assert in_flight_at_kills, "no kill found a chunk in flight: the test proves less than it says"
    finished = subprocess.run(argv, env=env, cwd=ROOT, timeout=120, check=False)
    assert finished.returncode == 0
    summary = json.loads(out.read_text())

    assert summary["status"] == "COMPLETE"
    assert summary["applied"] == ids  # every input, once, in order, across the six runs
    assert summary["not_applied"] == []
    assert summary["objects"] == len(ids)
    sends = collections.Counter(sent_ids(double, version))
    # Sent once, plus once more for each kill it was in flight at: nothing else re-sent.
    assert {i: sends[i] for i in ids} == {i: 1 + in_flight_at_kills[i] for i in ids}
    for i in ids:
        assert double.store.get(i).get("partner_notes") == f"killed-{i}"  # type: ignore[union-attr]


def test_an_async_run_resumes_from_its_journal_too(
    double: HubSpotDouble, tmp_path: Path, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:300]
    inputs = updates(ids, "async-resume")
    journal = tmp_path / "async.sqlite"

    def stop_after_one(done: int, _total: int | None) -> None:
        if done >= CHUNK:
            raise KeyboardInterrupt

    async def go() -> tuple[int, BulkResult[Any]]:
        async with make_client(double) as client:
            resources = api_version.aio_resources(client)
            first = -1  # stays so if the first run is not interrupted
            try:
                await resources.bulk_update(
                    inputs,
                    chunk_size=CHUNK,
                    concurrency=1,
                    on_progress=stop_after_one,
                    journal=journal,
                )
            except BulkInterrupted as stop:
                first = stop.result.succeeded
            double.requests.clear()
            return first, await resources.bulk_update(inputs, chunk_size=CHUNK, journal=journal)

    first, second = asyncio.run(go())
    assert first == CHUNK
    assert second.status is BulkStatus.COMPLETE
    assert second.applied == inputs
    assert sorted(sent_ids(double, api_version)) == sorted(ids[CHUNK:])
    assert all(double.store.write_counts[i] == 1 for i in ids)
