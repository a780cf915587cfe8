"""The resource client's bulk methods take exactly bulk's options, with bulk's types.

`client.partner_clients.bulk_update(rows, **options)` types `options` by TypedDicts of
`_extras.py`, a list of bulk's keyword parameters written by hand; this compares the two, so an
option added to `bulk_update` or `bulk_read` (as `journal` was) cannot go missing from the method.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from typing import Any

import pytest

from hubspot_partner_clients import _extras, bulk


def keyword_types(fn: Callable[..., Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(fn)
    # `operation` is no option of the method: each version's resource class passes its own module.
    keywords = [
        p.name
        for p in inspect.signature(fn).parameters.values()
        if p.kind is p.KEYWORD_ONLY and p.name != "operation"
    ]
    return {name: hints[name] for name in keywords}


@pytest.mark.parametrize(
    ("options", "functions"),
    [
        (_extras._RunOptions, (bulk.bulk_update, bulk.abulk_update)),
        (_extras._ReadOptions, (bulk.bulk_read, bulk.abulk_read)),
    ],
    ids=["update", "read"],
)
def test_the_methods_options_are_bulks_keyword_parameters(
    options: type[Any], functions: tuple[Callable[..., Any], ...]
) -> None:
    typed = typing.get_type_hints(options)
    assert options.__required_keys__ == frozenset()  # every option has bulk's default
    for fn in functions:
        assert typed == keyword_types(fn), fn.__name__
