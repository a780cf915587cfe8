"""A CHANGELOG.md entry, in readable words, from the API differences of a release.

Paths are read the way the generator lays the package out:
`api/partner_clients/<op>.py` is an operation, `models/<x>.py` holds a model
class, and a model's attributes are its fields. A name whose parent was added
or removed in the same release is not listed again.
"""

from __future__ import annotations

from release.apidiff import PACKAGE, Change, ChangeKind, Entry, Level

_OPERATIONS = "api.partner_clients."
_MODELS = "models."
TITLE = "# Changelog"


def render_entry(version: str, level: Level, changes: list[Change], date: str) -> str:
    """The Markdown section for `version`, ending with a blank line."""
    lines = [f"## {version} ({date})", ""]
    groups: dict[str, list[str]] = {"Breaking changes": [], "Added": [], "Changed": []}
    seen: set[str] = set()
    for change in _listed(changes):
        sentence = _sentence(change)
        if sentence in seen:
            continue
        seen.add(sentence)
        if change.breaking:
            groups["Breaking changes"].append(sentence)
        elif change.kind is ChangeKind.ADDED:
            groups["Added"].append(sentence)
        else:
            groups["Changed"].append(sentence)
    if level == "patch":
        lines += ["No change to the public API: documentation, behaviour or packaging only.", ""]
    for heading, sentences in groups.items():
        if sentences:
            lines += [f"### {heading}", "", *(f"- {s}" for s in sentences), ""]
    return "\n".join(lines) + "\n"


def prepend_entry(changelog: str, entry: str) -> str:
    """`changelog` with `entry` inserted above the newest existing entry."""
    body = changelog.removeprefix(TITLE).lstrip("\n")
    return f"{TITLE}\n\n{entry}{body}"


def _listed(changes: list[Change]) -> list[Change]:
    gone_or_new = {c.path for c in changes if c.kind is not ChangeKind.CHANGED}
    listed = []
    for change in changes:
        parents = [change.path.rsplit(".", n)[0] for n in range(1, change.path.count(".") + 1)]
        if change.kind is not ChangeKind.CHANGED and any(p in gone_or_new for p in parents):
            continue  # said by its parent's line
        if _is_model_module(change):
            continue  # the module only holds the model class, which has its own line
        listed.append(change)
    return listed


def _is_model_module(change: Change) -> bool:
    entry = change.new or change.old
    in_models = change.path.startswith(_MODELS) and change.path.count(".") == 1
    return in_models and entry is not None and entry.kind == "module"


def _subject(change: Change) -> str:
    """What a reader knows the name as: an operation, a model, a field, or a dotted name."""
    path = change.path
    entry = change.new or change.old
    assert entry is not None
    if path.startswith(_OPERATIONS):
        op, _, member = path[len(_OPERATIONS) :].partition(".")
        return f"operation `{op}`" if not member else f"`{member}` of operation `{op}`"
    if path.startswith(_MODELS):
        parts = path[len(_MODELS) :].split(".")
        if len(parts) == 1 and entry.kind == "alias":
            return f"model `{parts[0]}`"
        if len(parts) == 2:
            return f"model `{parts[1]}`"
        if len(parts) == 3:
            noun = "field" if entry.kind == "attribute" else "method"
            return f"{noun} `{parts[1]}.{parts[2]}`"
    return f"`{PACKAGE}.{path}`"


def _sentence(change: Change) -> str:
    subject = _subject(change)
    subject = subject[0].upper() + subject[1:]
    if change.kind is ChangeKind.ADDED:
        return f"{subject} added{_shown(change.new)}."
    if change.kind is ChangeKind.REMOVED:
        return f"{subject} removed."
    assert change.old is not None
    assert change.new is not None
    how = "incompatibly" if change.breaking else "compatibly"
    return f"{subject} changed {how}: `{change.old.signature}` is now `{change.new.signature}`."


def _shown(entry: Entry | None) -> str:
    if entry is None or entry.kind != "attribute":
        return ""
    return f" (`{entry.signature}`)"
