"""The package's after-fork hooks, run in a forked child without slowing the interpreter's exit.

``os.register_at_fork`` keeps what it is given until the interpreter's very end. Given a function
of one of our modules, it keeps that module's globals alive through the shutdown, and with them
every module they reach (httpx, logging, ...), which the shutdown then clears one by one: about
2.5 ms more at every exit of a program that merely imported the module (CPython 3.11, measured
from the end of the program to the end of its process). So the package registers one function,
this module's, whose globals hold no module of ours (only this list of hooks and the standard
modules it needs), and it reaches each hook through a weak reference. A hook is therefore a
module's own function, which lives as long as its module: a lambda or a bound method would die at
once, and is refused.
"""

# Hooks: no generated code. limiter.py and hubspot_client.py register their after-fork functions
# here (new locks, and the parent's pools and requests in flight left to the parent).

from __future__ import annotations

import os
import types
import weakref
from collections.abc import Callable

__all__ = ["after_fork_in_child"]

_hooks: list[weakref.ref[Callable[[], None]]] = []


def _run_hooks() -> None:
    # Every hook runs even when one fails; the first failure is then raised (with a note naming
    # any later one), for os.register_at_fork to report as it reports a failing hook of its own.
    failure: Exception | None = None
    for ref in list(_hooks):
        hook = ref()
        if hook is None:
            continue
        try:
            hook()
        except Exception as exc:  # noqa: BLE001 - raised below, after the other hooks ran
            if failure is None:
                failure = exc
            else:
                failure.add_note(f"another after-fork hook failed too: {exc!r}")
    if failure is not None:
        raise failure


def after_fork_in_child(hook: Callable[[], None]) -> None:
    """Call `hook`, a function defined at the top of its module, in the child after each ``fork()``.

    Raises TypeError for anything else (a lambda, a nested function, a bound method), which the
    weak reference would not keep alive.
    """
    if (
        not isinstance(hook, types.FunctionType)
        or hook.__qualname__ != hook.__name__
        or hook.__name__ == "<lambda>"
    ):
        raise TypeError(f"an after-fork hook must be a module's own function, not {hook!r}")
    _hooks.append(weakref.ref(hook))


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_run_hooks)
