"""Write the package's operation table, `_operations.py`, from the document.

The generated endpoint modules know their own method and path but nothing
else; the overlays need, for any request, which operation it is (for logs),
whether it may be re-sent after reaching the server (`x-idempotent`, or
GET/PUT/DELETE by HTTP's rules), which rate-limit windows it spends, and
HubSpot's limits on it (page sizes, batch size, the search caps). The HubSpot
double and the benchmarks need the same limits. One table, generated from
the document, answers that for every operation, so that no overlay lists
endpoints and each limit is written once, in the document.

Rate limits: the document declares HubSpot's windows (`x-rate-limit-windows`)
and the windows each group spends (`x-rate-limit-groups`); an operation is in
the `default` group unless `x-rate-limit-group` names another, and spends its
group's windows less those its `x-hubspot-rate-limit-exemptions` name (the
spelling of HubSpot's own document). A group or window the document does not
declare fails generation, naming it.

Limits: OpenAPI's keywords where they exist (`maximum` / `default` of `limit`,
`maxItems` of the body's `inputs`, `filterGroups` and a group's `filters`,
`maxLength` of `query`) and our extensions where it has none (`x-max-results`
on an operation, `x-max-filters` on a request schema).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeGuard

from generator.generation_error import GenerationError
from generator.render import render
from generator.versions import Version

_METHODS = ("get", "put", "post", "delete", "patch")
_IDEMPOTENT_BY_HTTP = {"GET", "PUT", "DELETE"}
_DEFAULT_GROUP = "default"
# Which document: the pipeline adds the version and its file to every message.
_WHERE = "the document"


def operation_rows(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row of `Operation` fields per operation, in a stable order."""
    windows = rate_limit_windows(document)
    groups = _rate_limit_groups(document, windows)
    rows = []
    for path in sorted(document.get("paths") or {}):
        item = document["paths"][path]
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            verb = method.upper()
            name = operation["operationId"]
            idempotent = verb in _IDEMPOTENT_BY_HTTP or bool(operation.get("x-idempotent", False))
            group = str(operation.get("x-rate-limit-group", _DEFAULT_GROUP))
            if group not in groups:
                raise GenerationError(
                    f"operation {name!r}: x-rate-limit-group {group!r} is not a group of "
                    f"x-rate-limit-groups (it has {sorted(groups)}); declare it there, with the "
                    f"windows it spends, or name one of those, in {_WHERE}"
                )
            exempt = _exemptions(name, operation, windows)
            limit = _limit_schema(document, item, operation)
            body = _body_schema(document, operation)
            inputs = _property(document, body, "inputs")
            filter_groups = _property(document, body, "filterGroups")
            filters = _property(document, _resolve(document, filter_groups.get("items") or {}), "filters")
            query = _property(document, body, "query")
            rows.append(
                {
                    "name": name,
                    "method": verb,
                    "path": path,
                    "idempotent": idempotent,
                    "rate_limit_group": group,
                    "rate_limit_windows": tuple(w for w in groups[group] if w not in exempt),
                    "max_page_size": _count(name, "limit maximum", limit.get("maximum")),
                    "default_page_size": _count(name, "limit default", limit.get("default")),
                    "max_results": _count(name, "x-max-results", operation.get("x-max-results")),
                    "max_inputs": _count(name, "inputs maxItems", inputs.get("maxItems")),
                    "max_filter_groups": _count(name, "filterGroups maxItems", filter_groups.get("maxItems")),
                    "max_filters_per_group": _count(name, "filters maxItems", filters.get("maxItems")),
                    "max_filters": _count(name, "x-max-filters", body.get("x-max-filters")),
                    "max_query_length": _count(name, "query maxLength", query.get("maxLength")),
                    "pattern": "^" + _path_regex(path) + "$",
                }
            )
    return rows


