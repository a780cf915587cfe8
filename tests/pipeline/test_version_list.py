"""The version list (openapi/versions.toml): a wrong entry stops with a message naming it and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import versions
from generator.generation_error import GenerationError

ROOT = 'name = "v3"\ndocument = "a.yaml"\ndeviations = "a-dev.yaml"\nhubspot = "a.json"\n'
DATED = (
    'name = "2026-03"\npackage = "v2026_03"\n'
    'document = "b.yaml"\ndeviations = "b-dev.yaml"\nhubspot = "b.json"\n'
)


def _load(tmp_path: Path, text: str) -> list[versions.Version]:
    path = tmp_path / "versions.toml"
    path.write_text(text, encoding="utf-8")
    return versions.load(path, hubspot_specs=tmp_path / "specs")


def test_the_committed_list_starts_at_the_root_and_names_each_subpackage() -> None:
    listed = versions.load()
    assert listed[0].is_root
    assert listed[0].dotted == ""
    assert all(v.package is not None and v.dotted == v.package for v in listed[1:])
    assert all(v.document.is_file() and v.deviations.is_file() for v in listed)


def test_entries_resolve_their_files(tmp_path: Path) -> None:
    root, dated = _load(tmp_path, f"[[version]]\n{ROOT}\n[[version]]\n{DATED}")
    assert (root.name, root.package, root.document) == ("v3", None, tmp_path / "a.yaml")
    assert (dated.package, dated.hubspot) == ("v2026_03", tmp_path / "specs" / "b.json")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[[version", "cannot read the version list"),
        ("", "no [[version]] entries"),
        ("version = 3", "no [[version]] entries"),
        ("version = [1]", "is not a table"),
        (f"[[version]]\n{ROOT}colour = 'red'\n", "unknown fields ['colour']"),
        ('[[version]]\nname = "v3"\n', "missing fields ['deviations', 'document', 'hubspot']"),
        (f"[[version]]\n{ROOT.replace('v3', '')}", "non-empty string"),
        (f"[[version]]\n{DATED}", "the first version is the package's root"),
        (f"[[version]]\n{ROOT}\n[[version]]\n{ROOT.replace('a.', 'c.')}", "names its subpackage"),
        (
            f"[[version]]\n{ROOT}\n[[version]]\n{DATED.replace('v2026_03', 'V-1')}",
            "lower-case Python identifier",
        ),
        (
            f"[[version]]\n{ROOT}\n[[version]]\n{DATED.replace('v2026_03', 'class')}",
            "lower-case Python identifier",
        ),
        (f"[[version]]\n{ROOT}\n[[version]]\n{DATED.replace('2026-03', 'v3')}", "two versions share a name"),
        (f"[[version]]\n{ROOT}\n[[version]]\n{DATED.replace('b.yaml', 'a.yaml')}", "share a document"),
    ],
)
def test_a_wrong_list_stops_with_what_is_wrong(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(GenerationError, match=r"versions\.toml") as raised:
        _load(tmp_path, text)
    assert says in str(raised.value)


def test_a_missing_list_says_so(tmp_path: Path) -> None:
    with pytest.raises(GenerationError, match="cannot read the version list"):
        versions.load(tmp_path / "absent.toml")
