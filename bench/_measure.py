"""What every figure shares: its record (`Figure`, `Goal`), interleaved runs and alternating turns
of the two sides, median-of-runs ratios, and the bootstrap interval that says whether a goal is
shown."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

MET, MISSED, NOT_SHOWN = "met", "MISSED", "not shown"


@dataclass(frozen=True)
class Goal:
    """One limit a figure must stay within: ``value <= limit``.

    A ratio measured over paired runs carries the 95% bootstrap interval of its median (`low`,
    `high`): the goal is met only when the whole interval is within the limit, missed when the
    whole interval is beyond it, and not shown either way when the interval crosses the limit. A
    count or a single measurement has no interval and is judged by its value.
    """

    label: str
    value: float
    limit: float
    unit: str = "x"
    low: float | None = None
    high: float | None = None

    @property
    def verdict(self) -> str:
        if self.low is None or self.high is None:
            return MET if self.value <= self.limit else MISSED
        if self.high <= self.limit:
            return MET
        return MISSED if self.low > self.limit else NOT_SHOWN

    @property
    def passed(self) -> bool:
        return self.verdict == MET


@dataclass(frozen=True)
class Figure:
    """One benchmark's outcome: subject and baseline medians, its goals, the first one its ratio.

    `subject` and `baseline` are in `unit` (e.g. "ms/call"); `samples` keeps every run of both, in
    the order they ran, so a reader can judge the spread; `notes` says how it was measured. The
    ratio is the first goal's value: for timings, the median of the runs' own ratios (see
    `paired_ratio`), which a noisy machine disturbs less than the ratio of the two medians.
    """

    key: str
    title: str
    unit: str
    subject: float
    baseline: float
    goals: list[Goal]
    notes: list[str] = field(default_factory=list)
    samples: dict[str, list[float]] = field(default_factory=dict)
    extra: dict[str, float | int | str] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.goals[0].value

    @property
    def passed(self) -> bool:
        return all(g.passed for g in self.goals)


def interleaved(
    baseline: Callable[[], float], subject: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """Run each callable `runs` times, alternating which goes first (ABBA...), and return both lists.

    Each callable returns its own measurement (seconds, bytes...). Alternating the order cancels a
    drift of the machine (another process starting, a CPU clock change) and the advantage of going
    second (warm caches), which a block of baselines then a block of subjects would turn into a bias.
    """
    base: list[float] = []
    subj: list[float] = []
    for i in range(runs):
        if i % 2 == 0:
            base.append(baseline())
            subj.append(subject())
        else:
            subj.append(subject())
            base.append(baseline())
    return base, subj


Turn = Callable[[], "tuple[float, float, bool]"]
"""Advance one side a turn: its (wall, CPU) seconds, and whether the side has now ended."""


def alternating(baseline: Turn, subject: Turn) -> tuple[tuple[float, float], tuple[float, float]]:
    """Wall and CPU seconds of two sides, advanced in turn, to the end of both.

    For work made of many short steps (calls, pages), taken a turn of a few at a time: both sides
    then share the machine's load moment by moment, not just the same minute, so a burst from
    another process lands on both. The order alternates per pair of turns (ABBA), as in
    `interleaved`. Each turn times itself (`_sides.SideProcess.turn`, in the side's own process).
    """
    wall = [0.0, 0.0]
    cpu = [0.0, 0.0]
    sides = [baseline, subject]
    live = [True, True]
    step = 0
    while any(live):
        order = (0, 1) if step % 2 == 0 else (1, 0)
        for side in order:
            if not live[side]:
                continue
            took_wall, took_cpu, ended = sides[side]()
            wall[side] += took_wall
            cpu[side] += took_cpu
            live[side] = not ended
        step += 1
    return (wall[0], wall[1]), (cpu[0], cpu[1])


def paired_ratio(baseline: list[float], subject: list[float]) -> float:
    """The median of subject[i] / baseline[i]: each pair was measured side by side, so its ratio is
    the least disturbed by the machine's load, which moves both of a pair alike."""
    return median([ratio(s, b) for b, s in zip(baseline, subject, strict=True)])


def paired_interval(
    baseline: list[float], subject: list[float], *, resamples: int = 2000, seed: int = 16
) -> tuple[float, float]:
    """The 95% bootstrap interval of `paired_ratio`: the pairs resampled with replacement.

    Percentile bootstrap of the median of the pairs' ratios; seeded, so that one run's samples
    always give the same interval. One pair gives an interval of that one ratio.
    """
    ratios = [ratio(s, b) for b, s in zip(baseline, subject, strict=True)]
    return median_interval(ratios, resamples=resamples, seed=seed)


def median_interval(values: list[float], *, resamples: int = 2000, seed: int = 16) -> tuple[float, float]:
    """The 95% percentile-bootstrap interval of the median of `values`."""
    draw = random.Random(seed).choices
    medians = sorted(statistics.median(draw(values, k=len(values))) for _ in range(resamples))
    return medians[int(0.025 * resamples)], medians[int(0.975 * resamples) - 1]


def ratio_goal(label: str, baseline: list[float], subject: list[float], limit: float) -> Goal:
    """A goal on the median of paired runs' ratios, with its bootstrap interval."""
    low, high = paired_interval(baseline, subject)
    return Goal(label, paired_ratio(baseline, subject), limit, low=low, high=high)


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of `fn` takes (wall clock, monotonic)."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio(subject: float, baseline: float) -> float:
    """subject / baseline; infinite for a zero baseline rather than a ZeroDivisionError."""
    return subject / baseline if baseline > 0 else float("inf")
