"""Running the double: uvicorn in a background thread, as a context manager.

The socket is bound here (port 0 = a free port chosen by the OS) and handed to
uvicorn, so there is no race between picking a port and listening on it.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from types import TracebackType

import uvicorn

from .app import DoubleApp
from .config import DEFAULT_TOKEN, DoubleConfig
from .faults import Faults
from .ratelimit import AccountRateLimits
from .recording import Recorder
from .store import Store


class _DropNoise(logging.Filter):
    # The deliberate mid-response drop makes uvicorn log this at ERROR level;
    # it is the fault working, not a bug, so keep test output clean.
    def filter(self, record: logging.LogRecord) -> bool:
        return "returned without completing response" not in record.getMessage()


def quiet_uvicorn_drop_noise() -> None:
    log = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _DropNoise) for f in log.filters):
        log.addFilter(_DropNoise())


class HubSpotDouble:
    """A running double: ``with HubSpotDouble(config) as double: ...``.

    Attributes: `base_url`, `token` (full read+write scopes), `store`,
    `faults`, `rate_limits`, `requests` (the Recorder), `config`.
    """

    def __init__(self, config: DoubleConfig | None = None) -> None:
        self.config = config or DoubleConfig()
        self.store = Store(self.config.store)
        self.faults = Faults(self.config.faults)
        self.rate_limits = AccountRateLimits(self.config.rate_limit)
        self.requests = Recorder()
        self.app = DoubleApp(self.store, self.config.auth, self.rate_limits, self.faults, self.requests)
        self.token = (
            DEFAULT_TOKEN
            if DEFAULT_TOKEN in self.config.auth.tokens
            else next(iter(self.config.auth.tokens), "")
        )
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the double is not running")
        return f"http://{self.config.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> HubSpotDouble:
        if self._server is not None:
            raise RuntimeError("already started")
        quiet_uvicorn_drop_noise()
        # proto=IPPROTO_TCP, not the default 0: accepted connections inherit
        # it, and asyncio sets TCP_NODELAY only on IPPROTO_TCP sockets. With 0
        # every response body waits ~40 ms for the client's delayed ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.config.host, self.config.port))
        self.port = sock.getsockname()[1]
        self._socket = sock
        config = uvicorn.Config(
            self.app,
            lifespan="off",
            log_level="warning",
            access_log=False,
            # Delayed-response faults may still be sleeping at shutdown; do
            # not let them hold the test run hostage.
            timeout_graceful_shutdown=1,
            timeout_keep_alive=5,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="hubspot-double", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the double did not start")
            time.sleep(0.005)
        # `started` is set once listening; prove it by connecting.
        with socket.create_connection((self.config.host, self.port), timeout=timeout):
            pass
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
            if self._thread.is_alive():
                # Graceful shutdown is stuck on a connection: force it.
                assert self._server is not None
                self._server.force_exit = True
                self._thread.join(timeout=5)
        if self._socket is not None:
            self._socket.close()
        self._server = None
        self._thread = None
        self._socket = None

    def reset(self) -> None:
        """Clear faults, rate-limit counters, recorded requests and write log."""
        self.faults.reset()
        self.rate_limits.reset()
        self.requests.clear()
        self.store.clear_writes()

    def __enter__(self) -> HubSpotDouble:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
