"""Stage a full generation, then swap it into generated/ or diff it against it.

Every step (validate, generate, overlays, format) writes only inside a
staging directory; generated/ is replaced by two renames at the very end, so
a failure at any step leaves the previous generated/ exactly as it was.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator import bundle, codegen, document, operations, overlays, resources
from generator.generation_error import GenerationError

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


def build(source: Path, workdir: Path) -> Path:
    """Validate `source`, generate, apply overlays and format; return the tree, in `workdir`."""
    spec = document.validate_document(source)
    STAGING.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=STAGING) as staging:
        tree = Path(staging) / "generated"
        package = tree / codegen.PACKAGE_NAME
        # openapi-python-client reads one file and follows no ref into another: it reads the bundle.
        codegen.run_generator(bundle.write_bundle(source, Path(staging) / "openapi.json"), package)
        operations.write_operations(spec, package)
        overlays.apply_overlays(package)
        resources.write_resources(spec, package)
        _format(tree)
        result = workdir / "generated"
        shutil.move(tree, result)
    return result


def generate(source: Path = DOCUMENT, target: Path = GENERATED) -> None:
    """Regenerate `target` from `source`; on any failure `target` is untouched."""
    STAGING.mkdir(exist_ok=True)
    # Built next to generated/'s parent's staging area, so the swap is two renames
    # on one file system.
    with tempfile.TemporaryDirectory(dir=STAGING) as work:
        tree = build(source, Path(work))
        _swap(tree, target)


def drift(source: Path = DOCUMENT, target: Path = GENERATED) -> str:
    """A unified diff of `target` against a fresh generation; empty when they match."""
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
