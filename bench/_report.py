"""The run's output: a plain-text table for people, and JSON for MAINTAINING.md and for comparisons."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ._measure import Figure, Goal


def _value(goal: Goal) -> str:
    return f"{goal.value:.2f}{goal.unit}" if goal.unit == "x" else f"{goal.value:g}{goal.unit}"


def _limit(goal: Goal) -> str:
    return f"<= {goal.limit:g}{goal.unit}"


def table(machine: dict[str, str | int], figures: list[Figure], errors: dict[str, str]) -> str:
    """One row per goal of each figure (subject and baseline on its first row), then the notes."""
    header = ("Figure", "Subject", "Baseline", "Measure", "Value", "Goal", "Result")
    rows: list[tuple[str, ...]] = []
    for f in figures:
        for i, goal in enumerate(f.goals):
            first = i == 0
            rows.append(
                (
                    f.title if first else "",
                    f"{f.subject:.3f} {f.unit}" if first else "",
                    f"{f.baseline:.3f} {f.unit}" if first else "",
                    goal.label,
                    _value(goal),
                    _limit(goal),
                    "PASS" if goal.passed else "MISS",
                )
            )
    rows.extend((key, "", "", "", "", "", "ERROR") for key in errors)
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    out = [
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['python']}, {machine['os']}",
        f"Versions: hubspot-partner-clients {machine['hubspot-partner-clients']},"
        f" httpx {machine['httpx']}, attrs {machine['attrs']}",
        "",
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)),
        line,
        *("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows),
        "",
    ]
    for f in figures:
        out.extend(f"[{f.key}] {note}" for note in f.notes)
    out.extend(f"[{key}] ERROR, not measured: {message}" for key, message in errors.items())
    misses = [
        f"{f.key} ({', '.join(g.label for g in f.goals if not g.passed)})" for f in figures if not f.passed
    ]
    out.append("")
    if misses or errors:
        out.append("MISSED: " + "; ".join(misses + [f"{k} (error)" for k in errors]))
    else:
        out.append("Every figure met its goal.")
    return "\n".join(out)


def to_json(
    machine: dict[str, str | int], figures: list[Figure], errors: dict[str, str], seconds: float
) -> dict[str, Any]:
    return {
        "machine": machine,
        "duration_s": round(seconds, 1),
        "figures": {
            f.key: {
                **asdict(f),
                "ratio": f.ratio,
                "passed": f.passed,
                "goals": [{**asdict(g), "passed": g.passed} for g in f.goals],
            }
            for f in figures
        },
        "errors": errors,
        "passed": not errors and all(f.passed for f in figures),
    }


def write_json(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n")
