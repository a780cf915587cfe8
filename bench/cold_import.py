"""Figure 3, cold import: a fresh interpreter that imports the package and builds a client,
against one that imports only httpx and attrs (what the package is built on).

Both are whole ``python -c`` processes, so both include the interpreter's own start-up: the ratio is
what a command-line tool or a serverless function built on the SDK pays at start, against the
least it could pay with the same HTTP stack.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile

from ._measure import Figure, Goal, interleaved, median, paired_ratio, timed

GOAL = 1.3
SUBJECT_CODE = "import hubspot_partner_clients; hubspot_partner_clients.create_client(token='x')"
BASELINE_CODE = "import httpx, attrs"


def _python(code: str, cwd: str) -> None:
    # A neutral cwd: the repository root on sys.path could shadow the installed package.
    subprocess.run([sys.executable, "-c", code], check=True, cwd=cwd)


def run(*, runs: int = 31, warmup: int = 2) -> Figure:
    """Median wall time of `runs` fresh processes of each kind, interleaved, after `warmup` of each."""
    with tempfile.TemporaryDirectory() as cwd:
        for _ in range(warmup):  # byte-compiles and pages in both sides' files
            _python(BASELINE_CODE, cwd)
            _python(SUBJECT_CODE, cwd)
        base, subj = interleaved(
            lambda: timed(lambda: _python(BASELINE_CODE, cwd)),
            lambda: timed(lambda: _python(SUBJECT_CODE, cwd)),
            runs,
        )
    subject_ms, baseline_ms = median(subj) * 1e3, median(base) * 1e3
    return Figure(
        key="cold_import",
        title="Cold import and build a client",
        unit="ms/process",
        subject=subject_ms,
        baseline=baseline_ms,
        goals=[Goal("time ratio", paired_ratio(base, subj), GOAL)],
        notes=[
            f"subject: python -c {SUBJECT_CODE!r}; baseline: python -c {BASELINE_CODE!r};"
            f" whole processes (interpreter start-up included), {runs} of each, interleaved"
        ],
        samples={"baseline_ms": [b * 1e3 for b in base], "subject_ms": [s * 1e3 for s in subj]},
    )
