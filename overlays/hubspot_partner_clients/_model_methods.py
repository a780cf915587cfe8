"""``__repr__`` and ``__eq__`` for every generated model, written once instead of once per class.

attrs writes both methods for each class it defines, as source code it compiles: about a quarter
of a millisecond per model, paid at import, and a call imports about ten models (the object and
every model its fields can hold). The model template (generator/templates/model.py.jinja, note
11) assigns these two instead, and attrs, which leaves a method a class defines itself alone, does
not write its own. They behave as attrs' would:

- ``repr``: ``Name(field=value, ...)``, every field in declaration order by its ``repr``, a model
  met again inside itself (through its additional properties) shown as ``...``, a field that is
  not an ``__init__`` argument and was never set as ``NOTHING``;
- ``==``: for two instances of the same class, each field's ``==`` in order, the first that is
  false (or else the last) being the answer, as attrs' ``a == a2 and b == b2 ...``;
  ``NotImplemented`` for an instance of another class, so that Python answers False (a subclass
  is another class). Defining ``__eq__`` leaves the models unhashable, as attrs leaves them.
"""

from __future__ import annotations

import threading
from typing import Any

import attrs

__all__ = ["model_eq", "model_repr"]

# The ids of the models whose repr is being written, per thread: a model that (through its
# additional properties) holds itself is shown as "...", not recursed into.
_repring = threading.local()


def _fields(cls: type) -> list[tuple[str, bool]]:
    # attrs' own record of the fields, in declaration order (a lookup attrs caches on the class),
    # and whether each is set by __init__: attrs shows one that is not, and is not set, as NOTHING.
    return [(field.name, field.init) for field in attrs.fields(cls)]


def model_repr(self: Any) -> str:
    """``Name(field=value, ...)``, as attrs writes it (see the module docstring)."""
    seen: set[int] | None = getattr(_repring, "ids", None)
    if seen is None:
        seen = _repring.ids = set()
    if id(self) in seen:
        return "..."
    seen.add(id(self))
    try:
        cls = type(self)
        shown = ", ".join(
            f"{name}={(getattr(self, name) if init else getattr(self, name, attrs.NOTHING))!r}"
            for name, init in _fields(cls)
        )
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({shown})"
    finally:
        seen.discard(id(self))


def model_eq(self: Any, other: object) -> bool:
    """Field by field, for two instances of one class (see the module docstring)."""
    if other.__class__ is not self.__class__:
        return NotImplemented  # type: ignore[no-any-return]  # Python's "not comparable": False
    # attrs' `self.a == other.a and self.b == other.b ...`: the first falsy comparison, or the last.
    equal: Any = True
    for name, _ in _fields(type(self)):
        equal = getattr(self, name) == getattr(other, name)
        if not equal:
            return equal  # type: ignore[no-any-return]  # what the field's == gave, as attrs returns it
    return equal  # type: ignore[no-any-return]  # likewise
