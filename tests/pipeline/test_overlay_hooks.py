"""Overlays against a changed document: they re-apply, or generation fails naming them.

Each case edits a copy of openapi/partner-clients.yaml as data (never by
matching its text, so that routine edits of the document break no test) and
regenerates it with ``pipeline.build`` (staged under .staging/, generated/
untouched). The routine edits this pipeline exists for (an enum value, an
optional property, an operation) share one build, against which the package's
own tests then run unchanged.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import bundle, overlays, pipeline
from generator.generation_error import GenerationError

DOCUMENT = pipeline.DOCUMENT
PACKAGE = "hubspot_partner_clients"
REPO = Path(__file__).resolve().parents[2]

Document = dict[str, Any]


def _document(tmp_path: Path, *edits: Callable[[Document], None]) -> Path:
    """A copy of the document with `edits` applied to its data."""
    document: Document = bundle.bundle(DOCUMENT)
    for edit in edits:
        edit(document)
    copy = tmp_path / "partner-clients.yaml"
    copy.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return copy


def _build(source: Path, workdir: Path) -> Path:
    """Generate into `workdir`/generated, beside a link to overlays/, as in a checkout."""
    tree = pipeline.build(source, workdir)
    (workdir / "overlays").symlink_to(REPO / "overlays", target_is_directory=True)
    return tree / PACKAGE


def _add_enum_value(document: Document) -> None:
    document["components"]["schemas"]["BatchStatus"]["enum"].append("ARCHIVED")


def _add_optional_property(document: Document) -> None:
    schema = document["components"]["schemas"]["SimplePublicObject"]
    schema["properties"]["sourceSystem"] = {"type": "string", "description": "Where the object came from."}


def _add_operation(document: Document) -> None:
    document["paths"]["/crm/v3/objects/partner_clients/batch/archive"] = {
        "post": {
            "tags": ["partner_clients"],
            "operationId": "batch_archive",
            "x-method-name": "batch_archive",
            "x-idempotent": True,
            "summary": "Archive a batch of partner clients",
            "security": [{"private_app": []}, {"oauth2": ["crm.objects.partner-clients.write"]}],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/BatchReadInputSimplePublicObjectId"}
                    }
                },
            },
            "responses": {
                "204": {"description": "Archived."},
                "default": {"$ref": "#/components/responses/Error"},
            },
        }
    }


def _drop_every_enum(document: Document) -> None:
    for schema in document["components"]["schemas"].values():
        schema.pop("enum", None)


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package generated from the document plus an enum value, an optional property, an operation."""
    tmp = tmp_path_factory.mktemp("grown")
    source = _document(tmp, _add_enum_value, _add_optional_property, _add_operation)
    return _build(source, tmp)


