"""The package's after-fork hooks, run in a forked child without slowing the interpreter's exit.

``os.register_at_fork`` keeps what it is given until the interpreter's very end. Given a function
of one of our modules, it keeps that module's globals alive through the shutdown, and with them
every module they reach (httpx, logging, ...), which the shutdown then clears one by one: about
2.5 ms more at every exit of a program that merely imported the module (CPython 3.11, measured
from the end of the program to the end of its process). So the package registers one function,
this module's, whose globals hold nothing but this list of hooks, and it reaches each hook
through a weak reference.
"""

# Hooks: no generated code. limiter.py and hubspot_client.py register their after-fork functions
# here (new locks, and the parent's pools and requests in flight left to the parent).

from __future__ import annotations

import os
import weakref
from collections.abc import Callable

__all__ = ["after_fork_in_child"]

_hooks: list[weakref.ref[Callable[[], None]]] = []


def _run_hooks() -> None:
    # Every hook runs even when one fails; the first failure is then raised, for
    # os.register_at_fork to report as it reports a failing hook of its own.
    failure: Exception | None = None
    for ref in list(_hooks):
        hook = ref()
        if hook is None:
            continue
        try:
            hook()
        except Exception as exc:  # noqa: BLE001 - raised below, after the other hooks ran
            failure = failure or exc
    if failure is not None:
        raise failure


def after_fork_in_child(hook: Callable[[], None]) -> None:
    """Call `hook` in the child after each ``fork()``, as long as it lives (a module's function does)."""
    _hooks.append(weakref.ref(hook))


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_run_hooks)
