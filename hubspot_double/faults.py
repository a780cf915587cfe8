"""Fault injection: random faults from a seed, and scripted "next N" faults.

`decide()` runs once per request, before authentication and the handler, so
an injected 429/5xx never applies a write. Network-level faults (drop, delay,
truncate) are only *chosen* here; the app applies them after the handler ran.
"""

from __future__ import annotations

import dataclasses
import random
import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .config import FaultConfig


class FaultKind(StrEnum):
    RATE_LIMIT = "429"  # rolling-window 429 with Retry-After
    RATE_LIMIT_DAILY = "429_daily"  # DAILY 429, no Retry-After
    SERVER_ERROR = "500"  # JSON Error body
    BAD_GATEWAY = "502"  # HTML body, as a proxy sends
    SERVICE_UNAVAILABLE = "503"  # JSON Error body
    GATEWAY_TIMEOUT = "504"  # HTML body, as a proxy sends
    DROP = "drop"  # headers + part of the body, then the connection closes
    DELAY = "delay"  # the response waits `delay_seconds` before being sent
    TRUNCATE = "truncate"  # a complete HTTP response whose JSON is cut short
    STATUS = "status"  # any status code with a HubSpot Error body (scripted only)
    ANSWER = "answer"  # any status, body and Content-Type, verbatim (scripted only)


# Faults applied after the handler ran (the write happened).
POST_HANDLER = frozenset({FaultKind.DROP, FaultKind.DELAY, FaultKind.TRUNCATE})

_RANDOM_ORDER = (
    ("rate_429", FaultKind.RATE_LIMIT),
    ("rate_500", FaultKind.SERVER_ERROR),
    ("rate_502", FaultKind.BAD_GATEWAY),
    ("rate_503", FaultKind.SERVICE_UNAVAILABLE),
    ("rate_504", FaultKind.GATEWAY_TIMEOUT),
    ("rate_drop", FaultKind.DROP),
    ("rate_delay", FaultKind.DELAY),
    ("rate_truncate", FaultKind.TRUNCATE),
)


@dataclass(frozen=True)
class Decision:
    """The fault chosen for one request."""

    kind: FaultKind
    status: int | None = None
    delay_seconds: float = 0.0
    retry_after: int = 1
    # ANSWER only: the body and Content-Type to send (None: no Content-Type).
    body: bytes = b""
    content_type: str | None = None


@dataclass
class ScriptedFault:
    kind: FaultKind
    remaining: int
    path_contains: str | None = None
    method: str | None = None
    status: int | None = None
    delay_seconds: float | None = None
    retry_after: int | None = None
    body: bytes = b""
    content_type: str | None = None

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.path_contains is None or self.path_contains in path


class Faults:
    """Runtime-changeable fault policy of one double (thread-safe)."""

    def __init__(self, config: FaultConfig) -> None:
        self.lock = threading.Lock()
        self.config = config
        self._rng = random.Random(config.seed)
        self._scripts: list[ScriptedFault] = []
        self.injected: list[tuple[str, str, FaultKind]] = []

    def configure(self, config: FaultConfig | None = None, **changes: Any) -> FaultConfig:
        """Replace the random-fault config (or change some fields); reseeds."""
        with self.lock:
            new = config if config is not None else self.config
            self.config = dataclasses.replace(new, **changes)
            self._rng = random.Random(self.config.seed)
            return self.config

    def reset(self) -> None:
        """No faults at all: default config, no scripted faults, fresh seed."""
        with self.lock:
            self.config = FaultConfig()
            self._rng = random.Random(self.config.seed)
            self._scripts.clear()
            self.injected.clear()

    def script(
        self,
        fault: FaultKind | str | int,
        times: int = 1,
        *,
        path_contains: str | None = None,
        method: str | None = None,
        delay_seconds: float | None = None,
        retry_after: int | None = None,
    ) -> None:
        """Force the next `times` matching requests to get `fault`.

        `fault` is a FaultKind (or its value, e.g. "429_daily") or an HTTP
        status code: 429 is a rolling 429, 500/502/503/504 the matching kind,
        anything else a HubSpot Error body with that status.
        """
        status: int | None = None
        if isinstance(fault, int):
            status = fault
            by_status = {
                429: FaultKind.RATE_LIMIT,
                500: FaultKind.SERVER_ERROR,
                502: FaultKind.BAD_GATEWAY,
                503: FaultKind.SERVICE_UNAVAILABLE,
                504: FaultKind.GATEWAY_TIMEOUT,
            }
            kind = by_status.get(fault, FaultKind.STATUS)
        else:
            kind = FaultKind(fault)
        with self.lock:
            self._scripts.append(
                ScriptedFault(kind, times, path_contains, method, status, delay_seconds, retry_after)
            )

    def script_answer(
        self,
        body: bytes | str,
        *,
        status: int = 200,
        content_type: str | None = "application/json",
        times: int = 1,
        path_contains: str | None = None,
        method: str | None = None,
    ) -> None:
        """Answer the next `times` matching requests with exactly this, before the handler runs.

        For answers HubSpot should never send but a server or proxy can: a
        200 with `{}`, `null`, an HTML page or nothing, a timestamp that is
        not one. Nothing is applied: the handler does not run.
        """
        payload = body.encode() if isinstance(body, str) else body
        with self.lock:
            self._scripts.append(
                ScriptedFault(
                    FaultKind.ANSWER,
                    times,
                    path_contains,
                    method,
                    status,
                    body=payload,
                    content_type=content_type,
                )
            )

    def pending(self) -> int:
        """How many scripted faults are still to be served."""
        with self.lock:
            return sum(s.remaining for s in self._scripts)

    def decide(self, method: str, path: str) -> Decision | None:
        with self.lock:
            cfg = self.config
            for s in self._scripts:
                if s.remaining > 0 and s.matches(method, path):
                    s.remaining -= 1
                    self._scripts = [x for x in self._scripts if x.remaining > 0]
                    self.injected.append((method, path, s.kind))
                    return Decision(
                        s.kind,
                        s.status,
                        cfg.delay_seconds if s.delay_seconds is None else s.delay_seconds,
                        cfg.retry_after_seconds if s.retry_after is None else s.retry_after,
                        s.body,
                        s.content_type,
                    )
            if cfg.path_contains is not None and cfg.path_contains not in path:
                return None
            # One draw per eligible request keeps the sequence reproducible.
            draw = self._rng.random()
            edge = 0.0
            for field_name, kind in _RANDOM_ORDER:
                edge += getattr(cfg, field_name)
                if draw < edge:
                    self.injected.append((method, path, kind))
                    return Decision(kind, None, cfg.delay_seconds, cfg.retry_after_seconds)
            return None
