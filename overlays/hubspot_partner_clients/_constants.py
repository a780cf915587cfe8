"""Names that several hand-written modules share, each spelled once here."""

LOGGER_NAME = "hubspot_partner_clients"
"""The logger the package writes to: retries, search continuing past its cap, unknown enum values."""

OBJECT_ID_PROPERTY = "hs_object_id"
"""HubSpot's property holding an object's id: what ``idProperty`` means when unset."""
