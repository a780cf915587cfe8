"""The benchmark harness works: each figure runs once at a tiny size and reports a sane figure.

No timing goal is asserted here (benchmarks measure speed, tests do not); only the figures'
structure, the floor formula, and facts that do not depend on speed but that a broken SDK would
get wrong: no 429 provoked by a bulk run under the limiter, every update applied, every object
paged once, every model of the parse figure decoded.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import _machine, _report, bulk, cold_import, paging, parse, per_call
from bench._measure import (
    MET,
    MISSED,
    NOT_SHOWN,
    Figure,
    Goal,
    Turn,
    alternating,
    interleaved,
    paired_interval,
    paired_ratio,
)


def check_figure(figure: Figure, key: str) -> None:
    assert figure.key == key
    assert figure.subject > 0
    assert figure.baseline > 0
    assert math.isfinite(figure.ratio)
    assert figure.ratio > 0
    assert figure.notes
    timings = {k.split("_")[0]: v for k, v in figure.samples.items() if k.startswith(("baseline", "subject"))}
    if set(timings) == {"baseline", "subject"}:
        # A timing's ratio is the median of its runs' ratios: within their range.
        ratios = [s / b for b, s in zip(timings["baseline"], timings["subject"], strict=True)]
        assert min(ratios) <= figure.ratio <= max(ratios)


def test_parse() -> None:
    figure = parse.run(objects=5, loops=2, runs=1)
    check_figure(figure, "parse")
    assert figure.extra["objects"] == 5
    # The subject builds typed models with every property asked for, not raw or lazy data.
    assert figure.extra["objects_decoded"] == 5


def test_per_call() -> None:
    check_figure(per_call.run(calls=3, runs=1, objects=5, warmup=1), "per_call")


def test_cold_import() -> None:
    figure = cold_import.run(runs=1, warmup=0)
    check_figure(figure, "cold_import")
    assert len(figure.samples["subject_ms"]) == 1


def test_bulk_applies_everything_and_counts_429s() -> None:
    # 500 updates in batches of HubSpot's size (the operation table's) at 2 per 0.2 s: with 100 a
    # batch, 5 requests and a floor of (3 - 1) * 0.2 s.
    requests = math.ceil(500 / bulk.BATCH)
    figure = bulk.run(updates=500, max_requests=2, interval=0.2, runs=1)
    check_figure(figure, "bulk")
    assert figure.baseline == pytest.approx((math.ceil(requests / 2) - 1) * 0.2)
    goals = {g.label: g for g in figure.goals}
    # The limiter keeps the requests under 2 per 0.2 s: a 429 means it let a request through early.
    assert goals["429 answers"].value == 0
    assert goals["inputs not applied"].value == 0
    assert figure.extra["inputs_applied"] == 500
    assert figure.extra["bulk_statuses"] == "COMPLETE"
    # Exactly one batch request per batch of inputs reached the double, none retried or repeated.
    assert figure.extra["requests_per_run"] == figure.extra["requests_answered"] == requests
    assert figure.extra["status_counts"] == str({"200": requests})


def test_paging_walks_everything() -> None:
    figure = paging.run(objects=1_000, runs=1)
    check_figure(figure, "paging")
    assert figure.extra["subject_objects"] == 1_000
    assert figure.extra["baseline_objects"] == 1_000
    memory = next(g for g in figure.goals if g.label == "peak memory growth")
    assert memory.value > 0


@pytest.mark.parametrize(
    ("requests", "window", "interval", "floor"),
    [
        (100, 20, 1.0, 4.0),
        (20, 20, 1.0, 0.0),
        (21, 20, 1.0, 1.0),
        (1, 100, 10.0, 0.0),
        (250, 100, 10.0, 20.0),
    ],
)
def test_floor(requests: int, window: int, interval: float, floor: float) -> None:
    assert bulk.floor_seconds(requests, window, interval) == pytest.approx(floor)


def _timed(steps: Iterator[object]) -> Turn:
    """Turns of one step over an iterator in this process, timed as a side's process times them."""

    def turn() -> tuple[float, float, bool]:
        start, start_cpu = time.perf_counter(), time.process_time()
        ended = next(steps, _END) is _END
        return time.perf_counter() - start, time.process_time() - start_cpu, ended

    return turn


_END = object()


