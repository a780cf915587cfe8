"""The package's after-fork hooks (overlays/_fork.py): run in a real child, weakly held, no module kept.

tests/overlays/test_fork.py forks clients that are calling; here, what the registration promises.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hubspot_partner_clients import _fork, hubspot_client, limiter
from hubspot_partner_clients.limiter import RateLimiter

ROOT = Path(__file__).resolve().parents[2]
# The checkout these tests run from, not whatever copy of the package an interpreter would find.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "generated")])}

pytestmark = pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")


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
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=ENV)
    assert run.stdout.splitlines() == ["hubspot_partner_clients._fork _run_hooks ['os', 'types', 'weakref']"]


def test_the_limiter_and_the_pools_hooks_are_registered_and_alive() -> None:
    live = [ref() for ref in _fork._hooks]
    assert limiter._after_fork_in_child in live
    assert hubspot_client._after_fork_in_child in live


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_limiter_made_after_import_is_reset_in_a_real_child() -> None:
    made = RateLimiter()
    reservation = made.acquire()
    assert reservation is not None
    assert made._in_flight == 1
    held = threading.Event()
    release = threading.Event()

    def hold_the_lock() -> None:  # as another thread of the parent may, at the instant of the fork
        with made._lock:
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    held.wait(10)
    try:
        pid = os.fork()
        if pid == 0:  # the child: its hooks ran before fork() returned here
            fresh = made._lock.acquire(blocking=False)
            answered = all(count.answered for count in made._account.sent)
            os._exit(0 if fresh and made._in_flight == 0 and answered else 1)
        _, status = os.waitpid(pid, 0)
    finally:
        release.set()
        holder.join()
    assert os.waitstatus_to_exitcode(status) == 0
    made.settle(reservation, None)


def _module_function(name: str, ran: list[str], body: str = "ran.append(name)") -> Callable[[], None]:
    """A function as a module defines it (at its top, by its own name) that runs `body`."""
    namespace: dict[str, Any] = {"ran": ran, "name": name}
    exec(f"def {name}() -> None:\n    {body}\n", namespace)
    hook: Callable[[], None] = namespace[name]
    return hook


def test_the_hooks_run_in_order_while_they_live(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fork, "_hooks", [])
    ran: list[str] = []
    first, second = _module_function("first", ran), _module_function("second", ran)
    _fork.after_fork_in_child(first)
    _fork.after_fork_in_child(second)
    _fork._run_hooks()
    assert ran == ["first", "second"]
    del second  # a hook that no longer lives is not run (nor kept alive)
    gc.collect()  # a function and its module's globals refer to each other: freed by a collection
    _fork._run_hooks()
    assert ran == ["first", "second", "first"]


def test_a_hook_the_weak_reference_would_lose_is_refused() -> None:
    def nested() -> None:
        pass

    for hook in (lambda: None, nested, RateLimiter()._after_fork_in_child):
        with pytest.raises(TypeError, match="must be a module's own function"):
            _fork.after_fork_in_child(hook)


def test_a_failing_hook_does_not_stop_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fork, "_hooks", [])
    ran: list[str] = []

    failing = _module_function("failing", ran, body="raise RuntimeError('broken hook')")
    failing_too = _module_function("failing_too", ran, body="raise RuntimeError('broken hook')")
    after = _module_function("after", ran)
    for hook in (failing, after, failing_too):
        _fork.after_fork_in_child(hook)
    with pytest.raises(RuntimeError, match="broken hook") as caught:
        _fork._run_hooks()
    assert ran == ["after"]
    assert caught.value.__notes__ == ["another after-fork hook failed too: RuntimeError('broken hook')"]
