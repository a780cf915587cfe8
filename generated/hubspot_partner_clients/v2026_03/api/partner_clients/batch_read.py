from http import HTTPStatus
from typing import Any

import httpx

from .... import errors
from ....client import AuthenticatedClient
from ....models.batch_read_input_simple_public_object_id import BatchReadInputSimplePublicObjectId
from ....models.batch_response_simple_public_object import BatchResponseSimplePublicObject
from ....models.batch_response_simple_public_object_with_errors import (
    BatchResponseSimplePublicObjectWithErrors,
)
from ....types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BatchReadInputSimplePublicObjectId,
    archived: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    if archived is not UNSET and archived is not None:
        params["archived"] = archived

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/crm/objects/2026-03/partner_clients/batch/read",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    response: httpx.Response,
) -> BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors:
    if response.status_code == 200:
        try:
            response_200 = BatchResponseSimplePublicObject.from_dict(response.json())
        except Exception as exc:
            raise errors.MalformedResponseError.from_parse_failure(
                response, operation="batch_read", cause=exc
            ) from exc
        return response_200

    if response.status_code == 207:
        try:
            response_207 = BatchResponseSimplePublicObjectWithErrors.from_dict(response.json())
        except Exception as exc:
            raise errors.MalformedResponseError.from_parse_failure(
                response, operation="batch_read", cause=exc
            ) from exc
        return response_207

    raise errors.HubSpotError.from_response(response, operation="batch_read")


def _build_response(
    response: httpx.Response,
) -> Response[BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors]:
    parsed = _parse_response(response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchReadInputSimplePublicObjectId,
    archived: bool | Unset = False,
) -> Response[BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors]:
    """Read a batch of partner clients

     Read up to 100 partner clients by id, or by the values of a unique property named in `idProperty`.
    Unknown ids answer 207 with one error each; the others are read.

    Args:
        archived (bool | Unset):  Default: False.
        body (BatchReadInputSimplePublicObjectId): The inputs of a batch read.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        Response[BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors]
    """

    kwargs = _get_kwargs(
        body=body,
        archived=archived,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="batch_read") from exc

    return _build_response(response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BatchReadInputSimplePublicObjectId,
    archived: bool | Unset = False,
) -> BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors:
    """Read a batch of partner clients

     Read up to 100 partner clients by id, or by the values of a unique property named in `idProperty`.
    Unknown ids answer 207 with one error each; the others are read.

    Args:
        archived (bool | Unset):  Default: False.
        body (BatchReadInputSimplePublicObjectId): The inputs of a batch read.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors
    """

    kwargs = _get_kwargs(
        body=body,
        archived=archived,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="batch_read") from exc

    return _parse_response(response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchReadInputSimplePublicObjectId,
    archived: bool | Unset = False,
) -> Response[BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors]:
    """Read a batch of partner clients

     Read up to 100 partner clients by id, or by the values of a unique property named in `idProperty`.
    Unknown ids answer 207 with one error each; the others are read.

    Args:
        archived (bool | Unset):  Default: False.
        body (BatchReadInputSimplePublicObjectId): The inputs of a batch read.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        Response[BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors]
    """

    kwargs = _get_kwargs(
        body=body,
        archived=archived,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="batch_read") from exc

    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BatchReadInputSimplePublicObjectId,
    archived: bool | Unset = False,
) -> BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors:
    """Read a batch of partner clients

     Read up to 100 partner clients by id, or by the values of a unique property named in `idProperty`.
    Unknown ids answer 207 with one error each; the others are read.

    Args:
        archived (bool | Unset):  Default: False.
        body (BatchReadInputSimplePublicObjectId): The inputs of a batch read.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors
    """

    kwargs = _get_kwargs(
        body=body,
        archived=archived,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="batch_read") from exc

    return _parse_response(response)
