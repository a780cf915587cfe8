"""End to end: build, publish to a real private index (pypiserver on loopback), install from it alone, call.

The index requires a password to upload. The SDK's runtime dependencies are
served from the same index as wheels that `nox -s tests` downloads beforehand
(HUBSPOT_SDK_TEST_WHEELS), since tests have no network beyond 127.0.0.1.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble
from release.project import REPO, read_version
from release.publish import IndexConfig, PublishFailed, PublishRefused, index_files, publish

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


@pytest.fixture
def private_index(tmp_path: Path) -> Iterator[_Index]:
    """A pypiserver on loopback that requires USER/PASSWORD (htpasswd, SHA scheme) to upload."""
    packages = tmp_path / "packages"
    packages.mkdir()
    digest = base64.b64encode(hashlib.sha1(PASSWORD.encode()).digest()).decode()
    htpasswd = tmp_path / "htpasswd"
    htpasswd.write_text(f"{USER}:{{SHA}}{digest}\n", encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "pypiserver", "run", "--host", "127.0.0.1", "--port", str(port),
               "--authenticate", "update", "--passwords", str(htpasswd), "--disable-fallback",
               "--hash-algo", "sha256", str(packages)]  # fmt: skip
    with (tmp_path / "pypiserver.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_serving(url + "simple/", process)
            yield _Index(IndexConfig(url, url + "simple/", USER, PASSWORD), packages)
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sdist and the wheel, built as `nox -s build` does (without network: --no-isolation)."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
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
    return {name for name in index_files(index.config) if name.startswith("hubspot_partner_clients-")}


def test_the_wheel_carries_the_package_and_nothing_else(dist: list[Path]) -> None:
    version = read_version()
    assert [p.name for p in dist] == [
        f"hubspot_partner_clients-{version}-py3-none-any.whl",
        f"hubspot_partner_clients-{version}.tar.gz",
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
    assert metadata["License-Expression"] == "LicenseRef-Proprietary"
    assert metadata["Description-Content-Type"] == "text/markdown"
    requires = metadata.get_all("Requires-Dist") or []
    assert {"attrs<27,>=23.1", "httpx<0.29,>=0.27"} <= set(requires)
    assert all("<" in r for r in requires), "every runtime dependency has an upper bound"


def test_published_package_installs_from_the_index_alone_and_calls_hubspot(
    private_index: _Index, dist: list[Path], tmp_path: Path
) -> None:
    for wheel in _dependency_wheels().glob("*.whl"):
        shutil.copy(wheel, private_index.packages)

    with pytest.raises(PublishFailed, match="upload failed") as refused:
        publish(dist, private_index.with_password("wrong"), drift=_no_drift)
    assert "wrong" not in str(refused.value)
    assert _sdk_files(private_index) == set()

    version = publish(dist, private_index.config, drift=_no_drift)
    assert _sdk_files(private_index) == {p.name for p in dist}

    on_disk = {p.name: p.stat().st_mtime_ns for p in private_index.packages.iterdir()}
    with pytest.raises(PublishRefused, match=f"{version} is already on"):
        publish(dist, private_index.config, drift=_no_drift)
    assert {p.name: p.stat().st_mtime_ns for p in private_index.packages.iterdir()} == on_disk

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


def test_drift_refuses_before_anything_is_uploaded(private_index: _Index, tmp_path: Path) -> None:
    files = [
        tmp_path / "hubspot_partner_clients-9.9.9-py3-none-any.whl",
        tmp_path / "hubspot_partner_clients-9.9.9.tar.gz",
    ]
    for f in files:
        f.write_bytes(b"not uploaded")
    with pytest.raises(PublishRefused, match="differs from a fresh generation"):
        publish(files, private_index.config, drift=lambda: "--- generated/x.py\n+++ regenerated/x.py\n")
    assert _sdk_files(private_index) == set()


def test_a_mixed_dist_is_refused(private_index: _Index, tmp_path: Path) -> None:
    files = [
        tmp_path / "hubspot_partner_clients-1.0.0.tar.gz",
        tmp_path / "hubspot_partner_clients-1.1.0.tar.gz",
    ]
    with pytest.raises(PublishRefused, match="one version"):
        publish(files, private_index.config, drift=_no_drift)


def test_index_settings_come_from_the_environment_only() -> None:
    with pytest.raises(PublishRefused, match=r"HUBSPOT_SDK_INDEX_URL.*HUBSPOT_SDK_INDEX_PASSWORD"):
        IndexConfig.from_env({"TWINE_USERNAME": "bot"})
    config = IndexConfig.from_env(
        {
            "HUBSPOT_SDK_INDEX_URL": "https://pypi.internal/",
            "TWINE_USERNAME": "bot",
            "TWINE_PASSWORD": "s3cret",
        }
    )
    assert config.simple_url == "https://pypi.internal/simple/"
    assert "s3cret" not in repr(config)
