"""Upload dist/ to the private index, or refuse before anything is uploaded.

The index and the credentials come from the environment only:
HUBSPOT_SDK_INDEX_URL (where twine uploads), HUBSPOT_SDK_INDEX_SIMPLE_URL (its
PEP 503 simple index; default: <upload url>/simple/), and
HUBSPOT_SDK_INDEX_USERNAME / HUBSPOT_SDK_INDEX_PASSWORD (or twine's own
TWINE_USERNAME / TWINE_PASSWORD). Every refusal (drift, a version already on
the index, bad metadata, missing settings) happens before the first upload.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename

from release.project import DISTRIBUTION


class PublishRefused(Exception):
    """Publishing was refused before anything was uploaded; the message says why and what to do."""


class PublishFailed(Exception):
    """The upload itself failed; the message says which files the index now holds."""


@dataclass(frozen=True)
class IndexConfig:
    """Where to publish, and as whom. The password never appears in a repr."""

    upload_url: str
    simple_url: str
    username: str
    password: str = field(repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> IndexConfig:
        """Read the index settings from the environment; refuse when one is missing."""
        upload = env.get("HUBSPOT_SDK_INDEX_URL", "")
        username = env.get("HUBSPOT_SDK_INDEX_USERNAME") or env.get("TWINE_USERNAME", "")
        password = env.get("HUBSPOT_SDK_INDEX_PASSWORD") or env.get("TWINE_PASSWORD", "")
        missing = [
            name
            for name, value in (
                ("HUBSPOT_SDK_INDEX_URL", upload),
                ("HUBSPOT_SDK_INDEX_USERNAME (or TWINE_USERNAME)", username),
                ("HUBSPOT_SDK_INDEX_PASSWORD (or TWINE_PASSWORD)", password),
            )
            if not value
        ]
        if missing:
            raise PublishRefused(f"set {', '.join(missing)} in the environment (never in a file in the repo)")
        default_simple = urllib.parse.urljoin(upload.rstrip("/") + "/", "simple/")
        simple = env.get("HUBSPOT_SDK_INDEX_SIMPLE_URL") or default_simple
        return cls(upload, simple, username, password)


def publish(files: Sequence[Path], config: IndexConfig, *, drift: Callable[[], str]) -> str:
    """Upload `files` (one version's sdist and wheel) and return that version, or refuse.

    `drift` returns the diff between generated/ and a fresh generation (empty when they match);
    the command line passes generator.pipeline.drift.
    """
    version = _one_version(files)
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
            f"{DISTRIBUTION} {version} is already on {config.simple_url} ({', '.join(clash)}); "
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
    """The file names the index lists for this project (empty when it has none)."""
    url = urllib.parse.urljoin(config.simple_url, f"{canonicalize_name(DISTRIBUTION)}/")
    token = base64.b64encode(f"{config.username}:{config.password}".encode()).decode()
    request = urllib.request.Request(url, headers={"Authorization": f"Basic {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            page = response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return set()
        raise PublishRefused(f"cannot read {url} to check for this version: HTTP {exc.code}") from None
    except urllib.error.URLError as exc:
        raise PublishRefused(f"cannot reach {url} to check for this version: {exc.reason}") from None
    parser = _Links()
    parser.feed(page)
    return parser.files


def _one_version(files: Sequence[Path]) -> str:
    if not files:
        raise PublishRefused("nothing to publish: run `nox -s build` first")
    versions = {_version_of(f.name) for f in files}
    if None in versions or len(versions) != 1:
        names = ", ".join(f.name for f in files)
        raise PublishRefused(f"dist/ must hold one version's sdist and wheel of {DISTRIBUTION}, not: {names}")
    (version,) = versions
    assert version is not None
    return version


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
    return str(version) if name == canonicalize_name(DISTRIBUTION) else None


def _twine(args: list[str], config: IndexConfig, what: str) -> None:
    # Credentials go through twine's environment variables, never argv, so
    # they stay out of process listings and of this message.
    env = {**os.environ, "TWINE_USERNAME": config.username, "TWINE_PASSWORD": config.password}
    result = subprocess.run(
        [sys.executable, "-m", "twine", *args], capture_output=True, text=True, env=env, check=False
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().replace(config.password, "***")
        raise PublishRefused(f"{what}:\n{output}")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.files: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            path = urllib.parse.urlsplit(href).path
            self.files.add(urllib.parse.unquote(path.rsplit("/", 1)[-1]))
