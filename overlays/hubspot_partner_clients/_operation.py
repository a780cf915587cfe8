"""What the package knows of each operation: the shape of the table `_operations.py` fills.

The pipeline writes `_operations.py` from the document (one `Operation` per
operationId, with its retry safety, rate-limit group and largest page); the
overlays ask it which operation a request or a generated function belongs
to, so that no overlay keeps its own list of endpoints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Operation", "OperationTable"]


@dataclass(frozen=True)
class Operation:
    """One operation of the document."""

    name: str
    """The operationId, which is also the generated module's name."""
    method: str
    path: str
    idempotent: bool
    """May be re-sent after it reached HubSpot (GET/PUT/DELETE, or `x-idempotent`)."""
    rate_limit_group: str
    """The rate-limit budget it spends (`x-rate-limit-group`)."""
    max_page_size: int | None
    """The `maximum` of its `limit` query parameter, for paging; None when it has none."""
    pattern: re.Pattern[str]
    """Matches the raw (percent-encoded) paths of its requests."""


class OperationTable:
    """Every operation of the document, found by request or by name."""

    def __init__(self, operations: tuple[Operation, ...]) -> None:
        self._operations = operations
        self._by_name = {operation.name: operation for operation in operations}

    def __iter__(self) -> Iterator[Operation]:
        return iter(self._operations)

    def __len__(self) -> int:
        return len(self._operations)

    def find(self, method: str, path: str) -> Operation | None:
        """The operation a request's method and raw, percent-encoded path belong to."""
        method = method.upper()
        for operation in self._operations:
            if operation.method == method and operation.pattern.fullmatch(path):
                return operation
        return None

    def named(self, name: str) -> Operation | None:
        """The operation whose operationId (and generated module name) is `name`."""
        return self._by_name.get(name)
