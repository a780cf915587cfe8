"""End to end: build, publish to a real private index (pypiserver on loopback), install from it alone, call.

One index requires a password to upload; another takes anonymous uploads and
lets a file be overwritten, the kind of index on which a missed duplicate
check replaces a published version. The SDK's runtime dependencies are served
from the same index as wheels that `nox -s tests` downloads beforehand
(HUBSPOT_SDK_TEST_WHEELS), since tests have no network beyond 127.0.0.1.

Publishing vouches for the commit it releases, so each test publishes from a
throwaway git checkout holding this project's pyproject.toml, with dist/
recorded as built from it (release/buildrecord.py), and makes that checkout
dirty or stale as the test needs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.parser import Parser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble
from release import __main__ as release_cli
from release import buildrecord, project
from release.project import REPO, read_version
from release.publish import IndexConfig, PublishFailed, PublishRefused, index_files, publish
from tests import test_readme as readme

USER = "release-bot"
PASSWORD = "correct horse battery staple"

CONSUMER = """\
import os
import pathlib

import hubspot_partner_clients as sdk
from hubspot_partner_clients import AuthenticatedClient
from hubspot_partner_clients.api.partner_clients import get_by_id, list_page

client = AuthenticatedClient(base_url=os.environ["HUBSPOT_BASE_URL"], token=os.environ["HUBSPOT_TOKEN"])
page = list_page.sync(client=client, limit=3)
again = get_by_id.sync(page.results[0].id, client=client)
print(sdk.__version__)
print(len(page.results), again.id == page.results[0].id)
package = pathlib.Path(sdk.__file__).parent
print(package.parent.name, (package / "py.typed").is_file())
"""


@dataclass(frozen=True)
class _Index:
    config: IndexConfig
    packages: Path

    def with_password(self, password: str) -> IndexConfig:
        return IndexConfig(self.config.upload_url, self.config.simple_url, USER, password)


def _dependency_wheels() -> Path:
    configured = os.environ.get("HUBSPOT_SDK_TEST_WHEELS")
    wheels = Path(configured or REPO / ".nox" / "release-test-wheels")
    if not any(wheels.glob("*.whl")):
        message = (
            f"no dependency wheels in {wheels}: `nox -s tests` downloads them, or run "
            f"`pip download --only-binary=:all: --dest {wheels} -r requirements/release-test-wheels.txt`"
        )
        if configured:  # under nox: never skip silently
            pytest.fail(message)
        pytest.skip(message)
    return wheels


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_serving(url: str, process: subprocess.Popen[bytes]) -> None:
    # Readiness, not timing: poll until the server answers or has exited.
    for _ in range(300):
        if process.poll() is not None:
            pytest.fail(f"pypiserver exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    pytest.fail(f"pypiserver never answered at {url}")


@contextmanager
def _serve(tmp_path: Path, *, authenticated: bool) -> Iterator[_Index]:
    packages = tmp_path / "packages"
    packages.mkdir(parents=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    if authenticated:
        digest = base64.b64encode(hashlib.sha1(PASSWORD.encode()).digest()).decode()
        htpasswd = tmp_path / "htpasswd"
        htpasswd.write_text(f"{USER}:{{SHA}}{digest}\n", encoding="utf-8")
        access = ["--authenticate", "update", "--passwords", str(htpasswd)]
        config = IndexConfig(url, url + "simple/", USER, PASSWORD)
    else:
        # No authentication at all, and overwrites allowed: only our duplicate check stands guard.
        access = ["--authenticate", ".", "--passwords", ".", "--overwrite"]
        config = IndexConfig(url, url + "simple/")
    command = [sys.executable, "-m", "pypiserver", "run", "--host", "127.0.0.1", "--port", str(port),
               *access, "--disable-fallback", "--hash-algo", "sha256", str(packages)]  # fmt: skip
    with (tmp_path / "pypiserver.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_serving(url + "simple/", process)
            yield _Index(config, packages)
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def private_index(tmp_path: Path) -> Iterator[_Index]:
    """A pypiserver on loopback that requires USER/PASSWORD (htpasswd, SHA scheme) to upload."""
    with _serve(tmp_path / "private", authenticated=True) as index:
        yield index


@pytest.fixture
def open_index(tmp_path: Path) -> Iterator[_Index]:
    """A pypiserver on loopback that takes anonymous uploads and lets a published file be overwritten."""
    with _serve(tmp_path / "open", authenticated=False) as index:
        yield index


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A committed git checkout at this project's version (its pyproject.toml), with dist/ ignored."""
    return _checkout(tmp_path / "checkout")


