"""Join a non-root version's package to the root's: place it, share what is identical, fix imports.

Each version is generated into a full package of its own; the root version's
is `hubspot_partner_clients`, another's goes to `<root>/<package>/`. A file
of a version that is byte-identical to the root's file of the same relative
path, and whose imports inside the package all reach shared (or root-only)
modules, is dropped: the version imports the root's instead, so
`v2026_03.models.SimplePublicObject is hubspot_partner_clients.models.SimplePublicObject`
and client.py, types.py and errors.py exist once. A file that imports a
module the version keeps is kept too, even when its text is the root's: at
the root it would import the root's module, not the version's. Package
`__init__.py` files are always kept, so each folder stays a regular package.

Every relative import of a kept file that reaches a module the version no
longer has (a shared one, or a hand-written module of overlays/, which exist
once, at the root) is rewritten to reach the root's, one level up; so is a
relative module name written as a string (`".simple_public_object"`), which
a lazy package `__init__` hands to `importlib.import_module(name, __name__)`.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

from generator.generation_error import GenerationError

_FROM = re.compile(r"from(\s+)\.+([\w.]*)")
# A relative module name as a string: a package's lazy __getattr__ imports by it.
_RELATIVE_NAME = re.compile(r"^(\.+)([A-Za-z_][\w.]*)$")


def modules_of(package_dir: Path) -> set[str]:
    """The dotted names (relative to the package, "" for itself) of the modules under `package_dir`."""
    names = set()
    for path in package_dir.rglob("*.py"):
        parts = path.relative_to(package_dir).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.add(".".join(parts))
    return names


def share(root_dir: Path, version_dir: Path, package: str, root_modules: set[str]) -> Path:
    """Move `version_dir` to `root_dir/<package>`, sharing with the root; return its new place.

    `root_modules` are the root package's modules besides its generated files (the hand-written
    ones), which a version's imports may reach at the root.
    """
    root_all = modules_of(root_dir) | root_modules
    files = {p.relative_to(version_dir).as_posix(): p for p in version_dir.rglob("*") if p.is_file()}
    modules = {_module(name): name for name in files if name.endswith(".py")}
    imports = {
        name: _imports(name, files[name], modules.keys() | root_all) for name in files if name.endswith(".py")
    }
    shared = {
        name
        for name, path in files.items()
        if not name.endswith("__init__.py")
        and (root_dir / name).is_file()
        and (root_dir / name).read_bytes() == path.read_bytes()
    }
    changed = True
    while changed:  # a file stays shared only while everything of the version it imports is shared
        changed = False
        for name in sorted(shared):
            if any(
                modules[dep] not in shared for *_, deps in imports[name] for dep in deps if dep in modules
            ):
                shared.discard(name)
                changed = True
    for name in shared:
        files[name].unlink()
    kept = {_module(name) for name in files if name.endswith(".py") and name not in shared}
    for name in sorted(set(files) - shared):
        if name.endswith(".py"):
            _rewrite(files[name], name, imports[name], kept, root_all)
    target = root_dir / package
    if target.exists():
        raise GenerationError(
            f"version package {package!r} clashes with the root package's {package}: rename it in "
            "openapi/versions.toml"
        )
    shutil.move(version_dir, target)
    return target


def _module(name: str) -> str:
    parts = name.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _base(name: str, level: int) -> list[str] | None:
    """The package a relative import of `level` dots in file `name` starts from."""
    package = name.removesuffix(".py").split("/")[:-1]  # a module's package; a package's own __init__ too
    if level - 1 > len(package):
        return None
    return package[: len(package) - (level - 1)]


def _imports(name: str, path: Path, modules: set[str]) -> list[tuple[ast.ImportFrom, str, list[str]]]:
    """Each relative import of the file, with where it imports from and the modules it reaches.

    Both are dotted names relative to the package ("" for the package itself).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = _base(name, node.level)
        if base is None:
            continue
        origin = ".".join([*base, *(node.module.split(".") if node.module else [])])
        targets = []
        for alias in node.names:
            submodule = f"{origin}.{alias.name}" if origin else alias.name
            # `from .. import errors` imports a module (the version's, or the root's only).
            targets.append(submodule if submodule in modules else origin)
        found.append((node, origin, targets))
    return found


def _rewrite(
    path: Path,
    name: str,
    imports: list[tuple[ast.ImportFrom, str, list[str]]],
    kept: set[str],
    root_modules: set[str],
) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # From the file's package up to the version's package, and one more to the root's.
    dots = "." * (len(name.split("/")) + 1)
    edited = False
    for node, origin, targets in imports:
        away = [t for t in targets if t not in kept]
        if not away:
            continue
        missing = [t for t in away if t not in root_modules]
        if missing or len(away) != len(targets):
            raise GenerationError(
                f"{name}: line {node.lineno} imports {', '.join(targets)}, which the version and the "
                f"root package do not have in one place ({', '.join(missing or away)}); split the import"
            )
        line = lines[node.lineno - 1]
        head, tail = line[: node.col_offset], line[node.col_offset :]
        lines[node.lineno - 1] = head + _FROM.sub(rf"from\g<1>{dots}{origin}", tail, count=1)
        edited = True
    edited = _rewrite_names(lines, name, kept, root_modules) or edited
    if edited:
        path.write_text("".join(lines), encoding="utf-8")


def _rewrite_names(lines: list[str], name: str, kept: set[str], root_modules: set[str]) -> bool:
    """Rewrite, in `lines`, each string that names a relative module the version no longer has."""
    tree = ast.parse("".join(lines))
    # A package's __init__ resolves a relative name from the package itself; a module from its package.
    package = name.removesuffix(".py").split("/")[:-1]
    dots = "." * (len(name.split("/")) + 1)
    edits = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        match = _RELATIVE_NAME.match(node.value)
        if match is None or node.lineno != node.end_lineno:
            continue
        level = len(match[1])
        if level - 1 > len(package):
            continue
        target = ".".join([*package[: len(package) - (level - 1)], match[2]])
        if target in kept or target not in root_modules:
            continue
        edits.append((node.lineno, node.col_offset, node.end_col_offset, f'"{dots}{target}"'))
    for lineno, start, end, text in sorted(edits, reverse=True):
        line = lines[lineno - 1]
        lines[lineno - 1] = line[:start] + text + line[end:]
    return bool(edits)
