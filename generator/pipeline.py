"""Stage a full generation of every version, then swap it into generated/ or diff it against it.

Every step (bundle, validate, generate, overlays, share, resources, format)
writes only inside a staging directory; generated/ is replaced by two renames
at the very end, so a failure at any step leaves the previous generated/
exactly as it was.

One generation builds every version of openapi/versions.toml: each version's
document is bundled (its references to other files inlined), validated and
generated into a full package of its own, gets its operation table, the
overlays' patches and its resource client, and is then placed in the root package, sharing what is
identical with it (generator/sharing.py).
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator import bundle, codegen, document, operations, overlays, resources, sharing, versions
from generator.generation_error import GenerationError
from generator.versions import Version

REPO = Path(__file__).resolve().parent.parent
DOCUMENT = REPO / "openapi" / "partner-clients.yaml"
GENERATED = REPO / "generated"
# HubSpot's published document, in the team's shared folder beside the repository
# (absent in a clone elsewhere), and the differences from it we keep on purpose.
HUBSPOT_DOCUMENT = REPO.parent / "shared" / "spec" / "hubspot-official" / "partnerClients-v3.json"
DEVIATIONS = REPO / "openapi" / "deviations.yaml"
# Inside the repository, so ruff applies pyproject.toml's per-file rules to the
# staged tree exactly as it does to generated/.
STAGING = REPO / ".staging"


@dataclass
class _Built:
    version: Version
    spec: dict[str, Any]
    package: Path


def build(source: Path | None, workdir: Path, *, versions_: list[Version] | None = None) -> Path:
    """Generate every version into one tree, in `workdir`; return the tree.

    `versions_` defaults to openapi/versions.toml's. `source`, when it is not the root version's
    listed document, is a root document of its own (a test's edited copy): the package is then
    generated from it alone, as before there were versions.
    """
    listed = versions.load() if versions_ is None else versions_
    if source is not None and source.resolve() != listed[0].document.resolve():
        listed = [replace(listed[0], document=source)]
    STAGING.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=STAGING) as staging:
        others = listed[1:]
        built = [
            _generate(version, Path(staging) / (version.package or "root"), others if version.is_root else [])
            for version in listed
        ]
        _check_windows(built)
        tree = Path(staging) / "generated"
        root = tree / codegen.PACKAGE_NAME
        shutil.move(built[0].package, root)
        built[0].package = root
        hand_written = sharing.modules_of(overlays.HAND_WRITTEN)
        for item in built[1:]:
            assert item.version.package is not None  # versions.load: every later version names one
            item.package = sharing.share(root, item.package, item.version.package, hand_written)
        _format(tree)
        result = workdir / "generated"
        shutil.move(tree, result)
    return result


def _generate(version: Version, workdir: Path, others: list[Version]) -> _Built:
    """One version's full package, from its bundled document: its table, overlays and resource client.

    `others`, for the root version, are the other versions, which its operation table and client
    reach (they are placed under it afterwards).
    """
    workdir.mkdir()
    # Validated where it is written (a problem is reported at its line in the document or in
    # components.yaml); openapi-python-client follows no ref into another file, so it reads the bundle.
    spec = document.validate_document(version.document)
    bundled = bundle.write_bundle(version.document, workdir / "openapi.json")
    package = workdir / codegen.PACKAGE_NAME
    codegen.run_generator(bundled, package)
    try:
        operations.write_operations(spec, package, others=others)
        overlays.apply_overlays(package)
        if not version.is_root:
            overlays.write_version_init(package, version.name, version.package or "")
        resources.write_resources(spec, package, version=version, others=others)
    except GenerationError as exc:
        # The steps' messages say what to change; this says in which of the documents. An overlay
        # applies to every version, so its hook must hold in each.
        raise GenerationError(
            f"{exc}\n(in version {version.name}, generated from {version.document.name})"
        ) from exc
    return _Built(version, spec, package)


def _check_windows(built: list[_Built]) -> None:
    """HubSpot's rate limits are per account, whatever the version: every document states the same."""
    first = built[0]
    expected = operations.rate_limit_windows(first.spec)
    for item in built[1:]:
        windows: Mapping[str, Any] = operations.rate_limit_windows(item.spec)
        if windows != expected:
            raise GenerationError(
                f"{item.version.document.name} and {first.version.document.name} declare different "
                f"x-rate-limit-windows ({_windows(windows)} against {_windows(expected)}): HubSpot's "
                "windows are the account's, shared by every version, so state the same in each document"
            )


def _windows(windows: Mapping[str, Any]) -> str:
    return ", ".join(f"{n}: {w['max_requests']}/{w['interval']:g}s" for n, w in windows.items()) or "none"


def generate(source: Path | None = None, target: Path = GENERATED) -> None:
    """Regenerate `target` from every version (or `source` alone: `build`); on failure it is untouched."""
    STAGING.mkdir(exist_ok=True)
    # Built next to generated/'s parent's staging area, so the swap is two renames
    # on one file system.
    with tempfile.TemporaryDirectory(dir=STAGING) as work:
        tree = build(source, Path(work))
        _swap(tree, target)


def drift(source: Path | None = None, target: Path = GENERATED) -> str:
    """A unified diff of the whole `target` tree against a fresh generation; empty when they match."""
    STAGING.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=STAGING) as work:
        tree = build(source, Path(work))
        return _diff_trees(target, tree)


def _format(tree: Path) -> None:
    config = str(REPO / "pyproject.toml")
    for command in (
        ["check", "--fix", "--quiet", "--config", config, str(tree)],
        ["format", "--quiet", "--config", config, str(tree)],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise GenerationError(
                f"ruff {command[0]} failed on the generated package; fix the template or overlay "
                f"that produced this code:\n{(result.stdout + result.stderr).strip()}"
            )


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.rename(target, old)
    try:
        os.rename(new, target)
    except OSError:
        if old.exists():
            os.rename(old, target)
        raise
    if old.exists():
        shutil.rmtree(old)


def _files(root: Path) -> dict[str, Path]:
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): p
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def _diff_trees(committed: Path, fresh: Path) -> str:
    old, new = _files(committed), _files(fresh)
    chunks: list[str] = []
    for name in sorted(old.keys() | new.keys()):
        a = old[name].read_text(encoding="utf-8").splitlines(keepends=True) if name in old else []
        b = new[name].read_text(encoding="utf-8").splitlines(keepends=True) if name in new else []
        if a != b:
            chunks.extend(
                difflib.unified_diff(a, b, fromfile=f"generated/{name}", tofile=f"regenerated/{name}")
            )
    return "".join(chunks)
