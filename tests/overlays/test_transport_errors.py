"""A call that gets no complete answer raises HubSpotConnectionError / HubSpotTimeoutError, never httpx's.

Through the real call path, sync and async: a closed port (connect refused),
the double's delay (read timeout) and drop (the connection closes mid-body).
"""

from __future__ import annotations

import asyncio
import pickle
import socket
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from hubspot_double import DoubleConfig, FaultConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import (
    AuthenticatedClient,
    BulkStatus,
    HubSpotConnectionError,
    HubSpotError,
    HubSpotTimeoutError,
    bulk_read,
)
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client
from hubspot_partner_clients.retry import RetryEvent, RetryPolicy
from tests._versions import VERSIONS, ApiVersion

NO_RETRY = RetryPolicy(max_attempts=1)
TWO_FAST = RetryPolicy(max_attempts=2, initial_delay=0.001, max_delay=0.002)
TOKEN = "pat-na1-SECRET-TOKEN-VALUE"


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(
        store=StoreConfig(objects=10),
        rate_limit=RateLimitConfig(enabled=False),
        faults=FaultConfig(delay_seconds=1.0),
    )
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture
def fresh(double: HubSpotDouble) -> HubSpotDouble:
    double.reset()
    double.faults.configure(delay_seconds=1.0)
    return double


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _raised(mode: str, client: AuthenticatedClient, version: ApiVersion = VERSIONS[0]) -> HubSpotError:
    """The error the version's get_by_id raises through the sync or the asyncio function."""
    get_by_id = version.op("get_by_id")
    if mode == "sync":
        with pytest.raises(HubSpotError) as caught, client:
            get_by_id.sync("1000001", client=client)
        return caught.value

    async def main() -> HubSpotError:
        with pytest.raises(HubSpotError) as caught:
            async with client:
                await get_by_id.asyncio("1000001", client=client)
        return caught.value

    return asyncio.run(main())


def _assert_no_token(error: HubSpotError, token: str) -> None:
    assert token not in str(error)
    assert token not in repr(error)
    assert token.encode() not in pickle.dumps(error)


MODES = pytest.mark.parametrize("mode", ["sync", "async"])


@MODES
def test_connect_refused(mode: str, api_version: ApiVersion) -> None:
    port = _closed_port()
    events: list[RetryEvent] = []
    client = create_client(
        TOKEN, base_url=f"http://127.0.0.1:{port}", retry=TWO_FAST, rate_limit=None, on_retry=events.append
    )
    error = _raised(mode, client, api_version)
    assert type(error) is HubSpotConnectionError
    assert isinstance(error.__cause__, httpx.ConnectError)
    assert (error.status_code, error.operation, error.method) == (None, "get_by_id", "GET")
    assert error.url == f"http://127.0.0.1:{port}{api_version.path('/1000001')}?archived=false"
    assert error.request_sent is False  # safe to send again, whatever the operation
    assert (error.correlation_id, error.body, error.body_snippet) == (None, None, None)
    assert "could not connect" in str(error)
    assert [e.error for e in events] == ["ConnectError"]  # retried first
    _assert_no_token(error, TOKEN)


@MODES
def test_read_timeout(fresh: HubSpotDouble, mode: str, api_version: ApiVersion) -> None:
    fresh.faults.script("delay")
    client = create_client(
        fresh.token,
        base_url=fresh.base_url,
        retry=NO_RETRY,
        rate_limit=None,
        timeout=httpx.Timeout(5.0, read=0.2),
    )
    error = _raised(mode, client, api_version)
    assert type(error) is HubSpotTimeoutError
    assert isinstance(error, HubSpotConnectionError)
    assert isinstance(error.__cause__, httpx.ReadTimeout)
    assert (error.status_code, error.operation, error.request_sent) == (None, "get_by_id", True)
    assert error.url.startswith(fresh.base_url + api_version.path("/1000001"))
    _assert_no_token(error, fresh.token)


