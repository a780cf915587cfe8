"""The pipeline's entry points. Sessions stay short: the logic lives in generator/.

`nox` runs the main job (generate, lint, tests, build); `nox -t checks` runs
every check (drift, conformance with HubSpot's document, lint, the test suite
on each supported Python it finds) and ends by naming the supported Pythons it
did not find.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

nox.options.sessions = ["generate", "lint", "tests", "build"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_external_run = True

PYTHON = "3.11"
# The Pythons the package supports (pyproject.toml's classifiers say the same).
SUPPORTED_PYTHONS = ["3.11", "3.12", "3.13"]


def _expose_pyenv_versions() -> None:
    """Let nox find every Python that pyenv has installed, not just the selected one.

    pyenv's shims answer `python3.12` only for the versions PYENV_VERSION (which
    `pyenv exec` sets when nox itself starts through a shim) or `pyenv global`
    names, and nox follows the shims; on a machine (CI's included) with 3.12
    installed under pyenv but 3.11 selected, compat-3.12 would fail "interpreter
    not found". So PYENV_VERSION lists them all, the selected ones first, for
    this run only.
    """
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    versions = root / "versions"
    if not versions.is_dir():
        return
    # Newest first, so that "3.12" finds the latest 3.12.x installed.
    installed = sorted(
        (p.name for p in versions.iterdir() if p.name[:1].isdigit()),
        key=lambda name: [int(part) if part.isdigit() else -1 for part in name.split(".")],
        reverse=True,
    )
    global_file = root / "version"
    selected = os.environ.get("PYENV_VERSION", "").split(":")
    if global_file.is_file():
        selected += global_file.read_text().split()
    os.environ["PYENV_ROOT"] = str(root)
    os.environ["PYENV_VERSION"] = ":".join(dict.fromkeys(v for v in [*selected, *installed] if v))


_expose_pyenv_versions()
# Where `tests` puts the runtime dependencies' wheels for the release test.
# The package's two folders in a checkout: the generator's output and the hand-written modules.
PACKAGE_FOLDERS = [
    Path(__file__).resolve().parent / tree / "hubspot_partner_clients" for tree in ("generated", "overlays")
]
WHEELS = str(Path(__file__).resolve().parent / ".nox" / "release-test-wheels")


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Validate openapi/, regenerate generated/ and apply overlays/ (all or nothing)."""
    session.install("-r", "requirements/generate.txt")
    session.run("python", "-m", "generator", "generate")


@nox.session(python=PYTHON, tags=["checks"])
def check(session: nox.Session) -> None:
    """Fail, printing the diff, when generated/ differs from a fresh generation."""
    session.install("-r", "requirements/generate.txt")
    session.run("python", "-m", "generator", "check")


@nox.session(python=PYTHON, tags=["checks"])
def conformance(session: nox.Session) -> None:
    """Fail, naming operation and field, where openapi/ differs from HubSpot's document unlisted."""
    session.install("-r", "requirements/generate.txt")
    session.run("python", "-m", "generator", "conformance")


@nox.session(python=PYTHON, tags=["checks"])
def lint(session: nox.Session) -> None:
    """ruff and mypy --strict over generated/, overlays, generator/, the double and tests/."""
    session.install("-r", "requirements/lint.txt", "-e", ".")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    # No incremental cache: one left from a renamed module would report errors that are not there.
    session.run("mypy", "--no-incremental")


@nox.session(python=PYTHON, tags=["checks"])
def tests(session: nox.Session) -> None:
    """The test suite against the package and the HubSpot double, with coverage floors when run whole."""
    # Editable: the tests import generated/ and overlays/ where they are written, so an
    # edited overlay is what runs (tests/release builds and installs the real wheel).
    session.install("-r", "requirements/test.txt", "-e", ".")
    # The SDK's runtime deps as wheels for tests/release's local index: tests have no network.
    session.run("python", "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--dest", WHEELS,
                "-r", "requirements/release-test-wheels.txt")  # fmt: skip
    if session.posargs:
        # A chosen subset (the daily loop): no coverage floors, which only the whole suite can meet.
        session.run("pytest", *session.posargs, env={"HUBSPOT_SDK_TEST_WHEELS": WHEELS})
        return
    session.run("pytest", "--cov", "--cov-report=", env={"HUBSPOT_SDK_TEST_WHEELS": WHEELS})
    # The floors: 90% of branches and lines of the code we write, 95% of the hand-written package.
    session.run("coverage", "report")
    session.run("coverage", "report", "--include=overlays/*", "--fail-under=95")
    # bulk is a package of its own with its own floor (issue 12), so a gap there cannot hide in overlays/.
    session.run("coverage", "report", "--include=overlays/hubspot_partner_clients/bulk/*", "--fail-under=95")


@nox.session(python=SUPPORTED_PYTHONS[1:], tags=["checks"])
def compat(session: nox.Session) -> None:
    """The whole test suite on the other supported Pythons (coverage floors stay with `tests`, on 3.11)."""
    session.install("-r", "requirements/test.txt", "-e", ".")
    # This Python's pip picks the wheels: the release tests install them into a venv of this Python.
    session.run("python", "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--dest", WHEELS,
                "-r", "requirements/release-test-wheels.txt")  # fmt: skip
    session.run("pytest", *session.posargs, env={"HUBSPOT_SDK_TEST_WHEELS": WHEELS})


def _finds(version: str) -> bool:
    """Whether `pythonX.Y` runs here and is that version (a pyenv shim exists for versions it cannot run)."""
    path = shutil.which(f"python{version}")
    if path is None:
        return False
    check = f"import sys; sys.exit(sys.version_info[:2] != {tuple(map(int, version.split('.')))})"
    return subprocess.run([path, "-c", check], capture_output=True, check=False).returncode == 0


# Last of the checks, so that its line is the last thing they print before nox's summary.
@nox.session(python=False, tags=["checks"])
def pythons(session: nox.Session) -> None:
    """Name the supported Pythons this machine lacks, on which the suite did not run (fails under CI)."""
    missing = [version for version in SUPPORTED_PYTHONS if not _finds(version)]
    if not missing:
        session.log(f"Found every supported Python ({', '.join(SUPPORTED_PYTHONS)}): the checks test each.")
        return
    them = "it" if len(missing) == 1 else "them"
    message = (
        f"NOT TESTED on Python {', '.join(missing)}: not found on this machine, so the test suite did not "
        f"run on {them}. Install {them} (e.g. `pyenv install {missing[0]}`) and run `nox -t checks` again."
    )
    if "CI" in os.environ:  # as nox's own --error-on-missing-interpreters default
        session.error(message.removesuffix("."))  # nox adds its own
    session.warn(message)


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build the SDK's sdist and wheel and the testing package's wheel into an emptied dist/, recorded."""
    session.install("-r", "requirements/build.txt")
    # Only this build in dist/: `nox -s publish` uploads all of it and checks it against the record.
    shutil.rmtree("dist", ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", "dist", ".")
    # The HubSpot double for the SDK's users' tests, at the SDK's version (testing/pyproject.toml).
    # A wheel only: its code lives outside testing/, where an sdist could not carry it.
    session.run("python", "-m", "build", "--wheel", "--outdir", "dist", "testing")
    session.run("python", "-m", "release.buildrecord", "dist", ".")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """The benchmarks: the SDK's cost per figure against a baseline from the same run (not a check)."""
    session.install("-r", "requirements/bench.txt", "-r", "requirements/double.txt", ".")
    session.run("python", "-m", "bench", *session.posargs)


@nox.session(python=PYTHON)
def release(session: nox.Session) -> None:
    """Bump the version from the API diff with the last release (tag v<version>); add to CHANGELOG.md."""
    session.install("-r", "requirements/release.txt")
    session.run("python", "-m", "release", "bump", *session.posargs)


@nox.session(python=PYTHON)
def publish(session: nox.Session) -> None:
    """Upload dist/ to the index, tag HEAD; refuse, uploading nothing, what it cannot vouch for."""
    session.install("-r", "requirements/release.txt", "-r", "requirements/generate.txt")
    session.run("python", "-m", "release", "publish", *session.posargs)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """The HTML API reference (operations, models, overlays) into site/."""
    session.install("-r", "requirements/docs.txt", ".")
    # Each public module by name: pdoc follows only the submodules a package's __all__ lists.
    public = [
        p
        for folder in PACKAGE_FOLDERS
        for p in sorted(folder.glob("[!_]*"))
        if p.suffix == ".py" or (p / "__init__.py").is_file()
    ]
    modules = sorted(f"hubspot_partner_clients.{p.stem}" for p in public)
    # Google style: the docstrings' `Args:` sections (the generated functions' and the resource
    # client's) render as lists of arguments.
    session.run(
        "pdoc", "--docformat", "google", "--output-directory", "site", "hubspot_partner_clients", *modules
    )
