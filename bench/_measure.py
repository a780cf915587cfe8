"""What every figure shares: its record (`Figure`, `Goal`) and interleaved, median-of-runs timing."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Goal:
    """One limit a figure must stay within: ``value <= limit``."""

    label: str
    value: float
    limit: float
    unit: str = "x"

    @property
    def passed(self) -> bool:
        return self.value <= self.limit


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


def alternating(baseline: Iterator[object], subject: Iterator[object]) -> tuple[float, float]:
    """Seconds spent in each of two step iterators, advanced in turn one step each, to the end of both.

    For work made of many short steps (calls, pages): both sides then share every moment of the
    machine's load, not just the same minute, so a burst from another process lands on both. The
    order alternates per pair of steps (ABBA), as in `interleaved`.
    """
    spent = [0.0, 0.0]
    sides = [baseline, subject]
    live = [True, True]
    step = 0
    while any(live):
        order = (0, 1) if step % 2 == 0 else (1, 0)
        for side in order:
            if not live[side]:
                continue
            start = time.perf_counter()
            try:
                next(sides[side])
            except StopIteration:
                live[side] = False
            spent[side] += time.perf_counter() - start
        step += 1
    return spent[0], spent[1]


def paired_ratio(baseline: list[float], subject: list[float]) -> float:
    """The median of subject[i] / baseline[i]: each pair was measured side by side, so its ratio is
    the least disturbed by the machine's load, which moves both of a pair alike."""
    return median([ratio(s, b) for b, s in zip(baseline, subject, strict=True)])


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
