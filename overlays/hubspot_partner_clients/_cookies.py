"""The httpx clients' cookies, with the jar's work skipped for an answer that sets no cookie.

httpx hands every answer to ``Cookies.extract_cookies``, which wraps the request and the answer
for ``http.cookiejar`` (a ``urllib.request.Request``, parsing the URL once more) before the jar
looks for a ``Set-Cookie`` header and, mostly, finds none: about 25 us per call on CPython 3.11,
as much as everything else this SDK adds to a call. ``SkippingCookies`` looks for the header
first. An answer that has one goes to the jar as before, so cookies behave exactly as httpx's:
those an answer sets are kept and sent back, those a user gives are sent. (A jar of one's own
whose ``extract_cookies`` does more is not called for an answer that sets no cookie; and
assigning ``http_client.cookies = ...`` brings back httpx's own ``Cookies``, which is correct,
only slower.)
"""

# Hooks: hubspot_client.HubSpotClient calls `install` on every httpx client it builds. Relies on
# httpx keeping a client's cookies in its private `_cookies` (what the public `cookies` property
# returns, and what `_send_single_request` hands each answer to); `install` checks that the
# property returns what it set, and raises at the client's first use if httpx has changed.

from __future__ import annotations

import httpx

__all__ = ["SkippingCookies", "install"]

# The prefix of both headers `http.cookiejar` reads an answer's cookies from: Set-Cookie, and
# RFC 2965's Set-Cookie2.
_SETS_COOKIE = b"set-cookie"


class SkippingCookies(httpx.Cookies):
    """``httpx.Cookies`` whose ``extract_cookies`` returns at once for an answer setting none."""

    def extract_cookies(self, response: httpx.Response) -> None:
        for key, _ in response.headers.raw:
            if key[: len(_SETS_COOKIE)].lower() == _SETS_COOKIE:
                super().extract_cookies(response)
                return


def install(client: httpx.Client | httpx.AsyncClient) -> None:
    """Give `client` ``SkippingCookies`` over its own jar (the cookies it was built with stay)."""
    cookies = SkippingCookies()
    cookies.jar = client.cookies.jar
    client._cookies = cookies
    if client.cookies is not cookies:
        raise RuntimeError(
            f"httpx {httpx.__version__} no longer keeps a client's cookies in `_cookies`: "
            "hubspot_partner_clients._cookies.install needs updating"
        )
