"""Compare our OpenAPI document with HubSpot's published one: the contract check.

Our document is ours (written for our users, with our names and our
extensions), but what it says about the wire must be what HubSpot says:
operations, parameters and their serialisation, request and response
schemas, required fields, enums, formats, bounds and HubSpot's own vendor
extensions. This module walks both documents from each operation (matched
by method and path, refs resolved) and lists every difference by a dotted
key such as `operations.search.requestBody.schema.required` or
`schemas.StandardError.properties.subCategory.type` (a schema we name is
compared once, under its name). A difference is allowed only when
`openapi/deviations.yaml` lists it (an `fnmatch` pattern of keys) with its
reason; a listed deviation that no longer matches any difference is
reported too, so the list stays true.

Not compared, because they are not part of the wire contract: operationIds,
tags, summaries, descriptions, examples, schema names, and the security
schemes' shapes (each operation's scopes are compared).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from generator import bundle
from generator.generation_error import GenerationError
from generator.versions import OPENAPI

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# Keywords of a schema that say something about the wire; the rest is prose.
_SCHEMA_KEYWORDS = (
    "type",
    "format",
    "nullable",
    "default",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "readOnly",
    "writeOnly",
)
_PROSE = {"description", "example", "examples", "title", "summary", "externalDocs", "xml"}
# OpenAPI's serialisation defaults (3.0, "Style Values"), so that a parameter that
# spells them out agrees with one that leaves them implicit.
_DEFAULT_STYLE = {"query": "form", "path": "simple", "header": "simple", "cookie": "form"}


@dataclass(frozen=True)
class Difference:
    """One place where our document says something HubSpot's does not."""

    key: str
    ours: Any
    theirs: Any

    def __str__(self) -> str:
        return f"{self.key}: ours {_show(self.ours)}, HubSpot's {_show(self.theirs)}"


@dataclass(frozen=True)
class Deviation:
    """A difference we keep on purpose: the keys it covers and why."""

    at: str
    why: str

    def covers(self, difference: Difference) -> bool:
        return fnmatch.fnmatchcase(difference.key, self.at)


class _Absent:
    """Stands for a key one document has and the other lacks (None is a value a document can hold)."""

    def __repr__(self) -> str:
        return "absent"


_ABSENT = _Absent()


def _show(value: Any) -> str:
    if value is _ABSENT:
        return "absent"
    text = json.dumps(value, sort_keys=True, default=str)
    return text if len(text) <= 120 else text[:117] + "..."


