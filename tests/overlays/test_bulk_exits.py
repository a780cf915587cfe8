"""Every way a bulk run can end gives its account; a bad input is named and nothing of its chunk sent."""

from __future__ import annotations

import asyncio
import decimal
import sys
import time
import types
from collections.abc import Iterator
from typing import Any

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.bulk import (
    MAX_NUMBER_DIGITS,
    BulkCancelled,
    BulkInputError,
    BulkInterrupted,
    BulkInterruptedError,
    BulkKeyboardInterrupt,
    BulkResult,
    BulkStatus,
    abulk_update,
    bulk_read,
    bulk_update,
)
from hubspot_partner_clients.bulk import _run as bulk_run
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client
from hubspot_partner_clients.limiter import RateLimit
from hubspot_partner_clients.models import (
    SimplePublicObjectBatchInput,
    SimplePublicObjectBatchInputProperties,
    SimplePublicObjectId,
)
from hubspot_partner_clients.retry import RetryPolicy

UPDATE = "/batch/update"
# HubSpot's batch size from the operation table, at most 100 (the story is told in hundreds).
CHUNK = min(100, OPERATIONS.limit("batch_update", "max_inputs"))
RETRY = RetryPolicy(max_attempts=3, initial_delay=0.001, max_delay=0.01, deadline=30.0)
LIMIT = RateLimit(max_requests=100_000, interval=1.0)


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(
        store=StoreConfig(objects=1_000, archived_every=0),
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


def make_client(double: HubSpotDouble) -> HubSpotClient:
    return create_client(double.token, base_url=double.base_url, retry=RETRY, rate_limit=LIMIT)


def update(mode: str, double: HubSpotDouble, inputs: Any, **options: Any) -> BulkResult[Any]:
    if mode == "sync":
        with make_client(double) as client:
            return bulk_update(client, inputs, chunk_size=CHUNK, **options)

    async def go() -> BulkResult[Any]:
        async with make_client(double) as client:
            return await abulk_update(client, inputs, chunk_size=CHUNK, **options)

    return asyncio.run(go())


def row(object_id: str, **properties: Any) -> dict[str, Any]:
    return {"id": object_id, "properties": properties or {"partner_notes": f"exit-{object_id}"}}


def written(double: HubSpotDouble) -> set[str]:
    """The ids the double applied an update to (its write log)."""
    return {i for i, n in double.store.write_counts.items() if n}


def sent(double: HubSpotDouble) -> list[str]:
    return [
        x["id"]
        for r in double.requests.matching(method="POST", path_contains=UPDATE)
        for x in r.json()["inputs"]
    ]


def assert_account(result: BulkResult[Any], read: list[dict[str, Any]], double: HubSpotDouble) -> None:
    """applied + not applied is exactly what was read, once each, and applied is what the double wrote."""
    assert sorted(x["id"] for x in result.applied + result.not_applied) == sorted(x["id"] for x in read)
    assert {x["id"] for x in result.applied} == written(double)
    assert [e.input for e in result.errors] == result.not_applied


def test_an_input_source_that_raises_gives_the_account_of_what_it_gave(
    mode: str, double: HubSpotDouble
) -> None:
    ids = double.store.ids()[:400]
    read: list[dict[str, Any]] = []

    def source() -> Iterator[dict[str, Any]]:
        for n, i in enumerate(ids):
            if n == 250:
                raise ConnectionError("source database went away")
            read.append(row(i))
            yield read[-1]

    with pytest.raises(BulkInterruptedError, match="ConnectionError: source database went away") as caught:
        update(mode, double, source())

    assert isinstance(caught.value, Exception)
    assert isinstance(caught.value.__cause__, ConnectionError)
    result = caught.value.result
    assert result.status is BulkStatus.STOPPED
    assert len(read) == 250
    assert_account(result, read, double)
    assert len(result.applied) == 250 // CHUNK * CHUNK  # the chunks read whole were sent and applied
    assert [e.category for e in result.errors] == ["NOT_SENT"] * (250 % CHUNK)  # the one being read was not
    assert isinstance(result.stopped_by, ConnectionError)


def test_keyboard_interrupt_mid_run_keeps_its_meaning_and_carries_the_account(
    mode: str, double: HubSpotDouble
) -> None:
    ids = double.store.ids()[:500]
    inputs = [row(i) for i in ids]

    def interrupt(done: int, _total: int | None) -> None:
        if done >= 3 * CHUNK:
            raise KeyboardInterrupt  # Ctrl-C while the run goes on

    with pytest.raises(KeyboardInterrupt) as caught:
        update(mode, double, iter(inputs), on_progress=interrupt, concurrency=2)

    assert isinstance(caught.value, BulkKeyboardInterrupt)
    assert isinstance(caught.value, BulkInterrupted)
    result = caught.value.result
    read = inputs[: result.total]
    assert_account(result, read, double)
    assert len(result.applied) >= 3 * CHUNK
    assert set(sent(double)) == written(double)  # what was sent was applied, and accounted for


def test_a_cancelled_task_gets_the_account_with_the_in_flight_chunks(double: HubSpotDouble) -> None:
    ids = double.store.ids()[:500]
    inputs = [row(i) for i in ids]
    # The first request answers slowly, so the cancellation finds it in flight.
    double.faults.script("delay", times=1, path_contains=UPDATE, delay_seconds=1.0)

    async def go() -> BulkCancelled:
        async with make_client(double) as client:
            task = asyncio.ensure_future(abulk_update(client, inputs, chunk_size=CHUNK, concurrency=1))
            while not [r for r in double.requests if r.fault == "delay"]:  # noqa: ASYNC110 - the double is another thread
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.2)
            task.cancel()
            with pytest.raises(asyncio.CancelledError) as caught:
                await task
            assert isinstance(caught.value, BulkCancelled)
            return caught.value

    cancelled = asyncio.run(go())
    time.sleep(1.0)  # the delayed answer's write lands; the double is left idle
    result = cancelled.result
    assert result.applied == []
    assert result.not_applied == inputs  # a sequence: all of it is in the account
    in_flight = [e for e in result.errors if e.category == "REQUEST_FAILED"]
    assert [e.id for e in in_flight] == ids[:CHUNK]
    assert "may have been applied" in in_flight[0].message
    assert {e.category for e in result.errors} == {"REQUEST_FAILED", "NOT_SENT"}


