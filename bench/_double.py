"""The HubSpot double in a child process, so that its CPU and memory stay out of the measured process.

In the same process the double's server thread would share the GIL and the heap with the code
being measured: tracemalloc would count the server's allocations and the client's timings would
include the server's thread switches. The child prints one JSON line (base URL, token) once it
listens, then answers line commands on stdin: ``statuses`` (the count of each answered status
since the last ``reset``), ``reset`` (clear the rate-limit window and the request log) and
``quit``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig

_HUBSPOT = RateLimitConfig()  # HubSpot's account window, from the operation table

_REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class DoubleSpec:
    """What the child double holds and its window: `max_requests` per `interval_seconds`.

    With `rate_limited` False nothing is refused, but the window is still what the double
    advertises in its X-HubSpot-RateLimit-* headers.
    """

    objects: int = 1000
    rate_limited: bool = False
    max_requests: int = _HUBSPOT.max_requests
    interval_seconds: float = _HUBSPOT.interval_seconds


class DoubleProcess:
    """``with DoubleProcess(DoubleSpec(...)) as double:`` -> `base_url`, `token`, `statuses()`, `reset()`."""

    def __init__(self, spec: DoubleSpec, start_timeout: float = 120.0) -> None:
        self.spec = spec
        self._start_timeout = start_timeout
        self._proc: subprocess.Popen[str] | None = None
        self.base_url = ""
        self.token = ""

    def __enter__(self) -> DoubleProcess:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "bench._double", json.dumps(asdict(self.spec))],
            cwd=_REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        hello = json.loads(self._read_line())
        self.base_url, self.token = hello["base_url"], hello["token"]
        return self

    def _read_line(self) -> str:
        assert self._proc is not None
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the double process exited (code {self._proc.poll()})")
        return line

    def _command(self, name: str) -> str:
        assert self._proc is not None
        assert self._proc.stdin is not None
        self._proc.stdin.write(name + "\n")
        self._proc.stdin.flush()
        return self._read_line()

    def statuses(self) -> Counter[int]:
        """How many answers of each HTTP status the double sent since it started or was reset."""
        return Counter({int(k): v for k, v in json.loads(self._command("statuses")).items()})

    def reset(self) -> None:
        """An empty rate-limit window and request log, as if freshly started (the store is kept)."""
        self._command("reset")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        assert proc.stdin is not None
        assert proc.stdout is not None
        try:
            proc.stdin.write("quit\n")
            proc.stdin.close()
            proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        finally:
            proc.stdout.close()


def _serve(spec: DoubleSpec) -> None:
    limits = RateLimitConfig(
        enabled=spec.rate_limited, max_requests=spec.max_requests, interval_seconds=spec.interval_seconds
    )
    config = DoubleConfig(store=StoreConfig(objects=spec.objects, archived_every=0), rate_limit=limits)
    with HubSpotDouble(config) as double:
        print(json.dumps({"base_url": double.base_url, "token": double.token}), flush=True)
        for line in sys.stdin:
            command = line.strip()
            if command == "statuses":
                counts = Counter(r.status for r in double.requests.all())
                print(json.dumps({str(k): v for k, v in counts.items()}), flush=True)
            elif command == "reset":
                double.reset()
                print("{}", flush=True)
            elif command == "quit":
                break


if __name__ == "__main__":
    _serve(DoubleSpec(**json.loads(sys.argv[1])))
