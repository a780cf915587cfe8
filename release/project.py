"""The version in the one place it lives: pyproject.toml's [project].version."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = REPO / "pyproject.toml"
CHANGELOG = REPO / "CHANGELOG.md"
DISTRIBUTION = "hubspot-partner-clients"
# The HubSpot double, for the SDK's users' tests: built from testing/pyproject.toml at the
# SDK's version and published with it.
TESTING_DISTRIBUTION = "hubspot-partner-clients-testing"
TESTING = REPO / "testing"
# What a release builds and publishes, all at one version.
DISTRIBUTIONS = (DISTRIBUTION, TESTING_DISTRIBUTION)

# `version = "..."` as its own line inside the [project] table (up to the next table header).
_VERSION_LINE = re.compile(r'(?ms)(^\[project\]\n(?:(?!^\[).)*?^version = ")([^"]+)(")')


def read_version(pyproject: Path = PYPROJECT) -> str:
    """The project's version as pyproject.toml states it."""
    return version_in(pyproject.read_text(encoding="utf-8"))


def version_in(pyproject_text: str) -> str:
    """The [project].version of a pyproject.toml's text."""
    version = tomllib.loads(pyproject_text)["project"]["version"]
    assert isinstance(version, str)
    return version


def write_version(version: str, pyproject: Path = PYPROJECT) -> None:
    """Set [project].version, leaving every other byte of the file as it was."""
    text = pyproject.read_text(encoding="utf-8")
    new_text, count = _VERSION_LINE.subn(lambda m: f"{m[1]}{version}{m[3]}", text, count=1)
    if count != 1:
        raise ValueError(f'no `version = "..."` line in the [project] table of {pyproject}')
    pyproject.write_text(new_text, encoding="utf-8")
    if read_version(pyproject) != version:
        raise ValueError(f"wrote version {version} but {pyproject} now says {read_version(pyproject)}")
