"""Figure 7, paging: every object of a 100,000-object double through ``paginate(list_page.sync)``,
against a plain-httpx cursor loop that only decodes each page's JSON.

Each side walks in a process of its own (`_sides`), so that each one's CPU time, garbage
collections included, is its own. Time and memory are measured in separate passes: tracemalloc
slows allocation-heavy code several times over, so the timed passes run without it, and one pass
of each side runs under it for the peak growth (the largest amount of traced memory above the
level at the start of the walk). A walk that kept its pages would grow by about the size of every
model it built; a lazy one stays at about one page. Both sides ask for the list endpoint's largest
pages (from the operation table). In a timed pass the two walks advance in turn, `TURN` pages
each, so that both share the machine's load; each ratio (wall time, and each side's process
CPU time) is the median of the passes' ratios, with its bootstrap interval.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import httpx

from hubspot_partner_clients import create_client, paginate
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.api.partner_clients import list_page

from ._double import DoubleProcess
from ._measure import Figure, Goal, median, ratio_goal
from ._sides import SideProcess, alternating_passes
from .per_call import unlimited_double, unlimited_rate

TIME_GOAL = 1.10  # wall time
CPU_GOAL = 1.15  # the client process's CPU time
MEMORY_GOAL_MB = 20.0
PAGE = OPERATIONS.limit("list_page", "max_page_size")
_PATH = "/crm/v3/objects/partner_clients"
TURN = 20  # pages a side walks per turn: ~45 ms, ~15 ms of it CPU (see _sides.SideProcess)


class SdkWalk:
    """The subject: the SDK's paginator through ``create_client`` (retries and limiter on)."""

    def __init__(self, base_url: str, token: str) -> None:
        self._client = create_client(token, base_url=base_url, rate_limit=unlimited_rate())

    def steps(self) -> Iterator[Sequence[Any]]:
        # Each page's objects as they are: no work beyond the walk itself is timed.
        for page in paginate(list_page.sync, client=self._client, limit=PAGE).iter_pages():
            yield page.results

    def check(self) -> dict[str, Any]:
        # Warm-up, and proof it walks everything once: distinct ids, so that a walk that repeats
        # one page as often as there are pages does not pass.
        return {"objects": len({obj.id for page in self.steps() for obj in page})}


class HttpxWalk:
    """The baseline: a plain httpx cursor loop with the SDK's headers, ``.json()`` per page."""

    def __init__(self, base_url: str, headers: dict[str, str]) -> None:
        self._http = httpx.Client(base_url=base_url, headers=headers)

    def steps(self) -> Iterator[Sequence[Any]]:
        params: dict[str, Any] = {"limit": PAGE, "archived": "false"}
        while True:
            response = self._http.get(_PATH, params=params)
            response.raise_for_status()
            page = response.json()
            yield page["results"]
            after = page.get("paging", {}).get("next", {}).get("after")
            if after is None:
                return
            params = {"limit": PAGE, "after": after, "archived": "false"}

    def check(self) -> dict[str, Any]:
        return {"objects": len({obj["id"] for page in self.steps() for obj in page})}


def run(*, objects: int = 100_000, runs: int = 7) -> Figure:
    """`runs` passes of both walks advancing `TURN` pages each in turn (median of their ratios), and
    one traced walk of each side for the peak memory growth."""
    with DoubleProcess(unlimited_double(objects), start_timeout=300) as double:
        with create_client(double.token, base_url=double.base_url) as sdk:
            headers = dict(sdk.get_httpx_client().headers)
        with (
            SideProcess("baseline", HttpxWalk, (double.base_url, headers), steps_per_turn=TURN) as baseline,
            SideProcess("subject", SdkWalk, (double.base_url, double.token), steps_per_turn=TURN) as subject,
        ):
            distinct = {"baseline": baseline.check()["objects"], "subject": subject.check()["objects"]}
            if set(distinct.values()) != {objects}:
                raise RuntimeError(f"expected {objects} distinct objects on each side, walked {distinct}")
            base: list[float] = []
            subj: list[float] = []
            base_cpu: list[float] = []
            subj_cpu: list[float] = []
            for _ in range(runs):
                (base_s, subj_s), (base_c, subj_c) = alternating_passes(baseline, subject)
                base.append(base_s)
                subj.append(subj_s)
                base_cpu.append(base_c)
                subj_cpu.append(subj_c)
            collections = {"baseline": baseline.collections(), "subject": subject.collections()}
            base_mb = baseline.traced_growth_mb()
            subj_mb = subject.traced_growth_mb()
    subject_s, baseline_s = median(subj), median(base)
    return Figure(
        key="paging",
        title=f"Page through {objects:,} objects",
        unit="s/walk",
        subject=subject_s,
        baseline=baseline_s,
        goals=[
            ratio_goal("wall ratio", base, subj, TIME_GOAL),
            ratio_goal("client CPU ratio", base_cpu, subj_cpu, CPU_GOAL),
            Goal("peak memory growth", round(subj_mb, 2), MEMORY_GOAL_MB, unit=" MB"),
        ],
        notes=[
            f"subject: paginate(list_page.sync, limit={PAGE}) through create_client (retries and limiter on);"
            f" baseline: httpx cursor loop, .json() per page; {objects // PAGE:,} pages per walk,"
            f" {runs} passes of both walks advancing {TURN} pages each in turn, each side in its own process;"
            " ratios: median of the passes' ratios (wall, and each side's process CPU: subject"
            f" {median(subj_cpu) / (objects / PAGE) * 1e3:.3f} ms/page, baseline"
            f" {median(base_cpu) / (objects / PAGE) * 1e3:.3f} ms/page), each with its 95% bootstrap"
            " interval; peak growth under tracemalloc, one walk each:"
            f" subject {subj_mb:.2f} MB, baseline {base_mb:.2f} MB;"
            f" cyclic garbage collections in the timed passes: subject {collections['subject']},"
            f" baseline {collections['baseline']}"
        ],
        samples={
            "baseline_s": base,
            "subject_s": subj,
            "cpu_baseline_s": base_cpu,
            "cpu_subject_s": subj_cpu,
        },
        extra={
            "subject_objects": distinct["subject"],
            "baseline_objects": distinct["baseline"],
            "subject_peak_mb": round(subj_mb, 3),
            "baseline_peak_mb": round(base_mb, 3),
            "subject_collections": collections["subject"],
            "baseline_collections": collections["baseline"],
        },
    )