def rate_limit_windows(document: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The document's `x-rate-limit-windows`, checked: {name: {name, max_requests, interval}}."""
    declared = document.get("x-rate-limit-windows")
    if not isinstance(declared, Mapping) or not declared:
        raise GenerationError(
            f"{_WHERE} declares no x-rate-limit-windows: add the top-level mapping of HubSpot's "
            "windows, each with max-requests and interval-seconds (the comment at the top of the "
            "document shows the shape)"
        )
    windows = {}
    for name, window in declared.items():
        max_requests = window.get("max-requests") if isinstance(window, Mapping) else None
        interval = window.get("interval-seconds") if isinstance(window, Mapping) else None
        if not _positive_int(max_requests) or not _positive_number(interval):
            raise GenerationError(
                f"x-rate-limit-windows.{name}: needs max-requests (a whole number >= 1) and "
                f"interval-seconds (a number > 0); got {window!r}, in {_WHERE}"
            )
        windows[str(name)] = {"name": str(name), "max_requests": max_requests, "interval": float(interval)}
    return windows


def write_operations(document: Mapping[str, Any], package_dir: Path, others: Sequence[Version] = ()) -> None:
    """Write `_operations.py` into the generated package.

    `others`, for the root package: the other versions, whose tables the root's `find` searches too
    (one transport serves every version); each version's own `named` and `limit` stay its own.
    """
    rows = operation_rows(document)
    windows = rate_limit_windows(document)
    groups = _rate_limit_groups(document, windows)
    render(
        "_operations.py",
        package_dir / "_operations.py",
        operations=rows,
        windows=list(windows.values()),
        default_windows=tuple(groups[_DEFAULT_GROUP]),
        others=[version.package for version in others],
    )


def _rate_limit_groups(document: Mapping[str, Any], windows: Mapping[str, Any]) -> dict[str, list[str]]:
    declared = document.get("x-rate-limit-groups")
    if not isinstance(declared, Mapping) or _DEFAULT_GROUP not in declared:
        raise GenerationError(
            f"{_WHERE} declares no `{_DEFAULT_GROUP}` group under x-rate-limit-groups: add the top-level "
            "mapping of each group to the windows it spends, with at least `default` (the group of "
            "every operation that names none)"
        )
    groups = {}
    for name, spends in declared.items():
        if not isinstance(spends, list) or not all(isinstance(w, str) for w in spends):
            raise GenerationError(
                f"x-rate-limit-groups.{name}: must be a list of window names; got {spends!r}, in {_WHERE}"
            )
        unknown = [w for w in spends if w not in windows]
        if unknown:
            raise GenerationError(
                f"x-rate-limit-groups.{name}: spends unknown rate-limit window(s) {unknown}; the windows "
                f"are {sorted(windows)} (x-rate-limit-windows), in {_WHERE}"
            )
        groups[str(name)] = list(spends)
    return groups


def _exemptions(name: str, operation: Mapping[str, Any], windows: Mapping[str, Any]) -> set[str]:
    exempt = operation.get("x-hubspot-rate-limit-exemptions", [])
    if not isinstance(exempt, list) or not all(isinstance(w, str) for w in exempt):
        raise GenerationError(
            f"operation {name!r}: x-hubspot-rate-limit-exemptions must be a list of window names; "
            f"got {exempt!r}, in {_WHERE}"
        )
    unknown = [w for w in exempt if w not in windows]
    if unknown:
        raise GenerationError(
            f"operation {name!r}: x-hubspot-rate-limit-exemptions names unknown rate-limit window(s) "
            f"{unknown}; the windows are {sorted(windows)} (x-rate-limit-windows), in {_WHERE}"
        )
    return set(exempt)


def _positive_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _positive_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def _count(operation: str, what: str, value: object) -> int | None:
    """A limit as a whole number >= 1, or None when the document states none."""
    if value is None:
        return None
    if not _positive_int(value):
        raise GenerationError(
            f"operation {operation!r}: its {what} must be a whole number >= 1; got {value!r}, in {_WHERE}"
        )
    return int(value)  # a plain int: ruamel may hand out a subclass


def _resolve(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """`node`, or what its local `$ref` points at (the validator has checked every ref resolves)."""
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return node
    target: Any = document
    for part in ref[2:].split("/"):
        target = target[part]
    return target  # type: ignore[no-any-return]


def _body_schema(document: Mapping[str, Any], operation: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema of the operation's JSON request body, or {} when it has none."""
    body = _resolve(document, operation.get("requestBody") or {})
    media = (body.get("content") or {}).get("application/json") or {}
    return _resolve(document, media.get("schema") or {})


def _property(document: Mapping[str, Any], schema: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    return _resolve(document, (schema.get("properties") or {}).get(name) or {})


def _limit_schema(
    document: Mapping[str, Any], item: Mapping[str, Any], operation: Mapping[str, Any]
) -> Mapping[str, Any]:
    """The schema of the operation's `limit`: its query parameter's, else its body property's."""
    for listed in [*item.get("parameters", []), *operation.get("parameters", [])]:
        parameter = _resolve(document, listed)
        if parameter.get("in") == "query" and parameter.get("name") == "limit":
            return _resolve(document, parameter.get("schema") or {})
    return _property(document, _body_schema(document, operation), "limit")


def _path_regex(path: str) -> str:
    parts = []
    for segment in path.split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            parts.append("[^/]+")
        else:
            parts.append(segment.replace(".", r"\."))
    return "/".join(parts)
