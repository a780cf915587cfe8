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
    with SideProcess("counting", Counting, (5,), steps_per_turn=2) as side:
        assert side.check()["pid"] != os.getpid()
        side.start_pass()
        turns = [side.turn(), side.turn(), side.turn()]  # 2 + 2 + 1 steps
        assert [ended for _, _, ended in turns] == [False, False, True]
        assert all(wall > 0 and cpu > 0 for wall, cpu, _ in turns)
    with SideProcess("even", Counting, (4,), steps_per_turn=2) as even:
        even.start_pass()
        # The third turn takes no step, only the final next(), which is timed too.
        assert [even.turn()[2] for _ in range(3)] == [False, False, True]


def test_alternating_passes_time_each_side_in_its_own_process() -> None:
    with (
        SideProcess("small", Counting, (4,), steps_per_turn=1) as small,
        SideProcess("large", Counting, (40,), steps_per_turn=1) as large,
    ):
        (small_wall, large_wall), (small_cpu, large_cpu) = alternating_passes(small, large)
    assert large_cpu > small_cpu > 0
    assert large_wall > small_wall > 0


def test_one_sides_garbage_is_collected_in_its_own_process() -> None:
    # In one process the clean side would run some of the collections that the other side's
    # cycles make necessary; here it runs none.
    with (
        SideProcess("clean", Counting, (200,), steps_per_turn=1) as clean,
        SideProcess("cyclic", Cyclic, (), steps_per_turn=1) as cyclic,
    ):
        alternating_passes(clean, cyclic)
        assert cyclic.collections() > 0
        assert clean.collections() == 0


def test_traced_growth_is_the_passs_peak() -> None:
    with (
        SideProcess("keeping", Keeping, (), steps_per_turn=1) as keeping,
        SideProcess("lazy", Counting, (10,), steps_per_turn=1) as lazy,
    ):
        assert keeping.traced_growth_mb() >= 9.5
        assert lazy.traced_growth_mb() < 1


def test_an_error_in_a_side_is_raised_here_with_its_traceback() -> None:
    with SideProcess("failing", Failing, (), steps_per_turn=1) as failing:
        failing.start_pass()
        assert not failing.turn()[2]
        with pytest.raises(RuntimeError, match=r"(?s)the failing side failed.*LookupError: no such page"):
            failing.turn()


def test_a_side_that_cannot_be_built_says_so() -> None:
    with pytest.raises(RuntimeError, match=r"(?s)the broken side failed.*TypeError"):
        SideProcess("broken", Counting, ("not a number", "extra"), steps_per_turn=1)