def test_alternating_advances_both_sides_a_turn_each_in_turn() -> None:
    order: list[str] = []

    def steps(name: str, n: int) -> Iterator[None]:
        for _ in range(n):
            order.append(name)
            yield None

    (base_s, subj_s), _ = alternating(_timed(steps("b", 3)), _timed(steps("s", 2)))
    assert order == ["b", "s", "s", "b", "b"]  # ABBA, and the longer side runs to its end
    assert base_s >= 0
    assert subj_s >= 0


def test_paired_ratio_is_the_median_of_each_pairs_ratio() -> None:
    # Pairs say 3x, 3x and 0.5x (a burst of load on one baseline run): the median pair says 3x,
    # where the ratio of the two medians (5 / 2) would say 2.5x.
    assert paired_ratio([1.0, 2.0, 10.0], [3.0, 6.0, 5.0]) == 3.0


def test_interleaved_alternates_which_side_goes_first() -> None:
    order: list[str] = []

    def baseline() -> float:
        order.append("b")
        return 1.0

    def subject() -> float:
        order.append("s")
        return 2.0

    base, subj = interleaved(baseline, subject, 4)
    assert order == ["b", "s", "s", "b", "b", "s", "s", "b"]
    assert base == [1.0] * 4
    assert subj == [2.0] * 4


def test_report_table_and_json() -> None:
    figure = parse.run(objects=3, loops=1, runs=1)
    machine = _machine.describe()
    text = _report.table(machine, [figure], {"paging": "RuntimeError: boom"})
    assert str(machine["cpu"]) in text
    assert "Parse a 3-object batch response" in text
    assert "ERROR" in text
    assert "NOT MET" in text
    document = json.loads(json.dumps(_report.to_json(machine, [figure], {}, 1.0)))
    assert set(document["figures"]) == {"parse"}
    assert document["figures"]["parse"]["goals"][0]["label"] == "time ratio"
    assert document["machine"]["cores"] == machine["cores"]


def test_a_goal_is_met_only_when_its_whole_interval_is_within_it() -> None:
    assert Goal("r", 1.0, 1.1, low=0.9, high=1.05).verdict == MET
    assert Goal("r", 1.0, 1.1, low=0.9, high=1.2).verdict == NOT_SHOWN  # the median is within, not shown
    assert Goal("r", 1.3, 1.1, low=1.15, high=1.4).verdict == MISSED
    assert not Goal("r", 1.0, 1.1, low=0.9, high=1.2).passed
    assert Goal("429 answers", 0, 0, unit="").verdict == MET  # a count: judged by its value
    assert Goal("429 answers", 2, 0, unit="").verdict == MISSED


def test_the_bootstrap_interval_holds_the_median_and_widens_with_the_spread() -> None:
    base = [1.0] * 20
    tight = [1.02, 1.03, 1.04] * 6 + [1.03, 1.03]
    wide = [0.8, 1.03, 1.3] * 6 + [1.03, 1.03]
    low, high = paired_interval(base, tight)
    assert low <= paired_ratio(base, tight) <= high
    wide_low, wide_high = paired_interval(base, wide)
    assert wide_high - wide_low > high - low
    assert paired_interval(base, tight) == (low, high)  # seeded: the same samples, the same interval
    assert paired_interval([1.0], [2.0]) == (2.0, 2.0)


def test_alternating_sums_each_sides_own_steps() -> None:
    def busy(n: int) -> Iterator[None]:
        for _ in range(n):
            sum(range(20_000))
            yield None

    (base_wall, subj_wall), (base_cpu, subj_cpu) = alternating(_timed(busy(2)), _timed(busy(20)))
    assert subj_cpu > base_cpu > 0
    assert subj_wall > base_wall > 0


def test_the_readme_has_the_markers_the_bench_writes_its_table_between() -> None:
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert text.count(_report.BEGIN) == 1
    assert text.count(_report.END) == 1
    figure = parse.run(objects=3, loops=1, runs=2)
    table = _report.markdown(_machine.describe(), [figure], {})
    written = _report.replace_between_markers(text, table)
    assert table in written
    assert _report.replace_between_markers(written, table) == written  # refreshing is idempotent
    assert written.startswith(text[: text.index(_report.BEGIN)])
    with pytest.raises(ValueError, match="markers"):
        _report.replace_between_markers("no markers here", table)
