"""Run the pinned openapi-python-client with our configuration and templates.

The generator's version is pinned in requirements/generate.txt and again in
generator/templates/UPSTREAM.toml, next to the hashes of the upstream
templates our overrides were written from: a different generator, or a
changed upstream template, stops generation with a message instead of quietly
mixing old overrides with new templates.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import openapi_python_client

from generator.generation_error import GenerationError

GENERATOR_DIR = Path(__file__).resolve().parent
CONFIG = GENERATOR_DIR / "config.yaml"
TEMPLATES = GENERATOR_DIR / "templates"
PACKAGE_NAME = "hubspot_partner_clients"


def check_templates() -> None:
    """Fail unless the installed generator is the one our template overrides were written for."""
    pins = tomllib.loads((TEMPLATES / "UPSTREAM.toml").read_text(encoding="utf-8"))
    installed = importlib.metadata.version("openapi-python-client")
    if installed != pins["generator_version"]:
        raise GenerationError(
            f"openapi-python-client {installed} is installed, but generator/templates/ was written for "
            f"{pins['generator_version']}. Install requirements/generate.txt (nox does), or, to upgrade, "
            "review each override against the new upstream template and update UPSTREAM.toml."
        )
    upstream_dir = Path(openapi_python_client.__file__).parent / "templates"
    for name, expected in sorted(pins["templates"].items()):
        upstream = upstream_dir / name
        if not upstream.is_file():
            raise GenerationError(
                f"generator/templates/{name} overrides an upstream template that no longer exists."
            )
        actual = hashlib.sha256(upstream.read_bytes()).hexdigest()
        if actual != expected:
            raise GenerationError(
                f"upstream template {name} changed (sha256 {actual}, override written from {expected}). "
                f"Review generator/templates/{name} against it, then update UPSTREAM.toml."
            )
    # Property templates override upstream's property_templates/ folder, so the pins name paths.
    overrides = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.jinja")}
    unpinned = sorted(overrides - set(pins["templates"]))
    if unpinned:
        raise GenerationError(
            f"generator/templates/UPSTREAM.toml has no upstream hash for: {', '.join(unpinned)}"
        )


def run_generator(document: Path, package_dir: Path) -> None:
    """Generate the package from `document` into `package_dir` (which must not exist)."""
    check_templates()
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(document),
        "--config",
        str(CONFIG),
        "--meta",
        "none",
        "--output-path",
        str(package_dir),
        "--custom-template-path",
        str(TEMPLATES),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (package_dir / "__init__.py").is_file():
        output = (result.stdout + result.stderr).strip()
        raise GenerationError(
            f"openapi-python-client could not generate from {document} (exit {result.returncode}):\n{output}"
        )
