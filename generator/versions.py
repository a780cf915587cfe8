"""The version list: which HubSpot API versions the package speaks, from openapi/versions.toml.

One entry per document. The first version is generated into the package's
root; each other into the subpackage its entry names. Everything that serves
every version (generation, the conformance check, the release diff, the
tests) loops over `load()` instead of naming a version.
"""

from __future__ import annotations

import keyword
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.generation_error import GenerationError

REPO = Path(__file__).resolve().parent.parent
OPENAPI = REPO / "openapi"
VERSION_LIST = OPENAPI / "versions.toml"
# HubSpot's published documents, in the team's shared folder beside the
# repository (absent in a clone elsewhere: the conformance check then skips).
HUBSPOT_SPECS = REPO.parent / "shared" / "spec" / "hubspot-official"

_PACKAGE = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELDS = {"name", "package", "document", "deviations", "hubspot"}


@dataclass(frozen=True)
class Version:
    """One API version: its name, where it is generated, and its documents."""

    name: str
    package: str | None
    document: Path
    deviations: Path
    hubspot: Path

    @property
    def is_root(self) -> bool:
        """Whether this version is generated into the package's root."""
        return self.package is None

    @property
    def dotted(self) -> str:
        """The version's place in the package, relative to it ("" for the root)."""
        return self.package or ""


def load(path: Path = VERSION_LIST, hubspot_specs: Path = HUBSPOT_SPECS) -> list[Version]:
    """Read the version list; a clear GenerationError for any entry that is wrong."""
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("version")
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GenerationError(f"{path}: cannot read the version list: {exc}") from exc
    if not isinstance(entries, list) or not entries:
        raise GenerationError(f"{path}: no [[version]] entries; the package needs at least one version.")
    versions: list[Version] = []
    for index, entry in enumerate(entries):
        where = f"{path}, version {index + 1}"
        if not isinstance(entry, dict):
            raise GenerationError(f"{where}: is not a table")
        unknown = sorted(set(entry) - _FIELDS)
        missing = sorted({"name", "document", "deviations", "hubspot"} - set(entry))
        if unknown or missing:
            raise GenerationError(f"{where}: unknown fields {unknown}, missing fields {missing}")
        if not all(isinstance(value, str) and value for value in entry.values()):
            raise GenerationError(f"{where}: every field must be a non-empty string")
        package = entry.get("package")
        if index == 0 and package is not None:
            raise GenerationError(f"{where}: the first version is the package's root and names no package")
        if index > 0 and package is None:
            raise GenerationError(f"{where}: every version after the first names its subpackage (`package`)")
        if package is not None and (not _PACKAGE.match(package) or keyword.iskeyword(package)):
            raise GenerationError(f"{where}: package {package!r} is not a lower-case Python identifier")
        versions.append(
            Version(
                name=entry["name"],
                package=package,
                document=path.parent / entry["document"],
                deviations=path.parent / entry["deviations"],
                hubspot=hubspot_specs / entry["hubspot"],
            )
        )
    for attribute in ("name", "package", "document"):
        values = [getattr(v, attribute) for v in versions]
        if len(set(values)) != len(values):
            raise GenerationError(f"{path}: two versions share a {attribute}")
    return versions
