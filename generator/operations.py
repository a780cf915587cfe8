"""Write the package's operation table, `_operations.py`, from the document.

The generated endpoint modules know their own method and path but nothing
else; the overlays need, for any request, which operation it is (for logs),
whether it may be re-sent after reaching the server (`x-idempotent`, or
GET/PUT/DELETE by HTTP's rules), which rate-limit budget it spends
(`x-rate-limit-group`), and for paging the largest page its `limit` query
parameter allows (its schema's `maximum`). One table, generated from the
document, answers that for every operation, so no overlay lists endpoints.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.render import render

_METHODS = ("get", "put", "post", "delete", "patch")
_IDEMPOTENT_BY_HTTP = {"GET", "PUT", "DELETE"}


def operation_rows(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row of `Operation` fields per operation, in a stable order."""
    rows = []
    for path in sorted(document.get("paths") or {}):
        item = document["paths"][path]
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            verb = method.upper()
            idempotent = verb in _IDEMPOTENT_BY_HTTP or bool(operation.get("x-idempotent", False))
            group = str(operation.get("x-rate-limit-group", "default"))
            pattern = "^" + _path_regex(path) + "$"
            page = _max_page_size(document, [*item.get("parameters", []), *operation.get("parameters", [])])
            rows.append(
                {
                    "name": operation["operationId"],
                    "method": verb,
                    "path": path,
                    "idempotent": idempotent,
                    "rate_limit_group": group,
                    "max_page_size": page,
                    "pattern": pattern,
                }
            )
    return rows


def write_operations(document: Mapping[str, Any], package_dir: Path) -> None:
    """Write `_operations.py` into the generated package."""
    render("_operations.py", package_dir / "_operations.py", operations=operation_rows(document))


def _max_page_size(document: Mapping[str, Any], parameters: list[Mapping[str, Any]]) -> int | None:
    """The `maximum` of the `limit` query parameter among `parameters` (refs resolved), if any."""
    for listed in parameters:
        # The document linter has checked every ref: "#/components/parameters/Name".
        ref = listed.get("$ref")
        parameter = document["components"]["parameters"][ref.rsplit("/", 1)[-1]] if ref else listed
        if parameter.get("in") == "query" and parameter.get("name") == "limit":
            maximum = parameter.get("schema", {}).get("maximum")
            return maximum if isinstance(maximum, int) else None
    return None


def _path_regex(path: str) -> str:
    parts = []
    for segment in path.split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            parts.append("[^/]+")
        else:
            parts.append(segment.replace(".", r"\."))
    return "/".join(parts)
