"""Join the hand-written modules of overlays/ to a freshly generated package.

The hand-written modules live in overlays/hubspot_partner_clients/ and are
never copied: in a checkout the package's `__init__` adds that folder to the
package's `__path__`, and the wheel merges the two folders. What this module
does to the generated tree is everything else overlays.toml declares, in
order: remove the generated files a hand-written module replaces, patch
generated files, check the generated code the overlays rely on, and write the
package `__init__.py` that re-exports each overlay's public names.

Every hook is checked: a patch whose text is not found the expected number
of times, a required text that is missing, a hand-written module that would
shadow a generated file it did not declare, a file of overlays/ no overlay
claims, or an exported name its module does not define, stops generation with
a message naming the overlay and what it looked for. Nothing is skipped
silently.
"""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.generation_error import GenerationError
from generator.render import render

OVERLAYS_DIR = Path(__file__).resolve().parent.parent / "overlays"
MANIFEST = OVERLAYS_DIR / "overlays.toml"
PACKAGE_NAME = "hubspot_partner_clients"
HAND_WRITTEN = OVERLAYS_DIR / PACKAGE_NAME
# The generated client's own public names, which the package __init__ imports eagerly.
GENERATED_EXPORTS = ("AuthenticatedClient", "Client")


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
    """Generated text an overlay relies on where the type checker cannot see it."""

    file: str
    contains: str


@dataclass(frozen=True)
class Overlay:
    """One entry of overlays.toml."""

    name: str
    summary: str
    modules: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    exports: tuple[tuple[str, tuple[str, ...]], ...] = ()
    patches: tuple[Patch, ...] = ()
    requires: tuple[Requirement, ...] = ()


def load_manifest(manifest: Path = MANIFEST) -> list[Overlay]:
    """Read overlays.toml, failing on unknown keys so a typo cannot disable a hook."""
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    unknown_top = set(data) - {"overlay"}
    if unknown_top:
        raise GenerationError(f"{manifest}: unknown top-level keys {sorted(unknown_top)}")
    overlays = []
    for name, entry in data.get("overlay", {}).items():
        _check_keys(manifest, name, entry, {"summary", "modules", "replaces", "exports", "patch", "require"})
        if not entry.get("summary"):
            raise GenerationError(f"{manifest}: overlay {name!r} needs a summary")
        patches = []
        for patch in entry.get("patch", []):
            _check_keys(manifest, name, patch, {"files", "find", "replace", "count", "min_files"})
            patches.append(Patch(**patch))
        requires = []
        for requirement in entry.get("require", []):
            _check_keys(manifest, name, requirement, {"file", "contains"})
            requires.append(Requirement(**requirement))
        exports = entry.get("exports", {})
        if not isinstance(exports, dict):
            raise GenerationError(f"{manifest}: overlay {name!r}: exports maps a module to its public names")
        overlays.append(
            Overlay(
                name=name,
                summary=entry["summary"],
                modules=tuple(entry.get("modules", [])),
                replaces=tuple(entry.get("replaces", [])),
                exports=tuple((module, tuple(names)) for module, names in exports.items()),
                patches=tuple(patches),
                requires=tuple(requires),
            )
        )
    return overlays


def apply_overlays(
    package_dir: Path, overlays: list[Overlay] | None = None, hand_written: Path = HAND_WRITTEN
) -> None:
    """Apply every overlay to the generated `package_dir`, in manifest order."""
    overlays = load_manifest() if overlays is None else overlays
    _check_claims(overlays, hand_written)
    generated_files = {p.relative_to(package_dir).as_posix() for p in package_dir.rglob("*") if p.is_file()}
    for overlay in overlays:
        _join_modules(overlay, package_dir, generated_files, hand_written)
        for patch in overlay.patches:
            _apply_patch(overlay, patch, package_dir)
        for requirement in overlay.requires:
            _check_requirement(overlay, requirement, package_dir)
    write_package_init(package_dir, overlays, hand_written)


