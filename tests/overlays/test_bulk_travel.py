"""Results and errors travel: they pickle without the token, and cross a process pool as themselves."""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_double.config import READ_SCOPE, WRITE_SCOPE, AuthConfig
from hubspot_partner_clients import errors
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.api.partner_clients import get_by_id
from hubspot_partner_clients.bulk import (
    BulkInputError,
    BulkInterrupted,
    BulkJournalError,
    BulkResult,
    BulkStatus,
    bulk_update,
)
from hubspot_partner_clients.hubspot_client import create_client
from hubspot_partner_clients.limiter import RateLimit
from hubspot_partner_clients.retry import RetryPolicy

UPDATE = "/batch/update"
CHUNK = min(100, OPERATIONS.limit("batch_update", "max_inputs"))
RETRY = RetryPolicy(max_attempts=2, initial_delay=0.001, max_delay=0.01, deadline=30.0)
TOKEN = "pat-na1-travel-secret-0123456789"


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(
        store=StoreConfig(objects=300, archived_every=0),
        rate_limit=RateLimitConfig(max_requests=1_000_000, interval_seconds=1.0),
        # A token of the real shape, long enough that finding it in a pickle means it leaked.
        auth=AuthConfig(tokens={TOKEN: frozenset({READ_SCOPE, WRITE_SCOPE})}),
    )
    with HubSpotDouble(config) as running:
        yield running


@pytest.fixture(autouse=True)
def clean(double: HubSpotDouble) -> None:
    double.reset()


Script = Callable[[HubSpotDouble], None]

# How to make the double refuse a chunk, for each error class, and whether that stops the run.
ANSWERS: dict[str, tuple[Script, type[errors.HubSpotError], bool]] = {
    "400": (lambda d: d.faults.script(400, times=1, path_contains=UPDATE), errors.ValidationError, False),
    "401": (lambda d: d.faults.script(401, times=1, path_contains=UPDATE), errors.AuthenticationError, True),
    "403": (lambda d: d.faults.script(403, times=1, path_contains=UPDATE), errors.MissingScopesError, True),
    "404": (lambda d: d.faults.script(404, times=1, path_contains=UPDATE), errors.NotFoundError, False),
    "409": (lambda d: d.faults.script(409, times=1, path_contains=UPDATE), errors.ConflictError, False),
    "418": (lambda d: d.faults.script(418, times=1, path_contains=UPDATE), errors.UnexpectedStatus, True),
    "429": (
        lambda d: d.faults.script("429_daily", times=1, path_contains=UPDATE),
        errors.RateLimitError,
        True,
    ),
    "503": (lambda d: d.faults.script(503, times=2, path_contains=UPDATE), errors.ServerError, True),
    "malformed": (
        lambda d: d.faults.script_answer("[1, 2", times=2, path_contains=UPDATE),
        errors.MalformedResponseError,
        True,
    ),
    "dropped": (
        lambda d: d.faults.script("drop", times=2, path_contains=UPDATE),
        errors.HubSpotConnectionError,
        True,
    ),
}


# The category of a chunk refused as a whole, by the double's fault answer, for the cases that go on.
REFUSED_CATEGORY = {"400": "ERROR", "404": "ERROR", "409": "CONFLICT"}


@pytest.mark.parametrize("case", ANSWERS, ids=list(ANSWERS))
def test_a_result_pickles_without_the_token_whatever_stopped_it(case: str, double: HubSpotDouble) -> None:
    script, error_class, stops = ANSWERS[case]
    script(double)
    inputs = [{"id": i, "properties": {"partner_notes": "travel"}} for i in double.store.ids()[:200]]
    with create_client(
        TOKEN, base_url=double.base_url, retry=RETRY, rate_limit=RateLimit(1000, 1.0)
    ) as client:
        result = bulk_update(client, inputs, chunk_size=CHUNK, concurrency=1)

    data = pickle.dumps(result)
    assert TOKEN.encode() not in data
    back: BulkResult[Any] = pickle.loads(data)
    assert back.status is result.status
    assert back.errors == result.errors
    assert back.applied == result.applied
    assert back.objects == result.objects
    if stops:
        assert type(result.stopped_by) is error_class
        assert type(back.stopped_by) is error_class
        original, copy = result.stopped_by, back.stopped_by
        assert isinstance(original, errors.HubSpotError)
        assert isinstance(copy, errors.HubSpotError)
        for attribute in (
            "status_code",
            "method",
            "url",
            "category",
            "correlation_id",
            "operation",
            "message",
        ):
            assert getattr(copy, attribute) == getattr(original, attribute)
        assert str(copy) == str(original)
    else:
        assert result.status is BulkStatus.PARTIAL
        # The refused chunk's inputs, each with the category the double's fault answers and the
        # message of the HubSpotError, which names the status, the request and HubSpot's text.
        assert len(result.errors) == CHUNK
        assert {e.category for e in result.errors} == {REFUSED_CATEGORY[case]}
        message = result.errors[0].message
        assert message.startswith(f"{case} POST {double.base_url}/")
        assert f"{UPDATE}: Injected fault: HTTP {case}. operation=batch_update" in message
        assert f"category={REFUSED_CATEGORY[case]}" in message


def test_the_bulk_exceptions_pickle_with_their_account(double: HubSpotDouble, tmp_path: Any) -> None:
    with create_client(TOKEN, base_url=double.base_url, retry=RETRY) as client:
        with pytest.raises(BulkInputError) as rejected:
            bulk_update(client, [{"id": "1", "properties": {"a": {}}}])

        def broken() -> Iterator[dict[str, Any]]:
            yield {"id": double.store.ids()[0], "properties": {}}
            raise KeyboardInterrupt

        with pytest.raises(BulkInterrupted) as interrupted:
            bulk_update(client, broken())
        (tmp_path / "j").write_text("x" * 5000)
        with pytest.raises(BulkJournalError) as journal:
            bulk_update(client, [], journal=tmp_path / "j")
    for caught in (rejected.value, interrupted.value, journal.value):
        data = pickle.dumps(caught)
        assert TOKEN.encode() not in data
        back = pickle.loads(data)
        assert type(back) is type(caught)
        assert str(back) == str(caught)
    assert isinstance(pickle.loads(pickle.dumps(interrupted.value)), KeyboardInterrupt)
    account = pickle.loads(pickle.dumps(interrupted.value)).result
    assert (account.applied, account.errors) == (
        interrupted.value.result.applied,
        interrupted.value.result.errors,
    )
    assert type(account.stopped_by) is KeyboardInterrupt
    assert pickle.loads(pickle.dumps(rejected.value)).errors == rejected.value.errors


def fetch_unknown(base_url: str, token: str) -> None:
    """In a worker process: a read of an id that does not exist."""
    with create_client(token, base_url=base_url, retry=RetryPolicy(max_attempts=1)) as client:
        get_by_id.sync("999999999", client=client)


def test_a_process_pool_worker_raising_not_found_gives_the_parent_not_found(double: HubSpotDouble) -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(fetch_unknown, double.base_url, TOKEN)
        with pytest.raises(errors.NotFoundError) as caught:
            future.result(timeout=60)
    assert caught.value.status_code == 404
    assert caught.value.operation == "get_by_id"
    assert caught.value.correlation_id
    assert "999999999" in caught.value.url
