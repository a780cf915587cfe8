"""Turn the resource client's arguments into what the generated functions take.

The generated `resources.py` calls these: `given` keeps only the arguments a
caller gave (so that a generated function's own defaults, and the paginators'
choice of the largest page, apply to the rest), `model` / `models` accept
a plain dict (shaped by a TypedDict of `params.py`) or the attrs model for a
request's object values, and `strings` a list of strings (not a bare string,
which would go out one character per item), refusing anything else with
`InvalidArgumentError` before a request is sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, Self, TypeVar

from .errors import InvalidArgumentError
from .types import Unset

__all__ = ["given", "model", "models", "strings"]


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


_M = TypeVar("_M", bound=_Model)


def given(**arguments: Any) -> dict[str, Any]:
    """The arguments that are not `UNSET`."""
    return {name: value for name, value in arguments.items() if not isinstance(value, Unset)}


def model(cls: type[_M], value: object, *, operation: str, argument: str) -> Any:
    """`value` as a `cls`: itself when it is one, parsed when it is a dict; `UNSET` stays unset."""
    if isinstance(value, cls | Unset):
        return value
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(
            f"{operation}: {argument} must be a {cls.__name__} or a dict of its fields, not "
            f"{type(value).__name__}; nothing was sent.",
            argument=argument,
            operation=operation,
        )
    try:
        return cls.from_dict(value)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        missing = f"it lacks the field {error}" if isinstance(error, KeyError) else f"{error}"
        raise InvalidArgumentError(
            f"{operation}: {argument} cannot be read as a {cls.__name__} ({missing}); pass the "
            f"fields HubSpot names in hubspot_partner_clients.params, or a {cls.__name__}. "
            "Nothing was sent.",
            argument=argument,
            operation=operation,
        ) from None


def models(cls: type[_M], values: object, *, operation: str, argument: str) -> Any:
    """Each of `values` as a `cls` (see `model`); `UNSET` stays unset."""
    if isinstance(values, Unset):
        return values
    if not isinstance(values, Sequence) or isinstance(values, str | bytes):
        raise InvalidArgumentError(
            f"{operation}: {argument} must be a list of {cls.__name__} or of dicts, not "
            f"{type(values).__name__}; nothing was sent.",
            argument=argument,
            operation=operation,
        )
    return [model(cls, v, operation=operation, argument=f"{argument}[{i}]") for i, v in enumerate(values)]


def strings(values: object, *, operation: str, argument: str) -> Any:
    """`values`, a list of strings, as a list; `UNSET` stays unset.

    A bare `str` (or `bytes`) is refused rather than sent one character per item: `sorts="name"`
    would search sorted by properties "n", "a", "m" and "e". The items are HubSpot's to judge.
    """
    if isinstance(values, Unset):
        return values
    if isinstance(values, str | bytes | bytearray) or not isinstance(values, Sequence):
        example = f"[{values!r}]" if isinstance(values, str) else '["name"]'
        raise InvalidArgumentError(
            f"{operation}: {argument} must be a list of strings, such as {argument}={example}, not "
            f"a {type(values).__name__}; nothing was sent.",
            argument=argument,
            operation=operation,
        )
    return list(values)
