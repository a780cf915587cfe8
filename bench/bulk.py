"""Figure 4, bulk: updates through ``bulk_update`` against a double that limits like HubSpot, against
the floor that limit sets.

The floor: with a rolling window of W requests per T seconds that starts empty, N requests need at
least (ceil(N/W) - 1) * T seconds. The first W may go at once; each later group of W must wait for
the window to have moved on by T after the group before it, and the last group is sent at
(ceil(N/W) - 1) * T at the earliest. (Its answers take a round trip more; the floor leaves that out,
so it is a floor no client can beat, not an estimate.) 10,000 updates are N = 100 batch requests of
100; at 20 per second, the floor is (5 - 1) * 1 s = 4 s.

The SDK's client is configured with the matching limit, as a user who knows the account's limit
would. Every 429 the double answered during the runs is counted from its own records.
"""

from __future__ import annotations

import math
import time

from hubspot_partner_clients import RateLimit, bulk_update, create_client
from hubspot_partner_clients._operations import OPERATIONS

from ._double import DoubleProcess, DoubleSpec
from ._measure import Figure, Goal, median, median_interval, ratio

GOAL = 1.10
# Inputs per batch request: HubSpot's maximum (from the operation table), and bulk_update's chunk.
BATCH = OPERATIONS.limit("batch_update", "max_inputs")
FIRST_ID = 1_000_001  # the double's first seeded id


def floor_seconds(requests: int, max_requests: int, interval: float) -> float:
    """The least time `requests` requests take under a rolling window that starts empty."""
    return (math.ceil(requests / max_requests) - 1) * interval


def run(
    *,
    updates: int = 10_000,
    max_requests: int = 20,
    interval: float = 1.0,
    runs: int = 3,
    configured: bool = True,
) -> Figure:
    """Median wall time of `runs` bulk updates of `updates` objects, each from an empty window.

    `configured`: the client is given the double's window (``RateLimit``), as a user who knows it
    would; else it has ``create_client()``'s defaults and learns the window from the headers.
    """
    requests = math.ceil(updates / BATCH)
    floor = floor_seconds(requests, max_requests, interval)
    spec = DoubleSpec(
        objects=updates, rate_limited=True, max_requests=max_requests, interval_seconds=interval
    )
    limit = RateLimit(max_requests=max_requests, interval=interval) if configured else None
    walls: list[float] = []
    too_many = 0
    not_applied = 0
    applied = 0
    outcomes: list[str] = []
    statuses: dict[str, int] = {}
    with DoubleProcess(spec) as double:
        for r in range(runs):
            double.reset()  # an empty window, as the floor assumes
            inputs = [
                {"id": str(FIRST_ID + i), "properties": {"partner_notes": f"bench run {r} #{i}"}}
                for i in range(updates)
            ]
            made = (
                create_client(double.token, base_url=double.base_url, rate_limit=limit)
                if limit is not None
                else create_client(double.token, base_url=double.base_url)
            )
            with made as client:
                start = time.perf_counter()
                result = bulk_update(client, inputs)
                walls.append(time.perf_counter() - start)
            # From the count, not the status: a run that lost inputs yet said COMPLETE still shows.
            not_applied += updates - result.succeeded
            applied += result.succeeded
            outcomes.append(str(result.status))
            answered = double.statuses()
            too_many += answered.get(429, 0)
            for status, count in answered.items():
                statuses[str(status)] = statuses.get(str(status), 0) + count
    wall = median(walls)
    # The runs' own ratios to the floor, for the interval of their median.
    ratio_low, ratio_high = median_interval([ratio(w, floor) for w in walls])
    subject = (
        f"create_client(rate_limit=RateLimit(max_requests={max_requests}, interval={interval:g}))"
        if configured
        else "create_client() defaults (the window learned from the double's headers)"
    )
    return Figure(
        key="bulk" if configured else "bulk_defaults",
        title=f"Bulk update {updates:,} at {max_requests}/{interval:g}s"
        + ("" if configured else ", create_client() defaults"),
        unit="s/run",
        subject=wall,
        baseline=floor,
        goals=[
            Goal("time / floor", ratio(wall, floor), GOAL, low=ratio_low, high=ratio_high),
            Goal("429 answers", too_many, 0, unit=""),
            Goal("inputs not applied", not_applied, 0, unit=""),
        ],
        notes=[
            f"floor = (ceil(N/W) - 1) * T = (ceil({requests}/{max_requests}) - 1) * {interval:g} s"
            f" = {floor:g} s: {requests} batch requests under a rolling window of W={max_requests}"
            f" per T={interval:g} s that starts empty (the last group of W cannot be sent earlier)",
            f"subject: bulk_update (default concurrency) through {subject}; {runs} runs, a fresh client"
            f" and an empty double window each; statuses the double answered: {statuses}",
            "the SDK limiter counts each request until `interval` after its answer (HubSpot receives"
            " it before then), so each window costs it one round trip more than the floor",
        ],
        samples={"subject_s": walls},
        extra={
            "requests_per_run": requests,
            "inputs_applied": applied,
            "bulk_statuses": ",".join(outcomes),
            "requests_answered": sum(int(count) for count in statuses.values()),
            "floor_s": floor,
            "status_counts": str(statuses),
        },
    )
