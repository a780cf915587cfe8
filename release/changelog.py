"""A CHANGELOG.md entry, in readable words, from the API differences of a release.

Paths are read the way the generator lays the package out:
`api/partner_clients/<op>.py` is an operation, a method of `resources.PartnerClients`
or its async twin is `client.partner_clients.<method>`, `models/<x>.py` holds a model
class, a model's attributes are its fields and an enum's are its members. A
name whose parent was added, removed or renamed in the same release is not
listed again, so each bullet is one thing a reader can act on, and the count
announced is the count of bullets.

A package of several API versions reads the same way inside each version's
subpackage, and each bullet starts with the versions it touches
(`2026-03: operation ...`; a shared model's field: `v3 and 2026-03: field ...`);
a version added or removed is one bullet for the whole version.
"""

from __future__ import annotations

import re

from release.apidiff import ENUM_MEMBER, PACKAGE, Change, ChangeKind, Entry, Level

_OPERATIONS = "api.partner_clients."
_MODELS = "models."
# The resource client's classes (resources.PartnerClients, its twin AsyncPartnerClients): a
# method is named as a user calls it, once for both twins.
_RESOURCES = re.compile(r"resources\.(?:Async)?([A-Z]\w*?)\.(\w+)$")
TITLE = "# Changelog"
NO_API_CHANGE = "No change to the public API: documentation, behaviour or packaging only."


def sections(changes: list[Change]) -> dict[str, list[str]]:
    """The entry's bullets (sentences) under their headings, empty headings included."""
    groups: dict[str, list[str]] = {"Breaking changes": [], "Added": [], "Changed": []}
    seen: set[str] = set()
    for change in _listed(changes):
        sentence = _sentence(change)
        if sentence in seen:
            continue  # the same name seen twice, e.g. a model and its re-export
        seen.add(sentence)
        if change.breaking:
            groups["Breaking changes"].append(sentence)
        elif change.kind is ChangeKind.ADDED:
            groups["Added"].append(sentence)
        else:
            groups["Changed"].append(sentence)
    return groups


def render_entry(version: str, level: Level, changes: list[Change], date: str) -> str:
    """The Markdown section for `version`, ending with a blank line."""
    lines = [f"## {version} ({date})", ""]
    if level == "patch":
        lines += [NO_API_CHANGE, ""]
    for heading, sentences in sections(changes).items():
        if sentences:
            lines += [f"### {heading}", "", *(f"- {s}" for s in sentences), ""]
    return "\n".join(lines) + "\n"


def summary(current: str, version: str, level: Level, changes: list[Change], baseline: str) -> str:
    """The one line `nox -s release` prints above the entry; its count is the entry's bullets."""
    count = sum(len(sentences) for sentences in sections(changes).values())
    return f"{current} -> {version} ({level}: {plural(count, 'API change')} from {baseline})"


def plural(count: int, noun: str) -> str:
    """`1 API change`, `2 API changes`, `0 API changes`."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def prepend_entry(changelog: str, entry: str) -> str:
    """`changelog` with `entry` inserted above the newest existing entry."""
    body = changelog.removeprefix(TITLE).lstrip("\n")
    return f"{TITLE}\n\n{entry}{body}"


def _listed(changes: list[Change]) -> list[Change]:
    gone_or_new = {c.path for c in changes if c.kind is not ChangeKind.CHANGED}
    gone_or_new |= {c.old_path for c in changes if c.old_path is not None}
    new_names = {
        c.old_path.rpartition(".")[2]: c.path.rpartition(".")[2] for c in changes if c.old_path is not None
    }
    said = {c.path for c in changes} | {c.old_path for c in changes if c.old_path is not None}
    listed = []
    for change in changes:
        if _reexports_said(change, said):
            continue  # a version's re-export of a root model: the model's own line names the version
        if _follows_renames(change, new_names):
            continue  # e.g. `list[OldModel]` is now `list[NewModel]`: said by the rename's line
        paths = [change.path] if change.old_path is None else [change.path, change.old_path]
        parents = [p.rsplit(".", n)[0] for p in paths for n in range(1, p.count(".") + 1)]
        if change.kind is not ChangeKind.CHANGED and any(p in gone_or_new for p in parents):
            continue  # said by its parent's line
        if _is_model_module(change):
            continue  # the module only holds the model class, which has its own line
        listed.append(change)
    return listed


def _reexports_said(change: Change, said: set[str]) -> bool:
    entries = [e for e in (change.old, change.new) if e is not None]
    if not change.package or not entries or any(e.kind != "alias" for e in entries):
        return False
    targets = {e.signature.removeprefix(PACKAGE + ".") for e in entries}
    return all(not t.startswith(change.package + ".") and t in said for t in targets)


def _follows_renames(change: Change, new_names: dict[str, str]) -> bool:
    if change.kind is not ChangeKind.CHANGED or not new_names or change.old is None or change.new is None:
        return False
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, new_names)) + r")\b")
    return pattern.sub(lambda m: new_names[m[1]], change.old.signature) == change.new.signature


def _is_model_module(change: Change) -> bool:
    entry = change.new or change.old
    path = _in_version(change.path, change.package)
    in_models = path.startswith(_MODELS) and path.count(".") == 1
    return in_models and entry is not None and entry.kind == "module"


def _in_version(path: str, package: str) -> str:
    """`path` relative to its version's subpackage (a root path as it is)."""
    return path[len(package) + 1 :] if package else path