class BrokenBar:
    """A progress bar with a bug."""

    def __init__(self, **_options: object) -> None:
        pass

    def update(self, _n: int) -> None:
        raise AttributeError("a bug in the bar")

    def close(self) -> None:
        pass


def test_a_bug_in_the_progress_bar_still_gives_the_account(
    double: HubSpotDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", types.SimpleNamespace(tqdm=BrokenBar))
    inputs = [row(i) for i in double.store.ids()[:200]]
    with pytest.raises(BulkInterruptedError) as caught:
        update("sync", double, inputs, progress=True, concurrency=1)
    result = caught.value.result
    assert result.total == 200
    assert_account(result, inputs, double)


BAD_VALUES: dict[str, tuple[object, str]] = {
    "a lone surrogate": ("caf\udce9", "lone surrogate '\\udce9' at character 3"),
    "a signalling NaN": (decimal.Decimal("sNaN"), "is not a finite number"),
    "a huge int": (10**5000, f"an int of more than {MAX_NUMBER_DIGITS} digits"),
    "a huge Decimal": (decimal.Decimal("1e999999"), f"more than {MAX_NUMBER_DIGITS} digits"),
    "a dict": ({"nested": "value"}, "a dict value cannot be sent"),
}


@pytest.mark.parametrize("case", BAD_VALUES, ids=list(BAD_VALUES))
def test_a_bad_input_is_named_and_nothing_of_its_chunk_is_sent(
    case: str, mode: str, double: HubSpotDouble
) -> None:
    value, reason = BAD_VALUES[case]
    ids = double.store.ids()[:300]
    inputs = [row(i) for i in ids]
    at = 2 * CHUNK + 7  # in the third chunk
    inputs[at] = row(ids[at], partner_notes=value)

    with pytest.raises(BulkInputError) as caught:
        update(mode, double, iter(inputs), concurrency=1)

    [error] = caught.value.errors
    assert (error.position, error.id, error.category) == (at, ids[at], "INVALID_INPUT")
    assert reason in error.message
    assert f"input #{at}" in str(caught.value)
    assert "property 'partner_notes'" in error.message
    # The chunks before it were sent and stay in the account; nothing of its own chunk was sent.
    assert sent(double) == ids[: 2 * CHUNK]
    assert [x["id"] for x in caught.value.result.applied] == ids[: 2 * CHUNK]
    assert caught.value.result.total == 3 * CHUNK


def test_a_lone_surrogate_in_an_id_or_a_property_name_is_named(double: HubSpotDouble) -> None:
    inputs = [
        row("1000001"),
        {"id": "10\ud800", "properties": {}},
        {"id": "1000003", "properties": {"n\udfff": "x"}},
    ]
    with pytest.raises(BulkInputError) as caught:
        update("sync", double, inputs)
    assert [(e.position, e.category) for e in caught.value.errors] == [
        (1, "INVALID_INPUT"),
        (2, "INVALID_INPUT"),
    ]
    assert "the id holds a lone surrogate" in caught.value.errors[0].message
    assert "property name 'n\\udfff' holds a lone surrogate" in caught.value.errors[1].message
    assert len(double.requests) == 0
    with make_client(double) as client, pytest.raises(BulkInputError, match="lone surrogate"):
        bulk_read(client, ["\udc80"])


def test_one_object_by_id_and_by_hs_object_id_is_a_duplicate_not_a_400(
    mode: str, double: HubSpotDouble
) -> None:
    ids = double.store.ids()[:120]
    inputs = [row(i) for i in ids]
    inputs.append({"id": ids[3], "idProperty": "hs_object_id", "properties": {"partner_notes": "again"}})

    with pytest.raises(BulkInputError) as caught:
        update(mode, double, inputs)

    assert [(e.position, e.id, e.category) for e in caught.value.errors] == [
        (3, ids[3], "DUPLICATE_ID"),
        (120, ids[3], "DUPLICATE_ID"),
    ]
    assert "first at input #3" in caught.value.errors[1].message
    assert len(double.requests) == 0


def test_a_duplicate_within_one_chunk_of_an_iterator_rejects_both(double: HubSpotDouble) -> None:
    ids = double.store.ids()[:10]
    inputs = [row(i) for i in ids] + [{"id": int(ids[2]), "properties": {}}]
    with pytest.raises(BulkInputError) as caught:
        update("sync", double, iter(inputs))
    assert sorted((e.position, e.category) for e in caught.value.errors) == [
        (2, "DUPLICATE_ID"),
        (10, "DUPLICATE_ID"),
    ]
    assert len(double.requests) == 0


@pytest.mark.parametrize("blank", ["", "  ", "\t\n"])
def test_a_blank_id_is_refused_before_sending(mode: str, blank: str, double: HubSpotDouble) -> None:
    # An id of "  " used to be sent, and came back OBJECT_NOT_FOUND.
    ids = double.store.ids()[:2]
    with pytest.raises(BulkInputError) as caught:
        update(mode, double, [row(ids[0]), {"id": blank, "properties": {"partner_notes": "x"}}])
    [error] = caught.value.errors
    assert (error.position, error.category) == (1, "INVALID_INPUT")
    assert f"id {blank!r} is {'empty' if not blank else 'only whitespace'}" == error.message
    with make_client(double) as client, pytest.raises(BulkInputError, match=r"only whitespace|empty"):
        bulk_read(client, [ids[1], blank])
    assert len(double.requests) == 0


def test_a_rejection_names_its_position_once(double: HubSpotDouble) -> None:
    ids = double.store.ids()[:6]
    inputs: list[Any] = [row(i) for i in ids]
    inputs[5] = {"id": ids[5], "properties": {5: "x"}}
    inputs[2] = row(ids[0])
    with pytest.raises(BulkInputError) as caught:
        update("sync", double, inputs)
    text = str(caught.value)
    assert f"input #5 {ids[5]!r}: property name 5 is not a non-empty string" in text
    assert (
        f"input #2 {ids[0]!r}: id {ids[0]!r} appears more than once in this run (first at input #0)" in text
    )
    assert text.count("input #5") == 1
    assert text.count("input #2") == 1
    assert [e.message.startswith("input #") for e in caught.value.errors] == [False] * 3


def test_model_inputs_are_checked_like_dicts(double: HubSpotDouble) -> None:
    ids = double.store.ids()[:3]
    good = SimplePublicObjectBatchInput(
        id=ids[0], properties=SimplePublicObjectBatchInputProperties.from_dict({"partner_notes": "model"})
    )
    inputs: list[Any] = [good, {"id": ids[1], "idProperty": 5, "properties": {}}]
    with pytest.raises(BulkInputError) as caught:
        update("sync", double, inputs)
    assert [(e.position, e.message) for e in caught.value.errors] == [(1, "idProperty 5 is not a string")]
    result = update("sync", double, inputs[:1])
    assert result.applied == [good]
    assert double.store.get(ids[0]).get("partner_notes") == "model"  # type: ignore[union-attr]
    with make_client(double) as client:
        mixed: list[Any] = [SimplePublicObjectId(id=ids[0]), {"id": ids[1]}, int(ids[2])]
        read = bulk_read(client, mixed)
    assert [o.id for o in read.objects] == ids


def test_the_runs_deadline_stops_sending_and_accounts_for_the_rest(mode: str, double: HubSpotDouble) -> None:
    inputs = [row(i) for i in double.store.ids()[:300]]

    def slow(_done: int, _total: int | None) -> None:
        time.sleep(0.3)

    result = update(mode, double, iter(inputs), concurrency=1, deadline=0.2, on_progress=slow)
    assert result.status is BulkStatus.STOPPED
    assert isinstance(result.stopped_by, TimeoutError)
    assert [x["id"] for x in result.applied] == sent(double)
    assert {e.category for e in result.errors} == {"NOT_SENT"}


def test_system_exit_from_the_source_stays_a_system_exit_with_the_account(double: HubSpotDouble) -> None:
    ids = double.store.ids()[:150]

    def source() -> Iterator[dict[str, Any]]:
        yield from (row(i) for i in ids)
        raise SystemExit(3)

    with pytest.raises(SystemExit) as caught:
        update("sync", double, source())
    assert isinstance(caught.value, BulkInterrupted)
    assert caught.value.code == 3
    assert len(caught.value.result.applied) == len(ids) // CHUNK * CHUNK
    assert caught.value.result.total == len(ids)


def test_a_bug_in_the_accounting_stops_the_run_without_losing_the_chunk(
    double: HubSpotDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise ZeroDivisionError("a bug in the accounting")

    monkeypatch.setattr(bulk_run, "account", broken)
    inputs = [row(i) for i in double.store.ids()[:300]]
    result = update("sync", double, inputs, concurrency=1)
    assert result.status is BulkStatus.STOPPED
    assert isinstance(result.stopped_by, ZeroDivisionError)
    assert result.not_applied == inputs  # applied by HubSpot, perhaps; safe to resend
    assert result.errors[0].category == "REQUEST_FAILED"
