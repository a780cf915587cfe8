"""The public Python API of a generated package, and how two of them differ.

griffe reads both trees statically (nothing is imported) and judges which
signature changes break callers; this module adds what griffe leaves out
(additions, and annotation changes, which griffe does not compare) and sorts
every difference into removed, added or changed, each marked breaking or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Literal

import griffe

PACKAGE = "hubspot_partner_clients"

Level = Literal["major", "minor", "patch"]


class ChangeKind(Enum):
    """What happened to one public name."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Entry:
    """One public name: its kind, a readable signature, and the annotations callers rely on."""

    kind: str
    signature: str
    # Parameter name (or "return", or "" for an attribute) -> annotation.
    annotations: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Change:
    """One difference between two APIs, with the path relative to the package."""

    kind: ChangeKind
    path: str
    breaking: bool
    old: Entry | None
    new: Entry | None


def load_api(tree: Path) -> dict[str, Entry]:
    """The public names of the package under `tree` (a directory holding `hubspot_partner_clients/`)."""
    return _entries(_load(tree))


def compare(old_tree: Path, new_tree: Path) -> list[Change]:
    """Every difference between the public API under `old_tree` and under `new_tree`, sorted by path."""
    old_module, new_module = _load(old_tree), _load(new_tree)
    old, new = _entries(old_module), _entries(new_module)
    judged_breaking = _griffe_breakages(old_module, new_module)
    changes: list[Change] = []
    for path in sorted(old.keys() | new.keys()):
        before, after = old.get(path), new.get(path)
        if after is None:
            changes.append(Change(ChangeKind.REMOVED, path, True, before, None))
        elif before is None:
            changes.append(Change(ChangeKind.ADDED, path, False, None, after))
        elif before != after:
            breaking = path in judged_breaking or _incompatible(before, after)
            changes.append(Change(ChangeKind.CHANGED, path, breaking, before, after))
    return changes


def bump_level(changes: list[Change]) -> Level:
    """major when anything breaks callers, minor when something is added or changes compatibly, else patch."""
    if any(change.breaking for change in changes):
        return "major"
    if changes:
        return "minor"
    return "patch"


def next_version(current: str, level: Level) -> str:
    """`current` (X.Y.Z) bumped by `level`; 0.x follows the same rule as 1.x and later."""
    parts = current.split(".")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise ValueError(f"version {current!r} is not of the form X.Y.Z")
    major, minor, patch = (int(part) for part in parts)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _load(tree: Path) -> griffe.Module:
    if not (tree / PACKAGE).is_dir():
        raise FileNotFoundError(f"no {PACKAGE} package under {tree}")
    # Static analysis only: the trees compared may not be importable side by side.
    module = griffe.load(PACKAGE, search_paths=[str(tree)], allow_inspection=False, resolve_aliases=False)
    assert isinstance(module, griffe.Module)
    return module


def _entries(package: griffe.Module) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    _walk(package, package.path, out)
    return out


def _walk(obj: griffe.Object, root: str, out: dict[str, Entry]) -> None:
    for member in obj.members.values():
        if not member.is_public:
            continue
        path = member.path[len(root) + 1 :]
        if isinstance(member, griffe.Alias):
            # A re-export (`from .models import Foo` listed in __all__): callers
            # import it by this name, so it is part of the API in its own right.
            out[path] = Entry("alias", member.target_path)
            continue
        out[path] = _entry(member)
        if isinstance(member, griffe.Module | griffe.Class):
            _walk(member, root, out)


def _entry(obj: griffe.Object) -> Entry:
    if isinstance(obj, griffe.Function):
        params = [
            f"{p.kind.value} {p.name}: {p.annotation} = {p.default}"
            if p.default is not None
            else f"{p.kind.value} {p.name}: {p.annotation}"
            for p in obj.parameters
        ]
        annotations = (
            *((p.name, str(p.annotation)) for p in obj.parameters),
            ("return", str(obj.returns)),
        )
        return Entry("function", f"({', '.join(params)}) -> {obj.returns}", annotations)
    if isinstance(obj, griffe.Attribute):
        signature = f"{obj.annotation}" + (f" = {obj.value}" if obj.value is not None else "")
        return Entry("attribute", signature, (("", str(obj.annotation)),))
    if isinstance(obj, griffe.Class):
        return Entry("class", f"({', '.join(str(base) for base in obj.bases)})")
    return Entry("module", "")


def _incompatible(before: Entry, after: Entry) -> bool:
    # A changed kind, or a changed annotation on something that stays: griffe
    # does not compare types, and a type a caller relied on may no longer fit.
    if before.kind != after.kind:
        return True
    new_annotations = dict(after.annotations)
    return any(name in new_annotations and new_annotations[name] != ann for name, ann in before.annotations)


def _griffe_breakages(old: griffe.Module, new: griffe.Module) -> set[str]:
    root = old.path
    paths: set[str] = set()
    for breakage in griffe.find_breaking_changes(old, new):
        path = breakage.obj.path
        if path.startswith(root + "."):
            paths.add(path[len(root) + 1 :])
    return paths