def _subject(full_path: str, entry: Entry, package: str = "") -> tuple[str, str]:
    """What a reader knows the name as (an operation, a model, a field, an enum member...), and the name."""
    path = _in_version(full_path, package)
    if path.startswith(_OPERATIONS):
        op, _, member = path[len(_OPERATIONS) :].partition(".")
        return (f"operation `{op}`", op) if not member else (f"`{member}` of operation `{op}`", member)
    if (method := _RESOURCES.match(path)) and method[1] != "Resources":
        attribute = re.sub(r"(?<!^)(?=[A-Z])", "_", method[1]).lower()
        name = f"client.{package + '.' if package else ''}{attribute}.{method[2]}"
        return f"method `{name}` (and its async twin)", name
    if path.startswith(_MODELS):
        parts = path[len(_MODELS) :].split(".")
        if len(parts) == 1 and entry.kind == "alias":
            return f"model `{parts[0]}`", parts[0]
        if len(parts) == 2:
            return f"model `{parts[1]}`", parts[1]
        if len(parts) == 3:
            noun = {"attribute": "field", ENUM_MEMBER: ENUM_MEMBER}.get(entry.kind, "method")
            name = f"{parts[1]}.{parts[2]}"
            return f"{noun} `{name}`", name
    return f"`{PACKAGE}.{full_path}`", f"{PACKAGE}.{full_path}"


def _sentence(change: Change) -> str:
    entry = change.new or change.old
    assert entry is not None
    if change.package and change.path == change.package:
        # The version's own line, which stands for everything it holds.
        name = change.versions[0] if change.versions else change.package
        return f"API version {name} (`{PACKAGE}.{change.package}`) {change.kind.value}."
    subject, name = _subject(change.path, entry, change.package)
    if change.kind is ChangeKind.RENAMED:
        assert change.old is not None
        assert change.old_path is not None
        subject = f"{_subject(change.old_path, change.old, change.package)[0]} renamed to `{name}`"
    if change.versions:
        subject = f"{_versions(change.versions)}: {subject}"
    else:
        subject = subject[0].upper() + subject[1:]
    if change.kind is ChangeKind.RENAMED:
        return f"{subject}."
    if change.kind is ChangeKind.ADDED:
        return f"{subject} added{_shown(change.new)}."
    if change.kind is ChangeKind.REMOVED:
        return f"{subject} removed."
    assert change.old is not None
    assert change.new is not None
    how = "incompatibly" if change.breaking else "compatibly"
    return f"{subject} changed {how}: `{change.old.signature}` is now `{change.new.signature}`."


def _shown(entry: Entry | None) -> str:
    if entry is None:
        return ""
    if entry.kind == ENUM_MEMBER:
        return f" (value `{entry.signature}`)"
    if entry.kind == "attribute":
        return f" (`{entry.signature}`)"
    return ""


def _versions(names: tuple[str, ...]) -> str:
    """`2026-03`, `v3 and 2026-03`, `v3, 2026-03 and 2026-09`."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
