from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from .... import errors
from ....client import AuthenticatedClient
from ....models.simple_public_object_with_associations import SimplePublicObjectWithAssociations
from ....types import UNSET, Response, Unset


def _get_kwargs(
    partner_client_id: str,
    *,
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
    id_property: str | Unset = UNSET,
) -> dict[str, Any]:
    errors.InvalidArgumentError.check_path("partner_client_id", partner_client_id, operation="get_by_id")

    params: dict[str, Any] = {}

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

    if id_property is not UNSET and id_property is not None:
        params["idProperty"] = id_property

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/crm/objects/2026-03/partner_clients/{partner_client_id}".format(
            partner_client_id=quote(str(partner_client_id), safe="").replace(".", "%2E"),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(response: httpx.Response) -> SimplePublicObjectWithAssociations:
    if response.status_code == 200:
        try:
            response_200 = SimplePublicObjectWithAssociations.from_dict(response.json())
        except Exception as exc:
            raise errors.MalformedResponseError.from_parse_failure(
                response, operation="get_by_id", cause=exc
            ) from exc
        return response_200

    raise errors.HubSpotError.from_response(response, operation="get_by_id")


def _build_response(response: httpx.Response) -> Response[SimplePublicObjectWithAssociations]:
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
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
    id_property: str | Unset = UNSET,
) -> Response[SimplePublicObjectWithAssociations]:
    """Read one partner client

     Read a partner client by its id, or by the value of a unique property named in `idProperty`.

    Args:
        partner_client_id (str):
        properties (list[str] | Unset):
        properties_with_history (list[str] | Unset):
        associations (list[str] | Unset):
        archived (bool | Unset):  Default: False.
        id_property (str | Unset):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[SimplePublicObjectWithAssociations]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        properties=properties,
        properties_with_history=properties_with_history,
        associations=associations,
        archived=archived,
        id_property=id_property,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="get_by_id") from exc

    return _build_response(response)


def sync(
    partner_client_id: str,
    *,
    client: AuthenticatedClient,
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
    id_property: str | Unset = UNSET,
) -> SimplePublicObjectWithAssociations:
    """Read one partner client

     Read a partner client by its id, or by the value of a unique property named in `idProperty`.

    Args:
        partner_client_id (str):
        properties (list[str] | Unset):
        properties_with_history (list[str] | Unset):
        associations (list[str] | Unset):
        archived (bool | Unset):  Default: False.
        id_property (str | Unset):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        SimplePublicObjectWithAssociations
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        properties=properties,
        properties_with_history=properties_with_history,
        associations=associations,
        archived=archived,
        id_property=id_property,
    )

    try:
        response = client.get_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="get_by_id") from exc

    return _parse_response(response)


async def asyncio_detailed(
    partner_client_id: str,
    *,
    client: AuthenticatedClient,
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
    id_property: str | Unset = UNSET,
) -> Response[SimplePublicObjectWithAssociations]:
    """Read one partner client

     Read a partner client by its id, or by the value of a unique property named in `idProperty`.

    Args:
        partner_client_id (str):
        properties (list[str] | Unset):
        properties_with_history (list[str] | Unset):
        associations (list[str] | Unset):
        archived (bool | Unset):  Default: False.
        id_property (str | Unset):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        Response[SimplePublicObjectWithAssociations]
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        properties=properties,
        properties_with_history=properties_with_history,
        associations=associations,
        archived=archived,
        id_property=id_property,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="get_by_id") from exc

    return _build_response(response)


async def asyncio(
    partner_client_id: str,
    *,
    client: AuthenticatedClient,
    properties: list[str] | Unset = UNSET,
    properties_with_history: list[str] | Unset = UNSET,
    associations: list[str] | Unset = UNSET,
    archived: bool | Unset = False,
    id_property: str | Unset = UNSET,
) -> SimplePublicObjectWithAssociations:
    """Read one partner client

     Read a partner client by its id, or by the value of a unique property named in `idProperty`.

    Args:
        partner_client_id (str):
        properties (list[str] | Unset):
        properties_with_history (list[str] | Unset):
        associations (list[str] | Unset):
        archived (bool | Unset):  Default: False.
        id_property (str | Unset):

    Raises:
        errors.HubSpotError: If HubSpot answers with an error status; the subclass says which
            (errors.RateLimitError, errors.NotFoundError, ...).
        errors.MalformedResponseError: If a success answer cannot be read as the documented model.
        errors.HubSpotConnectionError: If no complete answer arrives (errors.HubSpotTimeoutError
            when the request takes longer than Client.timeout).
        errors.InvalidArgumentError: If a path argument is not a str or int, or is blank (nothing is sent).

    Returns:
        SimplePublicObjectWithAssociations
    """

    kwargs = _get_kwargs(
        partner_client_id=partner_client_id,
        properties=properties,
        properties_with_history=properties_with_history,
        associations=associations,
        archived=archived,
        id_property=id_property,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.RequestError as exc:
        raise errors.HubSpotConnectionError.from_httpx(exc, operation="get_by_id") from exc

    return _parse_response(response)