def hand_written_files(hand_written: Path = HAND_WRITTEN) -> set[str]:
    """The files of overlays/hubspot_partner_clients, relative to it (caches left out)."""
    return {
        p.relative_to(hand_written).as_posix()
        for p in hand_written.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def write_package_init(package_dir: Path, overlays: list[Overlay], hand_written: Path = HAND_WRITTEN) -> None:
    """Write the package `__init__.py`: the generated client's names, then each overlay's, lazily."""
    exports: list[tuple[str, tuple[str, ...]]] = []
    seen: dict[str, str] = {name: "the generated client" for name in GENERATED_EXPORTS}
    for overlay in overlays:
        for module, names in overlay.exports:
            defined = _top_level_names(overlay, module, hand_written)
            for name in names:
                if name not in defined:
                    raise GenerationError(
                        f"overlay {overlay.name!r}: exports {name!r} from {module}, which does not define it"
                    )
                if name in seen:
                    raise GenerationError(
                        f"overlay {overlay.name!r}: exports {name!r}, already exported by {seen[name]}"
                    )
                seen[name] = f"overlay {overlay.name!r}"
            exports.append((module, tuple(sorted(names))))
    exports.sort()
    all_names = sorted([*seen, "__version__"])
    render(
        "__init__.py", package_dir / "__init__.py", exports=exports, all_names=all_names, package=PACKAGE_NAME
    )


def write_version_init(package_dir: Path, name: str, package: str) -> None:
    """Write the `__init__.py` of a version's subpackage: what it is. Its overlays are the root's."""
    render("version_init.py", package_dir / "__init__.py", name=name, package=package, root=PACKAGE_NAME)


def _check_claims(overlays: list[Overlay], hand_written: Path) -> None:
    """Every hand-written file belongs to exactly one overlay, so none ships unexplained."""
    owners: dict[str, str] = {}
    for overlay in overlays:
        for module in overlay.modules:
            source = hand_written / module
            if not source.exists():
                raise GenerationError(
                    f"overlay {overlay.name!r}: module overlays/{PACKAGE_NAME}/{module} does not exist"
                )
            files = [module] if source.is_file() else sorted(f for f in hand_written_files(source))
            for file in files:
                path = file if source.is_file() else f"{module}/{file}"
                if path in owners:
                    raise GenerationError(
                        f"overlay {overlay.name!r}: overlays/{PACKAGE_NAME}/{path} is already the "
                        f"module of overlay {owners[path]!r}"
                    )
                owners[path] = overlay.name
    unclaimed = sorted(hand_written_files(hand_written) - set(owners))
    if unclaimed:
        raise GenerationError(
            f"overlays/{PACKAGE_NAME}/ has files no overlay lists under `modules`: {', '.join(unclaimed)}. "
            "Add each to its overlay in overlays/overlays.toml (or delete it)."
        )


def _join_modules(overlay: Overlay, package_dir: Path, generated_files: set[str], hand_written: Path) -> None:
    for replaced in overlay.replaces:
        if replaced not in overlay.modules:
            raise GenerationError(
                f"overlay {overlay.name!r}: replaces the generated {replaced} but has no module of that name"
            )
        if replaced not in generated_files:
            raise GenerationError(
                f"overlay {overlay.name!r}: declares that it replaces the generated {replaced}, "
                "but the generator no longer writes that file"
            )
        (package_dir / replaced).unlink()
    for module in overlay.modules:
        source = hand_written / module
        files = [module] if source.is_file() else [f"{module}/{f}" for f in hand_written_files(source)]
        clashes = sorted(f for f in files if f in generated_files and f not in overlay.replaces)
        if clashes:
            raise GenerationError(
                f"overlay {overlay.name!r}: overlays/{PACKAGE_NAME}/{clashes[0]} has the name of a generated "
                f"module; list it under `replaces` if it is meant to take its place, or rename it"
            )


def _top_level_names(overlay: Overlay, module: str, hand_written: Path) -> set[str]:
    """The names a hand-written module defines or imports at its top level (read, not imported)."""
    base = hand_written / module.replace(".", "/")
    path = base.with_suffix(".py") if base.with_suffix(".py").is_file() else base / "__init__.py"
    if not path.is_file():
        raise GenerationError(
            f"overlay {overlay.name!r}: exports from {module}, which is no module of overlays/"
        )
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return names


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
