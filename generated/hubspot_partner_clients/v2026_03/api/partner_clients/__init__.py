"""One module per Partner Clients operation, each with `sync`, `asyncio`, `sync_detailed` and `asyncio_detailed`.

`client.partner_clients` calls these; call them directly for the `Response` (status and headers)
of `sync_detailed` / `asyncio_detailed`.
"""
