"""The API diff, the bump and the changelog of a package of several API versions.

Small package trees laid out as the generator lays out the real one: v3 at the
root, each further version a subpackage with its own operations, models and
resource client, importing what it shares (a model) from the root.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from release import apidiff, baseline, changelog
from release.apidiff import ChangeKind

NAMES = {"": "v3", "v2026_03": "2026-03", "v2026_09": "2026-09"}

RESOURCES = """\
class PartnerClients:
    def get(self, partner_client_id: str) -> None: ...


class AsyncPartnerClients:
    async def get(self, partner_client_id: str) -> None: ...
"""
WITH_ASSOCIATE_DEFAULT = (
    RESOURCES.replace(
        "\n\nclass Async",
        "\n    def associate_default(self, partner_client_id: str) -> None: ...\n\n\nclass Async",
    )
    + "    async def associate_default(self, partner_client_id: str) -> None: ...\n"
)
SIMPLE_PUBLIC_OBJECT = "class SimplePublicObject:\n    id: str\n"
LABELS = "class LabelsBetweenObjectPair:\n    labels: list[str]\n"

ROOT = {
    "__init__.py": "",
    "api/__init__.py": "",
    "api/partner_clients/__init__.py": "",
    "api/partner_clients/get_by_id.py": (
        "from ...models.simple_public_object import SimplePublicObject\n\n\n"
        "def sync(partner_client_id: str) -> SimplePublicObject: ...\n"
    ),
    "models/__init__.py": (
        'from .simple_public_object import SimplePublicObject\n\n__all__ = ("SimplePublicObject",)\n'
    ),
    "models/simple_public_object.py": SIMPLE_PUBLIC_OBJECT,
    "resources.py": RESOURCES,
    # Shared by every version, and no version of its own: it holds no `api`.
    "bulk/__init__.py": "def bulk_read(ids: list[str]) -> None: ...\n",
}


def _version(package: str) -> dict[str, str]:
    """A version subpackage: its own operation, resource client and model; the root's model re-exported."""
    return {
        f"{package}/__init__.py": "",
        f"{package}/api/__init__.py": "",
        f"{package}/api/partner_clients/__init__.py": "",
        f"{package}/api/partner_clients/get_by_id.py": (
            "from ....models.simple_public_object import SimplePublicObject\n\n\n"
            "def sync(partner_client_id: str) -> SimplePublicObject: ...\n"
        ),
        f"{package}/models/__init__.py": (
            "from ...models.simple_public_object import SimplePublicObject\n"
            "from .labels_between_object_pair import LabelsBetweenObjectPair\n\n"
            '__all__ = ("LabelsBetweenObjectPair", "SimplePublicObject")\n'
        ),
        f"{package}/models/labels_between_object_pair.py": LABELS,
        f"{package}/resources.py": RESOURCES,
    }


V2026_03 = _version("v2026_03")


def _tree(root: Path, files: dict[str, str]) -> Path:
    for relative, source in files.items():
        path = root / apidiff.PACKAGE / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def _release(tmp_path: Path, old: dict[str, str], new: dict[str, str]) -> tuple[list[apidiff.Change], str]:
    """The changes from `old` to `new` and the changelog entry they make."""
    changes = apidiff.compare(_tree(tmp_path / "old", old), _tree(tmp_path / "new", new), NAMES)
    level = apidiff.bump_level(changes)
    version = apidiff.next_version("0.1.0", level)
    return changes, changelog.render_entry(version, level, changes, "2026-01-02")


def test_a_new_version_is_a_minor_release_told_in_one_line(tmp_path: Path) -> None:
    changes, entry = _release(tmp_path, ROOT, {**ROOT, **V2026_03})

    assert apidiff.bump_level(changes) == "minor"
    # Every public name of the version is in the diff, its operations and models included...
    added = {c.path for c in changes if c.kind is ChangeKind.ADDED}
    assert {"v2026_03.api.partner_clients.get_by_id.sync", "v2026_03.models.SimplePublicObject"} <= added
    assert {c.versions for c in changes} == {("2026-03",)}
    # ...and the changelog says it once, by the version's name.
    assert entry == (
        "## 0.2.0 (2026-01-02)\n\n"
        "### Added\n\n"
        "- API version 2026-03 (`hubspot_partner_clients.v2026_03`) added.\n\n"
    )
    assert changelog.summary("0.1.0", "0.2.0", "minor", changes, "v0.1.0") == (
        "0.1.0 -> 0.2.0 (minor: 1 API change from v0.1.0)"
    )


def test_a_removed_version_is_a_major_release(tmp_path: Path) -> None:
    changes, entry = _release(tmp_path, {**ROOT, **V2026_03}, ROOT)

    assert apidiff.bump_level(changes) == "major"
    assert entry == (
        "## 1.0.0 (2026-01-02)\n\n"
        "### Breaking changes\n\n"
        "- API version 2026-03 (`hubspot_partner_clients.v2026_03`) removed.\n\n"
    )


