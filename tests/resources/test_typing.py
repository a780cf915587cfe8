"""mypy --strict checks a resource call's plain-dict arguments, as it will in a user's editor and CI.

Each case type-checks a small snippet that calls the package as a user would,
and asserts the error mypy reports (or that it reports none).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

HEADER = """
from hubspot_partner_clients import create_client

client = create_client("token")
"""


def mypy(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--config-file",
            str(REPO / "pyproject.toml"),
            str(snippet),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


def test_the_call_of_the_issue_type_checks(tmp_path: Path) -> None:
    result = mypy(
        tmp_path,
        """
        result = client.partner_clients.batch_update([{"id": "1", "properties": {"client_tier": "gold"}}])
        reveal_type(result.status)

        async def twin() -> None:
            pcs = client.aio.partner_clients
            await pcs.batch_update([{"id": "1", "properties": {"client_tier": "gold"}}])
            async for item in client.aio.partner_clients.list(properties=["name"]):
                reveal_type(item)
        """,
    )
    assert result.returncode == 0, result.stdout
    assert "BatchStatus" in result.stdout
    assert "SimplePublicObjectWithAssociations" in result.stdout


def test_every_bulk_option_type_checks_on_the_methods(tmp_path: Path) -> None:
    # journal was missing from the methods' options: mypy refused an option bulk_update takes.
    result = mypy(
        tmp_path,
        """
        from pathlib import Path

        rows = [{"id": "1", "properties": {"client_tier": "gold"}}]
        pcs = client.partner_clients
        pcs.bulk_update(rows, journal=Path("update.journal"), deadline=60.0, progress=True)
        pcs.bulk_read(["1"], journal="read.journal", properties=["name"], concurrency=2)

        async def twin() -> None:
            await client.aio.partner_clients.bulk_update(rows, journal="update.journal")
            await client.aio.partner_clients.bulk_read(["1"], journal=Path("read.journal"))
        """,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("call", "error"),
    [
        # A misspelt key of a dict.
        (
            'client.partner_clients.batch_update([{"id": "1", "propertes": {"client_tier": "gold"}}])',
            'expected "SimplePublicObjectBatchInputParam | SimplePublicObjectBatchInput"',
        ),
        # A value of the wrong type: HubSpot's property values are strings.
        (
            'client.partner_clients.batch_update([{"id": "1", "properties": {"client_tier": 5}}])',
            'expected "SimplePublicObjectBatchInputParam | SimplePublicObjectBatchInput"',
        ),
        # A misspelt keyword argument.
        ('client.partner_clients.list(propertes=["name"])', 'Unexpected keyword argument "propertes"'),
        # A wrong keyword type, in the async twin.
        ('client.aio.partner_clients.get("1", archived="no")', 'Argument "archived"'),
        # A bare string for a list of strings (a str is a Sequence[str]: it went out per character).
        ('client.partner_clients.search(sorts="name")', 'Argument "sorts"'),
        ('client.partner_clients.batch_read([{"id": "1"}], properties="name")', 'Argument "properties"'),
        (
            "client.partner_clients.search(filter_groups=[{"
            '"filters": [{"propertyName": "a", "operator": "IN", "values": "ab"}]}])',
            'expected "FilterGroupParam | FilterGroup"',
        ),
        # An operator HubSpot does not have.
        (
            "client.partner_clients.search("
            'filter_groups=[{"filters": [{"propertyName": "a", "operator": "EQUALS"}]}])',
            'expected "FilterGroupParam | FilterGroup"',
        ),
    ],
)
def test_mypy_flags_a_wrong_argument(tmp_path: Path, call: str, error: str) -> None:
    # mypy names the TypedDict the dict fails (with a model in the union it does not say which key);
    # the first test shows the same call with the right key and value passes.
    result = mypy(tmp_path, call + "\n")
    assert result.returncode == 1, result.stdout
    assert "snippet.py:5: error:" in result.stdout
    assert error in result.stdout, result.stdout
