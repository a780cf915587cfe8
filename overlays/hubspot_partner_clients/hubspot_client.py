"""A ready client: ``create_client()`` builds a configured ``HubSpotClient``.

``client.partner_clients`` (and ``client.aio.partner_clients``, to await) is
every operation as a method; the client also goes to every function of
``api.partner_clients``.

After ``fork()`` the child never touches the parent's connections: the
shared pools get a new lock and are dropped in the child (``_fork.after_fork_in_child``;
dropped, not closed, since closing would end the parent's TLS sessions too), and
a client whose httpx clients were built in another process builds new ones on
first use in this one.

The token travels only in the ``Authorization`` header of the httpx client
(whose repr masks it); it is kept out of this client's repr and out of the
headers dict that ``with_headers``/``evolve`` copy.
"""

# Hooks: subclasses the generated client.AuthenticatedClient, through the generated
# _versions.VersionedClient (one attribute per API version), so every generated
# endpoint function accepts it) and overrides its get_httpx_client /
# get_async_httpx_client to build httpx clients, lazily, on retry.RetryTransport /
# retry.AsyncRetryTransport with one shared limiter.RateLimiter. Relies on the
# generated private attributes _base_url, _cookies, _headers, _timeout,
# _verify_ssl, _follow_redirects, _httpx_args, _client and _async_client. Each httpx client gets
# the cookie jar of the _cookies module, SkippingCookies (its work skipped for answers that set
# no cookie), from install_cookie_jar.

from __future__ import annotations

import os
import threading
import weakref
from typing import TYPE_CHECKING, Any

import httpx
from attrs import define, evolve, field

from . import _fork
from ._constants import ACCOUNT_ENV, REDIS_URL_ENV
from ._cookies import install as install_cookie_jar
from ._model_methods import model_eq, model_repr
from ._versions import VersionedClient
from .limiter import RateLimit, RateLimiter
from .retry import AsyncRetryTransport, OnRetry, RetryPolicy, RetryTransport

if TYPE_CHECKING:
    from .resources import AsyncResources, PartnerClients

__all__ = ["ConfigurationError", "HubSpotClient", "create_client"]

DEFAULT_BASE_URL = "https://api.hubapi.com"
TOKEN_ENV = "HUBSPOT_ACCESS_TOKEN"
# Connecting should be quick; HubSpot's batch calls can take a while to answer.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_RATE_LIMIT = RateLimit()


class ConfigurationError(ValueError):
    """The client cannot be built as configured (for instance, no token)."""


