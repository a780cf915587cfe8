"""Faults: random from a seed, scripted next-N, pre- vs post-handler effects."""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx
import pytest

from hubspot_double import FaultConfig, FaultKind, HubSpotDouble, StoreConfig

PATH = "/crm/v3/objects/partner_clients"
UPDATE = f"{PATH}/batch/update"
SMALL = StoreConfig(objects=50)


def _update(client: httpx.Client, value: str, object_id: str = "1000001") -> httpx.Response:
    return client.post(UPDATE, json={"inputs": [{"id": object_id, "properties": {"name": value}}]})


def _name(double: HubSpotDouble, object_id: str = "1000001") -> str | None:
    return double.store.find(object_id).get("name")  # type: ignore[union-attr]


MIX = FaultConfig(seed=11, rate_429=0.1, rate_500=0.1, rate_502=0.1, rate_503=0.1, rate_504=0.1)


def test_random_faults_are_deterministic_from_seed(make_double: Any, make_client: Any) -> None:
    runs = []
    for seed in (11, 11, 12):
        double = make_double(faults=FaultConfig(**{**MIX.__dict__, "seed": seed}), store=SMALL)
        client = make_client(double)
        runs.append([client.get(PATH).status_code for _ in range(40)])
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]
    assert {429, 500, 502, 503, 504, 200} <= set(runs[0])


@pytest.mark.parametrize(
    ("fault", "status", "html"),
    [("500", 500, False), ("502", 502, True), ("503", 503, False), ("504", 504, True)],
)
def test_injected_5xx_shapes_and_no_write(
    make_double: Any, make_client: Any, fault: str, status: int, html: bool
) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    before = _name(double)
    double.faults.script(fault)
    r = _update(client, "never")
    assert r.status_code == status
    if html:
        assert r.headers["content-type"].startswith("text/html")
        assert "<html>" in r.text
    else:
        assert r.json()["status"] == "error"
    assert _name(double) == before
    assert not double.store.write_counts
    assert _update(client, "later").status_code == 200