def _checkout(repo: Path) -> Path:
    repo.mkdir()
    _git(repo, "init", "--quiet")
    _git(repo, "config", "user.email", "release-test@example.invalid")
    _git(repo, "config", "user.name", "release test")
    shutil.copy(project.PYPROJECT, repo / "pyproject.toml")
    (repo / ".gitignore").write_text("dist/\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "--quiet", "-m", "release")
    return repo


def _built(dist_files: list[Path], checkout: Path) -> Path:
    """dist/ in `checkout` holding the built files, recorded as built from it as it is now."""
    out = checkout / "dist"
    out.mkdir()
    for f in dist_files:
        shutil.copy(f, out)
    buildrecord.write(out, checkout)
    return out


def _commit(repo: Path, name: str, text: str) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", name)
    _git(repo, "commit", "--quiet", "-m", f"edit {name}")


def _stored(index: _Index) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in index.packages.iterdir()}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The SDK's sdist and wheel and the testing wheel, as `nox -s build` builds them (--no-isolation:
    no network)."""
    out = tmp_path_factory.mktemp("dist")
    for what in (["--outdir", str(out), str(REPO)], ["--wheel", "--outdir", str(out), str(project.TESTING)]):
        result = subprocess.run(
            [sys.executable, "-m", "build", "--no-isolation", *what],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    return sorted(out.iterdir())


def _no_drift() -> str:
    # The drift check itself is `python -m generator check` (tests/pipeline); here the
    # question is what publishing does with its answer.
    return ""


def _sdk_files(index: _Index) -> set[str]:
    """The files of the release's two distributions on the index."""
    prefixes = ("hubspot_partner_clients-", "hubspot_partner_clients_testing-")
    return {name for name in index_files(index.config) if name.startswith(prefixes)}