class _Comparison:
    """The walk over both documents; collects differences."""

    def __init__(self, ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
        self.ours = ours
        self.theirs = theirs
        self.differences: list[Difference] = []
        self._compared_schemas: set[tuple[str, str]] = set()

    def differ(self, key: str, ours: Any, theirs: Any) -> None:
        self.differences.append(Difference(key, ours, theirs))

    def resolve(self, document: Mapping[str, Any], node: Any) -> tuple[Any, str | None]:
        """Follow local $refs; return the target and the last component name followed."""
        name = None
        seen: set[str] = set()
        while isinstance(node, Mapping) and "$ref" in node:
            ref = str(node["$ref"])
            if not ref.startswith("#/") or ref in seen:
                raise GenerationError(f"conformance: cannot follow $ref {ref!r}")
            seen.add(ref)
            target: Any = document
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            name = ref.rsplit("/", 1)[-1]
            node = target
        return node, name

    # --- operations -------------------------------------------------------

    def operations(self) -> None:
        ours = dict(_operations(self.ours))
        theirs = dict(_operations(self.theirs))
        matched: set[tuple[str, str]] = set()
        for where in sorted(ours):
            method, path = where
            our_item, our_op = ours[where]
            key = f"operations.{our_op.get('operationId', path)}"
            found = match_operation(where, theirs)
            if found is None:
                self.differ(key, f"{method} {path}", _ABSENT)
                continue
            their_where, bindings = found
            matched.add(their_where)
            their_item, their_op = theirs[their_where]
            self.operation(key, our_item, our_op, their_item, their_op, bindings=bindings)
        for method, path in sorted(theirs.keys() - matched):
            self.differ(f"operations.{method} {path}", _ABSENT, f"{method} {path}")

    def operation(
        self,
        key: str,
        our_item: Mapping[str, Any],
        our_op: Mapping[str, Any],
        their_item: Mapping[str, Any],
        their_op: Mapping[str, Any],
        *,
        bindings: Mapping[str, Binding] | None = None,
    ) -> None:
        their_parameters = self._parameters(self.theirs, their_item, their_op)
        # A parameter of HubSpot's path that ours spells as a literal is bound (compared no further);
        # one ours names otherwise is compared under our name, once its rename is reported.
        for name, binding in sorted((bindings or {}).items()):
            parameter = their_parameters.pop(("path", name), None)
            if binding.kind == "bound":
                self.differ(f"{key}.parameters.{name}.bound", binding.ours, "in path")
            else:
                self.differ(f"{key}.parameters.{name}.renamed", binding.ours, name)
                if parameter is not None:
                    their_parameters[("path", binding.ours)] = parameter
        self.parameters(f"{key}.parameters", self._parameters(self.ours, our_item, our_op), their_parameters)
        self.request_body(f"{key}.requestBody", our_op.get("requestBody"), their_op.get("requestBody"))
        self.responses(f"{key}.responses", our_op.get("responses") or {}, their_op.get("responses") or {})
        our_scopes, their_scopes = _scopes(self.ours, our_op), _scopes(self.theirs, their_op)
        if our_scopes != their_scopes:
            self.differ(f"{key}.scopes", sorted(our_scopes), sorted(their_scopes))
        self.extensions(key, our_op, their_op)

    def _parameters(
        self, document: Mapping[str, Any], item: Mapping[str, Any], operation: Mapping[str, Any]
    ) -> dict[tuple[str, str], Mapping[str, Any]]:
        found: dict[tuple[str, str], Mapping[str, Any]] = {}
        for listed in [*item.get("parameters", []), *operation.get("parameters", [])]:
            parameter, _ = self.resolve(document, listed)
            found[(str(parameter["in"]), str(parameter["name"]))] = parameter
        return found

    def parameters(
        self,
        key: str,
        ours: Mapping[tuple[str, str], Mapping[str, Any]],
        theirs: Mapping[tuple[str, str], Mapping[str, Any]],
    ) -> None:
        for where in sorted(ours.keys() | theirs.keys()):
            location, name = where
            here = f"{key}.{name}"
            if where not in theirs or where not in ours:
                self.differ(
                    here,
                    f"in {location}" if where in ours else _ABSENT,
                    f"in {location}" if where in theirs else _ABSENT,
                )
                continue
            our, their = ours[where], theirs[where]
            style = _DEFAULT_STYLE.get(location)
            for field, default in (
                ("required", False),
                ("style", style),
                ("explode", style == "form"),
                ("deprecated", False),
                ("allowEmptyValue", False),
            ):
                if our.get(field, default) != their.get(field, default):
                    self.differ(f"{here}.{field}", our.get(field, default), their.get(field, default))
            self.schema(f"{here}.schema", our.get("schema"), their.get("schema"))
            self.extensions(here, our, their)

    def request_body(self, key: str, ours: Any, theirs: Any) -> None:
        ours, _ = self.resolve(self.ours, ours)
        theirs, _ = self.resolve(self.theirs, theirs)
        if ours is None or theirs is None:
            if ours is not theirs:
                self.differ(key, "present" if ours else _ABSENT, "present" if theirs else _ABSENT)
            return
        if ours.get("required", False) != theirs.get("required", False):
            self.differ(f"{key}.required", ours.get("required", False), theirs.get("required", False))
        self.content(key, ours.get("content") or {}, theirs.get("content") or {})

    def responses(self, key: str, ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
        for status in sorted({str(s) for s in ours} | {str(s) for s in theirs}):
            our = _get(ours, status)
            their = _get(theirs, status)
            if our is _ABSENT or their is _ABSENT:
                self.differ(
                    f"{key}.{status}",
                    "present" if our is not _ABSENT else _ABSENT,
                    "present" if their is not _ABSENT else _ABSENT,
                )
                continue
            our, _ = self.resolve(self.ours, our)
            their, _ = self.resolve(self.theirs, their)
            self.content(f"{key}.{status}", our.get("content") or {}, their.get("content") or {})

    def content(self, key: str, ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
        if set(ours) != set(theirs):
            self.differ(f"{key}.content", sorted(ours), sorted(theirs))
        for media_type in sorted(set(ours) & set(theirs)):
            self.schema(f"{key}.schema", ours[media_type].get("schema"), theirs[media_type].get("schema"))
        # A renamed media type with the same schema (`*/*` against application/json) is one
        # difference, not two: compare the schemas of the only media types.
        if len(ours) == 1 and len(theirs) == 1 and set(ours) != set(theirs):
            (our,), (their,) = ours.values(), theirs.values()
            self.schema(f"{key}.schema", our.get("schema"), their.get("schema"))

    # --- schemas ----------------------------------------------------------

    def schema(self, key: str, ours: Any, theirs: Any) -> None:
        our_node, our_name = self.resolve(self.ours, ours)
        their_node, their_name = self.resolve(self.theirs, theirs)
        if isinstance(ours, Mapping) and "$ref" in ours and our_name is not None:
            # A schema we name is compared once, under its own name, wherever it is used.
            seen = (our_name, their_name or key)
            key = f"schemas.{our_name}"
            if seen in self._compared_schemas:
                return
            self._compared_schemas.add(seen)
        if our_node is None or their_node is None:
            if (our_node is None) != (their_node is None):
                self.differ(
                    key,
                    "present" if our_node is not None else _ABSENT,
                    "present" if their_node is not None else _ABSENT,
                )
            return
        if not isinstance(our_node, Mapping) or not isinstance(their_node, Mapping):
            if our_node != their_node:
                self.differ(key, our_node, their_node)
            return
        for keyword in _SCHEMA_KEYWORDS:
            our, their = our_node.get(keyword, _ABSENT), their_node.get(keyword, _ABSENT)
            if keyword == "nullable":
                our, their = bool(our_node.get(keyword, False)), bool(their_node.get(keyword, False))
            if our != their:
                self.differ(f"{key}.{keyword}", our, their)
        for keyword in ("enum", "required"):
            our_set, their_set = set(our_node.get(keyword, [])), set(their_node.get(keyword, []))
            if our_set != their_set:
                self.differ(f"{key}.{keyword}", sorted(our_set), sorted(their_set))
        self._children(key, our_node, their_node)
        self.extensions(key, our_node, their_node)

    def _children(self, key: str, ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
        if "items" in ours or "items" in theirs:
            self.schema(f"{key}.items", ours.get("items"), theirs.get("items"))
        our_props, their_props = ours.get("properties") or {}, theirs.get("properties") or {}
        for name in sorted(set(our_props) | set(their_props)):
            here = f"{key}.properties.{name}"
            if name not in our_props or name not in their_props:
                self.differ(
                    here,
                    "present" if name in our_props else _ABSENT,
                    "present" if name in their_props else _ABSENT,
                )
                continue
            self.schema(here, our_props[name], their_props[name])
        our_extra, their_extra = (
            ours.get("additionalProperties", _ABSENT),
            theirs.get("additionalProperties", _ABSENT),
        )
        if isinstance(our_extra, Mapping) and isinstance(their_extra, Mapping):
            self.schema(f"{key}.additionalProperties", our_extra, their_extra)
        elif our_extra != their_extra:
            self.differ(f"{key}.additionalProperties", _shape(our_extra), _shape(their_extra))
        for keyword in ("oneOf", "anyOf", "allOf"):
            our_list, their_list = ours.get(keyword) or [], theirs.get(keyword) or []
            if len(our_list) != len(their_list):
                self.differ(f"{key}.{keyword}", len(our_list) or _ABSENT, len(their_list) or _ABSENT)
                continue
            for index, (our, their) in enumerate(zip(our_list, their_list, strict=True)):
                self.schema(f"{key}.{keyword}[{index}]", our, their)

    def extensions(self, key: str, ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
        """HubSpot's vendor extensions must agree; ours that HubSpot lacks are listed differences."""
        for name in sorted(k for k in {*ours, *theirs} if str(k).startswith("x-")):
            our, their = ours.get(name, _ABSENT), theirs.get(name, _ABSENT)
            if our != their:
                self.differ(f"{key}.{name}", our, their)


@dataclass(frozen=True)
class Binding:
    """How a path parameter of HubSpot's template meets our template's segment at its position.

    `bound`: ours has a literal there (`partner_clients` for `{objectType}`), `ours` is that literal;
    `renamed`: ours has a parameter of another name there (`{partnerClientId}` for `{objectId}`).
    """

    kind: str
    ours: str


def _parameter_segment(segment: str) -> str | None:
    """The name of a segment that is one whole path parameter (`{objectId}`), else None."""
    if len(segment) > 2 and segment[0] == "{" and segment[-1] == "}" and "{" not in segment[1:-1]:
        return segment[1:-1]
    return None


def match_path(ours: str, theirs: str) -> dict[str, Binding] | None:
    """Whether our path template names an instance of HubSpot's, segment by segment; how, or None.

    Literal against literal must be equal; our literal against their parameter binds it; our
    parameter against theirs matches by position (renamed when the names differ); our parameter
    against their literal does not match (ours would be the more general path).
    """
    our_segments, their_segments = ours.split("/"), theirs.split("/")
    if len(our_segments) != len(their_segments):
        return None
    bindings: dict[str, Binding] = {}
    for our, their in zip(our_segments, their_segments, strict=True):
        our_name, their_name = _parameter_segment(our), _parameter_segment(their)
        if their_name is None:
            if our != their:
                return None
        elif our_name is None:
            bindings[their_name] = Binding("bound", our)
        elif our_name != their_name:
            bindings[their_name] = Binding("renamed", our_name)
    return bindings


def match_operation(
    where: tuple[str, str], theirs: Mapping[tuple[str, str], Any]
) -> tuple[tuple[str, str], dict[str, Binding]] | None:
    """HubSpot's operation that our (method, path) is: the same path, else the closest template.

    Of several templates ours is an instance of, the one with the fewest bound parameters (the
    most literal one), then the fewest renames, then the first by path.
    """
    method, path = where
    if where in theirs:
        return where, {}
    candidates = []
    for their_method, their_path in theirs:
        if their_method != method:
            continue
        bindings = match_path(path, their_path)
        if bindings is not None:
            bound = sum(binding.kind == "bound" for binding in bindings.values())
            candidates.append((bound, len(bindings), their_path, bindings))
    if not candidates:
        return None
    _, _, their_path, bindings = min(candidates, key=lambda c: (c[0], c[1], c[2]))
    return (method, their_path), bindings


def _shape(value: Any) -> Any:
    return "a schema" if isinstance(value, Mapping) else value


def _get(mapping: Mapping[Any, Any], status: str) -> Any:
    # YAML reads `200:` as an int and `"200":` as a string; JSON always has strings.
    for key, value in mapping.items():
        if str(key) == status:
            return value
    return _ABSENT


def _operations(
    document: Mapping[str, Any],
) -> Iterator[tuple[tuple[str, str], tuple[Mapping[str, Any], Any]]]:
    for path, item in (document.get("paths") or {}).items():
        for method in _METHODS:
            if method in item:
                yield (method.upper(), str(path)), (item, item[method])


def _scopes(document: Mapping[str, Any], operation: Mapping[str, Any]) -> set[str]:
    """The OAuth scopes an operation names (document-level security when it names none)."""
    requirements = operation.get("security", document.get("security")) or []
    return {str(scope) for requirement in requirements for scopes in requirement.values() for scope in scopes}


def compare(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> list[Difference]:
    """Every difference between our document and HubSpot's, by key."""
    comparison = _Comparison(ours, theirs)
    comparison.operations()
    return comparison.differences


def load_deviations(path: Path) -> list[Deviation]:
    """The deliberate deviations listed in `path` (a YAML list of `at`/`why` entries)."""
    try:
        entries = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or []
    except (OSError, YAMLError) as exc:
        raise GenerationError(f"{path}: cannot read the list of deviations: {exc}") from None
    if not isinstance(entries, list):
        raise GenerationError(f"{path}: expected a YAML list of deviations (`- at: KEY` / `why: REASON`).")
    deviations = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, Mapping) or not entry.get("at") or not str(entry.get("why", "")).strip():
            raise GenerationError(
                f"{path}: deviation {number} needs both `at` (a key pattern) and `why` (its reason)."
            )
        deviations.append(Deviation(str(entry["at"]), str(entry["why"]).strip()))
    return deviations


@dataclass(frozen=True)
class Report:
    """The outcome of a conformance check: what differs unlisted, and what is listed but gone."""

    unlisted: list[Difference]
    stale: list[Deviation]
    allowed: int
    # What a person edits, named in the advice: our document and its deviations file.
    document: str = "openapi/partner-clients.yaml"
    deviations: str = "openapi/deviations.yaml"

    @property
    def ok(self) -> bool:
        return not self.unlisted and not self.stale

    def __str__(self) -> str:
        lines = []
        if self.unlisted:
            lines.append(
                f"{len(self.unlisted)} difference(s) from HubSpot's document not listed as deliberate:"
            )
            lines += [f"  {difference}" for difference in self.unlisted]
            lines.append(
                f"  Make {self.document} (or components.yaml, where the schema is shared) say what HubSpot's"
                " document says, or, if the difference is deliberate, comment it where it stands and list"
                f" it in {self.deviations} with its reason."
            )
        if self.stale:
            lines.append(
                f"{len(self.stale)} listed deviation(s) that no longer differ; remove them from the list:"
            )
            lines += [f"  {deviation.at}" for deviation in self.stale]
        if not lines:
            lines.append(
                f"conforms to HubSpot's document ({self.allowed} deliberate deviation(s), all listed)"
            )
        return "\n".join(lines)


def check(ours: Mapping[str, Any], theirs: Mapping[str, Any], deviations: list[Deviation]) -> Report:
    """Compare, then sort the differences into allowed and unlisted, and find stale deviations."""
    differences = compare(ours, theirs)
    unlisted = sorted(
        (d for d in differences if not any(deviation.covers(d) for deviation in deviations)),
        key=lambda d: d.key,
    )
    stale = [deviation for deviation in deviations if not any(deviation.covers(d) for d in differences)]
    return Report(unlisted, stale, len(differences) - len(unlisted))


def run(document: Path, hubspot: Path, deviations: Path) -> Report | None:
    """Check `document` against HubSpot's document `hubspot`; None when that file is not here.

    HubSpot's documents live in the team's shared folder next to the repository,
    which a clone elsewhere does not have: then there is nothing to compare with.
    """
    if not hubspot.is_file():
        return None
    # The bundle: our document with what it refers to in components.yaml, as the generator reads it.
    ours = bundle.bundle(document)
    try:
        theirs = json.loads(hubspot.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GenerationError(f"{hubspot}: cannot read HubSpot's document: {exc}") from None
    report = check(ours, theirs, load_deviations(deviations))
    return dataclasses.replace(report, document=_shown(document), deviations=_shown(deviations))


def _shown(path: Path) -> str:
    """`openapi/NAME` for a file of the repository's openapi/, the path as given otherwise."""
    return f"openapi/{path.name}" if path.resolve().parent == OPENAPI else str(path)
