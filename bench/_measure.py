"""What every figure shares: its record (`Figure`, `Goal`) and interleaved, median-of-runs timing."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
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
    """One benchmark's outcome: subject and baseline medians, their ratio, and its goals.

    `subject` and `baseline` are in `unit` (e.g. "ms/call"); `samples` keeps every run of both, in
    the order they ran, so a reader can judge the spread; `notes` says how it was measured.
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
        return ratio(self.subject, self.baseline)

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