def test_the_wheel_carries_the_package_and_nothing_else(dist: list[Path]) -> None:
    version = read_version()
    assert [p.name for p in dist] == [
        f"hubspot_partner_clients-{version}-py3-none-any.whl",
        f"hubspot_partner_clients-{version}.tar.gz",
        f"hubspot_partner_clients_testing-{version}-py3-none-any.whl",
    ]
    with zipfile.ZipFile(dist[0]) as wheel:
        names = wheel.namelist()
        metadata = Parser().parsestr(
            wheel.read(f"hubspot_partner_clients-{version}.dist-info/METADATA").decode()
        )
    assert {n.split("/")[0] for n in names} == {
        "hubspot_partner_clients",
        f"hubspot_partner_clients-{version}.dist-info",
    }
    # The package's two folders in a checkout, merged: every file of both, nothing else.
    expected = {
        f"hubspot_partner_clients/{p.relative_to(folder).as_posix()}"
        for folder in (
            REPO / "generated" / "hubspot_partner_clients",
            REPO / "overlays" / "hubspot_partner_clients",
        )
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert {n for n in names if n.startswith("hubspot_partner_clients/")} == expected
    assert "hubspot_partner_clients/py.typed" in expected
    assert metadata["Name"] == "hubspot-partner-clients"
    assert metadata["Version"] == version
    assert metadata["Requires-Python"] == ">=3.11"
    # A License field, which pip before 24 shows (it ignores License-Expression), and the URLs.
    assert metadata["License"] == "Proprietary"
    assert "License :: Other/Proprietary License" in (metadata.get_all("Classifier") or [])
    assert {u.split(",")[0] for u in metadata.get_all("Project-URL") or []} == {
        "Homepage",
        "Documentation",
        "Changelog",
    }
    assert metadata["Description-Content-Type"] == "text/markdown"
    # The long description the index shows is the users' README; maintainers read MAINTAINING.md.
    description = metadata.get_payload()
    assert isinstance(description, str)
    users_part = (REPO / "README.md").read_text(encoding="utf-8").split(README_END)[0]
    assert description.strip() == users_part.strip()
    for maintainers in ("## Releasing", "## Benchmarks", "## Layout", "nox -"):
        assert maintainers not in description
    requires = metadata.get_all("Requires-Dist") or []
    assert {"attrs<27,>=23.1", "httpx<0.29,>=0.27"} <= set(requires)
    assert all("<" in r for r in requires), "every runtime dependency has an upper bound"


def test_published_package_installs_from_the_index_alone_and_calls_hubspot(
    private_index: _Index, dist: list[Path], checkout: Path, tmp_path: Path
) -> None:
    for wheel in _dependency_wheels().glob("*.whl"):
        shutil.copy(wheel, private_index.packages)
    built = _built(dist, checkout)

    with pytest.raises(PublishFailed, match="upload failed") as refused:
        publish(built, private_index.with_password("wrong"), drift=_no_drift, repo=checkout)
    assert "wrong" not in str(refused.value)
    assert _sdk_files(private_index) == set()

    version = publish(built, private_index.config, drift=_no_drift, repo=checkout)
    assert _sdk_files(private_index) == {p.name for p in dist}

    on_disk = _stored(private_index)
    with pytest.raises(PublishRefused, match=f"{version} is already on"):
        publish(built, private_index.config, drift=_no_drift, repo=checkout)
    assert _stored(private_index) == on_disk

    venv = tmp_path / "consumer"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    # No pip configuration of this machine (extra indexes, find-links): the private index alone.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")} | {"PIP_CONFIG_FILE": os.devnull}
    install = subprocess.run(
        [python, "-m", "pip", "install", "--no-cache-dir", "--disable-pip-version-check",
         "--index-url", private_index.config.simple_url, f"hubspot-partner-clients=={version}"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout + install.stderr

    with HubSpotDouble(DoubleConfig()) as double:
        env |= {"HUBSPOT_BASE_URL": double.base_url, "HUBSPOT_TOKEN": double.token}
        run = subprocess.run([python, "-c", CONSUMER], capture_output=True, text=True, env=env, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [version, "3 True", "site-packages True"]


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory, dist: list[Path]) -> Iterator[tuple[_Index, str]]:
    """An index holding this release (both distributions, published) and the dependencies' wheels."""
    tmp = tmp_path_factory.mktemp("released")
    with _serve(tmp / "index", authenticated=True) as index:
        for wheel in _dependency_wheels().glob("*.whl"):
            shutil.copy(wheel, index.packages)
        checkout = _checkout(tmp / "checkout")
        version = publish(_built(dist, checkout), index.config, drift=_no_drift, repo=checkout)
        yield index, version


def consumer_venv(venv: Path, index: _Index, *requirements: str) -> tuple[Path, dict[str, str]]:
    """A fresh venv with `requirements` installed from `index` alone; its bin/ and a clean environment."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # No pip configuration of this machine (extra indexes, find-links), no checkout on the path.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    env["PIP_CONFIG_FILE"] = os.devnull
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--no-cache-dir",
         "--disable-pip-version-check", "--index-url", index.config.simple_url, *requirements],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout + install.stderr
    return venv / "bin", env


THEIR_CODE = """\
from hubspot_partner_clients import HubSpotClient


def promote(client: HubSpotClient, ids: list[str]) -> int:
    inputs = [{"id": i, "properties": {"client_tier": "gold"}} for i in ids]
    result = client.partner_clients.batch_update(inputs)
    return len(result.results)
"""

THEIR_TESTS = """\
from hubspot_partner_clients import create_client

from their_code import promote


def test_promote_sets_the_tier(hubspot_double):
    ids = hubspot_double.store.ids()[:3]
    with create_client(hubspot_double.token, base_url=hubspot_double.base_url) as client:
        assert promote(client, ids) == 3
    assert [hubspot_double.store.get(i).get("client_tier") for i in ids] == ["gold"] * 3


def test_each_test_gets_a_fresh_double(hubspot_double):
    assert hubspot_double.store.get(hubspot_double.store.ids()[0]).get("client_tier") != "gold"
"""


def test_a_consuming_project_tests_its_code_against_the_installed_double(
    released: tuple[_Index, str], tmp_path: Path
) -> None:
    index, version = released
    project_dir = tmp_path / "their-project"
    (project_dir / "tests").mkdir(parents=True)
    (project_dir / "their_code.py").write_text(THEIR_CODE, encoding="utf-8")
    # No conftest: the fixture comes from the installed package's pytest plugin.
    (project_dir / "tests" / "test_their_code.py").write_text(THEIR_TESTS, encoding="utf-8")
    bin_dir, env = consumer_venv(
        tmp_path / "venv", index, f"hubspot-partner-clients-testing=={version}", "pytest"
    )
    shown = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "show", "--verbose", "hubspot-partner-clients"],
        capture_output=True, text=True, env=env, check=True,
    ).stdout  # fmt: skip
    assert f"Version: {version}" in shown  # the SDK came along, at the same version
    # What a user's pip (this Python's) shows: the license, and where to read more.
    assert "License: Proprietary" in shown.splitlines()
    assert re.search(r"(?m)^Project-URLs:\n  Homepage, https://", shown), shown

    tests = subprocess.run(
        [str(bin_dir / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "--rootdir", str(project_dir)],
        capture_output=True, text=True, env={**env, "PYTHONPATH": str(project_dir)}, cwd=project_dir,
        check=False,
    )  # fmt: skip
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "2 passed" in tests.stdout

    command = subprocess.run(
        [str(bin_dir / "hubspot-double"), "--help"], capture_output=True, text=True, env=env, check=False
    )
    assert command.returncode == 0, command.stderr
    assert "--objects" in command.stdout


# Runs one README example in the consumer's venv, recording what each of its lines prints, as
# tests/test_readme.py does in-process: python RUNNER EXAMPLE OFFSET OUT.
# Where README.md's users' part, the index's long description, ends (pyproject.toml's readme hook).
README_END = "<!-- The package's description on the index ends here. -->"

README_RUNNER = """\
import builtins, io, json, sys

code = open(sys.argv[1], encoding="utf-8").read()
printed = {}


def recording_print(*args, **kwargs):
    line = sys._getframe(1).f_lineno
    text = io.StringIO()
    builtins.print(*args, **{**kwargs, "file": text})
    printed.setdefault(line, []).extend(text.getvalue().splitlines())


namespace = {"__name__": "__readme__", "print": recording_print}
exec(compile("\\n" * int(sys.argv[2]) + code, "README.md", "exec"), namespace)
with open(sys.argv[3], "w", encoding="utf-8") as out:
    json.dump(printed, out)
"""


def test_every_readme_example_runs_where_users_are(released: tuple[_Index, str], tmp_path: Path) -> None:
    """The released packages alone, from the index, in a fresh venv, from a folder outside the repository."""
    index, version = released
    bin_dir, env = consumer_venv(tmp_path / "venv", index, f"hubspot-partner-clients-testing=={version}")
    elsewhere = tmp_path / "their-project"
    elsewhere.mkdir()
    assert REPO not in elsewhere.parents
    (elsewhere / "runner.py").write_text(README_RUNNER, encoding="utf-8")
    assert len(readme.EXAMPLES) >= 4
    # Each example once per API version, as tests/test_readme.py runs them (its RUNS and its rule).
    for example in readme.RUNS:
        offset = readme.example_offset(example.code)
        (elsewhere / "example.py").write_text(example.runs, encoding="utf-8")
        run = subprocess.run(
            [str(bin_dir / "python"), "runner.py", "example.py", str(offset), "printed.json"],
            capture_output=True, text=True, env=env, cwd=elsewhere, check=False, timeout=300,
        )  # fmt: skip
        assert run.returncode == 0, f"README {example.id} (line {offset}) failed:\n{run.stderr}"
        printed = {
            int(line): lines for line, lines in json.loads((elsewhere / "printed.json").read_text()).items()
        }
        stated = readme.stated_outputs(example.runs, offset)
        assert stated, f"README {example.id} states no output"
        assert not readme.disagreements(stated, printed), f"README {example.id}"


def test_drift_refuses_before_anything_is_uploaded(
    private_index: _Index, dist: list[Path], checkout: Path
) -> None:
    built = _built(dist, checkout)
    with pytest.raises(PublishRefused, match="differs from a fresh generation"):
        publish(
            built,
            private_index.config,
            drift=lambda: "--- generated/x.py\n+++ regenerated/x.py\n",
            repo=checkout,
        )
    assert _sdk_files(private_index) == set()


def test_the_testing_wheel_carries_the_double_at_the_sdks_version(dist: list[Path]) -> None:
    version = read_version()
    wheel = dist[2]
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = f"hubspot_partner_clients_testing-{version}.dist-info"
        metadata = Parser().parsestr(archive.read(f"{info}/METADATA").decode())
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
    expected = {
        f"hubspot_double/{p.relative_to(REPO / 'hubspot_double').as_posix()}"
        for p in (REPO / "hubspot_double").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert {n for n in names if not n.startswith(info)} == expected
    assert metadata["Version"] == version
    # Pinned to the SDK it was released with: the double reads HubSpot's limits from its table.
    assert f"hubspot-partner-clients=={version}" in (metadata.get_all("Requires-Dist") or [])
    assert "[pytest11]\nhubspot_double = hubspot_double.pytest_plugin" in entry_points
    assert "hubspot-double = hubspot_double.__main__:main" in entry_points


def test_a_dist_without_the_testing_wheel_is_refused(
    private_index: _Index, dist: list[Path], checkout: Path
) -> None:
    built = _built(dist[:2], checkout)
    with pytest.raises(
        PublishRefused, match="wheels of hubspot-partner-clients and hubspot-partner-clients-testing"
    ):
        publish(built, private_index.config, drift=_no_drift, repo=checkout)
    assert _sdk_files(private_index) == set()


def test_a_mixed_dist_is_refused(private_index: _Index, tmp_path: Path, checkout: Path) -> None:
    for name in ("hubspot_partner_clients-1.0.0.tar.gz", "hubspot_partner_clients-1.1.0.tar.gz"):
        (tmp_path / name).write_bytes(b"not uploaded")
    with pytest.raises(PublishRefused, match="one version"):
        publish(tmp_path, private_index.config, drift=_no_drift, repo=checkout)


@pytest.mark.parametrize(
    "dirty",
    [
        pytest.param(
            lambda repo: (repo / "pyproject.toml").write_text("# edited\n", encoding="utf-8"), id="edited"
        ),
        pytest.param(lambda repo: (repo / "notes.txt").write_text("new\n", encoding="utf-8"), id="untracked"),
    ],
)
def test_an_uncommitted_tree_is_refused_before_anything_is_uploaded(
    private_index: _Index, dist: list[Path], checkout: Path, dirty: object
) -> None:
    built = _built(dist, checkout)
    assert callable(dirty)
    dirty(checkout)
    with pytest.raises(PublishRefused, match=r"uncommitted changes \((pyproject\.toml|notes\.txt)\)"):
        publish(built, private_index.config, drift=_no_drift, repo=checkout)
    assert _sdk_files(private_index) == set()


def _bumped(repo: Path) -> None:
    # `nox -s release` then a commit, but no `nox -s build`: dist/ still holds the old version.
    project.write_version("99.0.0", repo / "pyproject.toml")
    _git(repo, "commit", "--quiet", "-am", "release 99.0.0")


def _committed_after_the_build(repo: Path) -> None:
    _commit(repo, "notes.txt", "a later commit\n")


def _without_a_record(repo: Path) -> None:
    (repo / "dist" / buildrecord.RECORD).unlink()


def _built_from_a_dirty_tree(repo: Path) -> None:
    (repo / "notes.txt").write_text("uncommitted at build time\n", encoding="utf-8")
    buildrecord.write(repo / "dist", repo)
    (repo / "notes.txt").unlink()


def _file_replaced(repo: Path) -> None:
    wheel = next((repo / "dist").glob("*.whl"))
    wheel.write_bytes(wheel.read_bytes() + b"\0")


@pytest.mark.parametrize(
    ("make_stale", "reason"),
    [
        (_bumped, rf"dist/ holds {re.escape(read_version())}, but pyproject\.toml says 99\.0\.0"),
        (_committed_after_the_build, "built from another commit than HEAD"),
        (_without_a_record, "no readable build-record.json"),
        (_built_from_a_dirty_tree, "built from a tree with uncommitted changes"),
        (_file_replaced, "other files than the build recorded"),
    ],
    ids=["bumped-after-the-build", "later-commit", "no-record", "dirty-build", "file-replaced"],
)
def test_a_stale_dist_is_refused_with_the_advice_to_rebuild(
    private_index: _Index, dist: list[Path], checkout: Path, make_stale: object, reason: str
) -> None:
    built = _built(dist, checkout)
    assert callable(make_stale)
    make_stale(checkout)
    with pytest.raises(PublishRefused, match=reason) as refused:
        publish(built, private_index.config, drift=_no_drift, repo=checkout)
    # A rebuild, not another version: the version in pyproject.toml is the one to release.
    assert "rebuild with `nox -s build` (no new version is needed)" in str(refused.value)
    assert "nox -s release" not in str(refused.value)
    assert _sdk_files(private_index) == set()


def test_an_index_answering_404_is_refused_not_taken_for_empty(
    open_index: _Index, dist: list[Path], checkout: Path
) -> None:
    built = _built(dist, checkout)
    version = publish(built, open_index.config, drift=_no_drift, repo=checkout)
    published = _stored(open_index)
    # The simple URL is wrong: 404 says nothing about what the index holds, and this index
    # would let the upload replace the published files.
    wrong = IndexConfig(open_index.config.upload_url, open_index.config.upload_url + "wrong/simple/")
    with pytest.raises(PublishRefused, match=r"wrong/simple/ to check whether .* HTTP 404"):
        publish(built, wrong, drift=_no_drift, repo=checkout)
    assert _stored(open_index) == published
    # And the right URL finds the version and refuses to replace it.
    with pytest.raises(PublishRefused, match=f"{version} is already on"):
        publish(built, open_index.config, drift=_no_drift, repo=checkout)
    assert _stored(open_index) == published


class _ListsTheProjectButHidesIt(BaseHTTPRequestHandler):
    """A simple index whose root lists hubspot-partner-clients while its project page answers 404."""

    def do_GET(self) -> None:
        if "broken" in self.path:
            self.send_error(500)
        elif self.path.rstrip("/").endswith("/simple"):
            link = '<a href="/simple/hubspot-partner-clients/">hubspot-partner-clients</a>'
            body = f"<html><body>{link}</body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def odd_index() -> Iterator[str]:
    """The base URL of an index (a real HTTP server on loopback) whose answers contradict each other."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ListsTheProjectButHidesIt)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize(
    ("simple_path", "reason"),
    [
        ("simple/", r"lists hubspot-partner-clients but .* answers 404"),
        ("broken/simple/", r"cannot read .*/broken/simple/hubspot-partner-clients/ .* HTTP 500"),
    ],
    ids=["listed-but-missing", "server-error"],
)
def test_an_index_whose_state_cannot_be_read_is_refused(
    open_index: _Index, odd_index: str, dist: list[Path], checkout: Path, *, simple_path: str, reason: str
) -> None:
    # Uploads would go to a working index; only the state read from the simple URL is wrong.
    config = IndexConfig(open_index.config.upload_url, odd_index + simple_path)
    with pytest.raises(PublishRefused, match=reason):
        publish(_built(dist, checkout), config, drift=_no_drift, repo=checkout)
    assert _sdk_files(open_index) == set()


def test_an_index_that_cannot_be_reached_is_refused(dist: list[Path], checkout: Path) -> None:
    closed = f"http://127.0.0.1:{_free_port()}/"
    with pytest.raises(PublishRefused, match=r"cannot reach .* to check for this version"):
        publish(
            _built(dist, checkout), IndexConfig(closed, closed + "simple/"), drift=_no_drift, repo=checkout
        )


def test_an_index_without_auth_takes_an_anonymous_upload(
    open_index: _Index, dist: list[Path], checkout: Path
) -> None:
    config = IndexConfig.from_env({"HUBSPOT_SDK_INDEX_URL": open_index.config.upload_url})
    assert (config.username, config.password) == ("", "")
    publish(_built(dist, checkout), config, drift=_no_drift, repo=checkout)
    assert _sdk_files(open_index) == {p.name for p in dist}


def test_the_command_exits_non_zero_unless_published_and_tagged(
    open_index: _Index,
    dist: list[Path],
    checkout: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HUBSPOT_SDK_INDEX_URL", open_index.config.upload_url)
    for name in ("HUBSPOT_SDK_INDEX_SIMPLE_URL", "HUBSPOT_SDK_INDEX_USERNAME", "HUBSPOT_SDK_INDEX_PASSWORD",
                 "TWINE_USERNAME", "TWINE_PASSWORD"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    built = _built(dist, checkout)
    argv = ["publish", "--dist", str(built), "--repo", str(checkout)]
    tag = f"v{read_version()}"

    (checkout / "notes.txt").write_text("uncommitted\n", encoding="utf-8")
    assert release_cli.main(argv) == 1
    assert "refused: the working tree has uncommitted changes" in capsys.readouterr().err
    assert _sdk_files(open_index) == set()
    (checkout / "notes.txt").unlink()

    assert release_cli.main(argv) == 0
    assert f"tagged HEAD {tag}" in capsys.readouterr().out
    assert _git(checkout, "tag", "--list").split() == [tag]
    assert _sdk_files(open_index) == {p.name for p in dist}

    # Once tagged, the version is released: refused before the upload, so the index is untouched.
    published = _stored(open_index)
    assert release_cli.main(argv) == 1
    assert f"refused: tag {tag} already exists" in capsys.readouterr().err
    assert _stored(open_index) == published


def test_index_settings_come_from_the_environment_only() -> None:
    with pytest.raises(PublishRefused, match=r"HUBSPOT_SDK_INDEX_URL.*HUBSPOT_SDK_INDEX_PASSWORD"):
        IndexConfig.from_env({"TWINE_USERNAME": "bot"})
    with pytest.raises(PublishRefused, match=r"HUBSPOT_SDK_INDEX_USERNAME"):
        IndexConfig.from_env({"HUBSPOT_SDK_INDEX_URL": "https://pypi.internal/", "TWINE_PASSWORD": "s3cret"})
    config = IndexConfig.from_env(
        {
            "HUBSPOT_SDK_INDEX_URL": "https://pypi.internal/",
            "TWINE_USERNAME": "bot",
            "TWINE_PASSWORD": "s3cret",
        }
    )
    assert config.simple_url == "https://pypi.internal/simple/"
    assert "s3cret" not in repr(config)


def test_uploaded_but_not_tagged_exits_non_zero(
    open_index: _Index,
    dist: list[Path],
    checkout: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HUBSPOT_SDK_INDEX_URL", open_index.config.upload_url)
    for name in ("HUBSPOT_SDK_INDEX_SIMPLE_URL", "HUBSPOT_SDK_INDEX_USERNAME", "HUBSPOT_SDK_INDEX_PASSWORD",
                 "TWINE_USERNAME", "TWINE_PASSWORD"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    built = _built(dist, checkout)
    tag = f"v{read_version()}"
    # git's own lock on the tag's ref: no tag exists yet, but creating it fails, after the upload.
    (checkout / ".git" / "refs" / "tags" / f"{tag}.lock").write_text("", encoding="utf-8")

    assert release_cli.main(["publish", "--dist", str(built), "--repo", str(checkout)]) == 1
    err = capsys.readouterr().err
    assert f"error: published {read_version()} but did not tag it" in err
    assert f"git tag {tag}" in err
    assert _sdk_files(open_index) == {p.name for p in dist}
    assert _git(checkout, "tag", "--list").split() == []
