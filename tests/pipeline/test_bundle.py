"""The bundler: a document and the files its refs name, as one self-contained document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import bundle, document, versions
from generator.generation_error import GenerationError


def write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def ref(target: str) -> dict[str, str]:
    return {"$ref": target}


def doc(schema: dict[str, Any], **components: Any) -> dict[str, Any]:
    """A document with one operation answering `schema`, and `components` of its own."""
    return {
        "openapi": "3.0.3",
        "x-windows": ref("shared.yaml#/x-windows"),
        "paths": {
            "/things": {"get": {"responses": {"200": {"content": {"application/json": {"schema": schema}}}}}}
        },
        **({"components": components} if components else {}),
    }


SHARED: dict[str, Any] = {
    "x-windows": {"ten-secondly": {"max-requests": 100}},
    "components": {
        "schemas": {
            "Page": {
                "type": "object",
                "properties": {"results": {"type": "array", "items": ref("#/components/schemas/Thing")}},
            },
            "Thing": {
                "type": "object",
                "properties": {
                    "next": ref("#/components/schemas/Thing"),
                    "tag": ref("#/components/schemas/Tag"),
                },
            },
            "Tag": {"type": "string", "enum": ["A", "B"]},
            "Unused": {"type": "integer"},
        }
    },
}


def test_a_component_of_another_file_and_all_it_reaches_become_the_bundles_own(tmp_path: Path) -> None:
    write(tmp_path, "shared.yaml", SHARED)
    source = write(tmp_path, "api.yaml", doc(ref("shared.yaml#/components/schemas/Page")))

    bundled = bundle.bundle(source)

    schema = bundled["paths"]["/things"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == ref("#/components/schemas/Page")
    # Transitively, in the order first reached; a schema that refers to itself once; Unused left out.
    assert list(bundled["components"]["schemas"]) == ["Page", "Thing", "Tag"]
    assert bundled["components"]["schemas"]["Thing"]["properties"]["next"] == ref(
        "#/components/schemas/Thing"
    )
    assert bundled["components"]["schemas"]["Tag"] == SHARED["components"]["schemas"]["Tag"]
    # Anything but a component is inlined where the ref stands.
    assert bundled["x-windows"] == SHARED["x-windows"]
    assert "$ref" not in json.dumps(bundled).replace('"$ref": "#/', "")


def test_the_documents_own_components_and_local_refs_stay_and_come_first(tmp_path: Path) -> None:
    write(tmp_path, "shared.yaml", SHARED)
    own = {"Mine": {"type": "object", "properties": {"page": ref("shared.yaml#/components/schemas/Page")}}}
    source = write(tmp_path, "api.yaml", doc(ref("#/components/schemas/Mine"), schemas=own))

    bundled = bundle.bundle(source)

    assert list(bundled["components"]["schemas"]) == ["Mine", "Page", "Thing", "Tag"]
    assert bundled["components"]["schemas"]["Mine"]["properties"]["page"] == ref("#/components/schemas/Page")


def test_a_file_in_another_folder_resolves_its_refs_from_there(tmp_path: Path) -> None:
    write(tmp_path, "common/shared.yaml", SHARED)
    write(
        tmp_path,
        "common/more.yaml",
        {"components": {"schemas": {"Box": ref("shared.yaml#/components/schemas/Tag")}}},
    )
    source = write(tmp_path, "api.yaml", doc(ref("common/more.yaml#/components/schemas/Box")))
    (tmp_path / "api.yaml").write_text(
        source.read_text(encoding="utf-8").replace("shared.yaml#/x-windows", "common/shared.yaml#/x-windows"),
        encoding="utf-8",
    )

    bundled = bundle.bundle(source)

    assert bundled["components"]["schemas"]["Box"] == ref("#/components/schemas/Tag")
    assert bundled["components"]["schemas"]["Tag"]["enum"] == ["A", "B"]


def test_the_same_component_under_one_name_is_no_clash(tmp_path: Path) -> None:
    write(tmp_path, "shared.yaml", SHARED)
    own = {"Tag": {"type": "string", "enum": ["A", "B"]}}
    source = write(tmp_path, "api.yaml", doc(ref("shared.yaml#/components/schemas/Tag"), schemas=own))

    assert bundle.bundle(source)["components"]["schemas"] == own


def test_a_name_clash_with_different_content_fails_naming_both_files(tmp_path: Path) -> None:
    write(tmp_path, "shared.yaml", SHARED)
    own = {"Tag": {"type": "string", "enum": ["A"]}}
    source = write(tmp_path, "api.yaml", doc(ref("shared.yaml#/components/schemas/Tag"), schemas=own))

    with pytest.raises(
        GenerationError, match=r"brings `schemas.Tag` from shared.yaml.*different `schemas.Tag` from api.yaml"
    ):
        bundle.bundle(source)


def test_a_clash_between_two_other_files_fails(tmp_path: Path) -> None:
    write(tmp_path, "shared.yaml", SHARED)
    write(tmp_path, "other.yaml", {"components": {"schemas": {"Tag": {"type": "integer"}}}})
    schema = {
        "allOf": [ref("shared.yaml#/components/schemas/Tag"), ref("other.yaml#/components/schemas/Tag")]
    }
    source = write(tmp_path, "api.yaml", doc(schema))

    with pytest.raises(
        GenerationError,
        match=r"from other.yaml, but the bundle already has a different `schemas.Tag` from shared.yaml",
    ):
        bundle.bundle(source)


def test_a_missing_file_fails_naming_the_ref_and_where_it_stands(tmp_path: Path) -> None:
    source = write(tmp_path, "api.yaml", doc(ref("nowhere.yaml#/components/schemas/Page")))
    write(tmp_path, "shared.yaml", SHARED)

    with pytest.raises(GenerationError) as caught:
        bundle.bundle(source)

    message = str(caught.value)
    assert "$ref 'nowhere.yaml#/components/schemas/Page' names" in message
    assert "which is not there" in message
    assert "paths./things.get.responses.200.content.application/json.schema" in message


def test_a_missing_target_fails_naming_the_file(tmp_path: Path) -> None:
    write(tmp_path, "shared.yaml", SHARED)
    source = write(tmp_path, "api.yaml", doc(ref("shared.yaml#/components/schemas/Nope")))

    with pytest.raises(
        GenerationError, match=r"'shared.yaml#/components/schemas/Nope' points at nothing in shared.yaml"
    ):
        bundle.bundle(source)


def test_a_missing_document_fails_as_before(tmp_path: Path) -> None:
    with pytest.raises(GenerationError, match="no such file"):
        bundle.bundle(tmp_path / "absent.yaml")


def test_written_as_json_or_yaml_it_reads_back_the_same_and_byte_for_byte_again(tmp_path: Path) -> None:
    write(tmp_path, "shared.yaml", SHARED)
    source = write(tmp_path, "api.yaml", doc(ref("shared.yaml#/components/schemas/Page")))

    (tmp_path / "out").mkdir()
    as_json = bundle.write_bundle(source, tmp_path / "out" / "bundle.json")
    again = bundle.write_bundle(source, tmp_path / "out" / "again.json")
    as_yaml = bundle.write_bundle(source, tmp_path / "out" / "bundle.yaml")

    assert json.loads(as_json.read_text(encoding="utf-8")) == bundle.bundle(source)
    assert as_json.read_bytes() == again.read_bytes()
    assert yaml.safe_load(as_yaml.read_text(encoding="utf-8")) == bundle.bundle(source)


@pytest.mark.parametrize("version", versions.load(), ids=lambda version: version.name)
def test_every_versions_document_bundles_self_contained_and_valid(version: versions.Version) -> None:
    bundled = document.validate_document(version.document)

    refs = json.dumps(bundled).split('"$ref": ')[1:]
    assert refs
    assert all(part.startswith('"#/components/') for part in refs)
