"""Figure 3, cold start as users start: a fresh interpreter that imports the package, builds a client
and imports one operation, against one that imports httpx (what the package is built on).

Both are whole ``python -c`` processes, so both include the interpreter's own start-up: the ratio is
what a command-line tool or a serverless function built on the SDK pays at start, against the
least it could pay with the same HTTP stack. An installed package has its bytecode compiled (pip
does it), so the warm-up runs write bytecode whatever ``PYTHONDONTWRITEBYTECODE`` says (for both
sides); otherwise a checkout's package would be compiled from source in every timed run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from ._measure import Figure, interleaved, median, ratio_goal, timed

GOAL = 1.35
SUBJECT_CODE = (
    "import hubspot_partner_clients; hubspot_partner_clients.create_client(token='x'); "
    "from hubspot_partner_clients.api.partner_clients import get_by_id"
)
BASELINE_CODE = "import httpx"
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _python(code: str, cwd: str) -> None:
    # A neutral cwd: the repository root on sys.path could shadow the installed package.
    subprocess.run([sys.executable, "-c", code], check=True, cwd=cwd, env=_ENV)


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
        title="Cold start: import, create_client, one operation",
        unit="ms/process",
        subject=subject_ms,
        baseline=baseline_ms,
        goals=[ratio_goal("time ratio", base, subj, GOAL)],
        notes=[
            f"subject: python -c {SUBJECT_CODE!r}; baseline: python -c {BASELINE_CODE!r};"
            f" whole processes (interpreter start-up included), {runs} of each, interleaved;"
            " ratio: median of the pairs' ratios, with its 95% bootstrap interval"
        ],
        samples={"baseline_ms": [b * 1e3 for b in base], "subject_ms": [s * 1e3 for s in subj]},
    )
