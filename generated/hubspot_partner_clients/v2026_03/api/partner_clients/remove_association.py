from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from .... import errors
from ....client import AuthenticatedClient
from ....types import Response


def _get_kwargs(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
) -> dict[str, Any]:
    errors.InvalidArgumentError.check_path(
        "partner_client_id", partner_client_id, operation="remove_association"
    )
    errors.InvalidArgumentError.check_path("to_object_type", to_object_type, operation="remove_association")
    errors.InvalidArgumentError.check_path("to_object_id", to_object_id, operation="remove_association")

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/crm/objects/2026-03/partner_clients/{partner_client_id}/associations/{to_object_type}/{to_object_id}".format(
            partner_client_id=quote(str(partner_client_id), safe="").replace(".", "%2E"),
            to_object_type=quote(str(to_object_type), safe="").replace(".", "%2E"),
            to_object_id=quote(str(to_object_id), safe="").replace(".", "%2E"),
        ),
    }

    return _kwargs


def _parse_response(response: httpx.Response) -> None:
    if response.status_code == 204:
        return None

    raise errors.HubSpotError.from_response(response, operation="remove_association")


def _build_response(response: httpx.Response) -> Response[None]:
    _parse_response(response)
    parsed = None
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[None]:
    """Remove every association between a partner client and another object

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[None]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="remove_association") from exc

    return _build_response(response)


def sync(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
) -> None:
    """Remove every association between a partner client and another object

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        None
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="remove_association") from exc

    _parse_response(response)


async def asyncio_detailed(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[None]:
    """Remove every association between a partner client and another object

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[None]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="remove_association") from exc

    return _build_response(response)


async def asyncio(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
) -> None:
    """Remove every association between a partner client and another object

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        None
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="remove_association") from exc

    _parse_response(response)
