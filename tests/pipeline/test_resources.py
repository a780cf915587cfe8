"""The resource client's generation step, against edited copies of the document and package.

`generator.resources.write_resources` reads the document and the generated functions; these
cases run it on a copy of generated/ with the document edited as data, and check what it writes
or the message it stops with. (test_overlay_hooks.py runs a whole pipeline with an added
operation; this is the step alone, for the cases that need no generator run.)
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import bundle, pipeline, resources
from generator.generation_error import GenerationError

PACKAGE = pipeline.GENERATED / "hubspot_partner_clients"
Document = dict[str, Any]


def _operation(document: Document, operation_id: str) -> dict[str, Any]:
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation
    raise AssertionError(operation_id)


def _write(tmp_path: Path, edit: Callable[[Document], None]) -> Path:
    document: Document = bundle.bundle(pipeline.DOCUMENT)
    edit(document)
    package = tmp_path / "hubspot_partner_clients"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    resources.write_resources(document, package)
    return package


def test_a_renamed_method_is_renamed_in_both_twins(tmp_path: Path) -> None:
    package = _write(tmp_path, lambda d: _operation(d, "get_by_id").update({"x-method-name": "read"}))
    text = (package / "resources.py").read_text(encoding="utf-8")
    assert text.count("def read(") == 2
    assert "def get(" not in text


def test_two_operations_with_one_method_name_fail_naming_both(tmp_path: Path) -> None:
    with pytest.raises(
        GenerationError, match=r"'get' is given to more than one operation .*get_by_id, list_page"
    ):
        _write(tmp_path, lambda d: _operation(d, "list_page").update({"x-method-name": "get"}))


@pytest.mark.parametrize("name", ["_private", "not a name", 3])
def test_a_method_name_that_is_no_public_python_name_fails(tmp_path: Path, name: object) -> None:
    with pytest.raises(
        GenerationError, match=r"operation 'update' has no x-method-name \(or not a Python name"
    ):
        _write(tmp_path, lambda d: _operation(d, "update").update({"x-method-name": name}))


def test_a_body_field_named_like_a_parameter_fails_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def clash(document: Document) -> None:
        schema = document["components"]["schemas"]["BatchReadInputSimplePublicObjectId"]
        schema["properties"]["archived"] = {"type": "boolean"}

    fields = resources._model_fields

    def with_archived(package_dir: Path, class_name: str) -> dict[str, tuple[str, bool, str]]:
        found = fields(package_dir, class_name)
        if class_name == "BatchReadInputSimplePublicObjectId":  # as the generator would write it
            found["archived"] = ("bool | Unset", True, "")
        return found

    monkeypatch.setattr(resources, "_model_fields", with_archived)
    with pytest.raises(GenerationError, match=r"operation 'batch_read': \['archived'\] is both a parameter"):
        _write(tmp_path, clash)


def test_a_model_field_the_schema_lacks_fails(tmp_path: Path) -> None:
    def rename(document: Document) -> None:
        schema = document["components"]["schemas"]["BatchReadInputSimplePublicObjectId"]
        schema["properties"]["uniqueProperty"] = schema["properties"].pop("idProperty")

    with pytest.raises(GenerationError, match=r"has a field 'id_property' that its request schema"):
        _write(tmp_path, rename)


def test_a_body_without_properties_fails_naming_the_operation(tmp_path: Path) -> None:
    def empty(document: Document) -> None:
        document["components"]["schemas"]["SimplePublicObjectInput"]["properties"] = {}

    with pytest.raises(GenerationError, match=r"operation 'update': its request body has no properties"):
        _write(tmp_path, empty)


def test_an_api_module_without_an_operation_fails(tmp_path: Path) -> None:
    def drop(document: Document) -> None:
        del document["paths"]["/crm/v3/objects/partner_clients/{partnerClientId}/associations/{toObjectType}"]

    with pytest.raises(GenerationError, match=r"list_associations\.py matches no operationId"):
        _write(tmp_path, drop)


def test_extras_for_one_twin_only_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hand_written = tmp_path / "hand"
    hand_written.mkdir()
    (hand_written / "_extras.py").write_text("class PartnerClientsExtras:\n    pass\n", encoding="utf-8")
    monkeypatch.setattr(resources, "HAND_WRITTEN", hand_written)
    with pytest.raises(
        GenerationError, match=r"defines only one of \['AsyncPartnerClientsExtras', 'PartnerClientsExtras'\]"
    ):
        _write(tmp_path, lambda _document: None)


def test_without_extras_the_classes_stand_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "HAND_WRITTEN", tmp_path / "nothing")
    text = (_write(tmp_path, lambda _document: None) / "resources.py").read_text(encoding="utf-8")
    assert "class PartnerClients:" in text
    assert "_extras" not in text
