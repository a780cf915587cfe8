"""The pipeline: validation, all-or-nothing regeneration, determinism and the drift check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import bundle, codegen, document, pipeline
from generator.__main__ import main
from generator.generation_error import GenerationError

DOCUMENT = pipeline.DOCUMENT
OLD_DESCRIPTION = "A human-readable description of the warning."
NEW_DESCRIPTION = "What HubSpot wants you to know about this object."


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def modified_document(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of openapi/ with `old` replaced in the one file that holds it; the copy's document."""
    folder = shutil.copytree(DOCUMENT.parent, tmp_path / "openapi")
    # The files the document's bundle reads: the document and the components it shares.
    files = [folder / DOCUMENT.name, folder / "components.yaml"]
    holding = [p for p in files if old in p.read_text(encoding="utf-8")]
    texts = [p.read_text(encoding="utf-8") for p in holding]
    assert len(holding) == 1, f"the test's anchor {old!r} must be in the document or components.yaml"
    assert texts[0].count(old) == 1, f"the test's anchor {old!r} must occur once"
    holding[0].write_text(texts[0].replace(old, new), encoding="utf-8")
    return folder / DOCUMENT.name


def edited(source: Path) -> str:
    """The text of the shared components beside the document `source` (where most schemas are)."""
    return (source.parent / "components.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return pipeline.build(DOCUMENT, tmp_path_factory.mktemp("fresh"))


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A copy of the committed generated/ for a test to regenerate into."""
    copy = tmp_path / "generated"
    shutil.copytree(pipeline.GENERATED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_document_validates_and_lints_cleanly() -> None:
    spec = document.validate_document(DOCUMENT)

    assert list(document.lint(spec)) == []
    operation_ids = sorted(
        op["operationId"] for item in spec["paths"].values() for op in item.values() if "operationId" in op
    )
    assert operation_ids == sorted(
        [
            "associate",
            "batch_read",
            "batch_update",
            "get_by_id",
            "list_associations",
            "list_page",
            "remove_association",
            "search",
            "update",
        ]
    )


def test_committed_generated_tree_has_no_drift(fresh_build: Path) -> None:
    assert tree_bytes(fresh_build) == tree_bytes(pipeline.GENERATED)


def test_generation_is_deterministic(fresh_build: Path, tmp_path: Path) -> None:
    again = pipeline.build(DOCUMENT, tmp_path)

    assert tree_bytes(again) == tree_bytes(fresh_build)


def test_check_command_prints_the_diff_on_drift(target: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = target / "hubspot_partner_clients" / "types.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "# a hand edit\n", encoding="utf-8")

    assert main(["check", "--target", str(target)]) == 1

    out = capsys.readouterr().out
    assert "-# a hand edit" in out
    assert "never edit generated/ by hand" in out


def test_a_description_change_changes_exactly_the_matching_docstrings(tmp_path: Path) -> None:
    # Both sides from an edited copy's place, so both are the root version's package alone
    # (tests/pipeline/test_versions.py tests what an edit of one version does to the others).
    unchanged = modified_document(tmp_path / "unchanged", OLD_DESCRIPTION, OLD_DESCRIPTION)
    source = modified_document(tmp_path, OLD_DESCRIPTION, NEW_DESCRIPTION)

    changed = pipeline.build(source, tmp_path / "work")

    before, after = tree_bytes(pipeline.build(unchanged, tmp_path / "before")), tree_bytes(changed)
    assert before.keys() == after.keys()
    differing = {name for name in before if before[name] != after[name]}
    assert differing == {"hubspot_partner_clients/models/public_object_warning.py"}
    name = next(iter(differing))
    old_lines = before[name].decode().splitlines()
    new_lines = after[name].decode().splitlines()
    changed_lines = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert changed_lines == [
        (line, line.replace(OLD_DESCRIPTION, NEW_DESCRIPTION)) for line, _ in changed_lines
    ]
    assert len(changed_lines) == 1


def test_a_dangling_ref_fails_with_its_location_and_leaves_generated_untouched(
    tmp_path: Path, target: Path
) -> None:
    source = modified_document(
        tmp_path,
        '$ref: "components.yaml#/components/schemas/PublicObjectSearchRequest"',
        '$ref: "#/components/schemas/NoSuchRequest"',
    )
    before = tree_bytes(target)

    with pytest.raises(GenerationError) as caught:
        pipeline.generate(source, target)

    message = str(caught.value)
    assert "'#/components/schemas/NoSuchRequest' points at nothing" in message
    assert "paths./crm/v3/objects/partner_clients/search.post.requestBody" in message
    assert "(line " in message
    assert tree_bytes(target) == before


def test_an_invalid_schema_fails_with_the_validators_message_and_location(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = modified_document(
        tmp_path,
        "          format: int32\n          description: The number of errors.",
        "          format: int32\n          description: The number of errors.\n          nullable: maybe",
    )
    before = tree_bytes(target)

    assert main(["generate", "--document", str(source), "--target", str(target)]) == 1

    printed = capsys.readouterr()
    message = printed.out + printed.err
    assert "invalid OpenAPI document" in message
    # What: the validator's complaint about the value.
    assert "'maybe' is not of type 'boolean'" in message
    # Where: the path in the document and the line the YAML puts it on.
    # The schema is written in components.yaml: the line is that file's, and the message names it.
    line = edited(source).splitlines().index("          nullable: maybe") + 1
    where = "components.schemas.BatchResponseSimplePublicObjectWithErrors.properties.numErrors.nullable"
    assert f"{where} (components.yaml, line {line})" in message
    assert tree_bytes(target) == before


def test_a_validator_error_names_the_deepest_location(tmp_path: Path) -> None:
    source = modified_document(
        tmp_path,
        "          type: integer\n          format: int32\n          description: The number of errors.",
        "          type: integr\n          format: int32\n          description: The number of errors.",
    )

    with pytest.raises(GenerationError) as caught:
        document.validate_document(source)

    message = str(caught.value)
    assert "BatchResponseSimplePublicObjectWithErrors.properties.numErrors.type" in message
    assert "'integr' is not one of" in message


def test_a_dangling_ref_in_a_schema_property_names_it_briefly(tmp_path: Path) -> None:
    # The validator would meet this $ref first and fail with the whole document as a dict.
    # (SimplePublicObject's warnings, the first: the field before them makes the anchor unique.)
    warnings = "page in HubSpot.\n        warnings:\n          type: array\n"
    source = modified_document(
        tmp_path,
        f"{warnings}          description: Warnings about the object.\n          items:\n"
        '            $ref: "#/components/schemas/PublicObjectWarning"',
        f"{warnings}          description: Warnings about the object.\n          items:\n"
        '            $ref: "#/components/schemas/NoSuchWarning"',
    )

    with pytest.raises(GenerationError) as caught:
        document.validate_document(source)

    message = str(caught.value)
    assert "'#/components/schemas/NoSuchWarning' points at nothing" in message
    assert "components.schemas.SimplePublicObject.properties.warnings.items" in message
    line = edited(source).splitlines().index('            $ref: "#/components/schemas/NoSuchWarning"')
    assert f"(line {line + 1})" in message
    assert "components.yaml" in message
    assert "'openapi': '3.0.3'" not in message  # no repr of the document
    assert len(message) < document.MAX_CHARS
    assert len(message.splitlines()) <= document.MAX_LINES


def test_a_document_without_its_openapi_key_says_so(tmp_path: Path) -> None:
    source = modified_document(tmp_path, "openapi: 3.0.3\n", "")

    with pytest.raises(GenerationError) as caught:
        document.validate_document(source)

    message = str(caught.value)
    assert "lacks the `openapi:` version key" in message
    assert "add the version it is written in (`openapi: 3.0.3`)" in message


def test_an_unknown_openapi_version_is_named(tmp_path: Path) -> None:
    source = modified_document(tmp_path, "openapi: 3.0.3\n", "openapi: 4.0.0\n")

    with pytest.raises(GenerationError) as caught:
        document.validate_document(source)

    message = str(caught.value)
    assert "`openapi: 4.0.0` is not an OpenAPI version the validator knows" in message
    assert "ValidatorDetectError" not in message


def test_a_validator_message_is_bounded_to_a_screen(tmp_path: Path) -> None:
    # The validator's message quotes the offending value whole: here a 50,000-character enum.
    values = ", ".join(f"VALUE_{n}" for n in range(5_000))
    source = modified_document(
        tmp_path,
        "          type: integer\n          format: int32\n          description: The number of errors.",
        f"          type: integer\n          format: int32\n          description: The number of errors.\n"
        f"          enum: {{{values}}}",
    )

    with pytest.raises(GenerationError) as caught:
        document.validate_document(source)

    message = str(caught.value)
    assert "numErrors.enum" in message
    assert "is not of type 'array'" in message  # what is wrong survives the cut
    assert "characters not shown" in message
    assert len(message) < document.MAX_CHARS + 500
    assert len(message.splitlines()) <= document.MAX_LINES + 2


def test_bounded_keeps_the_head_and_the_tail_within_a_screen() -> None:
    assert document._bounded("short") == "short"
    many = [f"line {n}" for n in range(100)]
    cut = document._bounded("\n".join(many)).splitlines()
    assert len(cut) <= document.MAX_LINES
    assert cut[0] == "line 0"
    assert cut[-1] == "line 99"
    assert "lines not shown" in "\n".join(cut)
    wide = document._bounded("x" * 30_000 + " is not of type 'array'")
    assert len(wide) <= document.MAX_CHARS + 50
    assert wide.endswith("is not of type 'array'")


def test_a_generator_failure_leaves_generated_untouched(tmp_path: Path, target: Path) -> None:
    # Valid OpenAPI and lint-clean, but a body type openapi-python-client cannot generate.
    schema = "components.yaml#/components/schemas/PublicObjectSearchRequest"
    body = f'\n            schema:\n              $ref: "{schema}"'
    source = modified_document(tmp_path, "application/json:" + body, "application/xml:" + body)
    before = tree_bytes(target)

    with pytest.raises(GenerationError, match="openapi-python-client could not generate") as caught:
        pipeline.generate(source, target)

    assert "application/xml" in str(caught.value)

    assert tree_bytes(target) == before


def test_a_successful_generate_replaces_the_target(tmp_path: Path, target: Path) -> None:
    source = modified_document(tmp_path, OLD_DESCRIPTION, NEW_DESCRIPTION)

    pipeline.generate(source, target)

    model = target / "hubspot_partner_clients" / "models" / "public_object_warning.py"
    assert NEW_DESCRIPTION in model.read_text(encoding="utf-8")
    assert not (target.parent / ".generated.old").exists()


def test_lint_rules_name_the_convention_broken() -> None:
    spec = bundle.bundle(DOCUMENT)  # the document with the parameters it shares from components.yaml
    operation = spec["paths"]["/crm/v3/objects/partner_clients/search"]["post"]
    operation["operationId"] = "doSearch"
    del operation["summary"]
    spec["components"]["parameters"]["Properties"]["explode"] = False

    problems = list(document.lint(spec))

    assert any("operationId 'doSearch' must be snake_case" in p for p in problems)
    assert any("POST /crm/v3/objects/partner_clients/search: needs a summary" in p for p in problems)
    assert any("array query parameter 'properties' must be `style: form," in p for p in problems)


def test_a_property_template_override_without_an_upstream_hash_stops_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(codegen.TEMPLATES, templates)
    (templates / "property_templates" / "int_property.py.jinja").write_text("", encoding="utf-8")
    monkeypatch.setattr(codegen, "TEMPLATES", templates)

    with pytest.raises(
        GenerationError, match=r"no upstream hash for: property_templates/int_property\.py\.jinja"
    ):
        codegen.check_templates()
