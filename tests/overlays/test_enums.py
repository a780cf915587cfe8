"""The enums overlay: CANCELLED is BatchStatus.CANCELED, unknown enum values parse and warn once.

The tests that parse answers of the double run once per API version (the `api_version` fixture), each
with its version's models: the overlay patches every version's.
"""

from __future__ import annotations

import asyncio
import logging
import pickle
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from hubspot_double import DoubleConfig, HubSpotDouble, RateLimitConfig, StoreConfig
from hubspot_partner_clients import AuthenticatedClient
from hubspot_partner_clients._constants import LOGGER_NAME
from hubspot_partner_clients.enums import LenientStrEnum
from hubspot_partner_clients.models import (
    BatchResponseSimplePublicObject,
    BatchResponseSimplePublicObjectWithErrors,
    BatchStatus,
    Filter,
    FilterOperator,
)
from tests._versions import ApiVersion

FIRST_ID = "1000001"
LOGGER = LOGGER_NAME
Batch = BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors


@pytest.fixture(scope="module")
def double() -> Iterator[HubSpotDouble]:
    config = DoubleConfig(store=StoreConfig(objects=20), rate_limit=RateLimitConfig(enabled=False))
    with HubSpotDouble(config) as running:
        yield running


def _update_body(models: Any) -> Any:
    properties = models.SimplePublicObjectBatchInputProperties()
    properties["partner_notes"] = "checked"
    return models.BatchInputSimplePublicObjectBatchInput(
        inputs=[models.SimplePublicObjectBatchInput(id=FIRST_ID, properties=properties)]
    )


def _read_body(models: Any) -> Any:
    return models.BatchReadInputSimplePublicObjectId(
        inputs=[models.SimplePublicObjectId(id=FIRST_ID)], properties=["name"], properties_with_history=[]
    )


def _call(mode: str, api_version: ApiVersion, double: HubSpotDouble, operation: str) -> Batch:
    """One batch call through the version's generated sync or asyncio function."""
    module: Any = api_version.op("batch_update" if operation == "update" else "batch_read")
    body = (_update_body if operation == "update" else _read_body)(api_version.models)
    client = AuthenticatedClient(base_url=double.base_url, token=double.token)
    if mode == "sync":
        with client:
            result: Batch = module.sync(client=client, body=body)
            return result

    async def run() -> Batch:
        async with client:
            result: Batch = await module.asyncio(client=client, body=body)
            return result

    return asyncio.run(run())


@pytest.fixture
def batch_status(double: HubSpotDouble) -> Iterator[Any]:
    """Make the double answer batch calls with a given status string."""

    def configure(status: str) -> None:
        double.faults.configure(batch_status=status)

    yield configure
    double.faults.configure(batch_status=None)


@pytest.mark.parametrize("operation", ["update", "read"])
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_cancelled_parses_to_the_canceled_member(
    *,
    mode: str,
    operation: str,
    double: HubSpotDouble,
    batch_status: Any,
    caplog: pytest.LogCaptureFixture,
    api_version: ApiVersion,
) -> None:
    batch_status("CANCELLED")
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        response = _call(mode, api_version, double, operation)

    assert response.status is api_version.models.BatchStatus.CANCELED
    assert response.status == "CANCELED"
    assert response.status.is_known
    assert response.to_dict()["status"] == "CANCELED"
    assert not caplog.records  # an alias is not an unknown value


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_an_unknown_status_parses_keeps_its_value_and_warns_once(
    *,
    mode: str,
    double: HubSpotDouble,
    batch_status: Any,
    caplog: pytest.LogCaptureFixture,
    api_version: ApiVersion,
) -> None:
    BatchStatus = api_version.models.BatchStatus  # the version's own (the same class where shared)
    # A value no other test has used: the one warning per value is process-wide.
    raw = f"ARCHIVED_FUTURE_{uuid.uuid4().hex[:8].upper()}"
    batch_status(raw)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        first = _call(mode, api_version, double, "update")
        second = _call(mode, api_version, double, "read")

    status = first.status
    assert isinstance(status, BatchStatus)
    assert status == raw
    assert status.value == raw
    assert str(status) == raw
    assert not status.is_known
    assert status not in list(BatchStatus)
    assert all(status is not member for member in BatchStatus)
    assert first.to_dict()["status"] == raw
    assert second.status is status  # cached: the same object each time
    warnings = [r for r in caplog.records if r.name == LOGGER]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert "BatchStatus" in warnings[0].getMessage()
    assert raw in warnings[0].getMessage()


def test_known_values_are_the_plain_members() -> None:
    # HubSpot's four statuses, and whatever values the document adds later.
    assert {"CANCELED", "COMPLETE", "PENDING", "PROCESSING"} <= {m.value for m in BatchStatus}
    assert all(BatchStatus(m.value) is m and m.name == m.value for m in BatchStatus)
    assert BatchStatus("COMPLETE") is BatchStatus.COMPLETE
    assert all(m.is_known for m in BatchStatus)
    assert issubclass(BatchStatus, LenientStrEnum)


def test_every_generated_string_enum_is_lenient(caplog: pytest.LogCaptureFixture) -> None:
    # FilterOperator is the other enum of the document: one mechanism covers both.
    assert issubclass(FilterOperator, LenientStrEnum)
    raw = f"NEW_OPERATOR_{uuid.uuid4().hex[:8].upper()}"
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        parsed = Filter.from_dict({"propertyName": "name", "operator": raw, "value": "x"})
    assert parsed.operator == raw
    assert not parsed.operator.is_known
    assert parsed.to_dict()["operator"] == raw
    assert len(caplog.records) == 1


def test_unknown_members_survive_pickling_and_non_strings_still_fail() -> None:
    unknown = BatchStatus(f"PICKLED_{uuid.uuid4().hex[:8].upper()}")
    assert pickle.loads(pickle.dumps(unknown)) is unknown
    assert pickle.loads(pickle.dumps(BatchStatus("CANCELLED"))) is BatchStatus.CANCELED
    with pytest.raises(ValueError, match="not a valid BatchStatus"):
        BatchStatus(3)  # type: ignore[arg-type]
