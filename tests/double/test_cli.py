"""The command line: arguments map onto the config, and the server runs."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from hubspot_double import READ_SCOPE, WRITE_SCOPE
from hubspot_double.__main__ import build_parser, config_from_args
from hubspot_double.config import DEFAULT_TOKEN, READ_ONLY_TOKEN

ROOT = Path(__file__).resolve().parents[2]


def test_arguments_become_config() -> None:
    args = build_parser().parse_args(
        [
            "--port", "0", "--objects", "123", "--seed", "4",
            "--rate-limit", "20/1", "--search-rate-limit", "3/2", "--daily-limit", "99",
            "--fault-502", "0.1", "--fault-drop", "0.05", "--fault-seed", "9", "--delay-seconds", "2",
            "--batch-status", "CANCELLED", "--token", "a", "--token", "b:read",
        ]
    )  # fmt: skip
    cfg = config_from_args(args)
    assert (cfg.port, cfg.store.objects, cfg.store.seed) == (0, 123, 4)
    assert (cfg.rate_limit.max_requests, cfg.rate_limit.interval_seconds) == (20, 1.0)
    assert (cfg.rate_limit.search_max_requests, cfg.rate_limit.search_interval_seconds) == (3, 2.0)
    assert cfg.rate_limit.daily_limit == 99
    assert cfg.rate_limit.enabled
    assert (cfg.faults.rate_502, cfg.faults.rate_drop, cfg.faults.seed) == (0.1, 0.05, 9)
    assert cfg.faults.delay_seconds == 2.0
    assert cfg.faults.batch_status == "CANCELLED"
    assert cfg.auth.tokens == {
        DEFAULT_TOKEN: frozenset({READ_SCOPE, WRITE_SCOPE}),
        READ_ONLY_TOKEN: frozenset({READ_SCOPE}),
        "a": frozenset({READ_SCOPE, WRITE_SCOPE}),
        "b": frozenset({READ_SCOPE}),
    }
    assert not config_from_args(build_parser().parse_args(["--no-rate-limit"])).rate_limit.enabled


def test_token_adds_to_the_builtin_tokens_unless_told_otherwise() -> None:
    # What --help promises, checked against what the double is then configured to accept.
    assert "besides the built-in" in " ".join(build_parser().format_help().split())
    added = config_from_args(build_parser().parse_args(["--token", "mine:read"])).auth.tokens
    assert set(added) == {DEFAULT_TOKEN, READ_ONLY_TOKEN, "mine"}
    only = build_parser().parse_args(["--token", "mine:read", "--no-builtin-tokens"])
    assert config_from_args(only).auth.tokens == {"mine": frozenset({READ_SCOPE})}
    with pytest.raises(SystemExit, match="needs at least one --token"):
        config_from_args(build_parser().parse_args(["--no-builtin-tokens"]))


def test_bad_arguments_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    for bad in (["--rate-limit", "lots"], ["--token", "x:admin"]):
        with pytest.raises(SystemExit):
            build_parser().parse_args(bad)
    capsys.readouterr()


def test_module_serves_and_stops_on_sigterm() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "hubspot_double", "--port", "0", "--objects", "30", "--token", "t:read"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
        base_url = banner.split(" on ")[1].split(" ")[0]
        r = httpx.get(
            f"{base_url}/crm/v3/objects/partner_clients/1000001", headers={"Authorization": "Bearer t"}
        )
        assert r.status_code == 200
        assert json.loads(r.text)["id"] == "1000001"
        # The added token has only the scopes given; the built-in one still works alongside it.
        body = {"properties": {"client_tier": "gold"}}
        url = f"{base_url}/crm/v3/objects/partner_clients/1000001"
        assert httpx.patch(url, json=body, headers={"Authorization": "Bearer t"}).status_code == 403
        builtin = httpx.patch(url, json=body, headers={"Authorization": "Bearer double-token"})
        assert builtin.status_code == 200, builtin.text
        # 2026-03's path reads what v3's wrote: one store behind both.
        dated = httpx.get(
            f"{base_url}/crm/objects/2026-03/partner_clients/1000001",
            params={"properties": "client_tier"},
            headers={"Authorization": "Bearer t"},
        )
        assert dated.json()["properties"]["client_tier"] == "gold"
        assert "/crm/objects/2026-03/partner_clients" in proc.stdout.readline()
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
        assert proc.returncode == 0, out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