class _Pools:
    """The inner transports (connection pools) shared by a client and its ``with_options`` copies.

    Built on first use. Closing any client of the family closes them, as with
    a shared httpx client.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sync: httpx.BaseTransport | None = None
        self._async: httpx.AsyncBaseTransport | None = None
        _LIVE_POOLS.add(self)

    def _after_fork_in_child(self) -> None:
        # A parent's thread may have held the lock at the fork; the connections are the parent's.
        self._lock = threading.Lock()
        self._sync = None
        self._async = None

    def sync(self, make: Any) -> httpx.BaseTransport:
        with self._lock:
            if self._sync is None:
                self._sync = make()
            return self._sync

    def async_(self, make: Any) -> httpx.AsyncBaseTransport:
        with self._lock:
            if self._async is None:
                self._async = make()
            return self._async


_LIVE_POOLS: weakref.WeakSet[_Pools] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for pools in list(_LIVE_POOLS):
        pools._after_fork_in_child()


_fork.after_fork_in_child(_after_fork_in_child)


@define
class HubSpotClient(VersionedClient):  # noqa: PLW1641  (__eq__ without __hash__: unhashable, as attrs made it)
    """An ``AuthenticatedClient`` with retries and client-side rate limiting on every call.

    ``client.partner_clients`` is API version v3's resource client; each dated version of the
    package is an attribute (``client.v2026_03.partner_clients``), written from the version list
    into ``VersionedClient``: one client, one limiter and one pool serve every version.

    Build it with ``create_client()``. ``with_options()`` returns a copy with
    another retry policy or timeout that shares this one's limiter and
    connection pools.
    """

    retry: RetryPolicy = field(factory=RetryPolicy, kw_only=True)
    """The retry policy of every call made through this client."""
    limiter: RateLimiter | None = field(factory=RateLimiter, kw_only=True)
    """The rate limiter shared by every call (None: no client-side limiting)."""
    on_retry: OnRetry | None = field(default=None, kw_only=True)
    """Called with a ``RetryEvent`` before each retry (for metrics)."""
    _pools: _Pools = field(factory=_Pools, kw_only=True, alias="_pools", repr=False)
    _pid: int = field(factory=os.getpid, init=False, repr=False)
    """The process the httpx clients were built in."""
    # As the generated clients have them (the model_methods overlay): attrs would compile its own.
    __repr__ = model_repr
    __eq__ = model_eq

    def with_options(
        self, *, retry: RetryPolicy | None = None, timeout: httpx.Timeout | float | None = None
    ) -> HubSpotClient:
        """A copy with another retry policy and/or timeout, sharing the limiter and pools."""
        changes: dict[str, Any] = {}
        if retry is not None:
            changes["retry"] = retry
        if timeout is not None:
            changes["timeout"] = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        return evolve(self, **changes)

    @property
    def partner_clients(self) -> PartnerClients:
        """Every Partner Clients operation as a method: ``client.partner_clients.get("123")``."""
        # Imported on first use: the resource client imports every operation and model, which
        # `import hubspot_partner_clients` and create_client() need not pay for.
        from .resources import PartnerClients

        return PartnerClients(self)

    @property
    def aio(self) -> AsyncResources:
        """The async resource clients: ``await client.aio.partner_clients.get("123")``."""
        from .resources import AsyncResources

        return AsyncResources(self)

    def with_timeout(self, timeout: httpx.Timeout) -> HubSpotClient:
        """A copy with another timeout (this client is left unchanged)."""
        return self.with_options(timeout=timeout)

    def _auth_headers(self) -> dict[str, str]:
        # Not stored in self._headers: that dict is copied by evolve and
        # with_headers, and a token should live in as few places as possible.
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        return {**self._headers, self.auth_header_name: value}

    def _path_prefix(self) -> str:
        return httpx.URL(self._base_url).raw_path.decode("ascii").rstrip("/")

    def _forget_if_forked(self) -> None:
        if self._pid != os.getpid():
            # Built before a fork: the parent's; neither used nor closed here.
            self._client = None
            self._async_client = None
            self._pid = os.getpid()

    def get_httpx_client(self) -> httpx.Client:
        """The httpx client, built on first use with retries and the shared limiter."""
        self._forget_if_forked()
        if self._client is None:
            args = dict(self._httpx_args)
            given = args.pop("transport", None)
            args.pop("async_transport", None)
            inner = self._pools.sync(
                lambda: given if given is not None else httpx.HTTPTransport(verify=self._verify_ssl)
            )
            transport = RetryTransport(
                inner,
                policy=self.retry,
                limiter=self.limiter,
                on_retry=self.on_retry,
                path_prefix=self._path_prefix(),
            )
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._auth_headers(),
                timeout=self._timeout,
                follow_redirects=self._follow_redirects,
                transport=transport,
                **args,
            )
            install_cookie_jar(self._client)
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The httpx async client, built on first use with retries and the shared limiter."""
        self._forget_if_forked()
        if self._async_client is None:
            args = dict(self._httpx_args)
            given = args.pop("async_transport", None)
            args.pop("transport", None)
            inner = self._pools.async_(
                lambda: given if given is not None else httpx.AsyncHTTPTransport(verify=self._verify_ssl)
            )
            transport = AsyncRetryTransport(
                inner,
                policy=self.retry,
                limiter=self.limiter,
                on_retry=self.on_retry,
                path_prefix=self._path_prefix(),
            )
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._auth_headers(),
                timeout=self._timeout,
                follow_redirects=self._follow_redirects,
                transport=transport,
                **args,
            )
            install_cookie_jar(self._async_client)
        return self._async_client

    def close(self) -> None:
        """Close the sync httpx client (and the pools it shares with its copies)."""
        self._forget_if_forked()
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        """Close the async httpx client (and the pools it shares with its copies)."""
        self._forget_if_forked()
        if self._async_client is not None:
            await self._async_client.aclose()


