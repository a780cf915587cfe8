from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from .... import errors
from ....client import AuthenticatedClient
from ....types import UNSET, Response, Unset
from ...models.collection_response_multi_associated_object_with_label_forward_paging import (
    CollectionResponseMultiAssociatedObjectWithLabelForwardPaging,
)


def _get_kwargs(
    partner_client_id: str,
    to_object_type: str,
    *,
    after: str | Unset = UNSET,
    limit: int | Unset = 500,
) -> dict[str, Any]:
    errors.InvalidArgumentError.check_path(
        "partner_client_id", partner_client_id, operation="list_associations"
    )
    errors.InvalidArgumentError.check_path("to_object_type", to_object_type, operation="list_associations")

    params: dict[str, Any] = {}

    if after is not UNSET and after is not None:
        params["after"] = after

    if limit is not UNSET and limit is not None:
        params["limit"] = limit

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/crm/objects/2026-03/partner_clients/{partner_client_id}/associations/{to_object_type}".format(
            partner_client_id=quote(str(partner_client_id), safe="").replace(".", "%2E"),
            to_object_type=quote(str(to_object_type), safe="").replace(".", "%2E"),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    response: httpx.Response,
) -> CollectionResponseMultiAssociatedObjectWithLabelForwardPaging:
    if response.status_code == 200:
        try:
            response_200 = CollectionResponseMultiAssociatedObjectWithLabelForwardPaging.from_dict(
                response.json()
            )
        except Exception as exc:
            raise errors.MalformedResponseError.from_parse_failure(
                response, operation="list_associations", cause=exc
            ) from exc
        return response_200

    raise errors.HubSpotError.from_response(response, operation="list_associations")


def _build_response(
    response: httpx.Response,
) -> Response[CollectionResponseMultiAssociatedObjectWithLabelForwardPaging]:
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
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = 500,
) -> Response[CollectionResponseMultiAssociatedObjectWithLabelForwardPaging]:
    """List a partner client's associations, one page at a time

     Read a page of the objects of type `toObjectType` associated with a partner client, each with every
    association between the two: its category, type id and label. Follow `paging.next.after` to read the
    next page.

    Args:
        partner_client_id (str):
        to_object_type (str):
        after (str | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[CollectionResponseMultiAssociatedObjectWithLabelForwardPaging]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        after=after,
        limit=limit,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="list_associations") from exc

    return _build_response(response)


def sync(
    partner_client_id: str,
    to_object_type: str,
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = 500,
) -> CollectionResponseMultiAssociatedObjectWithLabelForwardPaging:
    """List a partner client's associations, one page at a time

     Read a page of the objects of type `toObjectType` associated with a partner client, each with every
    association between the two: its category, type id and label. Follow `paging.next.after` to read the
    next page.

    Args:
        partner_client_id (str):
        to_object_type (str):
        after (str | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        CollectionResponseMultiAssociatedObjectWithLabelForwardPaging
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        after=after,
        limit=limit,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="list_associations") from exc

    return _parse_response(response)


async def asyncio_detailed(
    partner_client_id: str,
    to_object_type: str,
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = 500,
) -> Response[CollectionResponseMultiAssociatedObjectWithLabelForwardPaging]:
    """List a partner client's associations, one page at a time

     Read a page of the objects of type `toObjectType` associated with a partner client, each with every
    association between the two: its category, type id and label. Follow `paging.next.after` to read the
    next page.

    Args:
        partner_client_id (str):
        to_object_type (str):
        after (str | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[CollectionResponseMultiAssociatedObjectWithLabelForwardPaging]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        after=after,
        limit=limit,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="list_associations") from exc

    return _build_response(response)


async def asyncio(
    partner_client_id: str,
    to_object_type: str,
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = 500,
) -> CollectionResponseMultiAssociatedObjectWithLabelForwardPaging:
    """List a partner client's associations, one page at a time

     Read a page of the objects of type `toObjectType` associated with a partner client, each with every
    association between the two: its category, type id and label. Follow `paging.next.after` to read the
    next page.

    Args:
        partner_client_id (str):
        to_object_type (str):
        after (str | Unset):
        limit (int | Unset):  Default: 500.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        CollectionResponseMultiAssociatedObjectWithLabelForwardPaging
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        after=after,
        limit=limit,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="list_associations") from exc

    return _parse_response(response)
