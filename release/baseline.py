"""The last released package, recovered from its git tag.

A release is tagged `v<version>` when `nox -s publish` uploads it, and
generated/ is committed, so the tag holds exactly the tree that was released:
`git archive` reads it without touching the working tree or the index (others
may be working in the same checkout), and works offline, unlike fetching the
previous wheel from the private index.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from release.project import REPO

# The version list, in the repository; the tag holds the list the release was generated from.
VERSION_LIST = "openapi/versions.toml"


class BaselineError(Exception):
    """The last release cannot be found."""


def tag_for(version: str) -> str:
    """The git tag that marks the release of `version`."""
    return f"v{version}"


def extract_generated(ref: str, dest: Path, repo: Path = REPO) -> Path:
    """Write generated/ as of `ref` under `dest`; return the tree holding the package."""
    result = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", ref, "generated"],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise BaselineError(
            f"cannot read generated/ at {ref!r}: {result.stderr.decode(errors='replace').strip()}. "
            "The last release is found by its tag; if the current version was never published, "
            "publish it first, or name the release to compare with: --baseline <git ref>."
        )
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(dest, filter="data")
    return dest / "generated"


def version_names(ref: str, repo: Path = REPO) -> dict[str, str]:
    """Subpackage ("" for the root) -> API version name, from the version list as of `ref`.

    Empty when `ref` predates the version list (a release of one version): the current
    list then names the root, and a version it no longer lists is called by its subpackage.
    """
    from generator import versions  # noqa: PLC0415 (read with the generator's own rules)
    from generator.generation_error import GenerationError  # noqa: PLC0415

    result = subprocess.run(
        ["git", "-C", str(repo), "show", f"{ref}:{VERSION_LIST}"], capture_output=True, check=False
    )
    if result.returncode != 0:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        listed = Path(tmp) / "versions.toml"
        listed.write_bytes(result.stdout)
        try:
            return {version.dotted: version.name for version in versions.load(listed)}
        except GenerationError:
            # Written under rules since changed: its versions are then called by their subpackages.
            return {}
