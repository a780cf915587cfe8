"""Upload dist/ to the private index, or refuse before anything is uploaded.

The index and the credentials come from the environment only:
HUBSPOT_SDK_INDEX_URL (where twine uploads), HUBSPOT_SDK_INDEX_SIMPLE_URL (its
PEP 503 simple index; default: <upload url>/simple/), and, for an index that
wants them, HUBSPOT_SDK_INDEX_USERNAME / HUBSPOT_SDK_INDEX_PASSWORD (or twine's
own TWINE_USERNAME / TWINE_PASSWORD); without both, the upload is anonymous.

A release is two distributions at one version (release/project.py's
DISTRIBUTIONS): the SDK's sdist and wheel, and the wheel of its HubSpot double
for tests, hubspot-partner-clients-testing. Publishing vouches for what it
uploads, so every refusal happens before the first upload: a dist/ without
both, or with files of more than one version; an uncommitted tree; a dist/ that is not the build of HEAD's
tree at the project's version (release/buildrecord.py); drift of generated/;
bad metadata; an index whose state cannot be read (a 404 is not "nothing
there" unless the index's own listing says so); a version the index already
holds, whether or not the index would let it be overwritten.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.parser import Parser
from html.parser import HTMLParser
from pathlib import Path

from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename

from release import buildrecord
from release.project import DISTRIBUTIONS, REPO, read_version

REBUILD = "rebuild with `nox -s build` (no new version is needed) and publish again"


class PublishRefused(Exception):
    """Publishing was refused before anything was uploaded; the message says why and what to do."""


class PublishFailed(Exception):
    """The upload itself failed; the message says which files the index now holds."""


@dataclass(frozen=True)
class IndexConfig:
    """Where to publish, and as whom (no credentials: anonymously); the password stays out of reprs."""

    upload_url: str
    simple_url: str
    username: str = ""
    password: str = field(default="", repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> IndexConfig:
        """Read the index settings from the environment; refuse without the URL or with half a credential."""
        upload = env.get("HUBSPOT_SDK_INDEX_URL", "")
        username = env.get("HUBSPOT_SDK_INDEX_USERNAME") or env.get("TWINE_USERNAME", "")
        password = env.get("HUBSPOT_SDK_INDEX_PASSWORD") or env.get("TWINE_PASSWORD", "")
        missing = ["HUBSPOT_SDK_INDEX_URL"] if not upload else []
        if username and not password:
            missing.append(
                "HUBSPOT_SDK_INDEX_PASSWORD (or TWINE_PASSWORD), or no username for an anonymous upload"
            )
        if password and not username:
            missing.append(
                "HUBSPOT_SDK_INDEX_USERNAME (or TWINE_USERNAME), or no password for an anonymous upload"
            )
        if missing:
            raise PublishRefused(f"set {', '.join(missing)} in the environment (never in a file in the repo)")
        default_simple = urllib.parse.urljoin(upload.rstrip("/") + "/", "simple/")
        simple = env.get("HUBSPOT_SDK_INDEX_SIMPLE_URL") or default_simple
        return cls(upload, simple, username, password)


def publish(dist: Path, config: IndexConfig, *, drift: Callable[[], str], repo: Path = REPO) -> str:
    """Upload dist/ (one version's sdist and wheel, built by `nox -s build` from `repo`); return the version.

    `drift` returns the diff between generated/ and a fresh generation (empty when they match);
    the command line passes generator.pipeline.drift.
    """
    files = buildrecord.uploaded_files(dist)
    version = _one_version(files)
    _refuse_uncommitted(repo)
    _refuse_stale(dist, files, version, repo)
    if diff := drift():
        raise PublishRefused(
            f"generated/ differs from a fresh generation ({diff.count(chr(10))} diff lines): "
            "run `nox -s generate`, commit, rebuild, and publish again"
        )
    _twine(["check", "--strict", *map(str, files)], config, "the built files fail twine's metadata check")
    on_index = index_files(config)
    clash = sorted(name for name in on_index if _version_of(name) == version)
    if clash:
        raise PublishRefused(
            f"version {version} is already on {config.simple_url} ({', '.join(clash)}); "
            "a published version is never replaced: run `nox -s release` for a new version, rebuild, "
            "and publish that"
        )
    try:
        _twine(
            ["upload", "--non-interactive", "--disable-progress-bar", "--repository-url", config.upload_url]
            + [str(f) for f in files],
            config,
            "the upload failed",
        )
    except PublishRefused as exc:
        now = sorted(name for name in index_files(config) if _version_of(name) == version)
        held = ", ".join(now) if now else "none of them"
        raise PublishFailed(f"{exc}\nThe index now holds {held}.") from None
    return version


def index_files(config: IndexConfig) -> set[str]:
    """The file names the index lists for the release's projects; refuse when its state cannot be read."""
    return {name for distribution in DISTRIBUTIONS for name in _project_files(config, distribution)}


def _project_files(config: IndexConfig, distribution: str) -> set[str]:
    """The file names the index lists for one project.

    Empty only when the project page is missing (404) and the index's own root listing,
    read successfully, does not name the project: a 404 alone may as well be a wrong URL,
    and uploading past it could replace a published version on an index that allows it.
    """
    project = canonicalize_name(distribution)
    url = urllib.parse.urljoin(config.simple_url, f"{project}/")
    page = _read(url, config, missing_ok=True)
    if page is None:
        listed = {canonicalize_name(name) for name in _links(_read(config.simple_url, config) or "")}
        if project in listed:
            raise PublishRefused(
                f"{config.simple_url} lists {distribution} but {url} answers 404: the index's state "
                "cannot be read, so whether this version is already there cannot be told; "
                "check HUBSPOT_SDK_INDEX_SIMPLE_URL"
            )
        return set()
    return _links(page)


def _read(url: str, config: IndexConfig, *, missing_ok: bool = False) -> str | None:
    headers = {}
    if config.username:
        token = base64.b64encode(f"{config.username}:{config.password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except urllib.error.HTTPError as exc:
        if exc.code == 404 and missing_ok:
            return None
        raise PublishRefused(
            f"cannot read {url} to check whether this version is already published: HTTP {exc.code}; "
            "check HUBSPOT_SDK_INDEX_SIMPLE_URL (the index's PEP 503 simple URL) and the credentials"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        raise PublishRefused(f"cannot reach {url} to check for this version: {reason}") from None


def _links(page: str) -> set[str]:
    # The last path segment of each link: a file name on a project page, a project on the root.
    parser = _Links()
    parser.feed(page)
    return parser.files


def _refuse_uncommitted(repo: Path) -> None:
    uncommitted = buildrecord.tree_state(repo).uncommitted
    if uncommitted:
        shown = ", ".join(uncommitted[:5]) + (
            f" and {len(uncommitted) - 5} more" if len(uncommitted) > 5 else ""
        )
        raise PublishRefused(
            f"the working tree has uncommitted changes ({shown}): a release is a commit. "
            f"Commit them (or stash them), {REBUILD}"
        )


def _refuse_stale(dist: Path, files: Sequence[Path], version: str, repo: Path) -> None:
    current = read_version(repo / "pyproject.toml")
    if version != current:
        raise PublishRefused(f"dist/ holds {version}, but pyproject.toml says {current}: {REBUILD}")
    for wheel in (f for f in files if f.name.endswith(".whl")):
        if (built := _wheel_version(wheel)) != current:
            raise PublishRefused(f"{wheel.name} says version {built}, pyproject.toml {current}: {REBUILD}")
    try:
        record = json.loads((dist / buildrecord.RECORD).read_text(encoding="utf-8"))
        tree, uncommitted, hashes = record["tree"], record["uncommitted"], record["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise PublishRefused(
            f"dist/ has no readable {buildrecord.RECORD}, so the tree it was built from is unknown: {REBUILD}"
        ) from None
    if uncommitted:
        raise PublishRefused(f"dist/ was built from a tree with uncommitted changes: {REBUILD}")
    if tree != buildrecord.tree_state(repo).tree:
        raise PublishRefused(f"dist/ was built from another commit than HEAD: {REBUILD}")
    if hashes != {f.name: buildrecord.sha256(f) for f in files}:
        raise PublishRefused(f"dist/ holds other files than the build recorded: {REBUILD}")


def _wheel_version(wheel: Path) -> str | None:
    try:
        with zipfile.ZipFile(wheel) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            version = Parser().parsestr(archive.read(name).decode("utf-8", errors="replace"))["Version"]
    except (OSError, zipfile.BadZipFile, StopIteration):
        return None
    return str(version) if version else None


def dist_version(dist: Path) -> str:
    """The one version dist/'s files are of; refuse anything else."""
    return _one_version(buildrecord.uploaded_files(dist))


def _one_version(files: Sequence[Path]) -> str:
    if not files:
        raise PublishRefused("nothing to publish in dist/: run `nox -s build` first")
    versions = {_version_of(f.name) for f in files}
    wheels = {_distribution_of(f.name) for f in files if f.name.endswith(".whl")}
    if None in versions or len(versions) != 1 or wheels != {canonicalize_name(d) for d in DISTRIBUTIONS}:
        names = ", ".join(f.name for f in files)
        raise PublishRefused(
            f"dist/ must hold one version's wheels of {' and '.join(DISTRIBUTIONS)} (and the sdist of "
            f"{DISTRIBUTIONS[0]}), not: {names}; {REBUILD}"
        )
    (version,) = versions
    assert version is not None
    return version


def _distribution_of(filename: str) -> str | None:
    try:
        return str(parse_wheel_filename(filename)[0])
    except ValueError:
        return None


def _version_of(filename: str) -> str | None:
    try:
        if filename.endswith(".whl"):
            name, version, _, _ = parse_wheel_filename(filename)
        elif filename.endswith(".tar.gz"):
            name, version = parse_sdist_filename(filename)
        else:
            return None
    except ValueError:
        return None
    return str(version) if name in {canonicalize_name(d) for d in DISTRIBUTIONS} else None


def _twine(args: list[str], config: IndexConfig, what: str) -> None:
    # Credentials go through twine's environment variables, never argv, so
    # they stay out of process listings and of this message.
    # Empty strings for an anonymous upload: twine takes them as given instead of prompting.
    env = {**os.environ, "TWINE_USERNAME": config.username, "TWINE_PASSWORD": config.password}
    result = subprocess.run(
        [sys.executable, "-m", "twine", *args], capture_output=True, text=True, env=env, check=False
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        if config.password:
            output = output.replace(config.password, "***")
        raise PublishRefused(f"{what}:\n{output}")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.files: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            path = urllib.parse.urlsplit(href).path.rstrip("/")
            self.files.add(urllib.parse.unquote(path.rsplit("/", 1)[-1]))
