"""What the package knows of each operation: the shape of the table `_operations.py` fills.

The pipeline writes `_operations.py` from the document (one `Operation` per
operationId, with its retry safety, the rate-limit windows it spends and
HubSpot's limits on its requests, plus each rate-limit window); the overlays,
the HubSpot double and the benchmarks ask it which operation a request or a
generated function belongs to and what HubSpot allows it, so that none of
them keeps its own list of endpoints or its own copy of a limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from importlib import import_module
from typing import NamedTuple

__all__ = ["Operation", "OperationTable", "RateLimitWindow", "operation_of"]


# Rows are NamedTuples: immutable and compared by value, as the frozen dataclasses they were (a row
# also equals the plain tuple of its values, which nothing here compares it with), and this module,
# which a first call imports, runs in a quarter of the time (~0.3 ms instead of ~1.1 ms).
class RateLimitWindow(NamedTuple):
    """One of HubSpot's rate-limit windows (`x-rate-limit-windows`)."""

    name: str
    """HubSpot's name for it, as `x-hubspot-rate-limit-exemptions` spells it (``ten-secondly``)."""
    max_requests: int
    interval: float
    """Seconds."""


class Operation(NamedTuple):
    """One operation of the document and HubSpot's limits on its requests."""

    name: str
    """The operationId, which is also the generated module's name."""
    method: str
    path: str
    idempotent: bool
    """May be re-sent after it reached HubSpot (GET/PUT/DELETE, or `x-idempotent`)."""
    rate_limit_group: str
    """Its rate-limit group (`x-rate-limit-group`, else ``default``)."""
    rate_limit_windows: tuple[str, ...]
    """The windows each request spends: its group's, less its `x-hubspot-rate-limit-exemptions`."""
    max_page_size: int | None
    """The `maximum` of its `limit` (query parameter or body property); None when it has none."""
    default_page_size: int | None
    """The `default` of its `limit`: what HubSpot serves when a request gives none."""
    max_results: int | None
    """`x-max-results`: the most results one query reaches over all its pages."""
    max_inputs: int | None
    """The `maxItems` of its body's `inputs`: the most inputs of one batch request."""
    max_filter_groups: int | None
    """The `maxItems` of its body's `filterGroups`."""
    max_filters_per_group: int | None
    """The `maxItems` of the `filters` of one filter group."""
    max_filters: int | None
    """`x-max-filters`: the most filters in all the groups of one request."""
    max_query_length: int | None
    """The `maxLength` of its body's `query`."""
    pattern: str
    """The regular expression the raw (percent-encoded) paths of its requests match in full.

    A string, compiled by the table at its first lookup: a program that never sends (or sends
    only after start-up) does not pay for compiling every operation's pattern at import."""


# find()'s index: (method, number of "/" in the path) -> (compiled pattern, row) of each candidate.
_ByShape = dict[tuple[str, int], tuple[tuple[re.Pattern[str], Operation], ...]]


class OperationTable:
    """Every operation of the document, found by request or by name, and the rate-limit windows."""

    def __init__(
        self,
        operations: tuple[Operation, ...],
        *,
        windows: tuple[RateLimitWindow, ...],
        default_windows: tuple[str, ...],
        others: Callable[[], tuple[OperationTable, ...]] | None = None,
    ) -> None:
        self._operations = operations
        # `others`: the other API versions' tables, which `find` searches after this one's (the
        # root's table is the transport's, and one transport serves every version). Called at
        # the first lookup, so that importing this table does not import every version's.
        self._others = others
        self._by_name = {operation.name: operation for operation in operations}
        self._by_shape: _ByShape | None = None
        self.windows = windows
        """Every rate-limit window, in the document's order."""
        self._windows = {window.name: window for window in windows}
        self.default_windows = default_windows
        """The windows of the ``default`` group: what a request of no known operation spends."""

    def _shapes(self) -> _ByShape:
        # find() runs on every request: it tries only the operations of the request's method
        # whose paths have as many segments (a path parameter never holds a "/", which is
        # percent-encoded), one or two, not the whole table. Built once, at the first lookup
        # (two threads racing here build equal tables; either one is kept). The other versions'
        # tables are imported here too: were one broken, the first request, not the import,
        # would raise its ImportError (tests/overlays/test_operation_table.py imports them all).
        found = self._operations
        if self._others is not None:
            found += tuple(operation for table in self._others() for operation in table)
        by_shape: _ByShape = {}
        for operation in found:
            shape = (operation.method, operation.path.count("/"))
            by_shape[shape] = (*by_shape.get(shape, ()), (re.compile(operation.pattern), operation))
        self._by_shape = by_shape
        return by_shape

    def __iter__(self) -> Iterator[Operation]:
        return iter(self._operations)

    def __len__(self) -> int:
        return len(self._operations)

    def find(self, method: str, path: str) -> Operation | None:
        """The operation a request's method and raw, percent-encoded path belong to."""
        by_shape = self._by_shape if self._by_shape is not None else self._shapes()
        for pattern, operation in by_shape.get((method.upper(), path.count("/")), ()):
            if pattern.fullmatch(path):
                return operation
        return None

    def named(self, name: str) -> Operation | None:
        """The operation whose operationId (and generated module name) is `name`."""
        return self._by_name.get(name)

    def window(self, name: str) -> RateLimitWindow:
        """The rate-limit window called `name`; LookupError, saying where to declare it, if none is."""
        found = self._windows.get(name)
        if found is None:
            raise LookupError(
                f"no rate-limit window {name!r} in the operation table (it has {sorted(self._windows)}): "
                "declare it under x-rate-limit-windows in openapi/partner-clients.yaml and regenerate"
            )
        return found

    def limit(self, name: str, field: str) -> int:
        """Operation `name`'s limit `field` (``max_inputs``...), which the caller cannot do without.

        Raises LookupError naming the operation and the limit when the document does not state it,
        so that a module that relies on a limit fails on import instead of sending what HubSpot
        refuses.
        """
        operation = self._by_name.get(name)
        value = getattr(operation, field, None) if operation is not None else None
        if not isinstance(value, int):
            raise LookupError(
                f"the operation table has no {field} for operation {name!r}: state it in "
                "openapi/partner-clients.yaml (the comment at its top lists where each limit goes) "
                "and regenerate"
            )
        return value


def operation_of(module: str) -> Operation | None:
    """The row of the operation whose generated module is `module`, from its own version's table.

    A generated function lives in `<version package>.api.<tag>.<operationId>`, and each version
    package has its `_operations.py`: `hubspot_partner_clients.v2026_03.api.partner_clients.list_page`
    is 2026-03's `list_page`, not v3's. A module outside a version's `api` (a caller's own
    function) is looked up by its last name in the root's table.
    """
    package, found, rest = module.rpartition(".api.")
    name = module.rpartition(".")[2]
    if not found:
        package = __name__.rpartition(".")[0]
    try:
        table = import_module(f"{package}._operations").OPERATIONS
    except ImportError:
        return None
    operation = table.named(rest.rpartition(".")[2] if found else name)
    return operation if isinstance(operation, Operation) else None
