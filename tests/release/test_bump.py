"""The bump rule and the changelog, on packages regenerated from modified copies of the document."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import pipeline, versions
from release import apidiff, baseline, changelog, project
from release.apidiff import ChangeKind

SIMPLE_PUBLIC_OBJECT = """\
    SimplePublicObject:
      type: object
      description: A CRM object with its property values.
      required: [id, properties, createdAt, updatedAt, archived]
      properties:
"""
REMOVE_ASSOCIATION_START = (
    "    delete:\n      tags: [partner_clients]\n      operationId: remove_association\n"
)


def _edit(text: str, old: str, new: str) -> str:
    # The document or components.yaml: _regenerate edits the one of them that holds `old`.
    assert text.count(old) <= 1, f"the document holds {old!r} more than once"
    return text.replace(old, new)


def _without_remove_association(text: str) -> str:
    if REMOVE_ASSOCIATION_START not in text:
        return text  # components.yaml
    start = text.index(REMOVE_ASSOCIATION_START)
    end = text.index("components:\n", start)
    return text[:start] + text[end:]


def _with_optional_region(text: str) -> str:
    region = "        region:\n          type: string\n          description: The client's sales region.\n"
    return _edit(text, SIMPLE_PUBLIC_OBJECT, SIMPLE_PUBLIC_OBJECT + region)


def _with_new_description(text: str) -> str:
    return _edit(
        text,
        "description: A CRM object with its property values.",
        "description: A partner client, with the values of the properties asked for.",
    )


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package generated from the document as it is: the stand-in for the last release."""
    return pipeline.build(pipeline.DOCUMENT, tmp_path_factory.mktemp("released"))


def _regenerate(tmp_path: Path, edit_document: object) -> Path:
    """Regenerate from a copy of openapi/ whose document and shared components.yaml `edit_document` edits."""
    assert callable(edit_document)
    folder = shutil.copytree(pipeline.DOCUMENT.parent, tmp_path / "openapi")
    source = folder / pipeline.DOCUMENT.name
    edited = 0
    for path in (source, folder / "components.yaml"):
        text = path.read_text(encoding="utf-8")
        new = edit_document(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            edited += 1
    assert edited, "the edit changed neither the document nor components.yaml"
    work = tmp_path / "work"
    work.mkdir()
    # Every version, as a release builds them: an edit of components.yaml reaches each.
    return pipeline.build(None, work, versions_=versions.load(folder / "versions.toml"))


@pytest.mark.parametrize(
    ("edit_document", "level", "version", "line"),
    [
        pytest.param(
            _without_remove_association,
            "major",
            "1.0.0",
            # The operation is v3's own (2026-03's is on another path): only v3 loses it.
            "### Breaking changes\n\n- v3: operation `remove_association` removed.\n"
            "- v3: method `client.partner_clients.remove_association` (and its async twin) removed.\n",
            id="removed-operation",
        ),
        pytest.param(
            _with_optional_region,
            "minor",
            "0.2.0",
            # components.yaml holds the model both versions share, so both gain the field.
            "### Added\n\n"
            "- v3 and 2026-03: field `SimplePublicObject.region` added (`str | Unset = UNSET`).\n",
            id="added-optional-field",
        ),
        pytest.param(
            _with_new_description,
            "patch",
            "0.1.1",
            "No change to the public API: documentation, behaviour or packaging only.\n",
            id="description-change",
        ),
    ],
)
def test_regeneration_bumps_by_the_rule_with_a_matching_entry(
    released: Path, tmp_path: Path, *, edit_document: object, level: str, version: str, line: str
) -> None:
    fresh = _regenerate(tmp_path, edit_document)
    # The regeneration did change the package; only its public API decides the bump.
    assert pipeline._diff_trees(released, fresh)

    changes = apidiff.compare(released, fresh)
    assert apidiff.bump_level(changes) == level
    assert apidiff.next_version("0.1.0", apidiff.bump_level(changes)) == version
    entry = changelog.render_entry(version, apidiff.bump_level(changes), changes, "2026-01-02")
    assert entry.startswith(f"## {version} (2026-01-02)\n")
    assert line in entry
    # One readable line per change a reader cares about: not one per function of the module, nor
    # one per twin of the resource client's method.
    assert entry.count("\n- ") == line.count("\n- ")


def _rename_schema(document: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    schemas = document["components"]["schemas"]
    schemas[new] = schemas.pop(old)
    ref = json.dumps(f"#/components/schemas/{old}")
    renamed: dict[str, Any] = json.loads(
        json.dumps(document).replace(ref, json.dumps(f"#/components/schemas/{new}"))
    )
    return renamed


def _with_enum_member_and_renames(text: str) -> str:
    """BatchStatus gains FAILED, ValueWithTimestamp is now PropertyValue, a warning's `message` its `text`."""
    document = yaml.safe_load(text)
    if "BatchStatus" not in document["components"].get("schemas", {}):
        return text  # the document: the schemas are components.yaml's
    document["components"]["schemas"]["BatchStatus"]["enum"].append("FAILED")
    document = _rename_schema(document, "ValueWithTimestamp", "PropertyValue")
    warning = document["components"]["schemas"]["PublicObjectWarning"]
    warning["properties"]["text"] = warning["properties"].pop("message")
    warning["required"] = ["text" if name == "message" else name for name in warning["required"]]
    dumped: str = yaml.safe_dump(document, sort_keys=False)
    return dumped


def test_the_changelog_names_enum_members_and_renames_and_counts_its_bullets(
    released: Path, tmp_path: Path
) -> None:
    fresh = _regenerate(tmp_path, _with_enum_member_and_renames)
    changes = apidiff.compare(released, fresh)
    level = apidiff.bump_level(changes)
    entry = changelog.render_entry("1.0.0", level, changes, "2026-01-02")

    assert level == "major"
    assert entry == (
        "## 1.0.0 (2026-01-02)\n\n"
        "### Breaking changes\n\n"
        "- v3 and 2026-03: model `ValueWithTimestamp` renamed to `PropertyValue`.\n"
        "- v3 and 2026-03: field `PublicObjectWarning.message` renamed to `PublicObjectWarning.text`.\n\n"
        "### Added\n\n"
        "- v3 and 2026-03: enum member `BatchStatus.FAILED` added (value `'FAILED'`).\n\n"
    )
    # The count announced above the entry is the count of its bullets, whatever griffe counted.
    assert len(changes) > 3
    assert changelog.summary("0.1.0", "1.0.0", level, changes, "v0.1.0") == (
        "0.1.0 -> 1.0.0 (major: 3 API changes from v0.1.0)"
    )


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # Two names with the same shape: which one became `b` cannot be told, so no rename is claimed.
        (
            "def b(x: int) -> int: ...\ndef d(x: int) -> int: ...\n",
            ["- `hubspot_partner_clients.a` removed.", "- `hubspot_partner_clients.c` removed."],
        ),
        # A different signature is a different function, not a rename.
        (
            "def b(x: str) -> int: ...\ndef c(x: int) -> int: ...\n",
            ["- `hubspot_partner_clients.a` removed."],
        ),
    ],
    ids=["ambiguous", "different-signature"],
)
def test_a_rename_is_claimed_only_when_it_is_unambiguous(
    tmp_path: Path, after: str, expected: list[str]
) -> None:
    before = _package(tmp_path / "old", "def a(x: int) -> int: ...\ndef c(x: int) -> int: ...\n")
    changes = apidiff.compare(before, _package(tmp_path / "new", after))
    assert ChangeKind.RENAMED not in {c.kind for c in changes}
    entry = changelog.render_entry("1.0.0", apidiff.bump_level(changes), changes, "2026-01-02")
    assert [line for line in entry.splitlines() if line.endswith("removed.")] == expected


