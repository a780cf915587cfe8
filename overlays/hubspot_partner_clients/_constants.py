"""Names that several hand-written modules share, each spelled once here."""

LOGGER_NAME = "hubspot_partner_clients"
"""The logger the package writes to: retries, search continuing past its cap, unknown enum values."""

REDIS_URL_ENV = "HUBSPOT_RATE_LIMIT_REDIS_URL"
"""The environment variable that, set to a Redis URL, shares the limiter through that Redis."""

ACCOUNT_ENV = "HUBSPOT_RATE_LIMIT_ACCOUNT"
"""The environment variable naming the account and app in Redis (an OAuth app's tokens change)."""

OBJECT_ID_PROPERTY = "hs_object_id"
"""HubSpot's property holding an object's id: what ``idProperty`` means when unset."""
