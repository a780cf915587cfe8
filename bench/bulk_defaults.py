"""Figure 5, bulk with defaults: figure 4's bulk update, the client left at ``create_client()``'s defaults.

The client is configured for 100 per 10 s; the double says 20 per 1 s in its headers, and the
limiter follows what HubSpot says. Same floor and goal as figure 4.
"""

from __future__ import annotations

from . import bulk
from ._measure import Figure


def run() -> Figure:
    """Figure 4 with the client at its defaults."""
    return bulk.run(configured=False)
