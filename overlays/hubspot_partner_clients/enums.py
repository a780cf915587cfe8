"""Lenient string enums: a value the SDK does not know never breaks parsing a response.

Every string enum of ``hubspot_partner_clients.models`` (``BatchStatus``, ``FilterOperator``) is a
``LenientStrEnum``; parsing a value it does not know goes through ``LenientStrEnum._missing_``:

- an alias (``_ALIASES``, e.g. HubSpot's prose spelling ``"CANCELLED"`` of ``BatchStatus.CANCELED``)
  returns the very member it names, so it compares, hashes and serialises as the canonical value;
- any other string returns a pseudo-member of the enum that keeps the raw string as its value
  (``.value``, ``str()``, ``==`` and ``to_dict`` give it back unchanged), is not one of
  ``list(X)``, has ``is_known == False``, and logs one warning per (enum, value) through the
  ``hubspot_partner_clients`` logger. Pseudo-members are cached: parsing the same value again
  returns the same object and does not warn again.
"""

# Hooks: every generated string enum in models/*.py (`class X(StrEnum)`) is patched by
# the `enums` overlay to derive from LenientStrEnum instead of StrEnum, so the generated
# `X(raw)` calls in `from_dict` go through `LenientStrEnum._missing_`.

from __future__ import annotations

import logging
import threading
from enum import StrEnum
from typing import Any

from ._constants import LOGGER_NAME

__all__ = ["LenientStrEnum"]

_log = logging.getLogger(LOGGER_NAME)

# Enum class name -> {other spelling: canonical value}. Keyed by name because the generated
# models import this module (importing them here would be circular); the `enums` overlay
# requires the canonical values to exist, so renaming one fails generation.
_ALIASES: dict[str, dict[str, str]] = {
    # HubSpot's enum says CANCELED, its prose (and some responses) CANCELLED.
    "BatchStatus": {"CANCELLED": "CANCELED"},
}

_unknown: dict[tuple[type[LenientStrEnum], str], LenientStrEnum] = {}
_unknown_lock = threading.Lock()


class LenientStrEnum(StrEnum):
    """A ``StrEnum`` that accepts aliases of its members and keeps unknown values.

    ``X("KNOWN")`` is the member as usual; ``X("ALIAS")`` is the member the alias names;
    ``X("NEW_VALUE")`` is a cached pseudo-member with ``value == "NEW_VALUE"`` and
    ``is_known`` False (its ``name`` is ``"?NEW_VALUE"``, which no member can have).
    Only ``str`` values are accepted: anything else still raises ``ValueError``.
    """

    @property
    def is_known(self) -> bool:
        """True for the members the document defines, False for a value kept from a response."""
        return type(self)._value2member_map_.get(self._value_) is self

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None  # Enum then raises its usual ValueError.
        canonical = _ALIASES.get(cls.__name__, {}).get(value)
        if canonical is not None:
            return cls._value2member_map_.get(canonical)
        key = (cls, value)
        # Under a lock so that concurrent parses share one pseudo-member and one warning.
        with _unknown_lock:
            member = _unknown.get(key)
            if member is None:
                member = str.__new__(cls, value)
                member._name_ = f"?{value}"
                member._value_ = value
                _unknown[key] = member
                _log.warning(
                    "%s: unknown value %r received; kept as is (is_known=False). "
                    "A newer SDK version may know it.",
                    cls.__name__,
                    value,
                )
            return member
