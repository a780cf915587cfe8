"""The httpx clients' cookies (overlays/_cookies.py): kept as httpx keeps them, the jar's work skipped.

A real HTTP server on 127.0.0.1 sets the cookies: the SDK's clients must keep and send back what an
answer sets, send what a user gives, and never hand an answer that sets none to ``http.cookiejar``.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from hubspot_partner_clients import _cookies
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client

TOKEN = "pat-na1-COOKIE-TEST-0000"


class _Server:
    """Answers every GET with a small JSON body; ``/set`` also sets a cookie. Records each Cookie header."""

    def __init__(self) -> None:
        self.cookies_seen: list[str | None] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.cookies_seen.append(self.headers.get("Cookie"))
                body = json.dumps({"ok": True}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                if self.path.startswith("/set"):
                    self.send_header("Set-Cookie", "__cf_bm=abc123; Path=/")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> _Server:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def server() -> Iterator[_Server]:
    with _Server() as running:
        yield running


@pytest.fixture
def jar_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the answers handed to http.cookiejar, in order."""
    calls: list[str] = []
    real = http.cookiejar.CookieJar.extract_cookies

    def counting(self: http.cookiejar.CookieJar, response: Any, request: Any) -> None:
        calls.append(httpx.URL(request.get_full_url()).path)
        real(self, response, request)

    monkeypatch.setattr(http.cookiejar.CookieJar, "extract_cookies", counting)
    return calls


def _client(server: _Server) -> HubSpotClient:
    return create_client(TOKEN, base_url=server.base_url, rate_limit=None)


def test_a_cookie_an_answer_sets_is_sent_back(server: _Server, jar_calls: list[str]) -> None:
    with _client(server) as client:
        http_client = client.get_httpx_client()
        for path in ("/before", "/set", "/after", "/again"):
            http_client.get(path).raise_for_status()
    assert server.cookies_seen == [None, None, "__cf_bm=abc123", "__cf_bm=abc123"]
    # Only the answer that set a cookie went to the jar.
    assert jar_calls == ["/set"]


def test_the_async_client_keeps_cookies_too(server: _Server, jar_calls: list[str]) -> None:
    async def main() -> None:
        async with _client(server) as client:
            http_client = client.get_async_httpx_client()
            for path in ("/before", "/set", "/after"):
                (await http_client.get(path)).raise_for_status()

    asyncio.run(main())
    assert server.cookies_seen == [None, None, "__cf_bm=abc123"]
    assert jar_calls == ["/set"]


def test_cookies_a_user_gives_are_sent_and_kept(server: _Server) -> None:
    with _client(server).with_cookies({"mine": "1"}) as client:
        http_client = client.get_httpx_client()
        assert isinstance(http_client.cookies, _cookies.SkippingCookies)
        for path in ("/first", "/set", "/after"):
            http_client.get(path).raise_for_status()
    assert server.cookies_seen[0] == "mine=1"
    assert server.cookies_seen[2] is not None
    assert sorted(server.cookies_seen[2].split("; ")) == ["__cf_bm=abc123", "mine=1"]


def test_every_spelling_of_the_header_reaches_the_jar() -> None:
    seen: list[object] = []

    class Jar(http.cookiejar.CookieJar):
        def extract_cookies(self, response: Any, request: Any) -> None:
            seen.append((response, request))

    cookies = _cookies.SkippingCookies()
    cookies.jar = Jar()
    request = httpx.Request("GET", "https://api.hubapi.com/x")
    for name in ("Set-Cookie", "SET-COOKIE", "set-cookie2"):
        cookies.extract_cookies(httpx.Response(200, headers={name: "a=1"}, request=request))
    cookies.extract_cookies(httpx.Response(200, headers={"X-Set-Cookie": "a=1"}, request=request))
    assert len(seen) == 3


def test_install_fails_loudly_when_httpx_keeps_cookies_elsewhere() -> None:
    class Moved(httpx.Client):
        @property
        def cookies(self) -> httpx.Cookies:
            return httpx.Cookies()

        @cookies.setter
        def cookies(self, cookies: Any) -> None:
            pass

    with Moved() as moved, pytest.raises(RuntimeError, match=r"_cookies\.install needs updating"):
        _cookies.install(moved)
