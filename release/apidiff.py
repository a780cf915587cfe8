"""The public Python API of a generated package, and how two of them differ.

griffe reads both trees statically (nothing is imported) and judges which
signature changes break callers; this module adds what griffe leaves out
(additions, annotation changes, which griffe does not compare, enum members,
which it reads as plain attributes, and renames) and sorts every difference
into removed, added, renamed or changed, each marked breaking or not.

A rename is one removal and one addition that only a name tells apart: the
same kind, the same signature and the same members (names relative to each),
in the same place (the same parent, parents that were themselves renamed, or,
for a model class, a removed module and an added one). It is reported only
when the pairing is unambiguous; otherwise the two stay a removal and an
addition, which is what they also are to a caller.

The package holds one API version at its root and each further version in a
subpackage of it (`v2026_03/`, with its own `api/`, `models/`, `resources.py`):
griffe walks them all, so the diff covers every version without a list of
them. Each change says which versions it touches, by the names of the version
list, so that the changelog can say so; a new version is an addition (minor),
a removed one a removal (major), and a version is never a rename of another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
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
    RENAMED = "renamed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Entry:
    """One public name: its kind, a readable signature, and the annotations callers rely on."""

    kind: str
    signature: str
    # Parameter name (or "return", or "" for an attribute) -> annotation.
    annotations: tuple[tuple[str, str], ...] = ()


ENUM_MEMBER = "enum member"


@dataclass(frozen=True)
class Change:
    """One difference between two APIs, with the path relative to the package.

    For a rename, `path` is the new name and `old_path` the old one. `package` is the
    version subpackage `path` lies in ("" at the package's root; `path` itself when the
    change is the version's own addition or removal), and `versions` names the API
    versions whose public API the change touches, in the version list's order; it is
    empty in a package of one version, and for the root's shared modules (client,
    types, errors...), which every version uses alike.
    """

    kind: ChangeKind
    path: str
    breaking: bool
    old: Entry | None
    new: Entry | None
    old_path: str | None = None
    package: str = ""
    versions: tuple[str, ...] = ()


def load_api(tree: Path) -> dict[str, Entry]:
    """The public names of the package under `tree` (a directory holding `hubspot_partner_clients/`)."""
    return _entries(_load(tree))


def version_packages(entries: Mapping[str, Entry]) -> set[str]:
    """The version subpackages among a package's public names: its subpackages with an `api` of their own."""
    modules = {path for path, entry in entries.items() if entry.kind == "module"}
    return {path for path in modules if "." not in path and f"{path}.api" in modules}


def listed_versions() -> dict[str, str]:
    """Subpackage ("" for the root) -> API version name, as openapi/versions.toml lists them now."""
    from generator import versions  # noqa: PLC0415 (only a default: callers may name the versions)

    return {version.dotted: version.name for version in versions.load()}


def compare(old_tree: Path, new_tree: Path, names: Mapping[str, str] | None = None) -> list[Change]:
    """Every difference between the public API under `old_tree` and under `new_tree`, sorted by path.

    `names` maps each version subpackage ("" for the root) to its API version's name (by
    default, the version list's); a subpackage it does not name is called by its own name.
    """
    old_module, new_module = _load(old_tree), _load(new_tree)
    old, new = _entries(old_module), _entries(new_module)
    packages = version_packages(old) | version_packages(new)
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
    changes = _with_renames(changes, old, new, packages)
    if not packages:
        return changes  # one version: nothing to tell apart
    versions = _Versions.of(packages, listed_versions() if names is None else names, old, new)
    return [
        replace(change, package=_package_of(change.path, packages), versions=versions.of_change(change))
        for change in changes
    ]


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


# The root's own part of the API, as each version subpackage has its own: what is
# elsewhere at the root (client, types, errors...) every version shares.
_OWN = ("api", "resources", "params", "models")


def _package_of(path: str, packages: set[str]) -> str:
    head = path.partition(".")[0]
    return head if head in packages else ""


