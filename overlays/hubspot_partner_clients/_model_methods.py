"""``__repr__`` and ``__eq__`` for every generated model and client, written once instead of once per class.

attrs writes both methods for each class it defines, as source code it compiles: about a quarter
of a millisecond per model, paid at import, and a call imports about ten models (the object and
every model its fields can hold). The model template (generator/templates/model.py.jinja, note
11) assigns these two instead, as do the generated clients, ``File`` and ``Response`` (the
model_methods overlay's patches) and ``HubSpotClient``; attrs, which leaves a method a class
defines itself alone, does not write its own. They behave as attrs' would:

- ``repr``: ``Name(field=value, ...)``, every field in declaration order by its ``repr`` (a field
  declared with ``repr=False`` left out, one with a callable shown by it, as in attrs), a model
  met again inside itself (through its additional properties) shown as ``...``, a field that is
  not an ``__init__`` argument and was never set as ``NOTHING``;
- ``==``: for two instances of the same class, each field's ``==`` in order (a field declared
  with ``eq=False`` left out), the first that is false (or else the last) being the answer, as
  attrs' ``a == a2 and b == b2 ...``; ``NotImplemented`` for an instance of another class (a
  subclass is another class), so that Python asks the other side and, unless it knows better,
  answers False. Defining ``__eq__`` leaves the classes unhashable, as attrs leaves them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["model_eq", "model_repr"]

# The ids of the models whose repr is being written, per thread: a model that (through its
# additional properties) holds itself is shown as "...", not recursed into.
_repring = threading.local()


# Per class, worked out on its first repr or ==: attrs.fields reads the class's field records, and
# these keep only what each method needs of them.
_Shown = tuple[tuple[str, bool, Callable[[Any], str]], ...]
_SHOWN: dict[type, _Shown] = {}
_COMPARED: dict[type, tuple[str, ...]] = {}


def _shown(cls: type) -> _Shown:
    """The fields a repr shows, in declaration order: (name, set by __init__, how it is shown).

    attrs shows a field that is not an ``__init__`` argument and was never set as NOTHING.
    """
    shown = _SHOWN.get(cls)
    if shown is None:
        shown = _SHOWN[cls] = tuple(
            (field.name, field.init, repr if field.repr is True else field.repr)
            for field in attrs.fields(cls)
            if field.repr is not False
        )
    return shown


def _compared(cls: type) -> tuple[str, ...]:
    """The fields == compares, in declaration order."""
    compared = _COMPARED.get(cls)
    if compared is None:
        compared = _COMPARED[cls] = tuple(field.name for field in attrs.fields(cls) if field.eq)
    return compared


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
            f"{name}={show(getattr(self, name) if init else getattr(self, name, attrs.NOTHING))}"
            for name, init, show in _shown(cls)
        )
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({shown})"
    finally:
        seen.discard(id(self))


def model_eq(self: Any, other: object) -> bool:
    """Field by field, for two instances of one class (see the module docstring)."""
    if other.__class__ is not self.__class__:
        # Not "unequal" but "ask the other side" (which answers False unless it knows better).
        return NotImplemented  # type: ignore[no-any-return]
    # attrs' `self.a == other.a and self.b == other.b ...`: the first falsy comparison, or the last.
    equal: Any = True
    for name in _compared(type(self)):
        equal = getattr(self, name) == getattr(other, name)
        if not equal:
            return equal  # type: ignore[no-any-return]  # what the field's == gave, as attrs returns it
    return equal  # type: ignore[no-any-return]  # likewise
