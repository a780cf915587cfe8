from http import HTTPStatus
from typing import Any

import httpx

from .... import errors
from ....client import AuthenticatedClient
from ....models.collection_response_with_total_simple_public_object import (
    CollectionResponseWithTotalSimplePublicObject,
)
from ....models.public_object_search_request import PublicObjectSearchRequest
from ....types import Response


def _get_kwargs(
    *,
    body: PublicObjectSearchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/crm/objects/2026-03/partner_clients/search",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(response: httpx.Response) -> CollectionResponseWithTotalSimplePublicObject:
    if response.status_code == 200:
        try:
            response_200 = CollectionResponseWithTotalSimplePublicObject.from_dict(response.json())
        except Exception as exc:
            raise errors.MalformedResponseError.from_parse_failure(
                response, operation="search", cause=exc
            ) from exc
        return response_200

    raise errors.HubSpotError.from_response(response, operation="search")


def _build_response(response: httpx.Response) -> Response[CollectionResponseWithTotalSimplePublicObject]:
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
    body: PublicObjectSearchRequest,
) -> Response[CollectionResponseWithTotalSimplePublicObject]:
    """Search partner clients

     Filter, sort and text-search partner clients. HubSpot refuses a page past the results one query
    reaches in all; the client's paginator continues past that cap by re-querying above the last
    `hs_object_id` seen. Search has its own, lower rate limit.

    Args:
        body (PublicObjectSearchRequest): A search for partner clients. HubSpot requires every
            field but `query`; each has a default (no filters, no sorts, the default properties, a
            page of 10 from the start), so a request names only what it narrows.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        Response[CollectionResponseWithTotalSimplePublicObject]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="search") from exc

    return _build_response(response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PublicObjectSearchRequest,
) -> CollectionResponseWithTotalSimplePublicObject:
    """Search partner clients

     Filter, sort and text-search partner clients. HubSpot refuses a page past the results one query
    reaches in all; the client's paginator continues past that cap by re-querying above the last
    `hs_object_id` seen. Search has its own, lower rate limit.

    Args:
        body (PublicObjectSearchRequest): A search for partner clients. HubSpot requires every
            field but `query`; each has a default (no filters, no sorts, the default properties, a
            page of 10 from the start), so a request names only what it narrows.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        CollectionResponseWithTotalSimplePublicObject
    """

    kwargs = _get_kwargs(
        body=body,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="search") from exc

    return _parse_response(response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PublicObjectSearchRequest,
) -> Response[CollectionResponseWithTotalSimplePublicObject]:
    """Search partner clients

     Filter, sort and text-search partner clients. HubSpot refuses a page past the results one query
    reaches in all; the client's paginator continues past that cap by re-querying above the last
    `hs_object_id` seen. Search has its own, lower rate limit.

    Args:
        body (PublicObjectSearchRequest): A search for partner clients. HubSpot requires every
            field but `query`; each has a default (no filters, no sorts, the default properties, a
            page of 10 from the start), so a request names only what it narrows.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        Response[CollectionResponseWithTotalSimplePublicObject]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="search") from exc

    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PublicObjectSearchRequest,
) -> CollectionResponseWithTotalSimplePublicObject:
    """Search partner clients

     Filter, sort and text-search partner clients. HubSpot refuses a page past the results one query
    reaches in all; the client's paginator continues past that cap by re-querying above the last
    `hs_object_id` seen. Search has its own, lower rate limit.

    Args:
        body (PublicObjectSearchRequest): A search for partner clients. HubSpot requires every
            field but `query`; each has a default (no filters, no sorts, the default properties, a
            page of 10 from the start), so a request names only what it narrows.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        CollectionResponseWithTotalSimplePublicObject
    """

    kwargs = _get_kwargs(
        body=body,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="search") from exc

    return _parse_response(response)
