"""Sides for tests/bench/test_sides.py, importable by name in the process each runs in."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any


class Counting:
    """`steps` steps of busy work; its check reports the process it runs in."""

    def __init__(self, steps: int) -> None:
        self._steps = steps

    def check(self) -> dict[str, Any]:
        return {"pid": os.getpid()}

    def steps(self) -> Iterator[int]:
        for i in range(self._steps):
            sum(range(20_000))
            yield i


class Cyclic:
    """Each step leaves reference cycles behind, as httpx's responses do."""

    def check(self) -> dict[str, Any]:
        return {}

    def steps(self) -> Iterator[None]:
        for _ in range(200):
            for _ in range(50):
                node: dict[str, Any] = {}
                node["self"] = node
            yield None


class Keeping:
    """A pass that keeps ~10 MB until its end."""

    def check(self) -> dict[str, Any]:
        return {}

    def steps(self) -> Iterator[None]:
        kept = []
        for _ in range(10):
            kept.append(bytearray(1_000_000))
            yield None


class Failing:
    """Its second step raises."""

    def check(self) -> dict[str, Any]:
        return {}

    def steps(self) -> Iterator[None]:
        yield None
        raise LookupError("no such page")
