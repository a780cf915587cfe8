"""Figure 6, shared: four processes of one account, each with its own client and the Redis limiter.

Each process runs mixed work (reads by id, list pages, a bulk update) through
``create_client(rate_limit_redis=...)`` against one double that limits like HubSpot, as fast as
the limiter lets it. The account's floor for R requests in all is the same as bulk's: (ceil(R/W) -
1) * T, for a window of W per T that starts empty. The figure is the wall time of the slowest
process against that floor, and the 429s the double answered.

``python -m bench.shared worker BASE_URL TOKEN REDIS_URL READS UPDATES`` is one such process (the
tests run it too); it prints one JSON line: its requests, the ids it asked for and got, failures.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path
from typing import cast

from hubspot_double.redis_server import RedisServer
from hubspot_partner_clients import bulk_update, create_client
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.api.partner_clients import get_by_id, list_page

from ._double import DoubleProcess, DoubleSpec
from ._measure import Figure, Goal, ratio

_ROOT = Path(__file__).resolve().parents[1]
GOAL = 1.15
PROCESSES = 4
FIRST_ID = 1_000_001  # the double's first seeded id
BATCH = OPERATIONS.limit("batch_update", "max_inputs")


def worker(  # noqa: PLR0917 - the command line's arguments, in its order
    base_url: str, token: str, redis_url: str, reads: int, updates: int, index: int = 0
) -> dict[str, object]:
    """Mixed work of one process; what it sent and whether every answer was its own."""
    wrong = 0
    failed: list[str] = []
    start = time.time()  # wall clock: the processes' times are compared with each other
    with create_client(token, base_url=base_url, rate_limit_redis=redis_url) as client:
        for i in range(reads):
            wanted = str(FIRST_ID + (index * reads + i) % 1000)
            try:
                if i % 5 == 4:
                    list_page.sync(client=client, limit=1)
                    continue
                got = get_by_id.sync(wanted, client=client)
            except Exception as exc:  # noqa: BLE001 - reported, the claim is that none happen
                failed.append(f"{type(exc).__name__}: {exc}")
                continue
            wrong += got.id != wanted
        if updates:
            inputs = [
                {
                    "id": str(FIRST_ID + (index * updates + i) % 1000),
                    "properties": {"partner_notes": f"w{index}"},
                }
                for i in range(updates)
            ]
            result = bulk_update(client, inputs)
            if result.succeeded != updates:
                failed.append(f"bulk_update applied {result.succeeded} of {updates}")
    requests = reads + math.ceil(updates / BATCH)
    return {"requests": requests, "wrong": wrong, "failed": failed, "started": start, "ended": time.time()}


def run_workers(
    base_url: str, token: str, redis_url: str, *, processes: int = PROCESSES, reads: int, updates: int
) -> list[dict[str, object]]:
    """Start `processes` workers at once and collect their reports."""
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.shared",
                "worker",
                base_url,
                token,
                redis_url,
                str(reads),
                str(updates),
                str(index),
            ],
            stdout=subprocess.PIPE,
            cwd=_ROOT,  # where `bench` is importable, wherever the caller runs from
        )
        for index in range(processes)
    ]
    reports = []
    for child in children:
        out, _ = child.communicate(timeout=600)
        if child.returncode != 0:
            raise RuntimeError(f"a worker exited with {child.returncode}")
        reports.append(json.loads(out.decode().strip().splitlines()[-1]))
    return reports


def run(*, reads: int = 60, updates: int = 1000, max_requests: int = 20, interval: float = 1.0) -> Figure:
    """Four workers against a 20-per-1-s double sharing one Redis; the slowest one's wall time."""
    spec = DoubleSpec(objects=1000, rate_limited=True, max_requests=max_requests, interval_seconds=interval)
    with DoubleProcess(spec) as double, RedisServer() as redis:
        double.reset()
        reports = run_workers(double.base_url, double.token, redis.url, reads=reads, updates=updates)
        wall = max(float(str(r["ended"])) for r in reports) - min(float(str(r["started"])) for r in reports)
        statuses = double.statuses()
    requests = sum(int(str(r["requests"])) for r in reports)
    floor = (math.ceil(requests / max_requests) - 1) * interval
    failures = sum(len(cast("list[str]", r["failed"])) for r in reports)
    return Figure(
        key="shared",
        title=f"{PROCESSES} processes, one Redis limiter, at {max_requests}/{interval:g}s",
        unit="s/run",
        subject=wall,
        baseline=floor,
        goals=[
            Goal("time / account floor", ratio(wall, floor), GOAL),
            Goal("429 answers", statuses.get(429, 0), 0, unit=""),
            Goal("failed calls", failures, 0, unit=""),
        ],
        notes=[
            f"floor = (ceil(R/W) - 1) * T = (ceil({requests}/{max_requests}) - 1) * {interval:g} s"
            f" = {floor:g} s for the {requests} requests of all {PROCESSES} processes, one account window",
            f"each process: create_client(rate_limit_redis=...) defaults, {reads} reads/list pages and "
            f"bulk_update of {updates}; subject: wall time from the first worker's first call to the "
            f"last one's end (interpreter start-up left out); statuses the double answered: {dict(statuses)}",
        ],
        samples={"subject_s": [wall]},
        extra={"requests": requests, "floor_s": floor, "status_counts": str(dict(statuses))},
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["worker"]:
        base, token, url, reads, updates, *index = sys.argv[2:]
        report = worker(base, token, url, int(reads), int(updates), index=int(index[0]) if index else 0)
        print(json.dumps(report))
    else:
        sys.exit("usage: python -m bench.shared worker BASE_URL TOKEN REDIS_URL READS UPDATES [INDEX]")