def test_injected_rolling_429_has_retry_after_and_no_write(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    double.faults.script(429, retry_after=7)
    r = _update(client, "never")
    assert r.status_code == 429
    assert r.headers["retry-after"] == "7"
    assert r.json()["policyName"] == "TEN_SECONDLY_ROLLING"
    assert not double.store.write_counts


def test_scripted_daily_429_for_next_n_matching_requests(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    double.faults.script("429_daily", times=2, path_contains="/batch/update", method="POST")
    assert client.get(PATH).status_code == 200  # not matching: untouched
    first, second, third = (_update(client, "v") for _ in range(3))
    assert [first.status_code, second.status_code, third.status_code] == [429, 429, 200]
    assert first.json()["policyName"] == "DAILY"
    assert "retry-after" not in first.headers
    assert double.faults.pending() == 0
    assert double.store.write_counts["1000001"] == 1


def test_scripted_arbitrary_status(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    double.faults.script(409)
    r = client.get(PATH)
    assert r.status_code == 409
    assert r.json()["category"] == "CONFLICT"


def test_drop_mid_response_raises_on_client_after_write(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    double.faults.script(FaultKind.DROP)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        _update(client, "applied")
    assert _name(double) == "applied"
    # The client retries: the same values are applied again, nothing else.
    assert _update(client, "applied").status_code == 200
    writes = double.store.writes_for("1000001")
    assert [w.properties for w in writes] == [{"name": "applied"}] * 2


def test_drop_of_an_empty_204_still_breaks_the_response(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    double.faults.script("drop", method="DELETE")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        client.delete(f"{PATH}/1000001/associations/contacts/1/partner_client_to_contact")


def test_delay_past_read_timeout_after_write(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL, faults=FaultConfig(delay_seconds=0.6))
    client = make_client(double, timeout=httpx.Timeout(5.0, read=0.2))
    double.faults.script("delay")
    with pytest.raises(httpx.ReadTimeout):
        _update(client, "slow")
    assert _name(double) == "slow"


def test_truncated_json_after_write(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    double.faults.script("truncate")
    r = _update(client, "cut")
    assert r.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        r.json()
    assert _name(double) == "cut"


@pytest.mark.parametrize("status", ["CANCELLED", "ARCHIVED_FUTURE"])
def test_batch_status_override(make_double: Any, make_client: Any, status: str) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    double.faults.configure(batch_status=status)
    assert _update(client, "x").json()["status"] == status
    read = client.post(f"{PATH}/batch/read", json={"inputs": [{"id": "1000001"}]})
    assert read.json()["status"] == status
    double.faults.configure(batch_status=None)
    assert _update(client, "y").json()["status"] == "COMPLETE"


def test_configure_and_reset_at_runtime(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    assert client.get(PATH).status_code == 200
    double.faults.configure(rate_502=1.0)
    assert client.get(PATH).status_code == 502
    double.faults.configure(path_contains="/search")
    assert client.get(PATH).status_code == 200  # fault limited to search now
    assert client.post(f"{PATH}/search", json={}).status_code == 502
    double.faults.script(500, times=3)
    double.faults.reset()
    assert double.faults.pending() == 0
    assert client.post(f"{PATH}/search", json={}).status_code == 200


def test_random_post_handler_faults_mix(make_double: Any, make_client: Any) -> None:
    faults = FaultConfig(seed=3, rate_drop=0.3, rate_truncate=0.3)
    double = make_double(store=SMALL, faults=faults)
    client = make_client(double)
    outcomes = set()
    for i in range(30):
        try:
            r = _update(client, f"v{i}")
            try:
                r.json()
                outcomes.add("ok")
            except json.JSONDecodeError:
                outcomes.add("truncated")
        except httpx.RemoteProtocolError:
            outcomes.add("dropped")
    assert outcomes == {"ok", "truncated", "dropped"}
    # Every request reached the handler: all 30 writes applied.
    assert double.store.write_counts["1000001"] == 30


def test_fault_rates_are_validated() -> None:
    with pytest.raises(ValueError, match="sum"):
        FaultConfig(rate_500=0.7, rate_502=0.7)


@pytest.mark.parametrize(
    ("body", "status", "content_type"),
    [(b"{}", 200, "application/json"), (b"", 200, None), (b"<html>hi</html>", 201, "text/html")],
)
def test_scripted_answer_is_sent_verbatim_without_running_the_handler(
    make_double: Any, make_client: Any, body: bytes, status: int, content_type: str | None
) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    before = _name(double)
    double.faults.script_answer(body, status=status, content_type=content_type, path_contains="/batch/")
    assert client.get(PATH).status_code == 200  # not matching: untouched
    r = _update(client, "never")
    assert (r.status_code, r.content, r.headers.get("content-type")) == (status, body, content_type)
    assert r.headers["x-hubspot-correlation-id"]
    assert _name(double) == before
    assert double.requests[-1].fault == "answer"
    assert _update(client, "later").json()["status"] == "COMPLETE"


def test_a_proxys_gateway_page_carries_no_hubspot_correlation_id(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    client = make_client(double)
    double.faults.script(502)
    assert "x-hubspot-correlation-id" not in client.get(PATH).headers
    assert client.get(PATH).headers["x-hubspot-correlation-id"]


def test_trickle_sends_the_whole_answer_a_byte_at_a_time_after_the_write(
    make_double: Any, make_client: Any
) -> None:
    double = make_double(store=SMALL)
    double.faults.script("trickle", times=1, path_contains="/batch/", delay_seconds=0.002)
    client = make_client(double)
    with client.stream(
        "POST", UPDATE, json={"inputs": [{"id": "1000001", "properties": {"name": "t"}}]}
    ) as r:
        pieces = list(r.iter_raw())
    assert len(pieces) > 20  # one byte a time, not one piece
    assert all(len(p) <= 2 for p in pieces)  # a byte each (two may meet in one read)
    assert json.loads(b"".join(pieces))["results"][0]["properties"]["name"] == "t"
    assert _name(double) == "t"  # the handler ran: the write is applied
    assert double.requests[0].fault == "trickle"


def test_a_trickle_stops_when_the_client_leaves(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    double.faults.script("trickle", times=1, path_contains="/batch/", delay_seconds=0.5)
    client = make_client(double, timeout=httpx.Timeout(5.0, read=0.2))
    with pytest.raises(httpx.ReadTimeout):
        _update(client, "gone")
    # The double is not left trickling to nobody: its next answer comes at once.
    assert _update(client, "next").status_code == 200


def test_a_scripted_answer_carries_extra_headers(make_double: Any, make_client: Any) -> None:
    double = make_double(store=SMALL)
    double.faults.script_answer(
        gzip.compress(b'{"status": "COMPLETE"}'),
        headers={"Content-Encoding": "gzip"},
        path_contains="/batch/",
    )
    response = _update(make_client(double), "x")
    assert response.headers["content-encoding"] == "gzip"
    assert response.json() == {"status": "COMPLETE"}  # httpx decoded it
