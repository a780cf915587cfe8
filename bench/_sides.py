"""Each side of a timed comparison in a process of its own, driven from here a turn at a time.

In one process, two sides disturb each other's figures beyond sharing the machine. The cyclic
garbage collector runs when the objects allocated since its last run pass a threshold, so the
side that allocates more per step runs, and is charged for, the collections of the other side's
garbage too. Measured on the paging walk in one process: every collection ran in the SDK's steps,
and what they freed was mostly httpx's response cycles from the baseline's. The two also share
the allocator's arenas and the CPU's caches. In a process of its own, each side's CPU time is
what a program doing only that work spends. The sides still alternate, a turn each (see
`_measure.alternating`), so that both share the machine's load.

A side is built in its process (``python -m bench._sides``: a fresh interpreter, not a fork of
this one) by a class or function importable by name, which returns a `Side`. The process answers
pickled commands on its stdin: the first names the side to build; then ``check`` (the side's
untimed warm-up, and what it reports), ``pass`` (start a timed pass), ``("turn", n)`` (advance it
n steps: their wall and CPU seconds, and whether the pass has ended), ``traced`` (one whole pass
under tracemalloc: its peak growth in MB), ``collections`` (the collections the cyclic collector
ran during timed turns) and ``stop``.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
import pickle
import select
import subprocess
import sys
import time
import traceback
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, Protocol

from ._measure import alternating

_REPO = Path(__file__).resolve().parents[1]
# A side that has not answered a command in this long has hung (a whole traced
# pass of the paging walk takes ~20 s).
_ANSWER_TIMEOUT_S = 600.0


class Side(Protocol):
    """What one side of a comparison does, in its own process."""

    def check(self) -> dict[str, Any]:
        """Untimed warm-up (connections, lazy imports) and whatever the figure checks it walked."""

    def steps(self) -> Iterator[object]:
        """One timed pass: each item is one step (a call, a page)."""


def _collections() -> int:
    return sum(generation["collections"] for generation in gc.get_stats())


def _traced_growth(steps: Iterator[object]) -> float:
    """Peak traced memory above the start of one whole pass, in MB."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start, _ = tracemalloc.get_traced_memory()
        for _ in steps:
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - start) / 1e6


def _serve(commands: BinaryIO, answers: BinaryIO) -> None:
    """The side's process: build the side the first message names, then answer commands."""

    def answer(status: str, value: Any) -> None:
        pickle.dump((status, value), answers)
        answers.flush()

    try:
        build, args = pickle.load(commands)
        side = build(*args)
        current: Iterator[object] = iter(())
        collections = 0
        clock, cpu_clock = time.perf_counter, time.process_time
        answer("ok", None)
        while True:
            try:
                command = pickle.load(commands)
            except EOFError:
                return
            if isinstance(command, tuple) and command[0] == "turn":
                before = _collections()
                taken = 0
                start, start_cpu = clock(), cpu_clock()
                # Fewer steps than asked: the pass has ended, and the final next() was timed.
                for _ in itertools.islice(current, command[1]):
                    taken += 1
                wall, cpu = clock() - start, cpu_clock() - start_cpu
                collections += _collections() - before
                answer("ok", (wall, cpu, taken < command[1]))
            elif command == "pass":
                current = side.steps()
                answer("ok", None)
            elif command == "check":
                answer("ok", side.check())
            elif command == "traced":
                answer("ok", _traced_growth(side.steps()))
            elif command == "collections":
                answer("ok", collections)
            elif command == "stop":
                answer("ok", None)
                return
            else:
                answer("error", f"unknown command {command!r}")
    except BaseException:  # noqa: BLE001  (reported to the figure, which fails with it)
        answer("error", traceback.format_exc())


class SideProcess:
    """One side, built by ``build(*args)`` in a process of its own (``python -m bench._sides``).

    ``build`` must be importable by name (a module-level class or function) and ``args``
    picklable. Each `turn` advances the side `steps_per_turn` of its own steps, timed in its
    process, so handing the turn over is not timed; but each turn starts with the caches the
    other processes have used, which costs both sides alike and, with turns of one step, added
    ~100 us to each page of either side, pulling the ratio towards 1. Turns of tens of
    milliseconds keep that small. Use as a context manager; an error in the side is raised here
    as a RuntimeError carrying its traceback.
    """

    def __init__(
        self, name: str, build: Callable[..., Side], args: tuple[Any, ...], *, steps_per_turn: int
    ) -> None:
        self.name = name
        self.steps_per_turn = steps_per_turn
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench._sides"], cwd=_REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        try:
            self._ask((build, args))  # built
        except BaseException:
            self.close()
            raise

    def _ask(self, command: object) -> Any:
        process = self._process
        assert process.stdin is not None
        assert process.stdout is not None
        try:
            pickle.dump(command, process.stdin)
            process.stdin.flush()
            # One answer per command, so nothing is left in the reader's buffer to wait on.
            if not select.select([process.stdout], [], [], _ANSWER_TIMEOUT_S)[0]:
                process.kill()
                raise RuntimeError(f"the {self.name} side did not answer in {_ANSWER_TIMEOUT_S:g} s")
            status, value = pickle.load(process.stdout)
        except (EOFError, OSError):
            raise RuntimeError(f"the {self.name} side's process ended (exit code {process.poll()})") from None
        if status != "ok":
            raise RuntimeError(f"the {self.name} side failed:\n{value}")
        return value

    def check(self) -> dict[str, Any]:
        result: dict[str, Any] = self._ask("check")
        return result

    def start_pass(self) -> None:
        self._ask("pass")

    def turn(self) -> tuple[float, float, bool]:
        """Advance the current pass `steps_per_turn` steps (fewer at its end): their (wall, CPU)
        seconds in the side's process, and whether the pass has ended (a `_measure.Turn`)."""
        result: tuple[float, float, bool] = self._ask(("turn", self.steps_per_turn))
        return result

    def traced_growth_mb(self) -> float:
        result: float = self._ask("traced")
        return result

    def collections(self) -> int:
        """Cyclic garbage collections run during this side's timed turns so far."""
        result: int = self._ask("collections")
        return result

    def close(self) -> None:
        process = self._process
        assert process.stdin is not None
        assert process.stdout is not None
        try:
            if process.poll() is None:
                self._ask("stop")
        except RuntimeError:
            pass  # it has ended already
        finally:
            for pipe in (process.stdin, process.stdout):
                with contextlib.suppress(OSError):  # a broken pipe's buffered command had nowhere to go
                    pipe.close()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def __enter__(self) -> SideProcess:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def alternating_passes(
    baseline: SideProcess, subject: SideProcess
) -> tuple[tuple[float, float], tuple[float, float]]:
    """One pass of each side, advanced a turn each in turn (`_measure.alternating`): the wall and
    CPU seconds each side's own process spent in its turns."""
    baseline.start_pass()
    subject.start_pass()
    return alternating(baseline.turn, subject.turn)


if __name__ == "__main__":
    # The answers get stdout to themselves: anything the side prints goes to stderr.
    _answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    _serve(sys.stdin.buffer, _answers)
