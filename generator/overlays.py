"""Apply overlays/ on top of a freshly generated package.

overlays/overlays.toml lists the overlays in order. Each may copy modules
into the package, patch generated files, and require generated code it relies
on. Every hook is checked: a patch whose text is not found the expected
number of times, a required text that is missing, or a module that would
overwrite a generated file it did not declare, stops generation with a message
naming the overlay and what it looked for. Nothing is skipped silently.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import GenerationError

OVERLAYS_DIR = Path(__file__).resolve().parent.parent / "overlays"
MANIFEST = OVERLAYS_DIR / "overlays.toml"
COPIED_HEADER = "# Copied from overlays/{name} by `nox -s generate`: edit it there, never here.\n"


@dataclass(frozen=True)
class Patch:
    """Replace `find` with `replace` in the package files matching `files`."""

    files: str
    find: str
    replace: str
    count: int = 1
    min_files: int = 1


@dataclass(frozen=True)
class Requirement:
    """Generated text an overlay's modules rely on."""

    file: str
    contains: str


@dataclass(frozen=True)
class Overlay:
    """One entry of overlays.toml."""

    name: str
    summary: str
    modules: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    patches: tuple[Patch, ...] = ()
    requires: tuple[Requirement, ...] = field(default=())


def load_manifest(manifest: Path = MANIFEST) -> list[Overlay]:
    """Read overlays.toml, failing on unknown keys so a typo cannot disable a hook."""
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    unknown_top = set(data) - {"overlay"}
    if unknown_top:
        raise GenerationError(f"{manifest}: unknown top-level keys {sorted(unknown_top)}")
    overlays = []
    for name, entry in data.get("overlay", {}).items():
        _check_keys(manifest, name, entry, {"summary", "modules", "replaces", "patch", "require"})
        patches = []
        for patch in entry.get("patch", []):
            _check_keys(manifest, name, patch, {"files", "find", "replace", "count", "min_files"})
            patches.append(Patch(**patch))
        requires = []
        for requirement in entry.get("require", []):
            _check_keys(manifest, name, requirement, {"file", "contains"})
            requires.append(Requirement(**requirement))
        if not entry.get("summary"):
            raise GenerationError(f"{manifest}: overlay {name!r} needs a summary")
        overlays.append(
            Overlay(
                name=name,
                summary=entry["summary"],
                modules=tuple(entry.get("modules", [])),
                replaces=tuple(entry.get("replaces", [])),
                patches=tuple(patches),
                requires=tuple(requires),
            )
        )
    return overlays


def apply_overlays(package_dir: Path, overlays: list[Overlay] | None = None) -> None:
    """Apply every overlay to `package_dir`, in manifest order."""
    overlays = load_manifest() if overlays is None else overlays
    generated_files = {p.relative_to(package_dir).as_posix() for p in package_dir.rglob("*.py")}
    for overlay in overlays:
        _copy_modules(overlay, package_dir, generated_files)
        for patch in overlay.patches:
            _apply_patch(overlay, patch, package_dir)
        for requirement in overlay.requires:
            _check_requirement(overlay, requirement, package_dir)


def _copy_modules(overlay: Overlay, package_dir: Path, generated_files: set[str]) -> None:
    for module in overlay.modules:
        source = OVERLAYS_DIR / module
        if not source.is_file():
            raise GenerationError(f"overlay {overlay.name!r}: module overlays/{module} does not exist")
        if module in generated_files and module not in overlay.replaces:
            raise GenerationError(
                f"overlay {overlay.name!r}: overlays/{module} would overwrite the generated {module}; "
                "list it under `replaces` if that is intended, or rename the module"
            )
        if module in overlay.replaces and module not in generated_files:
            raise GenerationError(
                f"overlay {overlay.name!r}: declares that it replaces the generated {module}, "
                "but the generator no longer writes that file"
            )
        target = package_dir / module
        target.parent.mkdir(parents=True, exist_ok=True)
        # Python files say where they come from; data files (py.typed) are copied as they are.
        header = COPIED_HEADER.format(name=module) if module.endswith(".py") else ""
        target.write_text(header + source.read_text(encoding="utf-8"), encoding="utf-8")


def _apply_patch(overlay: Overlay, patch: Patch, package_dir: Path) -> None:
    matched = 0
    for path in sorted(package_dir.glob(patch.files)):
        text = path.read_text(encoding="utf-8")
        found = text.count(patch.find)
        if found == 0:
            continue
        if found != patch.count:
            raise GenerationError(
                f"overlay {overlay.name!r}: expected {patch.count} occurrence(s) of {patch.find.strip()!r} "
                f"in {path.relative_to(package_dir)}, found {found}; the generated code it hooks has changed"
            )
        path.write_text(text.replace(patch.find, patch.replace), encoding="utf-8")
        matched += 1
    if matched < patch.min_files:
        raise GenerationError(
            f"overlay {overlay.name!r}: looked for {patch.find.strip()!r} in {patch.files} and found it in "
            f"{matched} file(s), expected at least {patch.min_files}: the generated code it hooks has "
            "changed (was a schema or operation renamed?). Update overlays/overlays.toml and the overlay."
        )


def _check_requirement(overlay: Overlay, requirement: Requirement, package_dir: Path) -> None:
    path = package_dir / requirement.file
    if not path.is_file() or requirement.contains not in path.read_text(encoding="utf-8"):
        raise GenerationError(
            f"overlay {overlay.name!r}: needs {requirement.contains.strip()!r} in the generated "
            f"{requirement.file}, which {'lacks it' if path.is_file() else 'does not exist'}; "
            "the generated code it hooks has changed (was a schema or operation renamed?)"
        )


def _check_keys(manifest: Path, name: str, entry: Any, allowed: set[str]) -> None:
    unknown = set(entry) - allowed
    if unknown:
        raise GenerationError(f"{manifest}: overlay {name!r} has unknown keys {sorted(unknown)}")
