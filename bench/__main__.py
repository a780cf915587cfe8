"""``python -m bench [FIGURE ...]``: run the figures (all by default), print the table, write the JSON.

Exits 0 whether figures pass or miss (it is a report; misses are printed as such), and 1 only when
a figure could not be measured at all (an error in the harness or in the code it runs).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from pathlib import Path

from . import _machine, _report
from ._measure import Figure

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
# The users' guide states what the SDK costs: its table is always one run's output.
README = Path(__file__).resolve().parents[1] / "README.md"
FIGURES = ("parse", "per_call", "cold_import", "bulk", "bulk_defaults", "shared", "paging")


def _run_figure(key: str) -> Figure:
    # Imported per figure, so a figure whose SDK code is missing fails alone, as an ERROR row.
    module = importlib.import_module(f"bench.{key}")
    figure: Figure = module.run()
    return figure


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("figures", nargs="*", metavar="FIGURE", help="any of " + ", ".join(FIGURES))
    parser.add_argument(
        "--json", type=Path, default=RESULTS, help=f"where to write the figures (default {RESULTS})"
    )
    parser.add_argument(
        "--write-table",
        action="store_true",
        help="also write the markdown table into README.md, between its bench table markers",
    )
    args = parser.parse_args(argv)
    chosen: list[str] = args.figures or list(FIGURES)
    unknown = sorted(set(chosen) - set(FIGURES))
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; choose from {', '.join(FIGURES)}")

    machine = _machine.describe()
    started = time.perf_counter()
    figures: list[Figure] = []
    errors: dict[str, str] = {}
    for key in chosen:
        print(f"running {key}...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            figures.append(_run_figure(key))
        except Exception as exc:  # noqa: BLE001 - one broken figure must not hide the others' results
            traceback.print_exc()
            errors[key] = f"{type(exc).__name__}: {exc}"
        print(f"  {key}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    print(_report.table(machine, figures, errors))
    table = _report.markdown(machine, figures, errors)
    print("\n" + table)
    if args.write_table:
        README.write_text(
            _report.replace_between_markers(README.read_text(encoding="utf-8"), table), encoding="utf-8"
        )
        print(f"\nThe table is written into {README}")
    _report.write_json(args.json, _report.to_json(machine, figures, errors, elapsed))
    print(f"\nWritten to {args.json} ({elapsed:.0f} s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
