"""A local stand-in for HubSpot's CRM Partner Clients API, for tests and demos.

Start one with ``with HubSpotDouble(DoubleConfig(...)) as double:`` and point
an HTTP client at ``double.base_url`` with ``Authorization: Bearer
{double.token}``. See ``server.HubSpotDouble`` for what it exposes.
"""

from .config import (
    DEFAULT_TOKEN,
    READ_ONLY_TOKEN,
    READ_SCOPE,
    WRITE_SCOPE,
    AuthConfig,
    DoubleConfig,
    FaultConfig,
    RateLimitConfig,
    StoreConfig,
)
from .faults import FaultKind, Faults
from .ratelimit import AccountRateLimits
from .recording import RecordedRequest, Recorder
from .server import HubSpotDouble
from .store import Store, WriteRecord

__all__ = [
    "DEFAULT_TOKEN",
    "READ_ONLY_TOKEN",
    "READ_SCOPE",
    "WRITE_SCOPE",
    "AccountRateLimits",
    "AuthConfig",
    "DoubleConfig",
    "FaultConfig",
    "FaultKind",
    "Faults",
    "HubSpotDouble",
    "RateLimitConfig",
    "RecordedRequest",
    "Recorder",
    "Store",
    "StoreConfig",
    "WriteRecord",
]
