"""Figure 7, paging: every object of a 100,000-object double through ``paginate(list_page.sync)``,
against a plain-httpx cursor loop that only decodes each page's JSON.

Time and memory are measured in separate passes: tracemalloc slows allocation-heavy code several
times over, so the timed passes run without it, and one pass of each side runs under it for the
peak growth (the largest amount of traced memory above the level at the start of the walk). A
walk that kept its pages would grow by about the size of every model it built; a lazy one stays
at about one page. Both sides ask for the list endpoint's largest pages (from the operation table).
In a timed pass the two walks advance in turn, a page each, so that both share every moment of the
machine's load; each ratio (wall time, and this process's CPU time) is the median of the passes'
ratios, with its bootstrap interval.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import httpx

from hubspot_partner_clients import create_client, paginate
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.api.partner_clients import list_page

from ._double import DoubleProcess
from ._measure import Figure, Goal, alternating_with_cpu, median, ratio_goal
from .per_call import unlimited_double, unlimited_rate

TIME_GOAL = 1.10  # wall time
CPU_GOAL = 1.15  # the client process's CPU time
MEMORY_GOAL_MB = 20.0
PAGE = OPERATIONS.limit("list_page", "max_page_size")
_PATH = "/crm/v3/objects/partner_clients"


def _peak_growth(walk: Callable[[], int]) -> tuple[int, float]:
    """(what `walk` returns, its peak traced memory above the start, in MB)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start, _ = tracemalloc.get_traced_memory()
        count = walk()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, (peak - start) / 1e6


def run(*, objects: int = 100_000, runs: int = 7) -> Figure:
    """`runs` passes of both walks advancing a page each in turn (median of their ratios), and one
    traced walk of each side for the peak memory growth."""
    with DoubleProcess(unlimited_double(objects), start_timeout=300) as double:
        sdk = create_client(double.token, base_url=double.base_url, rate_limit=unlimited_rate())
        with sdk, httpx.Client(base_url=double.base_url, headers=sdk.get_httpx_client().headers) as http:
            # Each yields a page's objects as is: no work beyond the walk itself is timed.
            def sdk_pages() -> Iterator[Sequence[Any]]:
                for page in paginate(list_page.sync, client=sdk, limit=PAGE).iter_pages():
                    yield page.results

            def httpx_pages() -> Iterator[Sequence[Any]]:
                params: dict[str, Any] = {"limit": PAGE, "archived": "false"}
                while True:
                    response = http.get(_PATH, params=params)
                    response.raise_for_status()
                    page = response.json()
                    yield page["results"]
                    after = page.get("paging", {}).get("next", {}).get("after")
                    if after is None:
                        return
                    params = {"limit": PAGE, "after": after, "archived": "false"}

            def walk(pages: Callable[[], Iterator[Sequence[Any]]]) -> Callable[[], int]:
                return lambda: sum(len(page) for page in pages())

            # Warm-up, and proof both walk everything once: distinct ids, so that a walk that
            # repeats one page as often as there are pages does not pass.
            distinct = {
                "baseline": len({obj["id"] for page in httpx_pages() for obj in page}),
                "subject": len({obj.id for page in sdk_pages() for obj in page}),
            }
            if set(distinct.values()) != {objects}:
                raise RuntimeError(f"expected {objects} distinct objects on each side, walked {distinct}")
            base: list[float] = []
            subj: list[float] = []
            base_cpu: list[float] = []
            subj_cpu: list[float] = []
            for _ in range(runs):
                (base_s, subj_s), (base_c, subj_c) = alternating_with_cpu(httpx_pages(), sdk_pages())
                base.append(base_s)
                subj.append(subj_s)
                base_cpu.append(base_c)
                subj_cpu.append(subj_c)
            _, base_mb = _peak_growth(walk(httpx_pages))
            _, subj_mb = _peak_growth(walk(sdk_pages))
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
            f" {runs} passes of both walks advancing a page each in turn; ratios: median of the passes'"
            " ratios (wall, and this process's CPU: subject"
            f" {median(subj_cpu) / (objects / PAGE) * 1e3:.3f} ms/page, baseline"
            f" {median(base_cpu) / (objects / PAGE) * 1e3:.3f} ms/page), each with its 95% bootstrap"
            " interval; peak growth under tracemalloc, one walk each:"
            f" subject {subj_mb:.2f} MB, baseline {base_mb:.2f} MB"
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
        },
    )