def test_a_lone_rename_and_an_enum_member_read_in_the_singular(tmp_path: Path) -> None:
    enum = "from enum import StrEnum\n\n\nclass Colour(StrEnum):\n    RED = 'RED'\n"
    before = _package(tmp_path / "old", enum + "\n\ndef fetch(x: int) -> int: ...\n")
    after = _package(tmp_path / "new", enum + "    BLUE = 'BLUE'\n\n\ndef get(x: int) -> int: ...\n")
    changes = apidiff.compare(before, after)
    assert [(c.kind, c.old_path, c.path) for c in changes] == [
        (ChangeKind.ADDED, None, "Colour.BLUE"),
        (ChangeKind.RENAMED, "fetch", "get"),
    ]
    entry = changelog.render_entry("1.0.0", "major", changes, "2026-01-02")
    assert "- `hubspot_partner_clients.fetch` renamed to `hubspot_partner_clients.get`.\n" in entry
    # Outside models/ too, a member of an enum is not a field with no type.
    assert "- `hubspot_partner_clients.Colour.BLUE` added (value `'BLUE'`).\n" in entry
    assert changelog.summary("0.1.0", "1.0.0", "major", changes[1:], "v0.1.0") == (
        "0.1.0 -> 1.0.0 (major: 1 API change from v0.1.0)"
    )
    assert changelog.plural(0, "API change") == "0 API changes"