@dataclass(frozen=True)
class _Versions:
    """What telling versions apart needs: their subpackages, names, order and re-exports of the root."""

    packages: set[str]
    names: Mapping[str, str]
    # The re-exports (aliases) in the old and the new tree, at the root and in each version:
    # (path, target) with the target relative to the package.
    root_aliases: set[tuple[str, str]]
    version_aliases: set[tuple[str, str]]

    @classmethod
    def of(cls, packages: set[str], names: Mapping[str, str], *trees: Mapping[str, Entry]) -> _Versions:
        aliases = {
            (path, entry.signature.removeprefix(PACKAGE + "."))
            for entries in trees
            for path, entry in entries.items()
            if entry.kind == "alias"
        }
        return cls(
            packages,
            names,
            {(p, t) for p, t in aliases if not _package_of(p, packages)},
            {(p, t) for p, t in aliases if _package_of(p, packages)},
        )

    def of_change(self, change: Change) -> tuple[str, ...]:
        touched: set[str] = set()
        for path in (change.path, change.old_path):
            if path is not None:
                touched |= self._of_path(path)
        order = [*self.names, *sorted((self.packages | {""}) - set(self.names))]
        # A version the names do not list is called by its subpackage, the root by the package.
        return tuple(self.names.get(p, p or PACKAGE) for p in order if p in touched)

    def _of_path(self, path: str) -> set[str]:
        package = _package_of(path, self.packages)
        if package:
            return {package}
        touched = {""} if path.partition(".")[0] in _OWN else set()
        # A root name a version re-exports (a shared model) is in that version's API too,
        # whichever of the root's names for it (`models.Foo`, `models.foo.Foo`) the version imports.
        names = {path}
        for alias, target in self.root_aliases:
            if _within(path, target):
                names.add(alias + path[len(target) :])
            if alias == path:
                names.add(target)
        touched |= {
            _package_of(alias, self.packages)
            for alias, target in self.version_aliases
            if any(_within(name, target) for name in names)
        }
        return touched


def _within(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent + ".")


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


# attrs writes a class's __repr__ and __eq__ at run time, where griffe does not look; the models,
# clients, File and Response assign _model_methods' shared ones instead, which griffe does see.
# Either way the class has both: which of the two wrote them is not part of the API.
_SHARED_METHODS = frozenset({"model_repr", "model_eq"})


def _is_shared_method(member: griffe.Object | griffe.Alias) -> bool:
    return (
        isinstance(member, griffe.Attribute)
        and member.name in {"__repr__", "__eq__"}
        and str(member.value) in _SHARED_METHODS
    )


def _walk(obj: griffe.Object, root: str, out: dict[str, Entry]) -> None:
    for member in obj.members.values():
        if not member.is_public or _is_shared_method(member):
            continue
        path = member.path[len(root) + 1 :]
        if isinstance(member, griffe.Alias):
            # A re-export (`from .models import Foo` listed in __all__): callers
            # import it by this name, so it is part of the API in its own right.
            out[path] = Entry("alias", member.target_path)
            continue
        out[path] = _entry(member, in_enum=_is_enum(obj))
        if isinstance(member, griffe.Module | griffe.Class):
            _walk(member, root, out)


def _is_enum(obj: griffe.Object) -> bool:
    # By the base's name: the generated enums derive from LenientStrEnum, which
    # lives in overlays/, outside the tree compared, so griffe cannot follow it
    # to enum.Enum. Every enum base we and the standard library define ends in "Enum".
    return isinstance(obj, griffe.Class) and any(
        str(base).rsplit(".", 1)[-1].endswith("Enum") for base in obj.bases
    )


def _entry(obj: griffe.Object, *, in_enum: bool = False) -> Entry:
    if isinstance(obj, griffe.Function):
        annotations = (
            *((p.name, str(p.annotation)) for p in obj.parameters),
            ("return", str(obj.returns)),
        )
        return Entry("function", _signature(obj), annotations)
    if isinstance(obj, griffe.Attribute):
        if in_enum and obj.annotation is None and obj.value is not None:
            return Entry(ENUM_MEMBER, str(obj.value))
        annotation = "" if obj.annotation is None else str(obj.annotation)
        value = "" if obj.value is None else str(obj.value)
        signature = " = ".join(part for part in (annotation, value) if part)
        return Entry("attribute", signature, (("", annotation),))
    if isinstance(obj, griffe.Class):
        return Entry("class", f"({', '.join(str(base) for base in obj.bases)})")
    return Entry("module", "")


