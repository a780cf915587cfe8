"""The bulk overlay against the HubSpot double: every input accounted for, sync and async.

The runs go through each API version's resource client (`client[.<version>].partner_clients`, the
`api_version` fixture), the 10,000-update run under faults too (about 2 s each). The checks of
options and inputs that send nothing stay on the functions themselves.
"""

from __future__ import annotations

import asyncio
import datetime
import decimal
import math
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from hubspot_double import DoubleConfig, FaultConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import errors
from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.bulk import (
    BulkInputError,
    BulkResult,
    BulkStatus,
    bulk_read,
    bulk_update,
)
from hubspot_partner_clients.hubspot_client import HubSpotClient, create_client
from hubspot_partner_clients.limiter import RateLimit
from hubspot_partner_clients.models import SimplePublicObjectId
from hubspot_partner_clients.retry import RetryEvent, RetryPolicy
from tests._versions import ApiVersion

UPDATE = "/batch/update"
# HubSpot's largest batches, from the operation table: the default (and largest) chunks.
BATCH = OPERATIONS.limit("batch_update", "max_inputs")
READ_BATCH = OPERATIONS.limit("batch_read", "max_inputs")


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(
        store=StoreConfig(objects=10_050, archived_every=0),
        # The fault tests send thousands of requests; the double's own window would only slow them.
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


# A budget of 8 attempts with tiny waits (tests may shorten the backoff, not change the logic), and
# a limiter generous enough that 10,000 updates are not paced at HubSpot's 100 per 10 s.
RETRY = RetryPolicy(max_attempts=8, initial_delay=0.001, max_delay=0.01, deadline=30.0)
LIMIT = RateLimit(max_requests=100_000, interval=1.0)


def make_client(double: HubSpotDouble, on_retry: Any = None) -> HubSpotClient:
    return create_client(
        double.token, base_url=double.base_url, retry=RETRY, rate_limit=LIMIT, on_retry=on_retry
    )


def update(
    mode: str,
    api_version: ApiVersion,
    double: HubSpotDouble,
    inputs: Iterable[Any],
    on_retry: Any = None,
    **options: Any,
) -> BulkResult[Any]:
    """The version's bulk_update, sync or async, each with a client of its own."""
    if mode == "sync":
        with make_client(double, on_retry) as client:
            result: BulkResult[Any] = api_version.resources(client).bulk_update(inputs, **options)
            return result

    async def run() -> BulkResult[Any]:
        async with make_client(double, on_retry) as client:
            result: BulkResult[Any] = await api_version.aio_resources(client).bulk_update(inputs, **options)
            return result

    return asyncio.run(run())


def read(
    mode: str, api_version: ApiVersion, double: HubSpotDouble, ids: Iterable[Any], **options: Any
) -> BulkResult[Any]:
    """The version's bulk_read, sync or async."""
    if mode == "sync":
        with make_client(double) as client:
            result: BulkResult[Any] = api_version.resources(client).bulk_read(ids, **options)
            return result

    async def run() -> BulkResult[Any]:
        async with make_client(double) as client:
            result: BulkResult[Any] = await api_version.aio_resources(client).bulk_read(ids, **options)
            return result

    return asyncio.run(run())


def updates(ids: Iterable[str], tag: str) -> list[dict[str, Any]]:
    return [{"id": i, "properties": {"partner_notes": f"{tag}-{i}", "region": "EMEA"}} for i in ids]


def batch_requests(double: HubSpotDouble, api_version: ApiVersion) -> int:
    """The batch updates sent, each to the version's path (one sent elsewhere is not counted)."""
    sent = double.requests.matching(method="POST", path_contains=UPDATE)
    return sum(r.path == api_version.path(UPDATE) for r in sent)


def assert_accounts_for(result: BulkResult[Any], inputs: list[Any]) -> None:
    """Every input exactly once, in order, and one error per input not applied."""
    order = {id(x): n for n, x in enumerate(inputs)}
    seen = sorted([order[id(x)] for x in result.applied] + [order[id(x)] for x in result.not_applied])
    assert seen == list(range(len(inputs)))
    assert [id(e.input) for e in result.errors] == [id(x) for x in result.not_applied]
    assert result.total == len(inputs)


def test_updates_every_input_and_counts_one_request_per_chunk(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:250]
    inputs = updates(ids, f"plain-{mode}")

    result = update(mode, api_version, double, inputs, concurrency=3)

    assert result.status is BulkStatus.COMPLETE
    assert result.applied == inputs
    assert result.not_applied == result.errors == []
    assert sorted(o.id for o in result.objects) == sorted(ids)
    assert batch_requests(double, api_version) == math.ceil(250 / BATCH)
    for i in ids:
        assert double.store.get(i) is not None
        assert double.store.get(i).get("partner_notes") == f"plain-{mode}-{i}"  # type: ignore[union-attr]
        assert double.store.write_counts[i] == 1


def test_ten_thousand_updates_through_20_percent_faults(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:10_000]
    inputs = updates(ids, f"faults-{mode}")
    double.faults.configure(
        FaultConfig(
            seed=5 if mode == "sync" else 6,
            rate_429=0.04,
            rate_500=0.03,
            rate_502=0.03,
            rate_503=0.03,
            rate_504=0.03,
            rate_drop=0.02,
            rate_truncate=0.02,
            retry_after_seconds=0,
            path_contains=UPDATE,
        )
    )
    retries: list[RetryEvent] = []

    result = update(mode, api_version, double, inputs, on_retry=retries.append, concurrency=6)

    assert result.status is BulkStatus.COMPLETE, result.errors[:3]
    assert result.applied == inputs
    assert result.errors == []
    assert len(result.objects) == 10_000
    # Each injected fault cost exactly one retry, and nothing else was sent.
    assert len(double.faults.injected) == len(retries) >= 10
    assert batch_requests(double, api_version) == math.ceil(10_000 / BATCH) + len(retries)
    for i in ids:
        obj = double.store.get(i)
        assert obj is not None
        assert (obj.get("partner_notes"), obj.get("region")) == (f"faults-{mode}-{i}", "EMEA")
        # A write is applied once, or again when its answer was lost after it (drop, truncate).
        assert double.store.write_counts[i] >= 1


def test_unknown_ids_are_per_input_errors_and_the_rest_applied(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    known = double.store.ids()[:150]
    unknown = ["9000001", "9000002", "9000003"]
    inputs = updates(known[:40] + unknown[:1] + known[40:] + unknown[1:], f"unknown-{mode}")

    result = update(mode, api_version, double, inputs)

    assert result.status is BulkStatus.PARTIAL
    assert_accounts_for(result, inputs)
    assert [e.id for e in result.errors] == unknown
    assert {e.category for e in result.errors} == {"OBJECT_NOT_FOUND"}
    assert [x["id"] for x in result.applied] == known
    assert all(double.store.write_counts[i] == 1 for i in known)


def test_a_chunk_refused_as_a_whole_fails_its_inputs_only(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    chunk = min(100, BATCH)
    ids = double.store.ids()[: 3 * chunk]
    inputs = updates(ids, f"refused-{mode}")
    inputs[chunk + chunk // 2]["properties"]["no_such_property"] = (
        "x"  # HubSpot refuses that whole batch: 400
    )

    result = update(mode, api_version, double, inputs, chunk_size=chunk)

    assert result.status is BulkStatus.PARTIAL
    assert_accounts_for(result, inputs)
    assert result.not_applied == inputs[chunk : 2 * chunk]
    assert {e.category for e in result.errors} == {"VALIDATION_ERROR"}
    assert result.applied == inputs[:chunk] + inputs[2 * chunk :]
    assert [double.store.write_counts[i] for i in ids] == [1] * chunk + [0] * chunk + [1] * chunk


def test_duplicate_ids_are_rejected_before_any_request(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:300]
    inputs = updates([*ids, ids[7]], "dup")

    with pytest.raises(BulkInputError, match=ids[7]) as caught:
        update(mode, api_version, double, inputs)

    assert len(double.requests) == 0
    assert [(e.id, e.category) for e in caught.value.errors] == [(ids[7], "DUPLICATE_ID")] * 2
    result = caught.value.result
    assert result.status is BulkStatus.STOPPED
    assert result.applied == []
    assert_accounts_for(result, inputs)


def test_values_that_cannot_be_sent_are_rejected_with_their_input(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:3]
    bad = {"id": ids[1], "properties": {"employee_count": [1, 2]}}
    naive = {"id": ids[2], "properties": {"partner_notes": datetime.datetime(2024, 1, 1)}}
    inputs = [*updates(ids[:1], "bad"), bad, naive]

    with pytest.raises(BulkInputError) as caught:
        update(mode, api_version, double, inputs)

    assert len(double.requests) == 0
    rejected = caught.value.errors
    assert [(e.input, e.category) for e in rejected] == [(bad, "INVALID_INPUT"), (naive, "INVALID_INPUT")]
    assert "employee_count" in rejected[0].message
    assert "partner_notes" in rejected[1].message
    assert caught.value.result.not_applied == inputs


def test_values_are_converted_by_the_documented_rule(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    target = double.store.ids()[0]
    when = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.UTC)
    properties = {
        "is_active": False,
        "employee_count": 42,
        "annual_revenue": decimal.Decimal("1.50E+3"),
        "partner_notes": None,
        "name": 1e20,
        "domain": when,
        "external_ref": datetime.date(2024, 5, 1),
    }

    result = update(mode, api_version, double, [{"id": target, "properties": properties}])

    assert result.status is BulkStatus.COMPLETE
    assert double.store.writes_for(target)[-1].properties == {
        "is_active": "false",
        "employee_count": "42",
        "annual_revenue": "1500",
        "partner_notes": "",
        "name": "100000000000000000000",
        "domain": str(int(when.timestamp() * 1000)),
        "external_ref": "1714521600000",
    }


def test_empty_input_sends_nothing(mode: str, double: HubSpotDouble, api_version: ApiVersion) -> None:
    progress: list[tuple[int, int | None]] = []

    result = update(mode, api_version, double, iter([]), on_progress=lambda d, t: progress.append((d, t)))

    assert result.status is BulkStatus.COMPLETE
    assert (result.total, result.objects, result.errors) == (0, [], [])
    assert len(double.requests) == 0
    assert progress == []


class Counting:
    """A generator of updates that remembers how far it has been read."""

    def __init__(self, ids: list[str], tag: str) -> None:
        self.ids = ids
        self.tag = tag
        self.read = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for i in self.ids:
            self.read += 1
            yield {"id": i, "properties": {"partner_notes": f"{self.tag}-{i}"}}


def test_a_generator_is_read_lazily(mode: str, double: HubSpotDouble, api_version: ApiVersion) -> None:
    ids = double.store.ids()[:3000]
    source = Counting(ids, f"lazy-{mode}")
    ahead: list[int] = []
    totals: set[int | None] = set()

    def watch(done: int, total: int | None) -> None:
        ahead.append(source.read - done)
        totals.add(total)

    result = update(mode, api_version, double, iter(source), concurrency=2, on_progress=watch)

    assert result.status is BulkStatus.COMPLETE
    assert result.succeeded == 3000
    assert totals == {None}
    assert len(ahead) == math.ceil(3000 / BATCH)
    # (concurrency + 1) chunks at most: the ones in flight and the one being read.
    assert max(ahead) <= 3 * BATCH
    assert double.store.get(ids[-1]).get("partner_notes") == f"lazy-{mode}-{ids[-1]}"  # type: ignore[union-attr]


def test_a_duplicate_in_a_generator_stops_before_its_chunk(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[: 5 * BATCH]
    at = 2 * BATCH + BATCH // 2
    inputs = updates([*ids[:at], ids[3], *ids[at:]], f"lazydup-{mode}")
    # Chunk 3 (inputs 2 to 3 batches in) holds the duplicate; at most 2 chunks are in flight before it.
    with pytest.raises(BulkInputError, match=ids[3]) as caught:
        update(mode, api_version, double, (x for x in inputs), concurrency=2)

    result = caught.value.result
    assert result.status is BulkStatus.STOPPED
    assert [e.input for e in caught.value.errors] == [inputs[at]]
    assert result.applied == inputs[: 2 * BATCH]
    assert result.not_applied == inputs[2 * BATCH : 3 * BATCH]
    assert {e.category for e in result.errors} == {"NOT_SENT", "DUPLICATE_ID"}
    assert [double.store.write_counts[i] for i in ids] == [1] * (2 * BATCH) + [0] * (3 * BATCH)
    assert batch_requests(double, api_version) == 2


def test_a_daily_429_stops_the_run_and_resuming_completes_it(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:2000]
    inputs = updates(ids, f"daily-{mode}")

    def exhaust_daily_limit(done: int, _total: int | None) -> None:
        if done >= 500 and not double.faults.pending():
            double.faults.script("429_daily", times=10_000, path_contains=UPDATE)

    first = update(mode, api_version, double, inputs, concurrency=3, on_progress=exhaust_daily_limit)

    assert first.status is BulkStatus.STOPPED
    assert isinstance(first.stopped_by, errors.RateLimitError)
    assert first.stopped_by.is_daily
    assert_accounts_for(first, inputs)
    assert 500 <= first.succeeded < 2000
    applied_ids = {x["id"] for x in first.applied}
    for i in ids:
        assert double.store.write_counts[i] == (1 if i in applied_ids else 0)
    assert {e.category for e in first.errors} <= {"RATE_LIMIT", "NOT_SENT"}

    double.faults.reset()
    second = update(mode, api_version, double, first.not_applied, concurrency=3)

    assert second.status is BulkStatus.COMPLETE
    assert second.applied == first.not_applied
    for i in ids:
        assert double.store.write_counts[i] == 1
        assert double.store.get(i).get("partner_notes") == f"daily-{mode}-{i}"  # type: ignore[union-attr]


def test_a_raising_progress_callback_stops_the_run(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:1000]
    inputs = updates(ids, f"cancel-{mode}")

    def cancel(done: int, _total: int | None) -> None:
        if done >= 2 * BATCH:
            raise KeyError("enough")

    result = update(mode, api_version, double, inputs, concurrency=1, on_progress=cancel)

    assert result.status is BulkStatus.STOPPED
    assert isinstance(result.stopped_by, KeyError)
    assert result.applied == inputs[: 2 * BATCH]
    assert_accounts_for(result, inputs)
    assert batch_requests(double, api_version) == 2


def test_bulk_read_reads_every_id_and_reports_unknown_ones(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:230]
    asked: list[Any] = [*ids[:100], "8000001", int(ids[100]), *ids[101:]]  # 231 inputs

    result = read(mode, api_version, double, asked, properties=["name", "external_ref"])

    assert result.status is BulkStatus.PARTIAL
    assert_accounts_for(result, asked)
    assert [(e.id, e.category) for e in result.errors] == [("8000001", "OBJECT_NOT_FOUND")]
    assert sorted(o.id for o in result.objects) == sorted(ids)
    assert all(o.properties.additional_properties.get("external_ref") for o in result.objects)
    read_requests = double.requests.matching(path_contains="/batch/read")
    assert [r.path for r in read_requests] == [api_version.path("/batch/read")] * math.ceil(231 / READ_BATCH)


def test_bulk_read_by_a_unique_property(mode: str, double: HubSpotDouble, api_version: ApiVersion) -> None:
    refs = [f"PC-{n:06d}" for n in range(5000, 5120)]  # untouched by the update tests

    result = read(
        mode, api_version, double, [*refs, "PC-NOPE"], id_property="external_ref", properties=["name"]
    )

    assert result.status is BulkStatus.PARTIAL
    assert result.applied == refs
    assert [e.id for e in result.errors] == ["PC-NOPE"]


def test_progress_bar_counts_every_input(
    double: HubSpotDouble, capsys: pytest.CaptureFixture[str], api_version: ApiVersion
) -> None:
    inputs = updates(double.store.ids()[:250], "bar")

    update("sync", api_version, double, inputs, progress=True)

    bar = capsys.readouterr().err.rsplit("\r", 1)[-1]  # tqdm redraws its line; the last is final
    assert "250/250" in bar


def test_progress_without_tqdm_says_how_to_get_it(
    double: HubSpotDouble, monkeypatch: pytest.MonkeyPatch, api_version: ApiVersion
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # as if not installed: importing it fails
    with pytest.raises(ImportError, match=r"hubspot-partner-clients\[progress\]"):
        update("sync", api_version, double, updates(double.store.ids()[:5], "no-bar"), progress=True)
    assert len(double.requests) == 0


def test_options_are_checked(double: HubSpotDouble) -> None:
    with make_client(double) as client:
        with pytest.raises(ValueError, match=f"chunk_size must be between 1 and {BATCH}"):
            bulk_update(client, [], chunk_size=BATCH + 1)
        with pytest.raises(ValueError, match=f"chunk_size must be between 1 and {READ_BATCH}"):
            bulk_read(client, [], chunk_size=READ_BATCH + 1)
        assert bulk_update(client, [], chunk_size=BATCH).status is BulkStatus.COMPLETE
        with pytest.raises(ValueError, match="concurrency"):
            bulk_update(client, [], concurrency=0)
        with pytest.raises(TypeError):
            bulk_read(client, "1000001")  # a str is an iterable of ids to the type checker
    assert len(double.requests) == 0


def test_an_exhausted_retry_budget_stops_the_run(
    mode: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    ids = double.store.ids()[:300]
    inputs = updates(ids, f"budget-{mode}")
    double.faults.script(503, times=RETRY.max_attempts, path_contains=UPDATE)

    result = update(mode, api_version, double, inputs, concurrency=1)

    assert result.status is BulkStatus.STOPPED
    assert isinstance(result.stopped_by, errors.ServerError)
    assert result.applied == []
    assert result.not_applied == inputs
    assert_accounts_for(result, inputs)
    assert batch_requests(double, api_version) == RETRY.max_attempts
    assert all(double.store.write_counts[i] == 0 for i in ids)


MALFORMED_UPDATES = {
    "property name not a string": ({"id": "1000001", "properties": {1: "a"}}, "property name 1"),
    "not a finite number": ({"id": "1000001", "properties": {"employee_count": math.nan}}, "finite"),
    "id of another type": ({"id": 3.5, "properties": {}}, "id 3.5"),
    "unknown key": ({"id": "1000001", "properties": {}, "colour": "red"}, "unknown key(s) ['colour']"),
    "not an input at all": (42, "a int is not an update input"),
    "properties not a mapping": ({"id": "1000001", "properties": ["a"]}, "'properties' must be a mapping"),
}


@pytest.mark.parametrize("case", MALFORMED_UPDATES, ids=list(MALFORMED_UPDATES))
def test_a_malformed_update_is_rejected_naming_it_before_anything_is_sent(
    case: str, double: HubSpotDouble, api_version: ApiVersion
) -> None:
    bad, reason = MALFORMED_UPDATES[case]
    inputs = [*updates(double.store.ids()[1:3], "ok"), bad]
    with pytest.raises(BulkInputError) as caught:
        update("sync", api_version, double, inputs)
    assert len(double.requests) == 0
    assert [(e.input, e.category) for e in caught.value.errors] == [(bad, "INVALID_INPUT")]
    assert reason in caught.value.errors[0].message
    assert caught.value.result.not_applied == inputs


def test_a_malformed_read_is_rejected_naming_it(double: HubSpotDouble) -> None:
    bad = {"id": "1000001", "idProperty": "email"}
    with make_client(double) as client, pytest.raises(BulkInputError) as caught:
        bulk_read(client, [SimplePublicObjectId(id="1000002"), bad])  # type: ignore[type-var]  # malformed on purpose
    assert len(double.requests) == 0
    assert [e.input for e in caught.value.errors] == [bad]


def test_a_deadline_must_be_positive(double: HubSpotDouble) -> None:
    with make_client(double) as client, pytest.raises(ValueError, match="deadline must be positive"):
        bulk_update(client, [], deadline=0)
