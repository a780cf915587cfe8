"""Figure 2, per call: read one partner client through the SDK, against the same GET with plain httpx.

Both sides run against one double in a child process on loopback, with no limit in force. The SDK
is built as a user would (``create_client``: retries and the client-side limiter on); its limiter
is given a budget the run cannot exhaust, so the figure shows what the limiter costs to consult,
not time spent waiting (the double, its limits off, advertises none). The baseline is a
persistent ``httpx.Client`` with the SDK's own headers, sending the very same URL, checking the
status and decoding the JSON (what any caller needs at least); the SDK also builds the model. Each
side runs in a process of its own (`_sides`), so that each one's CPU time, garbage collections
included, is its own; the two alternate, `TURN` calls at a time, so that both share the
machine's load. Each ratio (wall time, and each side's process CPU time) is the median of the
runs' ratios, with its bootstrap interval.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx

from hubspot_partner_clients import RateLimit, create_client
from hubspot_partner_clients.api.partner_clients import get_by_id

from ._double import DoubleProcess, DoubleSpec
from ._measure import Figure, median, ratio_goal
from ._sides import SideProcess, alternating_passes

GOAL = 1.03  # wall time
CPU_GOAL = 1.10  # the client process's CPU time
FIRST_ID = 1_000_001  # the double's first seeded id
# Far more than any run sends: the limiter is consulted on every call but never makes one wait.
UNLIMITED = 1_000_000_000
_PATH = "/crm/v3/objects/partner_clients"
TURN = 20  # calls a side makes per turn: ~15 ms (see _sides.SideProcess)


def unlimited_double(objects: int) -> DoubleSpec:
    """A double that never refuses and advertises a limit no run reaches."""
    return DoubleSpec(objects=objects, rate_limited=False, max_requests=UNLIMITED, interval_seconds=1.0)


def unlimited_rate() -> RateLimit:
    """The SDK limiter's budget to match `unlimited_double`."""
    return RateLimit(max_requests=UNLIMITED, interval=1.0, search_max_requests=UNLIMITED)


class SdkCalls:
    """The subject: ``get_by_id.sync`` through ``create_client`` (retries and limiter on)."""

    def __init__(self, base_url: str, token: str, ids: list[str], warmup: int) -> None:
        self._client = create_client(token, base_url=base_url, rate_limit=unlimited_rate())
        self._ids = ids
        self._warmup = warmup

    def steps(self) -> Iterator[object]:
        return (get_by_id.sync(object_id, client=self._client) for object_id in self._ids)

    def check(self) -> dict[str, Any]:
        for object_id in self._ids[: self._warmup]:  # connections, caches, lazy imports
            get_by_id.sync(object_id, client=self._client)
        return {}


class HttpxCalls:
    """The baseline: the same GET with a persistent ``httpx.Client``, status checked, JSON decoded."""

    def __init__(self, base_url: str, headers: dict[str, str], ids: list[str], warmup: int) -> None:
        self._http = httpx.Client(base_url=base_url, headers=headers)
        self._ids = ids
        self._warmup = warmup

    def _call(self, object_id: str) -> object:
        # The URL the generated code sends: archived=false is a default it always sends.
        response = self._http.get(f"{_PATH}/{object_id}", params={"archived": "false"})
        response.raise_for_status()
        return response.json()

    def steps(self) -> Iterator[object]:
        return (self._call(object_id) for object_id in self._ids)

    def check(self) -> dict[str, Any]:
        for object_id in self._ids[: self._warmup]:
            self._call(object_id)
        return {}


def run(*, calls: int = 200, runs: int = 40, objects: int = 1000, warmup: int = 200) -> Figure:
    """Median time per call of `calls` sequential reads, over `runs` interleaved runs of each side."""
    ids = [str(FIRST_ID + i % objects) for i in range(calls)]
    warm = min(warmup, calls)
    with DoubleProcess(unlimited_double(objects)) as double:
        with create_client(double.token, base_url=double.base_url) as sdk:
            headers = dict(sdk.get_httpx_client().headers)
        with (
            SideProcess(
                "baseline", HttpxCalls, (double.base_url, headers, ids, warm), steps_per_turn=TURN
            ) as baseline,
            SideProcess(
                "subject", SdkCalls, (double.base_url, double.token, ids, warm), steps_per_turn=TURN
            ) as subject,
        ):
            baseline.check()
            subject.check()
            base: list[float] = []
            subj: list[float] = []
            base_cpu: list[float] = []
            subj_cpu: list[float] = []
            for _ in range(runs):
                (base_s, subj_s), (base_c, subj_c) = alternating_passes(baseline, subject)
                base.append(base_s / calls)
                subj.append(subj_s / calls)
                base_cpu.append(base_c / calls)
                subj_cpu.append(subj_c / calls)
            collections = {"baseline": baseline.collections(), "subject": subject.collections()}
            answered = double.statuses()
    if set(answered) != {200}:
        raise RuntimeError(f"the double answered other statuses than 200: {dict(answered)}")
    subject_ms, baseline_ms = median(subj) * 1e3, median(base) * 1e3
    return Figure(
        key="per_call",
        title="Read one (get_by_id) on loopback",
        unit="ms/call",
        subject=subject_ms,
        baseline=baseline_ms,
        goals=[
            ratio_goal("wall ratio", base, subj, GOAL),
            ratio_goal("client CPU ratio", base_cpu, subj_cpu, CPU_GOAL),
        ],
        notes=[
            "subject: get_by_id.sync through create_client (retries and limiter on, budget never reached);"
            " baseline: persistent httpx.Client, same headers and URL, raise_for_status + .json();"
            f" {calls} calls per run, alternating {TURN} calls at a time, {runs} runs; each side and the"
            " double in a process of its own; ratios: median of the runs' ratios, wall and each side's"
            " process CPU (process_time), each with its 95% bootstrap interval;"
            f" CPU per call: subject {median(subj_cpu) * 1e6:.0f} us,"
            f" baseline {median(base_cpu) * 1e6:.0f} us;"
            f" cyclic garbage collections in the timed runs: subject {collections['subject']},"
            f" baseline {collections['baseline']}"
        ],
        samples={
            "baseline_ms": [b * 1e3 for b in base],
            "subject_ms": [s * 1e3 for s in subj],
            "cpu_baseline_ms": [b * 1e3 for b in base_cpu],
            "cpu_subject_ms": [s * 1e3 for s in subj_cpu],
        },
        extra={
            "subject_collections": collections["subject"],
            "baseline_collections": collections["baseline"],
        },
    )