def _signature(function: griffe.Function) -> str:
    """The signature as Python writes it (`/`, `*`, `*args`, `**kwargs` mark the kinds), for a reader."""
    kind = griffe.ParameterKind
    params: list[str] = []
    for index, p in enumerate(function.parameters):
        previous = function.parameters[index - 1].kind if index else None
        if previous is kind.positional_only and p.kind is not kind.positional_only:
            params.append("/")
        if p.kind is kind.keyword_only and previous not in {kind.keyword_only, kind.var_positional}:
            params.append("*")
        stars = {kind.var_positional: "*", kind.var_keyword: "**"}.get(p.kind, "")
        text = stars + p.name + ("" if p.annotation is None else f": {p.annotation}")
        # griffe gives *args and **kwargs the defaults () and {}: not something a caller writes.
        params.append(text if p.default is None or stars else f"{text} = {p.default}")
    if function.parameters and function.parameters[-1].kind is kind.positional_only:
        params.append("/")
    returns = "" if function.returns is None else f" -> {function.returns}"
    return f"({', '.join(params)}){returns}"


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


def _parent(path: str) -> str:
    return path.rpartition(".")[0]


def _body(entries: dict[str, Entry], path: str) -> tuple[tuple[str, Entry], ...]:
    # Everything under `path`, named relative to it, so that a renamed container compares equal.
    prefix = path + "."
    return tuple(sorted((p[len(prefix) :], e) for p, e in entries.items() if p.startswith(prefix)))


def _with_renames(
    changes: list[Change], old: dict[str, Entry], new: dict[str, Entry], packages: set[str]
) -> list[Change]:
    removed = {c.path: c.old for c in changes if c.kind is ChangeKind.REMOVED and c.old is not None}
    added = {c.path: c.new for c in changes if c.kind is ChangeKind.ADDED and c.new is not None}
    renamed: dict[str, str] = {}  # old path -> new path

    def same_place(before: str, after: str) -> bool:
        if _package_of(before, packages) != _package_of(after, packages):
            # A name does not move between versions by a rename, and a version replaced by
            # another (each its own package) is one removed and one added, as its users see it.
            return False
        b, a = _parent(before), _parent(after)
        if b == a:
            return True
        if renamed.get(b) == a:
            # Moved with its renamed parent, under its own name.
            return before.rpartition(".")[2] == after.rpartition(".")[2]
        # A model class is the one class of its module, and the module is named after it.
        return b in removed and a in added and removed[b].kind == added[a].kind == "module"

    def same_thing(before: str, after: str) -> bool:
        b, a = removed[before], added[after]
        if b.kind != a.kind:
            return False
        if b.kind == "alias":
            # A re-export of a renamed name: its targets must be the rename.
            target = b.signature.removeprefix(PACKAGE + ".")
            return renamed.get(target) == a.signature.removeprefix(PACKAGE + ".")
        return b == a and _body(old, before) == _body(new, after)

    # Parents first, so that a child can be placed by its parent's rename; aliases last,
    # since they are judged by their targets.
    def order(path: str) -> tuple[bool, int]:
        return removed[path].kind == "alias", path.count(".")

    for before in sorted(removed, key=order):
        matches = [after for after in added if same_place(before, after) and same_thing(before, after)]
        if len(matches) != 1:
            continue
        (after,) = matches
        rivals = [other for other in removed if same_place(other, after) and same_thing(other, after)]
        if rivals == [before] and after not in renamed.values():
            renamed[before] = after
    out = [c for c in changes if c.path not in renamed and c.path not in renamed.values()]
    out += [
        Change(ChangeKind.RENAMED, after, True, removed[b], added[after], b) for b, after in renamed.items()
    ]
    return sorted(out, key=lambda c: c.path)
