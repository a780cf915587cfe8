"""The conformance check: our document against HubSpot's, differences by key, deviations listed."""

from __future__ import annotations

import copy
import fnmatch
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import bundle, conformance, pipeline, versions
from generator.__main__ import main
from generator.generation_error import GenerationError

HUBSPOT = pipeline.HUBSPOT_DOCUMENT
needs_hubspot = pytest.mark.skipif(
    not HUBSPOT.is_file(), reason="HubSpot's document is in ../shared, which a clone elsewhere lacks"
)
VERSIONS = versions.load()
ASSOCIATE_2026_03 = (
    "/crm/objects/2026-03/partner_clients/{partnerClientId}/associations/{toObjectType}/{toObjectId}"
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
    assert f"list it in {tmp_path / 'deviations.yaml'} with its reason" in out  # the file given


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


@pytest.mark.parametrize("version", VERSIONS, ids=[version.name for version in VERSIONS])
def test_each_versions_document_conforms_to_hubspots(version: versions.Version) -> None:
    if not version.hubspot.is_file():
        pytest.skip(f"HubSpot's {version.hubspot.name} is in ../shared, which a clone elsewhere lacks")

    report = conformance.run(version.document, version.hubspot, version.deviations)

    assert report is not None
    assert report.ok, str(report)


@needs_hubspot
def test_a_difference_planted_in_our_document_fails_the_check(tmp_path: Path) -> None:
    planted = bundle.bundle(pipeline.DOCUMENT)  # self-contained: components.yaml's schemas are in it
    planted["components"]["schemas"]["SimplePublicObject"]["required"].remove("archived")
    source = tmp_path / "partner-clients.yaml"
    source.write_text(yaml.safe_dump(planted), encoding="utf-8")

    report = conformance.run(source, HUBSPOT, pipeline.DEVIATIONS)

    assert report is not None
    assert [d.key for d in report.unlisted] == ["schemas.SimplePublicObject.required"]


def readme_deviations() -> list[str]:
    """The README's deviations section as it must read: one table per version, from its file."""
    lines: list[str] = []
    for version in VERSIONS:
        if lines:
            lines.append("")
        lines += [
            f"**{version.name}** (`openapi/{version.deviations.name}`, against HubSpot's "
            f"`{version.hubspot.name}`):",
            "",
            "| where (a key pattern of the check) | why |",
            "|---|---|",
        ]
        lines += [
            f"| `{deviation.at}` | {' '.join(deviation.why.split())} |"
            for deviation in conformance.load_deviations(version.deviations)
        ]
    return lines


def test_the_readme_lists_exactly_the_deliberate_deviations_of_each_version() -> None:
    readme = (pipeline.REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- deviations: start -->\n", 1)[1].split("<!-- deviations: end -->", 1)[0]
    expected = readme_deviations()

    assert section.splitlines() == expected, "README.md's deviations should read:\n" + "\n".join(expected)


# -- every version from the command line ----------------------------------------------------------


def version_list(tmp_path: Path, *, with_hubspot: bool) -> Path:
    """A version list of two copies of `small()`: the second differs from its HubSpot document."""
    specs = tmp_path / "hubspot"
    specs.mkdir()
    entries = []
    for name, package in (("v1", None), ("v2", "v2")):
        theirs = small()
        if name == "v2":
            theirs["components"]["schemas"]["Query"]["required"].append("after")
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(small()), encoding="utf-8")
        (tmp_path / f"deviations-{name}.yaml").write_text("[]\n", encoding="utf-8")
        if with_hubspot:
            (specs / f"{name}.json").write_text(json.dumps(theirs), encoding="utf-8")
        entries.append(
            f'[[version]]\nname = "{name}"\n'
            + (f'package = "{package}"\n' if package else "")
            + f'document = "{name}.yaml"\ndeviations = "deviations-{name}.yaml"\nhubspot = "{name}.json"\n'
        )
    listing = tmp_path / "versions.toml"
    listing.write_text("\n".join(entries), encoding="utf-8")
    return listing


def test_the_command_checks_every_version_and_fails_naming_the_one_that_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = version_list(tmp_path, with_hubspot=True)
    real = versions.load
    monkeypatch.setattr(versions, "load", lambda: real(listing, tmp_path / "hubspot"))

    assert main(["conformance"]) == 1
    out = capsys.readouterr().out
    assert "v1: v1.yaml against v1.json:\nconforms to HubSpot's document" in out
    assert "v2: v2.yaml against v2.json:\n1 difference(s)" in out
    assert "schemas.Query.required" in out
    assert f"list it in {tmp_path / 'deviations-v2.yaml'}" in out
    assert out.rstrip().endswith("conformance: failed for v2")


def test_without_hubspots_documents_each_version_is_skipped_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = version_list(tmp_path, with_hubspot=False)
    real = versions.load
    monkeypatch.setattr(versions, "load", lambda: real(listing, tmp_path / "hubspot"))

    assert main(["conformance"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert out[0].startswith("conformance v1: skipped")
    assert "v1.json" in out[0]
    assert out[1].startswith("conformance v2: skipped")
    assert "v2.json" in out[1]


# -- the 2026-03 document: a planted difference ---------------------------------------------------


@needs_hubspot
@pytest.mark.parametrize(
    ("plant", "key"),
    [
        (
            lambda d: d["components"]["schemas"]["AssociationSpecWithLabel"]["properties"].pop("label"),
            "schemas.AssociationSpecWithLabel.properties.label",
        ),
        (
            lambda d: d["paths"][ASSOCIATE_2026_03]["put"]["responses"].update(
                {"200": d["paths"][ASSOCIATE_2026_03]["put"]["responses"].pop("201")}
            ),
            "operations.associate.responses.*",
        ),
        (
            lambda d: d["components"]["schemas"]["SimplePublicObject"]["required"].remove("archived"),
            "schemas.SimplePublicObject.required",
        ),
    ],
    ids=["label", "201", "shared-schema"],
)
def test_a_difference_planted_in_the_2026_03_document_fails_the_check(
    tmp_path: Path, plant: Any, key: str
) -> None:
    (version,) = [v for v in VERSIONS if v.name == "2026-03"]
    planted = bundle.bundle(version.document)  # self-contained: components.yaml's schemas are in it
    plant(planted)
    source = tmp_path / version.document.name
    source.write_text(yaml.safe_dump(planted, sort_keys=False), encoding="utf-8")

    report = conformance.run(source, version.hubspot, version.deviations)

    assert report is not None
    assert not report.ok
    assert [d.key for d in report.unlisted if not fnmatch.fnmatchcase(d.key, key)] == []
    assert report.unlisted


# -- path templates matched segment by segment ----------------------------------------------------


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        ("/a/{id}", "/a/{id}", {}),
        (
            "/a/things/{thingId}",
            "/a/{type}/{id}",
            {"type": ("bound", "things"), "id": ("renamed", "thingId")},
        ),
        ("/a/things/{id}", "/a/{type}/{id}", {"type": ("bound", "things")}),
        ("/a/{type}/{id}", "/a/things/{id}", None),  # ours more general than theirs: not an instance
        ("/a/things/{id}", "/b/{type}/{id}", None),
        ("/a/things/{id}/x", "/a/{type}/{id}", None),
        ("/a/things/{id}.json", "/a/things/{id}.json", {}),  # a segment that is not one whole parameter
    ],
)
def test_path_templates_match_segment_by_segment(ours: str, theirs: str, expected: Any) -> None:
    found = conformance.match_path(ours, theirs)

    assert (found if found is None else {k: (b.kind, b.ours) for k, b in found.items()}) == expected


def generic(**operation: Any) -> dict[str, Any]:
    """HubSpot's style: one operation on a generic path `/objects/{objectType}/{objectId}/links`."""
    return {
        "openapi": "3.0.3",
        "paths": {
            "/objects/{objectType}/{objectId}/links": {
                "put": {
                    "parameters": [
                        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                        for name in ("objectType", "objectId")
                    ],
                    "responses": {"204": {"description": "done"}},
                    **operation,
                }
            }
        },
    }


def instance() -> dict[str, Any]:
    """Ours: the `things` instance of `generic()`'s path, its id named thingId."""
    return {
        "openapi": "3.0.3",
        "paths": {
            "/objects/things/{thingId}/links": {
                "put": {
                    "operationId": "link",
                    "parameters": [
                        {"name": "thingId", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {"204": {"description": "done"}},
                }
            }
        },
    }


def test_an_instance_of_a_generic_path_reports_its_bound_and_renamed_parameters() -> None:
    assert keys(instance(), generic()) == [
        "operations.link.parameters.objectId.renamed",
        "operations.link.parameters.objectType.bound",
    ]
    differences = {d.key: (d.ours, d.theirs) for d in conformance.compare(instance(), generic())}
    assert differences["operations.link.parameters.objectType.bound"] == ("things", "in path")
    assert differences["operations.link.parameters.objectId.renamed"] == ("thingId", "objectId")


def test_a_renamed_parameter_is_still_compared_under_our_name() -> None:
    ours = instance()
    ours["paths"]["/objects/things/{thingId}/links"]["put"]["parameters"][0]["schema"]["pattern"] = ".+"

    assert "operations.link.parameters.thingId.schema.pattern" in keys(ours, generic())


def test_the_exact_path_wins_over_a_generic_one() -> None:
    theirs = generic()
    theirs["paths"]["/objects/things/{thingId}/links"] = copy.deepcopy(
        instance()["paths"]["/objects/things/{thingId}/links"]
    )

    assert keys(instance(), theirs) == ["operations.PUT /objects/{objectType}/{objectId}/links"]


def test_an_instance_of_a_path_with_another_method_does_not_match() -> None:
    theirs = generic()
    theirs["paths"]["/objects/{objectType}/{objectId}/links"]["post"] = theirs["paths"][
        "/objects/{objectType}/{objectId}/links"
    ].pop("put")

    assert keys(instance(), theirs) == [
        "operations.POST /objects/{objectType}/{objectId}/links",
        "operations.link",
    ]


def test_bound_and_renamed_parameters_are_covered_by_listed_deviations() -> None:
    deviations = [
        conformance.Deviation("operations.link.parameters.objectType.bound", "the things instance"),
        conformance.Deviation("operations.link.parameters.objectId.renamed", "the things instance"),
    ]

    report = conformance.check(instance(), generic(), deviations)

    assert report.ok, str(report)
    assert report.allowed == 2
