"""Metadata of hubspot-partner-clients-testing that comes from the SDK's pyproject.toml.

The version lives in one place, the root pyproject.toml; the testing package
takes it, and requires exactly that version of the SDK (the double reads
HubSpot's limits from the SDK's operation table), plus the double's server.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from hatchling.metadata.plugin.interface import MetadataHookInterface

SDK = Path(__file__).resolve().parent.parent / "pyproject.toml"
# The double's own dependencies: the ASGI framework and server it runs on.
SERVER = ["starlette>=0.40,<2", "uvicorn>=0.30,<1"]


class TestingMetadata(MetadataHookInterface):
    """Set `version` and `dependencies` from the SDK's pyproject.toml."""

    def update(self, metadata: dict[str, Any]) -> None:
        project = tomllib.loads(SDK.read_text(encoding="utf-8"))["project"]
        metadata["version"] = project["version"]
        metadata["dependencies"] = [f"{project['name']}=={project['version']}", *SERVER]
