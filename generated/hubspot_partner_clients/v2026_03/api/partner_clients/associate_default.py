from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from .... import errors
from ....client import AuthenticatedClient
from ....types import Response
from ...models.batch_response_public_default_association import BatchResponsePublicDefaultAssociation


def _get_kwargs(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
) -> dict[str, Any]:
    errors.InvalidArgumentError.check_path(
        "partner_client_id", partner_client_id, operation="associate_default"
    )
    errors.InvalidArgumentError.check_path("to_object_type", to_object_type, operation="associate_default")
    errors.InvalidArgumentError.check_path("to_object_id", to_object_id, operation="associate_default")

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/crm/objects/2026-03/partner_clients/{partner_client_id}/associations/default/{to_object_type}/{to_object_id}".format(
            partner_client_id=quote(str(partner_client_id), safe="").replace(".", "%2E"),
            to_object_type=quote(str(to_object_type), safe="").replace(".", "%2E"),
            to_object_id=quote(str(to_object_id), safe="").replace(".", "%2E"),
        ),
    }

    return _kwargs


def _parse_response(response: httpx.Response) -> BatchResponsePublicDefaultAssociation:
    if response.status_code == 200:
        try:
            response_200 = BatchResponsePublicDefaultAssociation.from_dict(response.json())
        except Exception as exc:
            raise errors.MalformedResponseError.from_parse_failure(
                response, operation="associate_default", cause=exc
            ) from exc
        return response_200

    raise errors.HubSpotError.from_response(response, operation="associate_default")


def _build_response(response: httpx.Response) -> Response[BatchResponsePublicDefaultAssociation]:
    parsed = _parse_response(response)
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
) -> Response[BatchResponsePublicDefaultAssociation]:
    """Associate a partner client with another object by the default association type

     Create the default (unlabelled, HubSpot-defined) association between a partner client and another
    object. Answers a batch response with the association created.

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
        Response[BatchResponsePublicDefaultAssociation]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="associate_default") from exc

    return _build_response(response)


def sync(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
) -> BatchResponsePublicDefaultAssociation:
    """Associate a partner client with another object by the default association type

     Create the default (unlabelled, HubSpot-defined) association between a partner client and another
    object. Answers a batch response with the association created.

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
        BatchResponsePublicDefaultAssociation
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="associate_default") from exc

    return _parse_response(response)


async def asyncio_detailed(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BatchResponsePublicDefaultAssociation]:
    """Associate a partner client with another object by the default association type

     Create the default (unlabelled, HubSpot-defined) association between a partner client and another
    object. Answers a batch response with the association created.

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
        Response[BatchResponsePublicDefaultAssociation]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="associate_default") from exc

    return _build_response(response)


async def asyncio(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
) -> BatchResponsePublicDefaultAssociation:
    """Associate a partner client with another object by the default association type

     Create the default (unlabelled, HubSpot-defined) association between a partner client and another
    object. Answers a batch response with the association created.

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
        BatchResponsePublicDefaultAssociation
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="associate_default") from exc

    return _parse_response(response)
