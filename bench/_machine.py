"""Where a run was measured: CPU model, cores, Python, OS, and the versions of what is measured."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path


def _cpu_model() -> str:
    # /proc/cpuinfo names the model on Linux; platform.processor() is often empty there.
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe() -> dict[str, str | int]:
    """The machine and software a run was measured on, for the table's header and the JSON."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count() or 0,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(terse=True),
        "hubspot-partner-clients": _version("hubspot-partner-clients"),
        "httpx": _version("httpx"),
        "attrs": _version("attrs"),
    }
