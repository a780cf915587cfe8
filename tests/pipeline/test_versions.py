"""Every version through one pipeline: sharing with the root, the overlays in each, a third version.

The versions come from a copy of openapi/ (its documents and versions.toml), edited as data and
generated with ``pipeline.build`` into a temporary tree; the built package then runs in a child
process, first on the path, with the checkout's overlays (as in test_limits_table.py). Nothing
outside the copied openapi/ folder is edited: a third version needs its document and its entry
in the version list, and nothing else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import hubspot_partner_clients as root
from generator import pipeline, sharing, versions
from generator.generation_error import GenerationError
from hubspot_partner_clients import errors, v2026_03
from hubspot_partner_clients.v2026_03 import models
from hubspot_partner_clients.v2026_03.api.partner_clients import get_by_id

PACKAGE = "hubspot_partner_clients"
REPO = Path(__file__).resolve().parents[2]
DATED = "partner-clients-2026-03.yaml"

Document = dict[str, Any]


def _openapi(tmp: Path) -> Path:
    """A copy of openapi/, whose version list the test may extend."""
    folder = tmp / "openapi"
    shutil.copytree(REPO / "openapi", folder)
    return folder


def _edit(path: Path, *edits: Callable[[Document], None]) -> None:
    document: Document = yaml.safe_load(path.read_text(encoding="utf-8"))
    for edit in edits:
        edit(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _build(folder: Path, workdir: Path) -> Path:
    return pipeline.build(None, workdir, versions_=versions.load(folder / "versions.toml"))


def _python_in(tree: Path, code: str) -> str:
    (tree.parent / "overlays").symlink_to(REPO / "overlays", target_is_directory=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tree), str(REPO)])}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def _own_components(folder: Path, document: str, name: str, old: str, new: str) -> None:
    """Give `document` a components file of its own: a copy of components.yaml with `old` -> `new`.

    What the versions share is written once, in components.yaml; a version whose schemas part from
    the others' refers to its own file instead, and those schemas are then its own.
    """
    text = (folder / "components.yaml").read_text(encoding="utf-8")
    assert old in text
    (folder / name).write_text(text.replace(old, new), encoding="utf-8")
    path = folder / document
    edited = path.read_text(encoding="utf-8").replace("components.yaml#", f"{name}#")
    path.write_text(edited.replace(f"schemas/{old}", f"schemas/{new}"), encoding="utf-8")


def _third_version(document: Document) -> None:
    """2027-01: 2026-03's paths under another date, without two operations."""
    document["info"]["version"] = "2027-01"
    document["paths"] = {
        path.replace("/2026-03/", "/2027-01/"): item
        for path, item in document["paths"].items()
        if "/associations/default/" not in path
    }
    for item in document["paths"].values():
        item.pop("patch", None)  # no `update` in this version


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tree of three versions: v3, 2026-03 and a trimmed copy of 2026-03 dated 2027-01."""
    tmp = tmp_path_factory.mktemp("three")
    folder = _openapi(tmp)
    shutil.copy(folder / DATED, folder / "partner-clients-2027-01.yaml")
    _edit(folder / "partner-clients-2027-01.yaml", _third_version)
    # One model reworded in 2027-01's own copy of the shared components.
    _own_components(
        folder,
        "partner-clients-2027-01.yaml",
        "components-2027-01.yaml",
        "A warning about an object.",
        "A warning about one object, as 2027-01 words it.",
    )
    with (folder / "versions.toml").open("a", encoding="utf-8") as listing:
        listing.write(
            '\n[[version]]\nname = "2027-01"\npackage = "v2027_01"\n'
            'document = "partner-clients-2027-01.yaml"\ndeviations = "deviations-2026-03.yaml"\n'
            'hubspot = "partnerClients-2026-03.json"\n'
        )
    return _build(folder, tmp) / PACKAGE


def test_a_third_version_generates_and_imports_sharing_what_is_identical(three: Path) -> None:
    third = three / "v2027_01"
    for shared in ("client.py", "types.py", "models/simple_public_object_id.py", "models/batch_status.py"):
        assert not (third / shared).exists(), shared
        assert (three / shared).is_file(), shared
    assert not (third / "errors.py").exists()  # hand-written, once, at the root
    # The reworded model differs from the root's, so it stays the version's own, and so does a
    # model whose text is the root's but which imports it (at the root it would import the root's).
    assert (third / "models" / "public_object_warning.py").is_file()
    assert (third / "models" / "simple_public_object.py").is_file()
    # A kept module imports a shared one from the root.
    models_init = (third / "models" / "__init__.py").read_text(encoding="utf-8")
    assert "from ...models.simple_public_object_id import SimplePublicObjectId" in models_init
    assert "from .public_object_warning import PublicObjectWarning" in models_init

    out = _python_in(
        three.parent,
        """
        import hubspot_partner_clients as root
        from hubspot_partner_clients import create_client, v2026_03, v2027_01
        import hubspot_partner_clients.v2026_03.models
        from hubspot_partner_clients._operations import OPERATIONS
        from hubspot_partner_clients.v2027_01 import models, resources
        from hubspot_partner_clients.v2027_01._operations import OPERATIONS as THIRD

        assert models.SimplePublicObjectId is root.models.SimplePublicObjectId
        assert v2026_03.models.SimplePublicObject is root.models.SimplePublicObject
        assert models.PublicObjectWarning is not root.models.PublicObjectWarning
        assert models.SimplePublicObject is not root.models.SimplePublicObject
        assert models.SimplePublicObject.__module__.startswith("hubspot_partner_clients.v2027_01.models.")
        client = create_client("t")
        assert type(client.v2027_01.partner_clients) is resources.PartnerClients
        assert type(client.aio.v2027_01.partner_clients) is resources.AsyncPartnerClients
        assert not hasattr(client.v2027_01.partner_clients, "update")
        assert hasattr(client.v2026_03.partner_clients, "associate_default")
        assert client.v2027_01.partner_clients._batch_update is v2027_01.api.partner_clients.batch_update
        assert THIRD.named("update") is None and OPERATIONS.named("update") is not None
        found = OPERATIONS.find("GET", "/crm/objects/2027-01/partner_clients/1")
        print(found.name, found.path)
        """,
    )
    assert out.split() == ["get_by_id", "/crm/objects/2027-01/partner_clients/{partnerClientId}"]


def test_an_overlay_that_cannot_apply_to_one_version_fails_naming_both(tmp_path: Path) -> None:
    folder = _openapi(tmp_path)

    # The enums overlay's alias target (CANCELLED -> BatchStatus.CANCELED) is gone from 2026-03.
    _own_components(folder, DATED, "components-2026-03.yaml", "BatchStatus", "BatchState")
    with pytest.raises(GenerationError) as caught:
        _build(folder, tmp_path)

    message = str(caught.value)
    assert "overlay 'enums'" in message
    assert "in version 2026-03" in message
    assert DATED in message


def test_documents_that_declare_different_rate_limit_windows_fail_naming_both(tmp_path: Path) -> None:
    folder = _openapi(tmp_path)
    windows = {"ten-secondly": {"max-requests": 100, "interval-seconds": 10}}
    windows["search"] = {"max-requests": 9, "interval-seconds": 1}
    _edit(folder / DATED, lambda d: d.update({"x-rate-limit-windows": windows}))

    with pytest.raises(GenerationError) as caught:
        _build(folder, tmp_path)

    message = str(caught.value)
    assert f"{DATED} and partner-clients.yaml declare different x-rate-limit-windows" in message
    assert "search: 9/1s" in message
    assert "search: 5/1s" in message


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_sharing_drops_identical_files_and_keeps_those_that_import_the_versions_own(tmp_path: Path) -> None:
    common = {
        "__init__.py": "",
        "client.py": "class Client: ...\n",
        # Imports, and a lazy __getattr__'s table of relative module names.
        "models/__init__.py": (
            "from .same import Same\nfrom .differs import Differs\n"
            '_MODULES = {"Same": ".same", "Differs": ".differs", "Dots": "..."}\n'
        ),
        "models/same.py": "from ..client import Client\nclass Same: ...\n",
        "models/uses.py": "from .differs import Differs\nclass Uses: ...\n",
        "api/op.py": (
            "from .. import errors\nfrom ..models.same import Same\nfrom ..models.differs import Differs\n"
        ),
    }
    root = _package(tmp_path / "root", {**common, "models/differs.py": "class Differs: ...\n"})
    version = _package(tmp_path / "version", {**common, "models/differs.py": "class Differs: x = 1\n"})

    placed = sharing.share(root, version, "v9", {"errors"})

    assert placed == root / "v9"
    kept = sorted(p.relative_to(placed).as_posix() for p in placed.rglob("*.py"))
    # uses.py is the root's text, but imports the version's own `differs`: shared, it would not.
    assert kept == ["__init__.py", "api/op.py", "models/__init__.py", "models/differs.py", "models/uses.py"]
    assert (placed / "api" / "op.py").read_text(encoding="utf-8") == (
        "from ... import errors\nfrom ...models.same import Same\nfrom ..models.differs import Differs\n"
    )
    assert (placed / "models" / "__init__.py").read_text(encoding="utf-8") == (
        "from ...models.same import Same\nfrom .differs import Differs\n"
        '_MODULES = {"Same": "...models.same", "Differs": ".differs", "Dots": "..."}\n'
    )
    assert (placed / "models" / "uses.py").read_text(encoding="utf-8") == common["models/uses.py"]


def test_the_committed_versions_share_the_roots_models_client_and_errors() -> None:
    assert v2026_03.__doc__ is not None
    assert "2026-03" in v2026_03.__doc__
    assert models.SimplePublicObject is root.models.SimplePublicObject
    assert models.BatchStatus is root.models.BatchStatus  # with the enums overlay's aliases
    assert models.BatchStatus("CANCELLED") is root.models.BatchStatus.CANCELED
    # The version's function raises the root's errors and takes the root's client.
    assert vars(get_by_id)["errors"] is errors
    assert vars(get_by_id)["AuthenticatedClient"] is root.AuthenticatedClient