def _run_in(package: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """Run `command` with `package` (not the checkout's) first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(package.parent), str(REPO)])}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, check=False)


def _python_in(package: Path, code: str) -> str:
    result = _run_in(package, sys.executable, "-c", textwrap.dedent(code))
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_an_added_enum_value_is_a_lenient_member(grown: Path) -> None:
    out = _python_in(
        grown,
        f"""
        import {PACKAGE}
        from {PACKAGE}.enums import LenientStrEnum
        from {PACKAGE}.models.batch_status import BatchStatus
        assert {PACKAGE}.__file__.startswith({str(grown)!r}), {PACKAGE}.__file__
        assert issubclass(BatchStatus, LenientStrEnum)
        assert BatchStatus("ARCHIVED") is BatchStatus.ARCHIVED and BatchStatus.ARCHIVED.is_known
        assert BatchStatus("CANCELLED") is BatchStatus.CANCELED
        unknown = BatchStatus("NEWER_STILL")
        assert unknown == "NEWER_STILL" and not unknown.is_known
        print("ok")
        """,
    )
    assert out == "ok\n"


def test_an_added_operation_is_generated_and_listed(grown: Path) -> None:
    out = _python_in(
        grown,
        f"""
        from {PACKAGE}._operations import OPERATIONS
        from {PACKAGE}.api.partner_clients import batch_archive
        operation = OPERATIONS.named("batch_archive")
        assert operation is not None and operation.idempotent
        assert OPERATIONS.find("POST", "/crm/v3/objects/partner_clients/batch/archive") is operation
        assert callable(batch_archive.sync)
        print("ok")
        """,
    )
    assert out == "ok\n"


def test_an_added_operation_gets_its_method_in_both_resource_clients(grown: Path) -> None:
    out = _python_in(
        grown,
        f"""
        import inspect
        from {PACKAGE}.resources import AsyncPartnerClients, PartnerClients
        for cls in (PartnerClients, AsyncPartnerClients):
            method = cls.batch_archive
            # The body's fields are its arguments; its docstring is the document's summary.
            assert list(inspect.signature(method).parameters)[:2] == ["self", "inputs"], method
            assert method.__doc__.startswith("Archive a batch of partner clients."), method.__doc__
        assert inspect.iscoroutinefunction(AsyncPartnerClients.batch_archive)
        print("ok")
        """,
    )
    assert out == "ok\n"


def test_an_operation_without_a_method_name_fails_naming_it(tmp_path: Path) -> None:
    def unnamed(document: Document) -> None:
        _add_operation(document)
        del document["paths"]["/crm/v3/objects/partner_clients/batch/archive"]["post"]["x-method-name"]

    with pytest.raises(GenerationError, match=r"operation 'batch_archive' has no x-method-name"):
        pipeline.build(_document(tmp_path, unnamed), tmp_path)
    assert not (tmp_path / "generated").exists()


def test_the_package_tests_pass_unchanged_after_routine_document_edits(grown: Path) -> None:
    """An enum value, an optional property and an operation added: no test of the package needs an edit."""
    result = _run_in(
        grown,
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/generated",
        "tests/overlays/test_enums.py",
        "tests/overlays/test_public_api.py",
        "tests/resources/test_resource_client.py",
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def test_a_renamed_batch_status_fails_naming_the_enums_overlay(tmp_path: Path) -> None:
    def rename(document: Document) -> None:
        schemas = document["components"]["schemas"]
        schemas["BatchState"] = schemas.pop("BatchStatus")
        text = yaml.safe_dump(document).replace(
            "#/components/schemas/BatchStatus", "#/components/schemas/BatchState"
        )
        document.clear()
        document.update(yaml.safe_load(text))

    source = _document(tmp_path, rename)
    with pytest.raises(GenerationError) as raised:
        pipeline.build(source, tmp_path)

    message = str(raised.value)
    assert "overlay 'enums'" in message
    assert 'CANCELED = "CANCELED"' in message
    assert "models/batch_status.py" in message
    assert not (tmp_path / "generated").exists()


def test_a_patch_whose_anchor_vanished_fails_naming_its_overlay(tmp_path: Path) -> None:
    # Without enums in the document, the enums patch finds no `from enum import StrEnum`.
    source = _document(tmp_path, _drop_every_enum)
    with pytest.raises(GenerationError) as raised:
        pipeline.build(source, tmp_path)

    message = str(raised.value)
    assert "overlay 'enums'" in message
    assert "from enum import StrEnum" in message
    assert "models/*.py" in message
    assert "found it in 0 file(s)" in message


def test_a_hand_written_module_no_overlay_lists_fails_generation(tmp_path: Path) -> None:
    hand_written = tmp_path / PACKAGE
    hand_written.mkdir()
    (hand_written / "stray.py").write_text('"""Not listed anywhere."""\n', encoding="utf-8")
    with pytest.raises(GenerationError, match=r"no overlay lists under `modules`: stray\.py"):
        overlays.apply_overlays(tmp_path, [], hand_written)


def test_a_hand_written_module_named_like_a_generated_one_is_refused(tmp_path: Path) -> None:
    package, hand_written = tmp_path / "generated", tmp_path / "overlays"
    package.mkdir()
    hand_written.mkdir()
    (package / "client.py").write_text("", encoding="utf-8")
    (hand_written / "client.py").write_text("", encoding="utf-8")
    clash = overlays.Overlay(name="clash", summary="s", modules=("client.py",))
    with pytest.raises(
        GenerationError, match=r"overlay 'clash': .*client\.py has the name of a generated module"
    ):
        overlays.apply_overlays(package, [clash], hand_written)


def test_an_export_its_module_does_not_define_fails_naming_the_overlay(tmp_path: Path) -> None:
    package, hand_written = tmp_path / "generated", tmp_path / "overlays"
    package.mkdir()
    hand_written.mkdir()
    (hand_written / "tools.py").write_text("def present() -> None: ...\n", encoding="utf-8")
    tools = overlays.Overlay(
        name="tools", summary="s", modules=("tools.py",), exports=(("tools", ("present", "absent")),)
    )
    with pytest.raises(GenerationError, match=r"overlay 'tools': exports 'absent' from tools"):
        overlays.apply_overlays(package, [tools], hand_written)
