"""Figure 1, parse: a full batch response from bytes to models, against ``json.loads`` alone.

The bytes are a real answer of the double to ``POST .../batch/read`` for as many objects as one
batch read takes (HubSpot's limit, from the operation table: 100) with every property the double
knows (what an integration that syncs partner clients asks for), fetched once.
"""

from __future__ import annotations

import datetime
import json

import httpx

from hubspot_partner_clients._operations import OPERATIONS
from hubspot_partner_clients.models.batch_response_simple_public_object import BatchResponseSimplePublicObject
from hubspot_partner_clients.models.simple_public_object import SimplePublicObject

from ._double import DoubleProcess, DoubleSpec
from ._measure import Figure, interleaved, median, ratio_goal, timed

GOAL = 2.5
BATCH = OPERATIONS.limit("batch_read", "max_inputs")  # objects in one full batch read
_PROPERTIES = [
    "name",
    "domain",
    "external_ref",
    "client_tier",
    "region",
    "annual_revenue",
    "employee_count",
    "is_active",
    "partner_notes",
]


def batch_response_bytes(objects: int = BATCH) -> bytes:
    """The double's answer to a batch read of `objects` partner clients."""
    with DoubleProcess(DoubleSpec(objects=objects)) as double, httpx.Client(base_url=double.base_url) as http:
        first = 1_000_001  # the double's first seeded id
        response = http.post(
            "/crm/v3/objects/partner_clients/batch/read",
            headers={"Authorization": f"Bearer {double.token}"},
            json={"inputs": [{"id": str(first + i)} for i in range(objects)], "properties": _PROPERTIES},
        )
        response.raise_for_status()
        return response.content


def run(*, objects: int = BATCH, loops: int = 200, runs: int = 15) -> Figure:
    """Median time of `loops` parses, per parse, over `runs` interleaved runs of each side."""
    payload = batch_response_bytes(objects)
    from_dict = BatchResponseSimplePublicObject.from_dict

    def parse() -> BatchResponseSimplePublicObject:
        return from_dict(json.loads(payload))

    parsed = parse()  # what the subject times, checked once outside the timing
    if len(parsed.results) != objects:
        raise RuntimeError(f"expected {objects} results, parsed {len(parsed.results)}")
    # The figure is only worth its name if the subject builds every model: a parse that kept raw
    # dicts, or left fields to decode later, would look cheap here and cost the caller elsewhere.
    decoded = [
        obj
        for obj in parsed.results
        if isinstance(obj, SimplePublicObject)
        and isinstance(obj.created_at, datetime.datetime)
        and set(_PROPERTIES) <= set(obj.properties.additional_keys)
    ]

    def baseline() -> float:
        return timed(lambda: [json.loads(payload) for _ in range(loops)]) / loops

    def subject() -> float:
        return timed(lambda: [parse() for _ in range(loops)]) / loops

    baseline(), subject()  # warm-up: first-call imports inside from_dict, caches
    base, subj = interleaved(baseline, subject, runs)
    subject_ms, baseline_ms = median(subj) * 1e3, median(base) * 1e3
    return Figure(
        key="parse",
        title=f"Parse a {objects}-object batch response",
        unit="ms/response",
        subject=subject_ms,
        baseline=baseline_ms,
        goals=[ratio_goal("time ratio", base, subj, GOAL)],
        notes=[
            f"{len(payload):,} bytes from the double's batch/read ({len(_PROPERTIES)} properties each);"
            " subject: BatchResponseSimplePublicObject.from_dict(json.loads(b)); baseline: json.loads(b);"
            f" {loops} parses per run, {runs} runs each"
        ],
        samples={"baseline_ms": [b * 1e3 for b in base], "subject_ms": [s * 1e3 for s in subj]},
        extra={"bytes": len(payload), "objects": len(parsed.results), "objects_decoded": len(decoded)},
    )