def _package(root: Path, source: str) -> Path:
    package = root / apidiff.PACKAGE
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(source, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("after", "level", "breaking"),
    [
        (
            "def get(item_id: str, *, limit: int = 10, archived: bool = False) -> dict[str, str]: ...",
            "minor",
            False,
        ),
        ("def get(item_id: str, *, limit: int = 10, archived: bool) -> dict[str, str]: ...", "major", True),
        ("def get(item_id: int, *, limit: int = 10) -> dict[str, str]: ...", "major", True),
        ("def get(item_id: str, *, limit: int = 10) -> list[str]: ...", "major", True),
        ("def get(item_id: str) -> dict[str, str]: ...", "major", True),
        (
            'def get(item_id: str, *, limit: int = 10) -> dict[str, str]:\n    """Now documented."""',
            "patch",
            None,
        ),
    ],
    ids=["optional-param", "required-param", "param-type", "return-type", "removed-param", "docstring"],
)
def test_signature_changes_are_judged(tmp_path: Path, after: str, level: str, breaking: bool | None) -> None:
    before = _package(tmp_path / "old", "def get(item_id: str, *, limit: int = 10) -> dict[str, str]: ...\n")
    changes = apidiff.compare(before, _package(tmp_path / "new", after + "\n"))
    assert apidiff.bump_level(changes) == level
    assert [(c.kind, c.path, c.breaking) for c in changes] == (
        [] if breaking is None else [(ChangeKind.CHANGED, "get", breaking)]
    )


def test_the_shared_repr_and_eq_are_not_a_change_of_api(tmp_path: Path) -> None:
    # attrs' own methods (written at run time) and _model_methods' (assigned in the class body) are
    # the same API; another special method assigned in a class body still is a change.
    before = _package(tmp_path / "old", "@define\nclass Model:\n    id: str\n")
    shared = "@define\nclass Model:\n    id: str\n    __repr__ = model_repr\n    __eq__ = model_eq\n"
    assert apidiff.compare(before, _package(tmp_path / "new", shared)) == []
    other = "@define\nclass Model:\n    id: str\n    __iter__ = model_iter\n"
    changes = apidiff.compare(before, _package(tmp_path / "other", other))
    assert [(c.kind, c.path) for c in changes] == [(ChangeKind.ADDED, "Model.__iter__")]


def test_private_names_are_not_api(tmp_path: Path) -> None:
    before = _package(tmp_path / "old", "def _helper() -> None: ...\n_TABLE = 1\n")
    after = _package(tmp_path / "new", "_TABLE = 2\n")
    assert apidiff.compare(before, after) == []


@pytest.mark.parametrize(
    ("level", "expected"),
    [("major", "1.0.0"), ("minor", "0.2.0"), ("patch", "0.1.1")],
)
def test_next_version_before_1_0_follows_the_same_rule(level: apidiff.Level, expected: str) -> None:
    assert apidiff.next_version("0.1.0", level) == expected
    assert (
        apidiff.next_version("2.3.4", level) == {"major": "3.0.0", "minor": "2.4.0", "patch": "2.3.5"}[level]
    )


def test_next_version_refuses_what_it_cannot_bump() -> None:
    with pytest.raises(ValueError, match=r"X\.Y\.Z"):
        apidiff.next_version("1.0.0rc1", "patch")


def test_write_version_changes_only_the_project_version(tmp_path: Path) -> None:
    copy = tmp_path / "pyproject.toml"
    shutil.copy(project.PYPROJECT, copy)
    before = copy.read_text(encoding="utf-8")
    project.write_version("7.8.9", copy)
    assert project.read_version(copy) == "7.8.9"
    changed = [
        (a, b) for a, b in zip(before.splitlines(), copy.read_text().splitlines(), strict=True) if a != b
    ]
    assert changed == [(f'version = "{project.read_version()}"', 'version = "7.8.9"')]


def test_entries_go_above_older_ones() -> None:
    old = "# Changelog\n\n## 0.1.0\n\nFirst release.\n"
    assert changelog.prepend_entry(old, "## 0.2.0 (2026-01-02)\n\n- x\n\n") == (
        "# Changelog\n\n## 0.2.0 (2026-01-02)\n\n- x\n\n## 0.1.0\n\nFirst release.\n"
    )


def test_baseline_reads_a_committed_tree_and_names_a_missing_tag(tmp_path: Path) -> None:
    tree = baseline.extract_generated("HEAD", tmp_path)
    assert (tree / apidiff.PACKAGE / "__init__.py").is_file()
    assert apidiff.load_api(tree)["api.partner_clients.get_by_id.sync"].kind == "function"
    with pytest.raises(baseline.BaselineError, match=r"v0\.0\.0-never"):
        baseline.extract_generated("v0.0.0-never", tmp_path / "missing")


def test_a_changed_signature_reads_as_python_writes_it(tmp_path: Path) -> None:
    before = _package(
        tmp_path / "old", "def get(item_id: str, /, *, limit: int = 10) -> dict[str, str]: ...\n"
    )
    after = _package(
        tmp_path / "new", "def get(item_id: str, *args: int, limit: int) -> dict[str, str]: ...\n"
    )
    changes = apidiff.compare(before, after)
    assert changelog.render_entry("1.0.0", "major", changes, "2026-01-02").splitlines()[4] == (
        "- `hubspot_partner_clients.get` changed incompatibly: `(item_id: str, /, *, limit: int = 10) -> "
        "dict[str, str]` is now `(item_id: str, *args: int, limit: int) -> dict[str, str]`."
    )
