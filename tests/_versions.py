"""The API versions as the tests see them: one `ApiVersion` per entry of openapi/versions.toml.

A test that exercises an operation takes the `api_version` fixture (tests/conftest.py), which runs
it once per version, and reaches the version's code through it: `api_version.op("get_by_id")`,
`api_version.models.SimplePublicObjectId`, `api_version.resources(client)` (the version's
`client[.<package>].partner_clients`) and `api_version.path("/batch/read")` (the version's path, for
assertions on the double's request log). Nothing here names a version: a version added to the list
is tested by every such test.

`spread` is the rule for the heavy tests (thousands of requests each), which would cost too much
run once per version and per mode: it pairs modes with versions so that each mode and each version
runs at least once, max(modes, versions) runs in all.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import Any

import pytest

from generator import versions

ROOT_PACKAGE = "hubspot_partner_clients"


@dataclass(frozen=True)
class ApiVersion:
    """One API version: where its modules are and how a client reaches its resource client."""

    name: str
    # The version's subpackage (`v2026_03`), None for the root's.
    subpackage: str | None

    def __str__(self) -> str:
        return self.name

    @property
    def package(self) -> str:
        """The import name of the version's package."""
        return f"{ROOT_PACKAGE}.{self.subpackage}" if self.subpackage else ROOT_PACKAGE

    def module(self, dotted: str) -> ModuleType:
        """One of the version's modules, by its name inside the version (`"models"`)."""
        return importlib.import_module(f"{self.package}.{dotted}")

    def op(self, name: str) -> Any:
        """The version's generated operation module (`api.partner_clients.<name>`)."""
        return self.module(f"api.partner_clients.{name}")

    @property
    def models(self) -> Any:
        return self.module("models")

    @property
    def params(self) -> Any:
        return self.module("params")

    @cached_property
    def operations(self) -> Any:
        """The version's own operation table (its rows, its limits)."""
        return self.module("_operations").OPERATIONS

    @cached_property
    def prefix(self) -> str:
        """The path of the version's partner clients (`/crm/v3/objects/partner_clients`)."""
        path: str = self.operations.named("list_page").path
        return path

    def path(self, suffix: str = "") -> str:
        return self.prefix + suffix

    def resources(self, client: Any) -> Any:
        """The version's resource client on `client`: `client[.<package>].partner_clients`."""
        owner = getattr(client, self.subpackage) if self.subpackage else client
        return owner.partner_clients

    def aio_resources(self, client: Any) -> Any:
        """The async twin: `client.aio[.<package>].partner_clients`."""
        return self.resources(client.aio)


VERSIONS = [ApiVersion(v.name, v.package) for v in versions.load()]
ROOT = VERSIONS[0]
NEWEST = VERSIONS[-1]


def spread(modes: Sequence[str]) -> list[Any]:
    """(mode, version) parameters for a heavy test: every mode and every version at least once.

    The i-th run pairs modes[i % len(modes)] with VERSIONS[i % len(VERSIONS)], for
    max(len(modes), len(VERSIONS)) runs: two modes and two versions cost two runs, not four.
    """
    runs = max(len(modes), len(VERSIONS))
    pairs = [(modes[i % len(modes)], VERSIONS[i % len(VERSIONS)]) for i in range(runs)]
    return [pytest.param(mode, version, id=f"{mode}-{version.name}") for mode, version in pairs]
