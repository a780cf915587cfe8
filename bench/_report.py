"""The run's output: a plain-text table for people, the markdown table of README.md, and JSON.

``python -m bench --write-table`` writes the markdown table into README.md between its two
markers (`BEGIN`, `END`), so that the documented figures are always one run's output."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ._measure import Figure, Goal

BEGIN = "<!-- bench table: written by `python -m bench --write-table` -->"
END = "<!-- end of bench table -->"


def _value(goal: Goal) -> str:
    return f"{goal.value:.2f}{goal.unit}" if goal.unit == "x" else f"{goal.value:g}{goal.unit}"


def _limit(goal: Goal) -> str:
    return f"<= {goal.limit:g}{goal.unit}"


def _interval(goal: Goal) -> str:
    if goal.low is None or goal.high is None:
        return ""
    return f"{goal.low:.2f}-{goal.high:.2f}{goal.unit}"


def table(machine: dict[str, str | int], figures: list[Figure], errors: dict[str, str]) -> str:
    """One row per goal of each figure (subject and baseline on its first row), then the notes."""
    header = ("Figure", "Subject", "Baseline", "Measure", "Value", "95% CI", "Goal", "Result")
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
                    _interval(goal),
                    _limit(goal),
                    goal.verdict,
                )
            )
    rows.extend((key, "", "", "", "", "", "", "ERROR") for key in errors)
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
        f"{f.key} ({', '.join(f'{g.label}: {g.verdict}' for g in f.goals if not g.passed)})"
        for f in figures
        if not f.passed
    ]
    out.append("")
    if misses or errors:
        out.append("NOT MET: " + "; ".join(misses + [f"{k} (error)" for k in errors]))
    else:
        out.append("Every figure met its goal (each interval within it).")
    return "\n".join(out)


def markdown(machine: dict[str, str | int], figures: list[Figure], errors: dict[str, str]) -> str:
    """README.md's table: one row per goal, the figure's subject and baseline on its first."""
    lines = [
        f"Run on {machine['cpu']}, {machine['cores']} cores, {machine['python']}, {machine['os']}"
        f" (hubspot-partner-clients {machine['hubspot-partner-clients']}, httpx {machine['httpx']}):",
        "",
        "| figure | subject | baseline | measure | value | 95% CI | goal | result |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        for i, goal in enumerate(f.goals):
            first = i == 0
            cells = (
                f.title if first else "",
                f"{f.subject:.3f} {f.unit}" if first else "",
                f"{f.baseline:.3f} {f.unit}" if first else "",
                goal.label,
                _value(goal),
                _interval(goal),
                _limit(goal).replace("<=", "≤"),
                goal.verdict,
            )
            lines.append("| " + " | ".join(cells) + " |")
    lines.extend(f"| {key} | | | | | | | ERROR |" for key in errors)
    return "\n".join(lines)


def replace_between_markers(text: str, table: str) -> str:
    """`text` with what lies between BEGIN and END replaced by `table`; ValueError without both."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"no {BEGIN!r} ... {END!r} markers, in that order, to write the table between")
    return text[: start + len(BEGIN)] + "\n" + table + "\n" + text[end:]


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