def test_a_version_replaced_by_another_is_not_a_rename(tmp_path: Path) -> None:
    # The two subpackages hold the same names: only their own names tell them apart.
    changes, entry = _release(tmp_path, {**ROOT, **V2026_03}, {**ROOT, **_version("v2026_09")})

    assert ChangeKind.RENAMED not in {c.kind for c in changes}
    assert apidiff.bump_level(changes) == "major"
    assert (
        "### Breaking changes\n\n- API version 2026-03 (`hubspot_partner_clients.v2026_03`) removed.\n"
        in entry
    )
    assert "### Added\n\n- API version 2026-09 (`hubspot_partner_clients.v2026_09`) added.\n" in entry
    assert entry.count("\n- ") == 2


BOTH = {**ROOT, **V2026_03}


@pytest.mark.parametrize(
    ("new", "level", "lines"),
    [
        pytest.param(
            {
                **BOTH,
                "v2026_03/api/partner_clients/associate_default.py": (
                    "def sync(partner_client_id: str) -> None: ...\n"
                ),
                "v2026_03/resources.py": WITH_ASSOCIATE_DEFAULT,
            },
            "minor",
            [
                "### Added",
                "- 2026-03: operation `associate_default` added.",
                "- 2026-03: method `client.v2026_03.partner_clients.associate_default` "
                "(and its async twin) added.",
            ],
            id="operation-added-in-a-version",
        ),
        pytest.param(
            {
                **BOTH,
                "models/simple_public_object.py": SIMPLE_PUBLIC_OBJECT + "    region: str | None = None\n",
            },
            "minor",
            # The model is the root's, and 2026-03 re-exports it: a change to it is a change to both.
            ["### Added", "- v3 and 2026-03: field `SimplePublicObject.region` added (`str | None = None`)."],
            id="shared-model-field",
        ),
        pytest.param(
            {
                **BOTH,
                "v2026_03/models/labels_between_object_pair.py": LABELS + "    category: str\n",
            },
            "minor",
            ["### Added", "- 2026-03: field `LabelsBetweenObjectPair.category` added (`str`)."],
            id="version-model-field",
        ),
        pytest.param(
            {k: v for k, v in BOTH.items() if k != "api/partner_clients/get_by_id.py"},
            "major",
            ["### Breaking changes", "- v3: operation `get_by_id` removed."],
            id="root-operation-removed",
        ),
        pytest.param(
            {
                **BOTH,
                "bulk/__init__.py": ROOT["bulk/__init__.py"]
                + "def bulk_update(ids: list[str]) -> None: ...\n",
            },
            "minor",
            # Shared by every version alike: naming one would mislead, naming all says nothing.
            ["### Added", "- `hubspot_partner_clients.bulk.bulk_update` added."],
            id="shared-module",
        ),
    ],
)
def test_each_line_names_the_versions_it_touches(
    tmp_path: Path, new: dict[str, str], level: str, lines: list[str]
) -> None:
    changes, entry = _release(tmp_path, BOTH, new)

    assert apidiff.bump_level(changes) == level
    assert [line for line in entry.splitlines() if line.startswith(("#", "- "))][1:] == lines


def test_names_default_to_the_version_list(tmp_path: Path) -> None:
    """Without names given, the list in openapi/ names the root; a version it does not list, its package."""
    root = apidiff.listed_versions()[""]
    old = _tree(tmp_path / "old", ROOT)
    new = _tree(
        tmp_path / "new",
        {
            **{k: v for k, v in ROOT.items() if k != "api/partner_clients/get_by_id.py"},
            **_version("v2099_01"),
        },
    )
    entry = changelog.render_entry("1.0.0", "major", apidiff.compare(old, new), "2026-01-02")
    assert f"- {root}: operation `get_by_id` removed.\n" in entry
    assert "- API version v2099_01 (`hubspot_partner_clients.v2099_01`) added.\n" in entry
    # Names that leave out the root (a caller's own) call it by the package.
    entry = changelog.render_entry("1.0.0", "major", apidiff.compare(old, new, {}), "2026-01-02")
    assert "- hubspot_partner_clients: operation `get_by_id` removed.\n" in entry


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_baseline_names_its_versions_as_its_own_list_did(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "openapi").mkdir(parents=True)
    _git(repo, "init", "--quiet")
    _git(repo, "config", "user.email", "release-test@example.invalid")
    _git(repo, "config", "user.name", "release test")
    (repo / "README.md").write_text("before the version list\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "--quiet", "-m", "one version")
    one_version = _git(repo, "rev-parse", "HEAD")
    entry = 'name = "{0}"\ndocument = "{0}.yaml"\ndeviations = "x.yaml"\nhubspot = "h.json"\n'
    (repo / baseline.VERSION_LIST).write_text(
        "[[version]]\n"
        + entry.format("v3")
        + '[[version]]\npackage = "v2026_03"\n'
        + entry.format("2026-03"),
        encoding="utf-8",
    )
    _git(repo, "add", ".")
    _git(repo, "commit", "--quiet", "-m", "two versions")
    two_versions = _git(repo, "rev-parse", "HEAD")
    (repo / baseline.VERSION_LIST).write_text("[[version]]\nname = 3\n", encoding="utf-8")
    _git(repo, "commit", "--quiet", "-am", "a list today's rules refuse")

    assert baseline.version_names(one_version, repo) == {}
    assert baseline.version_names(two_versions, repo) == {"": "v3", "v2026_03": "2026-03"}
    assert baseline.version_names("HEAD", repo) == {}
