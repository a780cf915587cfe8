from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient
from ...types import Response


def _get_kwargs(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    association_type: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/crm/v3/objects/partner_clients/{partner_client_id}/associations/{to_object_type}/{to_object_id}/{association_type}".format(
            partner_client_id=quote(str(partner_client_id), safe="").replace(".", "%2E"),
            to_object_type=quote(str(to_object_type), safe="").replace(".", "%2E"),
            to_object_id=quote(str(to_object_id), safe="").replace(".", "%2E"),
            association_type=quote(str(association_type), safe="").replace(".", "%2E"),
        ),
    }

    return _kwargs


def _parse_response(response: httpx.Response) -> None:
    if response.status_code == 204:
        return None

    raise errors.HubSpotError.from_response(response)


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
    association_type: str,
    *,
    client: AuthenticatedClient,
) -> Response[None]:
    """Remove an association between a partner client and another object

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):
        association_type (str):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
        association_type=association_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(response)


def sync(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    association_type: str,
    *,
    client: AuthenticatedClient,
) -> None:
    """Remove an association between a partner client and another object

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):
        association_type (str):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
        association_type=association_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    _parse_response(response)


async def asyncio_detailed(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    association_type: str,
    *,
    client: AuthenticatedClient,
) -> Response[None]:
    """Remove an association between a partner client and another object

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):
        association_type (str):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
        association_type=association_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(response)


async def asyncio(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    association_type: str,
    *,
    client: AuthenticatedClient,
) -> None:
    """Remove an association between a partner client and another object

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):
        association_type (str):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
        association_type=association_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    _parse_response(response)
