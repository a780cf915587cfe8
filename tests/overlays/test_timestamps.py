"""parse_datetime: each spelling of an instant HubSpot may send is an aware datetime; nothing else is."""

from __future__ import annotations

import datetime

import pytest

from hubspot_partner_clients._timestamps import parse_datetime

UTC = datetime.UTC
INSTANT = datetime.datetime(2019, 10, 30, 3, 30, 17, 883000, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sent", "instant"),
    [
        ("2019-10-30T03:30:17.883Z", INSTANT),  # what HubSpot writes
        ("2019-10-30T03:30:17.883z", INSTANT),
        ("2019-10-30T03:30:17.883+00:00", INSTANT),
        ("2019-10-30T05:30:17.883+02:00", INSTANT),
        ("2019-10-29T22:00:17.883-05:30", INSTANT),
        ("2019-10-30T03:30:17.883", INSTANT),  # no offset: UTC
        ("2019-10-30T03:30:17.883456789Z", INSTANT.replace(microsecond=883456)),  # nanoseconds, cut
        ("2019-10-30T03:30:17Z", INSTANT.replace(microsecond=0)),
        ("2019-10-30T03:30:17z", INSTANT.replace(microsecond=0)),
        ("2019-10-30T03:30:17", INSTANT.replace(microsecond=0)),
        (1572406217883, INSTANT),  # epoch milliseconds
        (1572406217883.0, INSTANT),
        (0, datetime.datetime(1970, 1, 1, tzinfo=UTC)),
    ],
)
def test_each_spelling_of_an_instant_is_that_instant_and_aware(
    sent: object, instant: datetime.datetime
) -> None:
    parsed = parse_datetime(sent)
    assert parsed == instant
    assert parsed.utcoffset() is not None


def test_an_offset_is_kept_as_sent() -> None:
    parsed = parse_datetime("2019-10-30T05:30:17.883+02:00")
    assert parsed.utcoffset() == datetime.timedelta(hours=2)


def test_without_an_offset_timestamps_of_one_answer_compare() -> None:
    # A naive datetime would raise TypeError on comparison with an aware one.
    assert parse_datetime("2019-10-30T03:30:17") < parse_datetime("2019-10-30T03:30:18Z")


@pytest.mark.parametrize(
    "sent",
    ["yesterday", "", "z", "1572406217883", "2019-10-30T24:00:00Z", "2019-13-01T00:00:00Z", "2019-10-30Tz"],
)
def test_a_string_that_is_not_iso_8601_is_a_value_error_naming_it(sent: str) -> None:
    with pytest.raises(ValueError, match="not an ISO 8601 timestamp") as raised:
        parse_datetime(sent)
    assert repr(sent) in str(raised.value)


@pytest.mark.parametrize("sent", [float("nan"), float("inf"), 10**20, -(10**20)])
def test_a_number_that_is_no_instant_is_a_value_error(sent: float) -> None:
    with pytest.raises(ValueError, match="not a timestamp in epoch milliseconds"):
        parse_datetime(sent)


@pytest.mark.parametrize(("sent", "kind"), [(None, "NoneType"), (True, "bool"), ({}, "dict"), ([], "list")])
def test_another_type_is_a_type_error_naming_it(sent: object, kind: str) -> None:
    with pytest.raises(TypeError, match=f"got {kind}$"):
        parse_datetime(sent)


def test_a_huge_value_is_shown_bounded() -> None:
    with pytest.raises(ValueError, match="not an ISO 8601") as raised:
        parse_datetime("x" * 100_000)
    assert len(str(raised.value)) < 200
    assert "100002 characters" in str(raised.value)
