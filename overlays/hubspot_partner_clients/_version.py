"""The package's version, read from its installed metadata on first use.

The package `__init__.py` forwards `hubspot_partner_clients.__version__`
here. The version lives in one place, pyproject.toml; reading it lazily keeps
importlib.metadata out of the import path of every program that never asks.
"""

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "hubspot-partner-clients"


def package_version() -> str:
    """The installed distribution's version, or "0+unknown" when run from a bare checkout."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"
