from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from .... import errors
from ....client import AuthenticatedClient
from ....types import Response
from ...models.association_spec import AssociationSpec
from ...models.labels_between_object_pair import LabelsBetweenObjectPair


def _get_kwargs(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    body: list[AssociationSpec],
) -> dict[str, Any]:
    errors.InvalidArgumentError.check_path("partner_client_id", partner_client_id, operation="associate")
    errors.InvalidArgumentError.check_path("to_object_type", to_object_type, operation="associate")
    errors.InvalidArgumentError.check_path("to_object_id", to_object_id, operation="associate")
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/crm/objects/2026-03/partner_clients/{partner_client_id}/associations/{to_object_type}/{to_object_id}".format(
            partner_client_id=quote(str(partner_client_id), safe="").replace(".", "%2E"),
            to_object_type=quote(str(to_object_type), safe="").replace(".", "%2E"),
            to_object_id=quote(str(to_object_id), safe="").replace(".", "%2E"),
        ),
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(response: httpx.Response) -> LabelsBetweenObjectPair:
    if response.status_code == 201:
        try:
            response_201 = LabelsBetweenObjectPair.from_dict(response.json())
        except Exception as exc:
            raise errors.MalformedResponseError.from_parse_failure(
                response, operation="associate", cause=exc
            ) from exc
        return response_201

    raise errors.HubSpotError.from_response(response, operation="associate")


def _build_response(response: httpx.Response) -> Response[LabelsBetweenObjectPair]:
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
    body: list[AssociationSpec],
) -> Response[LabelsBetweenObjectPair]:
    """Associate a partner client with another object, with labels

     Create associations between a partner client and another object, one per item of the body (its
    category and type id; a labelled type gives the association its label). Answers the labels now
    between the two.

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):
        body (list[AssociationSpec]): The associations to create, by category and type id.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[LabelsBetweenObjectPair]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
        body=body,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="associate") from exc

    return _build_response(response)


def sync(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
    body: list[AssociationSpec],
) -> LabelsBetweenObjectPair:
    """Associate a partner client with another object, with labels

     Create associations between a partner client and another object, one per item of the body (its
    category and type id; a labelled type gives the association its label). Answers the labels now
    between the two.

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):
        body (list[AssociationSpec]): The associations to create, by category and type id.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        LabelsBetweenObjectPair
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
        body=body,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="associate") from exc

    return _parse_response(response)


async def asyncio_detailed(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
    body: list[AssociationSpec],
) -> Response[LabelsBetweenObjectPair]:
    """Associate a partner client with another object, with labels

     Create associations between a partner client and another object, one per item of the body (its
    category and type id; a labelled type gives the association its label). Answers the labels now
    between the two.

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):
        body (list[AssociationSpec]): The associations to create, by category and type id.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[LabelsBetweenObjectPair]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
        body=body,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="associate") from exc

    return _build_response(response)


async def asyncio(
    partner_client_id: str,
    to_object_type: str,
    to_object_id: str,
    *,
    client: AuthenticatedClient,
    body: list[AssociationSpec],
) -> LabelsBetweenObjectPair:
    """Associate a partner client with another object, with labels

     Create associations between a partner client and another object, one per item of the body (its
    category and type id; a labelled type gives the association its label). Answers the labels now
    between the two.

    Args:
        partner_client_id (str):
        to_object_type (str):
        to_object_id (str):
        body (list[AssociationSpec]): The associations to create, by category and type id.

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        LabelsBetweenObjectPair
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        to_object_type=to_object_type,
        to_object_id=to_object_id,
        body=body,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="associate") from exc

    return _parse_response(response)
