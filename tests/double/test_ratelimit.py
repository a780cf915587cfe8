"""Rate limits: headers on every response, rolling/daily/search 429s, off switch."""

from __future__ import annotations

import time
from typing import Any

import httpx

from hubspot_double import HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients._operations import OPERATIONS

PATH = "/crm/v3/objects/partner_clients"
HEADERS = (
    "x-hubspot-ratelimit-max",
    "x-hubspot-ratelimit-remaining",
    "x-hubspot-ratelimit-interval-milliseconds",
    "x-hubspot-ratelimit-daily",
    "x-hubspot-ratelimit-daily-remaining",
)
SMALL = StoreConfig(objects=20)


def _limited(make_double: Any, **limits: Any) -> HubSpotDouble:
    defaults: dict[str, Any] = {"max_requests": 5, "interval_seconds": 1.0, "search_max_requests": 100}
    double: HubSpotDouble = make_double(rate_limit=RateLimitConfig(**{**defaults, **limits}), store=SMALL)
    return double


def test_headers_on_every_response(make_double: Any, make_client: Any) -> None:
    double = _limited(make_double, max_requests=20)
    client = make_client(double)
    responses = [
        client.get(PATH),
        client.get(f"{PATH}/404404"),
        client.post(f"{PATH}/search", content=b"{"),
        httpx.get(f"{double.base_url}{PATH}"),  # 401
    ]
    for r in responses:
        assert all(h in r.headers for h in HEADERS), (r.status_code, r.headers)
    assert responses[0].headers["x-hubspot-ratelimit-max"] == "20"
    assert responses[0].headers["x-hubspot-ratelimit-interval-milliseconds"] == "1000"
    # Two reads counted; the search spends only its own window (HubSpot exempts it from this one).
    assert int(responses[2].headers["x-hubspot-ratelimit-remaining"]) == 18
    assert int(responses[2].headers["x-hubspot-ratelimit-daily-remaining"]) < int(
        responses[2].headers["x-hubspot-ratelimit-daily"]
    )


def test_rolling_window_429_then_recovers(make_double: Any, make_client: Any) -> None:
    double = _limited(make_double)
    client = make_client(double)
    statuses = [client.get(PATH).status_code for _ in range(5)]
    assert statuses == [200] * 5
    r = client.get(PATH)
    assert r.status_code == 429
    body = r.json()
    assert body["status"] == "error"
    assert body["message"] == "You have reached your ten secondly limit."
    assert body["errorType"] == "RATE_LIMIT"
    assert body["policyName"] == "TEN_SECONDLY_ROLLING"
    assert body["correlationId"]
    retry_after = int(r.headers["retry-after"])
    assert retry_after >= 1
    assert r.headers["x-hubspot-ratelimit-remaining"] == "0"
    time.sleep(retry_after)
    assert client.get(PATH).status_code == 200


def test_daily_limit_429_has_daily_policy_and_no_retry_after(make_double: Any, make_client: Any) -> None:
    double = _limited(make_double, max_requests=100, daily_limit=3)
    client = make_client(double)
    assert [client.get(PATH).status_code for _ in range(3)] == [200] * 3
    r = client.get(PATH)
    assert r.status_code == 429
    assert r.json()["policyName"] == "DAILY"
    assert "retry-after" not in r.headers
    assert r.headers["x-hubspot-ratelimit-daily-remaining"] == "0"
    double.rate_limits.reset()
    assert client.get(PATH).status_code == 200


def test_search_has_its_own_lower_limit(make_double: Any, make_client: Any) -> None:
    double = _limited(make_double, max_requests=100, search_max_requests=2, search_interval_seconds=1.0)
    client = make_client(double)
    assert [client.post(f"{PATH}/search", json={}).status_code for _ in range(2)] == [200, 200]
    r = client.post(f"{PATH}/search", json={})
    assert r.status_code == 429
    assert "retry-after" in r.headers
    assert client.get(PATH).status_code == 200  # other operations are unaffected


def test_rate_limiting_can_be_switched_off(make_double: Any, make_client: Any) -> None:
    double = _limited(make_double, enabled=False, max_requests=2, search_max_requests=1)
    client = make_client(double)
    assert {client.get(PATH).status_code for _ in range(10)} == {200}
    assert {client.post(f"{PATH}/search", json={}).status_code for _ in range(5)} == {200}
    # No limit, so no X-HubSpot-RateLimit-* headers for a client to slow down by.
    assert not [h for h in client.get(PATH).headers if h.lower().startswith("x-hubspot-ratelimit")]


def test_default_limits_are_the_documents() -> None:
    cfg = RateLimitConfig()
    account, search = OPERATIONS.window("ten-secondly"), OPERATIONS.window("search")
    assert (cfg.max_requests, cfg.interval_seconds) == (account.max_requests, account.interval)
    assert (cfg.search_max_requests, cfg.search_interval_seconds) == (search.max_requests, search.interval)


def test_searches_leave_the_account_window_untouched(make_double: Any, make_client: Any) -> None:
    double = _limited(make_double, max_requests=3, search_max_requests=10)
    client = make_client(double)
    searches = [client.post(f"{PATH}/search", json={}) for _ in range(6)]  # twice the account window
    assert [r.status_code for r in searches] == [200] * 6
    assert {r.headers["x-hubspot-ratelimit-remaining"] for r in searches} == {"3"}
    assert [client.get(PATH).status_code for _ in range(4)] == [200, 200, 200, 429]
    # An unknown path spends what the table's default group spends: the account window.
    assert client.get("/crm/v3/unknown").headers["x-hubspot-ratelimit-remaining"] == "0"


def test_rate_limits_can_change_at_runtime(make_double: Any, make_client: Any) -> None:
    double = _limited(make_double, max_requests=100)
    client = make_client(double)
    double.rate_limits.configure(RateLimitConfig(max_requests=1, interval_seconds=5.0))
    assert [client.get(PATH).status_code for _ in range(2)] == [200, 429]
