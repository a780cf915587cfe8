"""Overlays against a changed document: they re-apply, or generation fails naming them.

Each case regenerates from a modified copy of openapi/partner-clients.yaml with
``pipeline.build`` (staged under .staging/, generated/ untouched). Regenerations take seconds,
so the two changes that must keep working share one build.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import pipeline
from generator.errors import GenerationError

DOCUMENT = pipeline.DOCUMENT
PACKAGE = "hubspot_partner_clients"

BATCH_STATUS_ENUM = "      enum: [CANCELED, COMPLETE, PENDING, PROCESSING]\n"
FILTER_OPERATOR_ENUM = "      enum:\n" + "".join(
    f"        - {op}\n"
    for op in [
        "EQ",
        "NEQ",
        "LT",
        "LTE",
        "GT",
        "GTE",
        "BETWEEN",
        "IN",
        "NOT_IN",
        "HAS_PROPERTY",
        "NOT_HAS_PROPERTY",
        "CONTAINS_TOKEN",
        "NOT_CONTAINS_TOKEN",
    ]
)
ASSOCIATIONS_PATH = "  /crm/v3/objects/partner_clients/{partnerClientId}/associations/{toObjectType}:\n"
NEW_OPERATION = """\
  /crm/v3/objects/partner_clients/batch/archive:
    post:
      tags: [partner_clients]
      operationId: batch_archive
      x-idempotent: true
      summary: Archive a batch of partner clients
      security:
        - private_app: []
        - oauth2: [crm.objects.partner-clients.write]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/BatchReadInputSimplePublicObjectId"
      responses:
        "204":
          description: Archived.
        default:
          $ref: "#/components/responses/Error"
"""


def _document(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    text = DOCUMENT.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"the test's anchor {old!r} is no longer in the document"
        text = text.replace(old, new)
    copy = tmp_path / "partner-clients.yaml"
    copy.write_text(text, encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package generated from the document plus one enum value and one operation."""
    tmp = tmp_path_factory.mktemp("grown")
    source = _document(
        tmp,
        (BATCH_STATUS_ENUM, "      enum: [CANCELED, COMPLETE, PENDING, PROCESSING, ARCHIVED]\n"),
        (ASSOCIATIONS_PATH, NEW_OPERATION + ASSOCIATIONS_PATH),
    )
    return pipeline.build(source, tmp) / PACKAGE


def _run_in(package: Path, code: str) -> str:
    """Run `code` with `package` (not the installed one) importable; return its stdout."""
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_an_added_enum_value_is_a_lenient_member(grown: Path) -> None:
    assert 'ARCHIVED = "ARCHIVED"' in (grown / "models" / "batch_status.py").read_text(encoding="utf-8")
    out = _run_in(
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
    assert (grown / "api" / "partner_clients" / "batch_archive.py").is_file()
    operations = (grown / "_operations.py").read_text(encoding="utf-8")
    assert "batch_archive" in operations
    assert "/crm/v3/objects/partner_clients/batch/archive" in operations
    # Every overlay still applied: its modules are there and its patches took.
    for module in ("errors.py", "enums.py", "pagination.py", "bulk.py"):
        assert (grown / module).is_file(), module
    assert "token: str = field(repr=False)" in (grown / "client.py").read_text(encoding="utf-8")


def test_a_renamed_batch_status_fails_naming_the_enums_overlay(tmp_path: Path) -> None:
    source = _document(tmp_path, ("BatchStatus", "BatchState"))
    with pytest.raises(GenerationError) as raised:
        pipeline.build(source, tmp_path)

    message = str(raised.value)
    assert "overlay 'enums'" in message
    assert 'CANCELED = "CANCELED"' in message
    assert "models/batch_status.py" in message
    assert not (tmp_path / "generated").exists()


def test_a_patch_whose_anchor_vanished_fails_naming_its_overlay(tmp_path: Path) -> None:
    # Without enums in the document, the enums patch finds no `from enum import StrEnum`.
    source = _document(tmp_path, (BATCH_STATUS_ENUM, ""), (FILTER_OPERATOR_ENUM, ""))
    with pytest.raises(GenerationError) as raised:
        pipeline.build(source, tmp_path)

    message = str(raised.value)
    assert "overlay 'enums'" in message
    assert "from enum import StrEnum" in message
    assert "models/*.py" in message
    assert "found it in 0 file(s)" in message