def create_client(
    token: str | None = None,
    *,
    base_url: str = DEFAULT_BASE_URL,
    retry: RetryPolicy | None = None,
    rate_limit: RateLimit | None = DEFAULT_RATE_LIMIT,
    timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    on_retry: OnRetry | None = None,
    headers: dict[str, str] | None = None,
    httpx_args: dict[str, Any] | None = None,
    rate_limit_redis: str | None = None,
    rate_limit_account: str | None = None,
) -> HubSpotClient:
    """A client ready to call HubSpot: token, retries, rate limiting and timeouts set.

    ``token`` defaults to the ``HUBSPOT_ACCESS_TOKEN`` environment variable.
    ``rate_limit=None`` turns client-side limiting off. ``httpx_args`` go to
    the httpx clients (``transport``/``async_transport`` replace the inner
    transports the retries wrap).

    ``rate_limit_redis`` (default: the ``HUBSPOT_RATE_LIMIT_REDIS_URL`` environment variable) is a
    Redis URL: the limiter is then shared, through that Redis, by every client of the account in
    any process or machine (``shared_limiter.RedisRateLimiter``; needs the ``redis`` extra). An
    empty string keeps the limiter local whatever the environment says.
    ``rate_limit_account`` (default: the ``HUBSPOT_RATE_LIMIT_ACCOUNT`` environment variable)
    names the account and app in Redis, such as ``"portal-123/app-456"``; without it the name is a
    hash of the token, which suits a private app's token but not an OAuth app's, whose tokens
    change at every refresh (each would get windows of its own).

    Raises:
        ConfigurationError: neither ``token`` nor ``HUBSPOT_ACCESS_TOKEN`` is set, or a Redis URL
            is given without redis-py installed.
    """
    if token is None:
        token = os.environ.get(TOKEN_ENV) or None
    if not token:
        raise ConfigurationError(
            f"No HubSpot access token: pass token=... to create_client() or set the {TOKEN_ENV} "
            "environment variable (a private app's access token or an OAuth access token)."
        )
    return HubSpotClient(
        base_url=base_url,
        token=token,
        retry=retry if retry is not None else RetryPolicy(),
        limiter=_limiter(token, rate_limit, rate_limit_redis, rate_limit_account),
        on_retry=on_retry,
        timeout=timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
        headers=dict(headers or {}),
        httpx_args=dict(httpx_args or {}),
    )


def _limiter(
    token: str, rate_limit: RateLimit | None, redis_url: str | None, account: str | None
) -> RateLimiter | None:
    if rate_limit is None:
        return None
    if redis_url is None:
        redis_url = os.environ.get(REDIS_URL_ENV)
    if not redis_url:
        return RateLimiter(rate_limit)
    from .shared_limiter import RedisRateLimiter

    try:
        account = account if account is not None else os.environ.get(ACCOUNT_ENV) or None
        return RedisRateLimiter(redis_url, token, rate_limit, account=account)
    except ImportError as exc:
        raise ConfigurationError(
            f"{exc} (a Redis URL came from rate_limit_redis or {REDIS_URL_ENV})"
        ) from None
    except ValueError as exc:  # redis-py's words for a URL it cannot read
        raise ConfigurationError(
            f"the shared rate limiter's Redis URL cannot be used ({exc}); give one such as "
            f"redis://localhost:6379/0 to rate_limit_redis or {REDIS_URL_ENV}"
        ) from None
