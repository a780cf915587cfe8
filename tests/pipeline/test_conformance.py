"""The conformance check: our document against HubSpot's, differences by key, deviations listed."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import conformance, pipeline
from generator.__main__ import main
from generator.generation_error import GenerationError

HUBSPOT = pipeline.HUBSPOT_DOCUMENT
needs_hubspot = pytest.mark.skipif(
    not HUBSPOT.is_file(), reason="HubSpot's document is in ../shared, which a clone elsewhere lacks"
)


def small(**search: Any) -> dict[str, Any]:
    """A one-operation document: the search of a `Thing`, with `search` merged into the operation."""
    return {
        "openapi": "3.0.3",
        "paths": {
            "/things/search": {
                "post": {
                    "operationId": "search",
                    "parameters": [
                        {
                            "name": "tags",
                            "in": "query",
                            "schema": {"type": "array", "items": {"type": "string"}},
                        }
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Query"}}},
                    },
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                            }
                        },
                    },
                    "security": [{"oauth2": ["things.read"]}],
                    **search,
                }
            }
        },
        "components": {
            "schemas": {
                "Query": {
                    "type": "object",
                    "required": ["limit"],
                    "properties": {"limit": {"type": "integer", "format": "int32"}},
                },
                "Thing": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string"},
                        "status": {"type": "string", "enum": ["DONE", "PENDING"]},
                    },
                },
            }
        },
    }


def keys(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    return sorted(difference.key for difference in conformance.compare(ours, theirs))


def test_identical_documents_do_not_differ() -> None:
    assert keys(small(), small()) == []


def test_prose_names_and_the_spelling_of_defaults_are_not_differences() -> None:
    theirs = small(operationId="post-/things/search", summary="Search things.", tags=["Search"])
    theirs["paths"]["/things/search"]["post"]["parameters"][0].update(
        style="form", explode=True, description="x"
    )
    # HubSpot inlines what we name: the resolved schemas are compared, not their names.
    theirs["paths"]["/things/search"]["post"]["responses"]["200"]["content"]["application/json"]["schema"] = (
        theirs["components"]["schemas"].pop("Thing")
    )

    assert keys(small(), theirs) == []


@pytest.mark.parametrize(
    ("plant", "key"),
    [
        (lambda d: d["components"]["schemas"]["Query"]["required"].append("after"), "schemas.Query.required"),
        (
            lambda d: d["components"]["schemas"]["Thing"]["properties"]["status"]["enum"].append("FAILED"),
            "schemas.Thing.properties.status.enum",
        ),
        (
            lambda d: d["components"]["schemas"]["Query"]["properties"]["limit"].update(format="int64"),
            "schemas.Query.properties.limit.format",
        ),
        (
            lambda d: d["components"]["schemas"]["Query"]["properties"]["limit"].update(maximum=200),
            "schemas.Query.properties.limit.maximum",
        ),
        (
            lambda d: d["components"]["schemas"]["Thing"]["properties"].pop("status"),
            "schemas.Thing.properties.status",
        ),
        (
            lambda d: d["paths"]["/things/search"]["post"]["parameters"][0].update(explode=False),
            "operations.search.parameters.tags.explode",
        ),
        (
            lambda d: d["paths"]["/things/search"]["post"]["parameters"][0].update(required=True),
            "operations.search.parameters.tags.required",
        ),
        (
            lambda d: d["paths"]["/things/search"]["post"]["parameters"].pop(),
            "operations.search.parameters.tags",
        ),
        (
            lambda d: d["paths"]["/things/search"]["post"].update(
                {"x-hubspot-rate-limit-exemptions": ["daily"]}
            ),
            "operations.search.x-hubspot-rate-limit-exemptions",
        ),
        (
            lambda d: d["paths"]["/things/search"]["post"].update(security=[{"oauth2": ["things.write"]}]),
            "operations.search.scopes",
        ),
        (
            lambda d: d["paths"]["/things/search"]["post"]["responses"].update(
                {"207": {"description": "some"}}
            ),
            "operations.search.responses.207",
        ),
        (
            lambda d: d["paths"]["/things/search"]["post"]["requestBody"].update(required=False),
            "operations.search.requestBody.required",
        ),
        (
            lambda d: d["paths"]["/things/search"].update(get={"operationId": "peek"}),
            "operations.GET /things/search",
        ),
    ],
)
def test_a_planted_difference_is_named_by_operation_and_field(plant: Any, key: str) -> None:
    theirs = small()
    plant(theirs)

    assert keys(small(), theirs) == [key]


def test_an_operation_only_we_have_is_named_by_our_operation_id() -> None:
    ours = small()
    ours["paths"]["/things/{id}"] = {"get": {"operationId": "get_by_id", "responses": {}}}

    assert keys(ours, small()) == ["operations.get_by_id"]


def test_a_listed_deviation_allows_its_difference_and_a_stale_one_is_reported() -> None:
    ours = small()
    ours["paths"]["/things/search"]["post"]["x-idempotent"] = True
    deviations = [
        conformance.Deviation("operations.*.x-idempotent", "ours"),
        conformance.Deviation("schemas.Thing.properties.id.pattern", "no longer differs"),
    ]

    report = conformance.check(ours, small(), deviations)

    assert (report.unlisted, report.allowed) == ([], 1)
    assert [deviation.at for deviation in report.stale] == ["schemas.Thing.properties.id.pattern"]
    assert not report.ok
    assert "no longer differ" in str(report)


def test_a_deviation_without_a_reason_is_refused(tmp_path: Path) -> None:
    listed = tmp_path / "deviations.yaml"
    listed.write_text("- at: operations.*.x-idempotent\n", encoding="utf-8")

    with pytest.raises(GenerationError, match="deviation 1 needs both `at`"):
        conformance.load_deviations(listed)


def write_documents(tmp_path: Path, ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    (tmp_path / "ours.yaml").write_text(yaml.safe_dump(ours), encoding="utf-8")
    (tmp_path / "theirs.json").write_text(json.dumps(theirs), encoding="utf-8")
    (tmp_path / "deviations.yaml").write_text("[]\n", encoding="utf-8")
    return [
        f"--document={tmp_path / 'ours.yaml'}",
        f"--hubspot={tmp_path / 'theirs.json'}",
        f"--deviations={tmp_path / 'deviations.yaml'}",
    ]


def test_the_command_fails_naming_each_unlisted_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theirs = small()
    theirs["components"]["schemas"]["Query"]["required"].append("after")

    assert main(["conformance", *write_documents(tmp_path, small(), theirs)]) == 1
    out = capsys.readouterr().out
    assert 'schemas.Query.required: ours ["limit"], HubSpot\'s ["after", "limit"]' in out
    assert "openapi/deviations.yaml" in out


def test_without_hubspots_document_the_command_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = write_documents(tmp_path, small(), small())
    (tmp_path / "theirs.json").unlink()

    assert main(["conformance", *arguments]) == 0
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1
    assert "skipped" in out
    assert "theirs.json" in out


@needs_hubspot
def test_our_document_conforms_to_hubspots() -> None:
    report = conformance.run(pipeline.DOCUMENT, HUBSPOT, pipeline.DEVIATIONS)

    assert report is not None
    assert report.ok, str(report)


@needs_hubspot
def test_a_difference_planted_in_our_document_fails_the_check(tmp_path: Path) -> None:
    spec = yaml.safe_load(pipeline.DOCUMENT.read_text(encoding="utf-8"))
    planted = copy.deepcopy(spec)
    planted["components"]["schemas"]["SimplePublicObject"]["required"].remove("archived")
    source = tmp_path / "partner-clients.yaml"
    source.write_text(yaml.safe_dump(planted), encoding="utf-8")

    report = conformance.run(source, HUBSPOT, pipeline.DEVIATIONS)

    assert report is not None
    assert [d.key for d in report.unlisted] == ["schemas.SimplePublicObject.required"]


def test_the_readme_lists_exactly_the_deliberate_deviations() -> None:
    readme = (pipeline.REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- deviations: start -->\n", 1)[1].split("<!-- deviations: end -->", 1)[0]
    expected = ["| where (a key pattern of the check) | why |", "|---|---|"] + [
        f"| `{deviation.at}` | {' '.join(deviation.why.split())} |"
        for deviation in conformance.load_deviations(pipeline.DEVIATIONS)
    ]

    assert table.splitlines() == expected, "README.md's deviations table should read:\n" + "\n".join(expected)
