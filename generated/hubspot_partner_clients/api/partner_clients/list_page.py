from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient
from ...models.collection_response_simple_public_object_with_associations_forward_paging import (
    CollectionResponseSimplePublicObjectWithAssociationsForwardPaging,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    if limit is not UNSET and limit is not None:
        params["limit"] = limit

    if after is not UNSET and after is not None:
        params["after"] = after

    json_properties: list[str] | Unset = UNSET
    if not isinstance(properties, Unset):
        json_properties = properties

    if json_properties is not UNSET and json_properties is not None:
        params["properties"] = json_properties

    json_properties_with_history: list[str] | Unset = UNSET
    if not isinstance(properties_with_history, Unset):
        json_properties_with_history = properties_with_history

    if json_properties_with_history is not UNSET and json_properties_with_history is not None:
        params["propertiesWithHistory"] = json_properties_with_history

    json_associations: list[str] | Unset = UNSET
    if not isinstance(associations, Unset):
        json_associations = associations

    if json_associations is not UNSET and json_associations is not None:
        params["associations"] = json_associations

    if archived is not UNSET and archived is not None:
        params["archived"] = archived

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/crm/v3/objects/partner_clients",
        "params": params,
    }

    return _kwargs


def _parse_response(
    response: httpx.Response,
) -> CollectionResponseSimplePublicObjectWithAssociationsForwardPaging:
    if response.status_code == 200:
        try:
            response_200 = CollectionResponseSimplePublicObjectWithAssociationsForwardPaging.from_dict(
                response.json()
            )
        except Exception as exc:
            raise errors.MalformedResponseError.from_parse_failure(
                response, operation="list_page", cause=exc
            ) from exc
        return response_200

    raise errors.HubSpotError.from_response(response, operation="list_page")


def _build_response(
    response: httpx.Response,
) -> Response[CollectionResponseSimplePublicObjectWithAssociationsForwardPaging]:
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
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
) -> Response[CollectionResponseSimplePublicObjectWithAssociationsForwardPaging]:
    """List partner clients, one page at a time

     Read a page of partner clients. Follow `paging.next.after` to read the next page; the last page has
    no `paging.next`.

    Args:
        limit (int | Unset):  Default: 10.
        after (str | Unset):
        properties (list[str] | Unset):
        properties_with_history (list[str] | Unset):
        associations (list[str] | Unset):
        archived (bool | Unset):  Default: False.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        Response[CollectionResponseSimplePublicObjectWithAssociationsForwardPaging]
    """

    kwargs = _get_kwargs(
        limit=limit,
        after=after,
        properties=properties,
        properties_with_history=properties_with_history,
        associations=associations,
        archived=archived,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="list_page") from exc

    return _build_response(response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
) -> CollectionResponseSimplePublicObjectWithAssociationsForwardPaging:
    """List partner clients, one page at a time

     Read a page of partner clients. Follow `paging.next.after` to read the next page; the last page has
    no `paging.next`.

    Args:
        limit (int | Unset):  Default: 10.
        after (str | Unset):
        properties (list[str] | Unset):
        properties_with_history (list[str] | Unset):
        associations (list[str] | Unset):
        archived (bool | Unset):  Default: False.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        CollectionResponseSimplePublicObjectWithAssociationsForwardPaging
    """

    kwargs = _get_kwargs(
        limit=limit,
        after=after,
        properties=properties,
        properties_with_history=properties_with_history,
        associations=associations,
        archived=archived,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="list_page") from exc

    return _parse_response(response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
) -> Response[CollectionResponseSimplePublicObjectWithAssociationsForwardPaging]:
    """List partner clients, one page at a time

     Read a page of partner clients. Follow `paging.next.after` to read the next page; the last page has
    no `paging.next`.

    Args:
        limit (int | Unset):  Default: 10.
        after (str | Unset):
        properties (list[str] | Unset):
        properties_with_history (list[str] | Unset):
        associations (list[str] | Unset):
        archived (bool | Unset):  Default: False.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        Response[CollectionResponseSimplePublicObjectWithAssociationsForwardPaging]
    """

    kwargs = _get_kwargs(
        limit=limit,
        after=after,
        properties=properties,
        properties_with_history=properties_with_history,
        associations=associations,
        archived=archived,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="list_page") from exc

    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
) -> CollectionResponseSimplePublicObjectWithAssociationsForwardPaging:
    """List partner clients, one page at a time

     Read a page of partner clients. Follow `paging.next.after` to read the next page; the last page has
    no `paging.next`.

    Args:
        limit (int | Unset):  Default: 10.
        after (str | Unset):
        properties (list[str] | Unset):
        properties_with_history (list[str] | Unset):
        associations (list[str] | Unset):
        archived (bool | Unset):  Default: False.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).

    Returns:
        CollectionResponseSimplePublicObjectWithAssociationsForwardPaging
    """

    kwargs = _get_kwargs(
        limit=limit,
        after=after,
        properties=properties,
        properties_with_history=properties_with_history,
        associations=associations,
        archived=archived,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="list_page") from exc

    return _parse_response(response)