@MODES
def test_connection_closed_mid_body(fresh: HubSpotDouble, mode: str, api_version: ApiVersion) -> None:
    fresh.faults.script("drop")
    client = create_client(fresh.token, base_url=fresh.base_url, retry=NO_RETRY, rate_limit=None)
    error = _raised(mode, client, api_version)
    assert type(error) is HubSpotConnectionError
    assert isinstance(error.__cause__, (httpx.RemoteProtocolError, httpx.ReadError))
    assert (error.status_code, error.operation, error.request_sent) == (None, "get_by_id", True)
    _assert_no_token(error, fresh.token)


def _own_transport_client(port: int) -> HubSpotClient:
    return create_client(
        TOKEN,
        base_url=f"http://127.0.0.1:{port}",
        retry=NO_RETRY,
        rate_limit=None,
        httpx_args={"transport": httpx.HTTPTransport(), "async_transport": httpx.AsyncHTTPTransport()},
    )


def _own_httpx_client(port: int) -> AuthenticatedClient:
    # No retry transport at all: the generated call still translates.
    base_url = f"http://127.0.0.1:{port}"
    client = AuthenticatedClient(base_url=base_url, token=TOKEN)
    client.set_httpx_client(httpx.Client(base_url=base_url))
    client.set_async_httpx_client(httpx.AsyncClient(base_url=base_url))
    return client


@MODES
@pytest.mark.parametrize("make", [_own_transport_client, _own_httpx_client])
def test_a_users_own_transport_or_client_is_covered(
    mode: str, make: Callable[[int], AuthenticatedClient]
) -> None:
    error = _raised(mode, make(_closed_port()))
    assert type(error) is HubSpotConnectionError
    assert isinstance(error.__cause__, httpx.ConnectError)


@MODES
def test_a_token_that_breaks_the_header_is_not_echoed(fresh: HubSpotDouble, mode: str) -> None:
    # A token read from a file with its newline: h11 refuses the header and
    # quotes it in its message, which must not become ours.
    client = create_client(TOKEN + "\n", base_url=fresh.base_url, retry=NO_RETRY, rate_limit=None)
    error = _raised(mode, client)
    assert isinstance(error.__cause__, httpx.LocalProtocolError)
    assert "illegal header value" in str(error)
    _assert_no_token(error, TOKEN)
    # Nor anywhere in the chain a logged traceback prints.
    assert TOKEN not in "".join(traceback.format_exception(error))
    assert fresh.requests.all() == []


def test_the_errors_pickle_with_their_fields(fresh: HubSpotDouble) -> None:
    fresh.faults.script("delay")
    timeout = httpx.Timeout(5.0, read=0.2)
    client = create_client(
        fresh.token, base_url=fresh.base_url, retry=NO_RETRY, rate_limit=None, timeout=timeout
    )
    for error in (_raised("sync", client), _raised("sync", _own_httpx_client(_closed_port()))):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        fields: list[Any] = [str(error), error.status_code, error.operation, error.method, error.url]
        assert [str(copy), copy.status_code, copy.operation, copy.method, copy.url] == fields
        assert isinstance(copy, HubSpotConnectionError)
        assert isinstance(error, HubSpotConnectionError)
        assert copy.request_sent == error.request_sent


def test_an_httpx_error_without_a_request_still_converts() -> None:
    error = HubSpotConnectionError.from_httpx(httpx.ConnectError(""), operation="get_by_id")
    assert (error.method, error.url, error.operation, error.request_sent) == ("", "", "get_by_id", False)
    assert "ConnectError: no detail" in str(error)


def test_a_bulk_run_that_cannot_connect_stops_with_request_failed() -> None:
    with create_client(
        TOKEN, base_url=f"http://127.0.0.1:{_closed_port()}", retry=NO_RETRY, rate_limit=None
    ) as client:
        result = bulk_read(client, ["1000001", "1000002"], concurrency=1)
    assert result.status is BulkStatus.STOPPED
    assert isinstance(result.stopped_by, HubSpotConnectionError)
    assert {e.category for e in result.errors} == {"REQUEST_FAILED"}
