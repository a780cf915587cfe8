"""HubSpot's API version 2026-03 of the CRM Partner Clients API: its functions, models and resource client.

The package's root, `hubspot_partner_clients`, is HubSpot's v3 line; this subpackage is the dated version
2026-03, generated from its own document (openapi/versions.toml lists the versions). Both are
served by one client, with one rate limiter, one retry policy and one connection pool:

    from hubspot_partner_clients import create_client

    with create_client() as client:
        partner_client = client.v2026_03.partner_clients.get("123")

`client.v2026_03.partner_clients` (and `client.aio.v2026_03.partner_clients`, to await) has
every operation of version 2026-03 as a method; `hubspot_partner_clients.v2026_03.api.partner_clients`
holds the function per operation underneath, `.models` and `.params` what they take and answer.
What this version shares with the root's (the client, `types`, `errors`, the identical models) is the
root's own: `v2026_03.models.SimplePublicObject is hubspot_partner_clients.models.SimplePublicObject`.
"""

__all__: tuple[str, ...] = ()
