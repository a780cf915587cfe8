"""The accounting of a chunk's answer, on hand-built answers: no server, every branch of the matching."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from hubspot_partner_clients import errors
from hubspot_partner_clients.bulk._inputs import Chunk, Item
from hubspot_partner_clients.bulk._ledger import Ledger, account, chunk_failed, stops_run
from hubspot_partner_clients.bulk._result import BulkStatus
from hubspot_partner_clients.models import (
    BatchResponseSimplePublicObject,
    BatchResponseSimplePublicObjectWithErrors,
    SimplePublicObjectId,
)

WHEN = "2024-01-01T00:00:00Z"
Answer = BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors


def obj(object_id: str, **properties: str) -> dict[str, Any]:
    return {
        "id": object_id,
        "properties": {"hs_object_id": object_id, **properties},
        "createdAt": WHEN,
        "updatedAt": WHEN,
        "archived": False,
    }


def error(category: str, message: str, ids: list[str] | None = None) -> dict[str, Any]:
    return {
        "status": "error",
        "category": category,
        "message": message,
        "errors": [],
        "context": {} if ids is None else {"ids": ids},
        "links": {},
    }


def answer(results: list[dict[str, Any]], errs: list[dict[str, Any]] | None = None) -> Answer:
    body: dict[str, Any] = {"status": "COMPLETE", "results": results, "startedAt": WHEN, "completedAt": WHEN}
    if errs is None:
        return BatchResponseSimplePublicObject.from_dict(body)
    return BatchResponseSimplePublicObjectWithErrors.from_dict(
        {**body, "errors": errs, "numErrors": len(errs)}
    )


def items(*keys: str, first: int = 0) -> list[Item[str, SimplePublicObjectId]]:
    return [Item(first + n, f"input-{k}", k, SimplePublicObjectId(id=k)) for n, k in enumerate(keys)]


def by_id(_item: Item[str, Any]) -> str | None:
    return None


def outcome_of(chunk: list[Item[str, Any]], got: Answer, match: Any = by_id) -> list[tuple[str, str | None]]:
    """(input, error category or None if applied) for each input, in order."""
    result = account(chunk, got, match)
    return [(original, None if e is None else e.category) for _, original, e in result.entries]


def test_every_result_matched_by_id_is_applied() -> None:
    chunk = items("1", "2", "3")
    assert outcome_of(chunk, answer([obj("3"), obj("1"), obj("2")])) == [
        ("input-1", None),
        ("input-2", None),
        ("input-3", None),
    ]


def test_an_error_with_ids_in_its_context_fails_those_inputs() -> None:
    chunk = items("1", "2", "3")
    got = answer([obj("1")], [error("OBJECT_NOT_FOUND", "not found", ["2", "3"])])
    assert outcome_of(chunk, got) == [
        ("input-1", None),
        ("input-2", "OBJECT_NOT_FOUND"),
        ("input-3", "OBJECT_NOT_FOUND"),
    ]


def test_an_error_naming_an_id_only_in_its_message_fails_that_input_and_not_a_longer_id() -> None:
    chunk = items("12", "123")
    got = answer([obj("123")], [error("VALIDATION_ERROR", "Object 12 is locked")])
    assert outcome_of(chunk, got) == [("input-12", "VALIDATION_ERROR"), ("input-123", None)]


def test_an_input_with_neither_result_nor_error_is_not_in_response() -> None:
    chunk = items("1", "2")
    result = account(chunk, answer([obj("1")]), by_id)
    assert [(e.id, e.category, e.position) for e in result.errors] == [("2", "NOT_IN_RESPONSE", 1)]


def test_an_error_that_names_no_input_leaves_the_unmatched_ones_not_in_response() -> None:
    chunk = items("1", "2")
    got = answer([obj("1"), obj("99")], [error("INTERNAL", "something failed")])
    assert outcome_of(chunk, got) == [("input-1", None), ("input-2", "NOT_IN_RESPONSE")]


def test_as_many_unmatched_results_as_unmatched_inputs_are_trusted_as_applied() -> None:
    # HubSpot answered under another id (a merged record): one result for one input, no error.
    chunk = items("1", "2")
    assert outcome_of(chunk, answer([obj("1"), obj("77")])) == [("input-1", None), ("input-2", None)]


def test_results_are_matched_by_the_value_of_the_inputs_id_property() -> None:
    chunk = items("a@x.com", "b@x.com")
    got = answer([obj("501", email="b@x.com")], [error("OBJECT_NOT_FOUND", "nope", ["a@x.com"])])
    assert outcome_of(chunk, got, lambda _item: "email") == [
        ("input-a@x.com", "OBJECT_NOT_FOUND"),
        ("input-b@x.com", None),
    ]


def test_a_failed_request_fails_every_input_with_its_reason() -> None:
    chunk = items("1", "2", first=100)
    request = httpx.Request("POST", "https://api.hubapi.com/x")
    dropped = errors.HubSpotConnectionError.from_httpx(
        httpx.RemoteProtocolError("peer closed", request=request), operation="batch_update"
    )
    refused = errors.ValidationError(
        status_code=400, method="POST", url="u", body={"category": "VALIDATION_ERROR"}
    )
    uncategorised = errors.ServerError(status_code=500, method="POST", url="u", body=None)
    cases = [
        (dropped, "REQUEST_FAILED"),
        (refused, "VALIDATION_ERROR"),
        (uncategorised, "ServerError"),
        (RuntimeError("bug"), "REQUEST_FAILED"),
    ]
    for exc, category in cases:
        result = chunk_failed(chunk, exc)
        assert [(e.position, e.category) for e in result.errors] == [(100, category), (101, category)]
        assert result.applied == []
    assert not stops_run(refused)
    assert stops_run(dropped)
    assert stops_run(uncategorised)


def test_the_ledger_builds_the_result_in_input_order_whatever_order_chunks_finish_in() -> None:
    ledger: Ledger[str] = Ledger(6, None, None, lambda original: original)
    second, first = items("3", "4", first=2), items("1", "2")
    ledger.record(1, account(second, answer([obj("4"), obj("3")]), by_id))
    ledger.record(0, account(first, answer([obj("1")], [error("OBJECT_NOT_FOUND", "x", ["2"])]), by_id))
    ledger.not_sent(Chunk(2, 4, ["input-5", "input-6"], [], []), "never sent")
    result = ledger.result()
    assert result.status is BulkStatus.PARTIAL
    assert result.applied == ["input-1", "input-3", "input-4"]
    assert result.not_applied == ["input-2", "input-5", "input-6"]
    assert [e.category for e in result.errors] == ["OBJECT_NOT_FOUND", "NOT_SENT", "NOT_SENT"]
    assert [o.id for o in result.objects] == [
        "1",
        "4",
        "3",
    ]  # by chunk in input order, HubSpot's order within


def test_a_ledger_that_stopped_says_why_in_each_unsent_input() -> None:
    ledger: Ledger[str] = Ledger(None, None, None, lambda original: original)
    ledger.stop(TimeoutError("late"))
    ledger.stop(ValueError("second cause is not the one reported"))
    ledger.not_sent(Chunk(0, 0, ["a"], [], []))
    result = ledger.result()
    assert result.status is BulkStatus.STOPPED
    assert isinstance(result.stopped_by, TimeoutError)
    assert "TimeoutError: late" in result.errors[0].message


@pytest.mark.parametrize("progress_raises", [False, True])
def test_progress_is_reported_after_each_chunk_and_a_raising_callback_stops(progress_raises: bool) -> None:
    calls: list[tuple[int, int | None]] = []

    def on_progress(done: int, total: int | None) -> None:
        calls.append((done, total))
        if progress_raises:
            raise RuntimeError("callback bug")

    ledger: Ledger[str] = Ledger(4, on_progress, None, lambda original: original)
    ledger.record(0, account(items("1", "2"), answer([obj("1"), obj("2")]), by_id))
    assert calls == [(2, 4)]
    assert ledger.stopping is progress_raises
    ledger.silence()
    ledger.record(1, account(items("3", first=2), answer([obj("3")]), by_id))
    assert calls == [(2, 4)]  # silenced: an interrupted run reports no more
