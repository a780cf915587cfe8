"""The package's after-fork hooks (overlays/_fork.py): run in order, weakly held, none holding a module alive.

A real fork() running them is tests/overlays/test_fork.py's; here, what the registration promises.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from hubspot_partner_clients import _fork


def test_only_the_fork_module_registers_and_its_hook_holds_no_module_of_ours() -> None:
    # What os.register_at_fork is given stays until the interpreter's end, with the globals of its
    # function: a hook of limiter.py or hubspot_client.py would keep them (and httpx) alive
    # through the shutdown, which then costs ~2.5 ms more at every exit.
    code = (
        "import os, types\n"
        "registered = []\n"
        "real = os.register_at_fork\n"
        "def spy(**hooks):\n"
        "    registered.extend(hooks.values())\n"
        "    real(**hooks)\n"
        "os.register_at_fork = spy\n"
        "import hubspot_partner_clients.hubspot_client, hubspot_partner_clients.limiter\n"
        "for hook in registered:  # the standard library's own (threading, logging, ...) aside\n"
        "    if not hook.__module__.startswith('hubspot_partner_clients'):\n"
        "        continue\n"
        "    reached = (v for v in hook.__globals__.values() if isinstance(v, types.ModuleType))\n"
        "    print(hook.__module__, hook.__name__, sorted(m.__name__ for m in reached))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.splitlines() == ["hubspot_partner_clients._fork _run_hooks ['os', 'weakref']"]


def test_the_hooks_run_in_order_while_they_live(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fork, "_hooks", [])
    ran: list[str] = []

    def first() -> None:
        ran.append("first")

    def second() -> None:
        ran.append("second")

    _fork.after_fork_in_child(first)
    _fork.after_fork_in_child(second)
    _fork._run_hooks()
    assert ran == ["first", "second"]
    del second  # a hook that no longer lives is not run (nor kept alive)
    _fork._run_hooks()
    assert ran == ["first", "second", "first"]


def test_a_failing_hook_does_not_stop_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fork, "_hooks", [])
    ran: list[str] = []

    def failing() -> None:
        raise RuntimeError("broken hook")

    def after() -> None:
        ran.append("after")

    _fork.after_fork_in_child(failing)
    _fork.after_fork_in_child(after)
    with pytest.raises(RuntimeError, match="broken hook"):
        _fork._run_hooks()
    assert ran == ["after"]
