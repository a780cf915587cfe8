"""The record `nox -s build` leaves in dist/: which git tree the files were built from, and their hashes.

`nox -s publish` trusts dist/ only when this record says it was built from the
commit being released (a clean tree, the same git tree id as HEAD's) and the
files still hash as they did. A dist/ built by hand, from an uncommitted tree,
or before a later commit (a version bump, say) is refused with the advice to
rebuild, never to bump again. Standard library only: the build session does
not install the release tools.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

RECORD = "build-record.json"
# What a build puts in dist/ that is uploaded; anything else there is ours or stray.
UPLOADED = ("*.whl", "*.tar.gz")


@dataclass(frozen=True)
class TreeState:
    """HEAD's git tree id, and the paths `git status` reports as uncommitted (untracked included)."""

    tree: str
    uncommitted: tuple[str, ...]


def tree_state(repo: Path) -> TreeState:
    """The state of the checkout at `repo`; ignored files (dist/, .nox/) do not count."""
    tree = _git(repo, "rev-parse", "HEAD^{tree}").strip()
    status = _git(repo, "status", "--porcelain", "--untracked-files=all")
    return TreeState(tree, tuple(line[3:] for line in status.splitlines() if line.strip()))


def uploaded_files(dist: Path) -> list[Path]:
    """The sdists and wheels in `dist`, sorted."""
    return sorted({p for pattern in UPLOADED for p in dist.glob(pattern)})


def sha256(path: Path) -> str:
    """The file's SHA-256, hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(dist: Path, repo: Path) -> Path:
    """Record the tree `repo` is at and the hash of each file `dist` holds; return the record's path."""
    state = tree_state(repo)
    record = {
        "tree": state.tree,
        "uncommitted": list(state.uncommitted),
        "files": {p.name: sha256(p) for p in uploaded_files(dist)},
    }
    path = dist / RECORD
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return path


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed in {repo}: {result.stderr.strip()}")
    return result.stdout


if __name__ == "__main__":
    # python -m release.buildrecord DIST REPO (the build session, after `python -m build`)
    print(f"recorded the build's tree in {write(Path(sys.argv[1]), Path(sys.argv[2]))}")
