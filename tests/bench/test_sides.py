"""Each side of a figure runs in a process of its own: its steps, CPU, collections and memory.

The sides (tests/bench/_example_sides.py) are built in real child processes, as the figures'
are; no timing is asserted beyond "more work took more CPU".
"""

from __future__ import annotations

import os

import pytest

from bench._sides import SideProcess, alternating_passes
from tests.bench._example_sides import Counting, Cyclic, Failing, Keeping


def test_a_side_runs_in_its_own_process_a_turn_at_a_time() -> None:
    with SideProcess("counting", Counting, (5,), turn=2) as side:
        assert side.check()["pid"] != os.getpid()
        side.start_pass()
        turns = []
        while (took := side.step()) is not None:
            turns.append(took)
        assert len(turns) == 3  # 2 + 2 + 1 steps
        assert all(wall > 0 and cpu > 0 for wall, cpu in turns)


def test_alternating_passes_time_each_side_in_its_own_process() -> None:
    with (
        SideProcess("small", Counting, (4,), turn=1) as small,
        SideProcess("large", Counting, (40,), turn=1) as large,
    ):
        (small_wall, large_wall), (small_cpu, large_cpu) = alternating_passes(small, large)
    assert large_cpu > small_cpu > 0
    assert large_wall > small_wall > 0


def test_one_sides_garbage_is_collected_in_its_own_process() -> None:
    # In one process the clean side would run some of the collections that the other side's
    # cycles make necessary; here it runs none.
    with (
        SideProcess("clean", Counting, (200,), turn=1) as clean,
        SideProcess("cyclic", Cyclic, (), turn=1) as cyclic,
    ):
        alternating_passes(clean, cyclic)
        assert cyclic.collections() > 0
        assert clean.collections() == 0


def test_traced_growth_is_the_passs_peak() -> None:
    with (
        SideProcess("keeping", Keeping, (), turn=1) as keeping,
        SideProcess("lazy", Counting, (10,), turn=1) as lazy,
    ):
        assert keeping.traced_growth_mb() >= 9.5
        assert lazy.traced_growth_mb() < 1


def test_an_error_in_a_side_is_raised_here_with_its_traceback() -> None:
    with SideProcess("failing", Failing, (), turn=1) as failing:
        failing.start_pass()
        assert failing.step() is not None
        with pytest.raises(RuntimeError, match=r"(?s)the failing side failed.*LookupError: no such page"):
            failing.step()


def test_a_side_that_cannot_be_built_says_so() -> None:
    with pytest.raises(RuntimeError, match=r"(?s)the broken side failed.*TypeError"):
        SideProcess("broken", Counting, ("not a number", "extra"), turn=1)
