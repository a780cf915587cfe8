"""Bounds that bound: the deadline ends a call with a trickling body; body sizes and snippets are bounded."""

from __future__ import annotations

import asyncio
import pickle
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import errors
from hubspot_partner_clients.api.partner_clients import get_by_id
from hubspot_partner_clients.hubspot_client import create_client
from hubspot_partner_clients.retry import RetryPolicy

MB = 2**20


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(
        store=StoreConfig(objects=20, archived_every=0),
        rate_limit=RateLimitConfig(max_requests=1_000_000, interval_seconds=1.0),
    )
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture(autouse=True)
def clean(double: HubSpotDouble) -> None:
    double.reset()


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def get(mode: str, double: HubSpotDouble, policy: RetryPolicy) -> None:
    """get_by_id of a known object, sync or async, on a client with ``policy``."""
    object_id = double.store.ids()[0]
    if mode == "sync":
        with create_client(double.token, base_url=double.base_url, retry=policy) as client:
            get_by_id.sync(object_id, client=client)
        return

    async def go() -> None:
        async with create_client(double.token, base_url=double.base_url, retry=policy) as client:
            await get_by_id.asyncio(object_id, client=client)

    asyncio.run(go())


def test_a_trickling_answer_ends_at_the_deadline_with_a_timeout(mode: str, double: HubSpotDouble) -> None:
    # One byte a second: each read succeeds well within the client's 30 s read timeout.
    double.faults.script("trickle", times=5, path_contains="/partner_clients/", delay_seconds=1.0)
    raised: list[BaseException] = []

    def call() -> None:
        try:
            get(mode, double, RetryPolicy(deadline=6))
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            raised.append(exc)

    # On a thread, so that a call the deadline does not bound fails the test instead of hanging it.
    worker = threading.Thread(target=call, daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(timeout=10)
    took = time.monotonic() - started
    assert not worker.is_alive(), "the call outlived its deadline"
    [error] = raised
    assert isinstance(error, errors.HubSpotTimeoutError)
    assert "deadline" in str(error)
    # Not before the deadline; after it, only by what a loaded machine adds (the trickle alone
    # would take minutes).
    assert 5.5 <= took < 9.5
    assert error.operation == "get_by_id"
    assert pickle.loads(pickle.dumps(error)).message == error.message


def test_a_silent_server_ends_at_the_deadline_not_the_read_timeout(double: HubSpotDouble) -> None:
    double.faults.script("delay", times=5, path_contains="/partner_clients/", delay_seconds=4.0)
    started = time.monotonic()
    with pytest.raises(errors.HubSpotTimeoutError):
        get("sync", double, RetryPolicy(deadline=1.5, max_attempts=1))
    assert time.monotonic() - started < 2.5


def gzip_of(prefix: bytes, total: int) -> bytes:
    """A gzip body of ``prefix`` and spaces, ``total`` bytes decompressed, built a megabyte at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(prefix)]
    block = b" " * MB
    for _ in range((total - len(prefix)) // MB):
        parts.append(packer.compress(block))
    parts.append(packer.flush())
    return b"".join(parts)


def peak_during(call: object) -> int:
    """Bytes of peak traced memory above the start while ``call()`` runs."""
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        try:
            call()  # type: ignore[operator]
        finally:
            peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak - base


def test_a_gzip_error_body_expanding_to_200_mb_raises_with_a_snippet_in_little_memory(
    mode: str, double: HubSpotDouble
) -> None:
    bomb = gzip_of(b"<html><body>Bad request, from a proxy", 200 * MB)
    assert len(bomb) < 1 * MB
    double.faults.script_answer(
        bomb,
        status=400,
        content_type="text/html",
        headers={"content-encoding": "gzip"},
        path_contains="/partner",
    )
    raised: list[errors.HubSpotError] = []

    def call() -> None:
        try:
            get(mode, double, RetryPolicy(max_attempts=1))
        except errors.ValidationError as exc:
            raised.append(exc)

    extra = peak_during(call)
    [error] = raised
    assert error.body_snippet is not None
    assert error.body_snippet.startswith("<html><body>Bad request, from a proxy")
    assert len(error.body_snippet) <= 200
    assert extra < 20 * MB, f"{extra / MB:.1f} MB"


def test_a_plain_error_body_of_50_mb_is_read_only_as_far_as_its_snippet(double: HubSpotDouble) -> None:
    double.faults.script_answer(
        b"x" * (50 * MB), status=502, content_type="text/html", path_contains="/partner"
    )
    raised: list[errors.HubSpotError] = []

    def call() -> None:
        try:
            get("sync", double, RetryPolicy(max_attempts=1))
        except errors.ServerError as exc:
            raised.append(exc)

    extra = peak_during(call)
    assert raised[0].body_snippet == "x" * 200
    assert extra < 20 * MB, f"{extra / MB:.1f} MB"


def test_a_success_body_past_the_size_limit_raises_and_is_not_retried(
    mode: str, double: HubSpotDouble
) -> None:
    policy = RetryPolicy(max_body_bytes=2 * MB, initial_delay=0.001)
    big = b'{"id": "1", "properties": {"a": "' + b"y" * (3 * MB) + b'"}}'
    double.faults.script_answer(big, path_contains="/partner", times=3)
    with pytest.raises(errors.HubSpotConnectionError, match=r"max_body_bytes \(2097152 bytes\)"):
        get(mode, double, policy)
    bomb = gzip_of(b'{"id": "1", "properties": {"a": "', 64 * MB)
    double.reset()
    double.faults.script_answer(bomb, path_contains="/partner", headers={"content-encoding": "gzip"}, times=3)
    with pytest.raises(errors.HubSpotConnectionError, match=r"decompresses past RetryPolicy\.max_body_bytes"):
        get(mode, double, policy)
    assert len(double.requests) == 1  # too large is too large again: not retried
    double.reset()
    # Within the limit, a gzip answer reads as ever.
    double.faults.script_answer(
        zlib.compress(b"{not json", wbits=31), headers={"content-encoding": "gzip"}, times=5
    )
    with pytest.raises(errors.MalformedResponseError):
        get(mode, double, RetryPolicy(max_attempts=2, initial_delay=0.001))


OBJECT = (
    b'{"id": "1", "properties": {}, "createdAt": "2024-01-01T00:00:00Z", '
    b'"updatedAt": "2024-01-01T00:00:00Z", "archived": false}'
)


def test_a_stacked_or_unboundable_encoding_is_bounded_too(mode: str, double: HubSpotDouble) -> None:
    # gzip over gzip expanding to 64 MB, past a 2 MB limit: undone a bounded layer at a time
    # (it used to fall back to httpx's unbounded read, and the call succeeded with all 64 MB).
    policy = RetryPolicy(max_body_bytes=2 * MB, initial_delay=0.001)
    inner = gzip_of(b'{"id": "1", "properties": {"a": "', 64 * MB)
    stacked = zlib.compress(inner, wbits=31)
    double.faults.script_answer(stacked, path_contains="/partner", headers={"content-encoding": "gzip, gzip"})
    with pytest.raises(errors.HubSpotConnectionError, match=r"decompresses past RetryPolicy\.max_body_bytes"):
        get(mode, double, policy)
    # A small one within the limit reads as ever.
    double.reset()
    small = zlib.compress(zlib.compress(OBJECT, wbits=31), wbits=31)
    double.faults.script_answer(small, path_contains="/partner", headers={"content-encoding": "gzip, gzip"})
    get(mode, double, policy)
    # Brotli cannot be decompressed in bounded steps here: too large, whatever it holds.
    double.reset()
    double.faults.script_answer(
        b'{"id": "1", "properties": {}}', path_contains="/partner", headers={"content-encoding": "br"}
    )
    with pytest.raises(errors.HubSpotConnectionError, match="cannot be decompressed in bounded steps"):
        get(mode, double, policy)
    assert len(double.requests) == 1  # not retried


def test_requests_ask_only_for_the_encodings_read_in_bounded_steps(double: HubSpotDouble) -> None:
    # httpx offers br and zstd when their packages are installed; HubSpot would then use them.
    object_id = double.store.ids()[0]
    with create_client(
        double.token, base_url=double.base_url, headers={"Accept-Encoding": "br, zstd, gzip, deflate"}
    ) as client:
        get_by_id.sync(object_id, client=client)
    assert double.requests[0].headers["accept-encoding"] == "gzip, deflate"


def test_the_body_limit_must_leave_room_for_an_error_body() -> None:
    with pytest.raises(ValueError, match="max_body_bytes must be at least"):
        RetryPolicy(max_body_bytes=10)


ENCODED_ERRORS = {
    # Content-Encoding, the body, the snippet the error shows.
    "raw deflate": ("deflate", zlib.compress(b"proxy says no", wbits=-15), "proxy says no"),
    "zlib deflate": ("deflate", zlib.compress(b"proxy says no"), "proxy says no"),
    "not gzip at all": ("gzip", b"proxy says no", "proxy says no"),
    "brotli": ("br", b"\x8b\x02\x80proxy", "<a body in Content-Encoding 'br', not shown>"),
}


@pytest.mark.parametrize("case", ENCODED_ERRORS, ids=list(ENCODED_ERRORS))
def test_an_encoded_error_body_shows_what_can_be_read_of_it(case: str, double: HubSpotDouble) -> None:
    encoding, body, snippet = ENCODED_ERRORS[case]
    double.faults.script_answer(
        body,
        status=502,
        content_type="text/plain",
        headers={"content-encoding": encoding},
        path_contains="/partner",
    )
    with pytest.raises(errors.ServerError) as caught:
        get("sync", double, RetryPolicy(max_attempts=1))
    assert caught.value.body_snippet == snippet


def test_a_success_in_a_broken_encoding_is_retried_then_undecodable(double: HubSpotDouble) -> None:
    double.faults.script_answer(
        b"not gzip", headers={"content-encoding": "gzip"}, path_contains="/partner", times=2
    )
    with pytest.raises(errors.HubSpotConnectionError, match="could not be decoded"):
        get("sync", double, RetryPolicy(max_attempts=2, initial_delay=0.001))
    assert len(double.requests) == 2  # a broken body of an idempotent read is retried, as before
