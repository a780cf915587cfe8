from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from .... import errors
from ....client import AuthenticatedClient
from ....models.simple_public_object import SimplePublicObject
from ....models.simple_public_object_input import SimplePublicObjectInput
from ....types import UNSET, Response, Unset


def _get_kwargs(
    partner_client_id: str,
    *,
    body: SimplePublicObjectInput,
    id_property: str | Unset = UNSET,
) -> dict[str, Any]:
    errors.InvalidArgumentError.check_path("partner_client_id", partner_client_id, operation="update")
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    if id_property is not UNSET and id_property is not None:
        params["idProperty"] = id_property

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/crm/objects/2026-03/partner_clients/{partner_client_id}".format(
            partner_client_id=quote(str(partner_client_id), safe="").replace(".", "%2E"),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(response: httpx.Response) -> SimplePublicObject:
    if response.status_code == 200:
        try:
            response_200 = SimplePublicObject.from_dict(response.json())
        except Exception as exc:
            raise errors.MalformedResponseError.from_parse_failure(
                response, operation="update", cause=exc
            ) from exc
        return response_200

    raise errors.HubSpotError.from_response(response, operation="update")


def _build_response(response: httpx.Response) -> Response[SimplePublicObject]:
    parsed = _parse_response(response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    partner_client_id: str,
    *,
    client: AuthenticatedClient,
    body: SimplePublicObjectInput,
    id_property: str | Unset = UNSET,
) -> Response[SimplePublicObject]:
    """Update one partner client

     Set the given property values on one partner client; properties not named keep their values. An
    empty string clears a value.

    Args:
        partner_client_id (str):
        id_property (str | Unset):
        body (SimplePublicObjectInput): The new property values of one object.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[SimplePublicObject]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        body=body,
        id_property=id_property,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="update") from exc

    return _build_response(response)


def sync(
    partner_client_id: str,
    *,
    client: AuthenticatedClient,
    body: SimplePublicObjectInput,
    id_property: str | Unset = UNSET,
) -> SimplePublicObject:
    """Update one partner client

     Set the given property values on one partner client; properties not named keep their values. An
    empty string clears a value.

    Args:
        partner_client_id (str):
        id_property (str | Unset):
        body (SimplePublicObjectInput): The new property values of one object.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        SimplePublicObject
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        body=body,
        id_property=id_property,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="update") from exc

    return _parse_response(response)


async def asyncio_detailed(
    partner_client_id: str,
    *,
    client: AuthenticatedClient,
    body: SimplePublicObjectInput,
    id_property: str | Unset = UNSET,
) -> Response[SimplePublicObject]:
    """Update one partner client

     Set the given property values on one partner client; properties not named keep their values. An
    empty string clears a value.

    Args:
        partner_client_id (str):
        id_property (str | Unset):
        body (SimplePublicObjectInput): The new property values of one object.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[SimplePublicObject]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        body=body,
        id_property=id_property,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="update") from exc

    return _build_response(response)


async def asyncio(
    partner_client_id: str,
    *,
    client: AuthenticatedClient,
    body: SimplePublicObjectInput,
    id_property: str | Unset = UNSET,
) -> SimplePublicObject:
    """Update one partner client

     Set the given property values on one partner client; properties not named keep their values. An
    empty string clears a value.

    Args:
        partner_client_id (str):
        id_property (str | Unset):
        body (SimplePublicObjectInput): The new property values of one object.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        SimplePublicObject
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        body=body,
        id_property=id_property,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="update") from exc

    return _parse_response(response)
