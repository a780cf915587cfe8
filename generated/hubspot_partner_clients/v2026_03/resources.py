"""The resource client of API version 2026-03: its every operation as a method, sync and async.

`client.v2026_03.partner_clients` (a `PartnerClients`) and `client.aio.v2026_03.partner_clients`
(an `AsyncPartnerClients`, the same methods to await) call version 2026-03's functions
(`api` of this subpackage) through the one client: its retries, its rate limiter and its
connection pool serve every version. Arguments and answers are as in the root's resource client;
request values are typed by this version's `params`.
"""

from __future__ import annotations

# builtins.list in annotations: a method named `list` shadows the type in the class body.
# The pipeline's `ruff check --fix` drops the imports a document does not need.
import builtins
from collections.abc import Mapping, Sequence

from .._arguments import given, model, models, strings
from .._extras import AsyncPartnerClientsExtras, PartnerClientsExtras
from ..client import AuthenticatedClient
from ..pagination import AsyncPaginator, SyncPaginator, apaginate_sized, paginate_sized
from ..types import UNSET, Unset
from .api.partner_clients import (
    associate,
    associate_default,
    batch_read,
    batch_update,
    get_by_id,
    list_associations,
    list_page,
    remove_association,
    search,
    update,
)
from .models import (
    AssociationSpec,
    BatchInputSimplePublicObjectBatchInput,
    BatchReadInputSimplePublicObjectId,
    BatchResponsePublicDefaultAssociation,
    BatchResponseSimplePublicObject,
    BatchResponseSimplePublicObjectWithErrors,
    FilterGroup,
    LabelsBetweenObjectPair,
    MultiAssociatedObjectWithLabel,
    PublicObjectSearchRequest,
    SimplePublicObject,
    SimplePublicObjectBatchInput,
    SimplePublicObjectId,
    SimplePublicObjectInput,
    SimplePublicObjectInputProperties,
    SimplePublicObjectWithAssociations,
)
from .params import (
    AssociationSpecParam,
    FilterGroupParam,
    SimplePublicObjectBatchInputParam,
    SimplePublicObjectIdParam,
)

__all__ = ["AsyncPartnerClients", "AsyncResources", "PartnerClients", "Resources"]


class PartnerClients(PartnerClientsExtras):
    """The Partner clients operations, as methods: `client.v2026_03.partner_clients`.

    Each method calls the function of `api.partner_clients` named in its docstring, through
    the client's retries and rate limiter; `client.aio.v2026_03.partner_clients` is the async twin.
    """

    __slots__ = ("_client",)
    # This version's operations, for the hand-written methods it inherits (_extras.py).
    _batch_read = batch_read
    _batch_update = batch_update

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def associate(
        self,
        partner_client_id: str,
        to_object_type: str,
        to_object_id: str,
        labels: Sequence[AssociationSpecParam | AssociationSpec],
    ) -> LabelsBetweenObjectPair:
        """Associate a partner client with another object, with labels.

        Create associations between a partner client and another object, one per item of the body (its
        category and type id; a labelled type gives the association its label). Answers the labels now
        between the two.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            to_object_type: The type of the associated objects, such as `contacts` or `companies`.
            to_object_id: The id of the object to associate with.

        The function underneath: `api.partner_clients.associate`.
        """

        body = models(AssociationSpec, labels, operation="associate", argument="labels")
        return associate.sync(
            partner_client_id,
            to_object_type,
            to_object_id,
            client=self._client,
            body=body,
        )

    def associate_default(
        self,
        partner_client_id: str,
        to_object_type: str,
        to_object_id: str,
    ) -> BatchResponsePublicDefaultAssociation:
        """Associate a partner client with another object by the default association type.

        Create the default (unlabelled, HubSpot-defined) association between a partner client and
        another object. Answers a batch response with the association created.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            to_object_type: The type of the associated objects, such as `contacts` or `companies`.
            to_object_id: The id of the object to associate with.

        The function underneath: `api.partner_clients.associate_default`.
        """
        return associate_default.sync(
            partner_client_id,
            to_object_type,
            to_object_id,
            client=self._client,
        )

    def batch_read(
        self,
        inputs: Sequence[SimplePublicObjectIdParam | SimplePublicObjectId],
        *,
        archived: bool | Unset = UNSET,
        properties: builtins.list[str] | Unset = UNSET,
        properties_with_history: builtins.list[str] | Unset = UNSET,
        id_property: str | Unset = UNSET,
    ) -> BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors:
        """Read a batch of partner clients.

        Read up to 100 partner clients by id, or by the values of a unique property named in
        `idProperty`. Unknown ids answer 207 with one error each; the others are read.

        Args:
            inputs: One input per object to read (at most 100).
            archived: Whether to return only archived objects.
            properties: The properties to return.
            properties_with_history: The properties to return with their history of values.
            id_property: The name of a unique property whose values are given in place of the ids.

        The function underneath: `api.partner_clients.batch_read`.
        """

        body = BatchReadInputSimplePublicObjectId(
            **given(
                inputs=models(SimplePublicObjectId, inputs, operation="batch_read", argument="inputs"),
                properties=strings(properties, operation="batch_read", argument="properties"),
                properties_with_history=strings(
                    properties_with_history, operation="batch_read", argument="properties_with_history"
                ),
                id_property=id_property,
            )
        )
        return batch_read.sync(
            client=self._client,
            body=body,
            **given(
                archived=archived,
            ),
        )

    def batch_update(
        self,
        inputs: Sequence[SimplePublicObjectBatchInputParam | SimplePublicObjectBatchInput],
    ) -> BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors:
        """Update a batch of partner clients.

        Update up to 100 partner clients by id, or by the values of a unique property named in
        `idProperty`. More than 100 inputs, or one id twice, is a validation error. Unknown ids answer
        207 with one error each; the others are applied.

        Args:
            inputs: One input per object to update; an id may appear only once (at most 100).

        The function underneath: `api.partner_clients.batch_update`.
        """

        body = BatchInputSimplePublicObjectBatchInput(
            **given(
                inputs=models(
                    SimplePublicObjectBatchInput, inputs, operation="batch_update", argument="inputs"
                ),
            )
        )
        return batch_update.sync(
            client=self._client,
            body=body,
        )

    def get(
        self,
        partner_client_id: str,
        *,
        properties: builtins.list[str] | Unset = UNSET,
        properties_with_history: builtins.list[str] | Unset = UNSET,
        associations: builtins.list[str] | Unset = UNSET,
        archived: bool | Unset = UNSET,
        id_property: str | Unset = UNSET,
    ) -> SimplePublicObjectWithAssociations:
        """Read one partner client.

        Read a partner client by its id, or by the value of a unique property named in `idProperty`.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            properties: The properties to return. A property the object has no value for is returned as
                null; unknown names are ignored.
            properties_with_history: The properties to return with their history of values.
            associations: The object types whose associated ids to return.
            archived: Whether to return only archived objects.
            id_property: The name of a unique property whose value is given in place of the id.

        The function underneath: `api.partner_clients.get_by_id`.
        """
        return get_by_id.sync(
            partner_client_id,
            client=self._client,
            **given(
                properties=properties,
                properties_with_history=properties_with_history,
                associations=associations,
                archived=archived,
                id_property=id_property,
            ),
        )

    def list_associations(
        self,
        partner_client_id: str,
        to_object_type: str,
        *,
        limit: int | Unset = UNSET,
    ) -> SyncPaginator[MultiAssociatedObjectWithLabel]:
        """List a partner client's associations, one page at a time.

        Read a page of the objects of type `toObjectType` associated with a partner client, each with
        every association between the two: its category, type id and label. Follow `paging.next.after`
        to read the next page.

        Returns a lazy iterator over every MultiAssociatedObjectWithLabel of every page; nothing is
        fetched until you iterate. `.iter_pages()` yields the pages, and `max_items` stops early.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            to_object_type: The type of the associated objects, such as `contacts` or `companies`.
            limit: The most results to return on one page (at most 500).

        The function underneath: `api.partner_clients.list_associations`.
        """
        return paginate_sized(
            None if isinstance(limit, Unset) else limit,
            list_associations.sync,
            partner_client_id,
            to_object_type,
            client=self._client,
        )

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        properties: builtins.list[str] | Unset = UNSET,
        properties_with_history: builtins.list[str] | Unset = UNSET,
        associations: builtins.list[str] | Unset = UNSET,
        archived: bool | Unset = UNSET,
    ) -> SyncPaginator[SimplePublicObjectWithAssociations]:
        """List partner clients, one page at a time.

        Read a page of partner clients. Follow `paging.next.after` to read the next page; the last page
        has no `paging.next`.

        Returns a lazy iterator over every SimplePublicObjectWithAssociations of every page; nothing is
        fetched until you iterate. `.iter_pages()` yields the pages, and `max_items` stops early.

        Args:
            limit: The most results to return on one page (at most 100).
            properties: The properties to return. A property the object has no value for is returned as
                null; unknown names are ignored.
            properties_with_history: The properties to return with their history of values.
            associations: The object types whose associated ids to return.
            archived: Whether to return only archived objects.

        The function underneath: `api.partner_clients.list_page`.
        """
        return paginate_sized(
            None if isinstance(limit, Unset) else limit,
            list_page.sync,
            client=self._client,
            **given(
                properties=properties,
                properties_with_history=properties_with_history,
                associations=associations,
                archived=archived,
            ),
        )

    def remove_association(
        self,
        partner_client_id: str,
        to_object_type: str,
        to_object_id: str,
    ) -> None:
        """Remove every association between a partner client and another object.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            to_object_type: The type of the associated objects, such as `contacts` or `companies`.
            to_object_id: The id of the object to associate with.

        The function underneath: `api.partner_clients.remove_association`.
        """
        return remove_association.sync(
            partner_client_id,
            to_object_type,
            to_object_id,
            client=self._client,
        )

    def search(
        self,
        *,
        filter_groups: Sequence[FilterGroupParam | FilterGroup] | Unset = UNSET,
        sorts: builtins.list[str] | Unset = UNSET,
        properties: builtins.list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        query: str | Unset = UNSET,
    ) -> SyncPaginator[SimplePublicObject]:
        """Search partner clients.

        Filter, sort and text-search partner clients. HubSpot refuses a page past the results one query
        reaches in all; the client's paginator continues past that cap by re-querying above the last
        `hs_object_id` seen. Search has its own, lower rate limit. One query reaches at most 10,000
        results.

        Returns a lazy iterator over every SimplePublicObject of every page; nothing is fetched until
        you iterate. `.iter_pages()` yields the pages, and `max_items` stops early.

        Args:
            filter_groups: Groups of filters; an object matches when it matches every filter of any one
                group (at most 6).
            sorts: Property names to sort by, such as `name`, or `-name` for descending order.
            properties: The properties to return.
            limit: The most results to return on one page (at most 200).
            query: Text to search for in the default searchable properties.

        The function underneath: `api.partner_clients.search`.
        """

        body = PublicObjectSearchRequest(
            **given(
                filter_groups=models(
                    FilterGroup, filter_groups, operation="search", argument="filter_groups"
                ),
                sorts=strings(sorts, operation="search", argument="sorts"),
                properties=strings(properties, operation="search", argument="properties"),
                limit=limit,
                query=query,
            )
        )
        return paginate_sized(
            None if isinstance(limit, Unset) else limit,
            search.sync,
            client=self._client,
            body=body,
        )

    def update(
        self,
        partner_client_id: str,
        properties: Mapping[str, str] | SimplePublicObjectInputProperties,
        *,
        id_property: str | Unset = UNSET,
    ) -> SimplePublicObject:
        """Update one partner client.

        Set the given property values on one partner client; properties not named keep their values. An
        empty string clears a value.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            properties: The property values to set, by property name. Values are strings.
            id_property: The name of a unique property whose value is given in place of the id.

        The function underneath: `api.partner_clients.update`.
        """

        body = SimplePublicObjectInput(
            **given(
                properties=model(
                    SimplePublicObjectInputProperties, properties, operation="update", argument="properties"
                ),
            )
        )
        return update.sync(
            partner_client_id,
            client=self._client,
            body=body,
            **given(
                id_property=id_property,
            ),
        )


class AsyncPartnerClients(AsyncPartnerClientsExtras):
    """The Partner clients operations, as methods to await: `client.aio.v2026_03.partner_clients`.

    The same methods as `PartnerClients`; those that page return async iterators
    (`async for item in ...`), without an await.
    """

    __slots__ = ("_client",)
    # This version's operations, for the hand-written methods it inherits (_extras.py).
    _batch_read = batch_read
    _batch_update = batch_update

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def associate(
        self,
        partner_client_id: str,
        to_object_type: str,
        to_object_id: str,
        labels: Sequence[AssociationSpecParam | AssociationSpec],
    ) -> LabelsBetweenObjectPair:
        """Associate a partner client with another object, with labels.

        Create associations between a partner client and another object, one per item of the body (its
        category and type id; a labelled type gives the association its label). Answers the labels now
        between the two.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            to_object_type: The type of the associated objects, such as `contacts` or `companies`.
            to_object_id: The id of the object to associate with.

        The function underneath: `api.partner_clients.associate`.
        """

        body = models(AssociationSpec, labels, operation="associate", argument="labels")
        return await associate.asyncio(
            partner_client_id,
            to_object_type,
            to_object_id,
            client=self._client,
            body=body,
        )

    async def associate_default(
        self,
        partner_client_id: str,
        to_object_type: str,
        to_object_id: str,
    ) -> BatchResponsePublicDefaultAssociation:
        """Associate a partner client with another object by the default association type.

        Create the default (unlabelled, HubSpot-defined) association between a partner client and
        another object. Answers a batch response with the association created.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            to_object_type: The type of the associated objects, such as `contacts` or `companies`.
            to_object_id: The id of the object to associate with.

        The function underneath: `api.partner_clients.associate_default`.
        """
        return await associate_default.asyncio(
            partner_client_id,
            to_object_type,
            to_object_id,
            client=self._client,
        )

    async def batch_read(
        self,
        inputs: Sequence[SimplePublicObjectIdParam | SimplePublicObjectId],
        *,
        archived: bool | Unset = UNSET,
        properties: builtins.list[str] | Unset = UNSET,
        properties_with_history: builtins.list[str] | Unset = UNSET,
        id_property: str | Unset = UNSET,
    ) -> BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors:
        """Read a batch of partner clients.

        Read up to 100 partner clients by id, or by the values of a unique property named in
        `idProperty`. Unknown ids answer 207 with one error each; the others are read.

        Args:
            inputs: One input per object to read (at most 100).
            archived: Whether to return only archived objects.
            properties: The properties to return.
            properties_with_history: The properties to return with their history of values.
            id_property: The name of a unique property whose values are given in place of the ids.

        The function underneath: `api.partner_clients.batch_read`.
        """

        body = BatchReadInputSimplePublicObjectId(
            **given(
                inputs=models(SimplePublicObjectId, inputs, operation="batch_read", argument="inputs"),
                properties=strings(properties, operation="batch_read", argument="properties"),
                properties_with_history=strings(
                    properties_with_history, operation="batch_read", argument="properties_with_history"
                ),
                id_property=id_property,
            )
        )
        return await batch_read.asyncio(
            client=self._client,
            body=body,
            **given(
                archived=archived,
            ),
        )

    async def batch_update(
        self,
        inputs: Sequence[SimplePublicObjectBatchInputParam | SimplePublicObjectBatchInput],
    ) -> BatchResponseSimplePublicObject | BatchResponseSimplePublicObjectWithErrors:
        """Update a batch of partner clients.

        Update up to 100 partner clients by id, or by the values of a unique property named in
        `idProperty`. More than 100 inputs, or one id twice, is a validation error. Unknown ids answer
        207 with one error each; the others are applied.

        Args:
            inputs: One input per object to update; an id may appear only once (at most 100).

        The function underneath: `api.partner_clients.batch_update`.
        """

        body = BatchInputSimplePublicObjectBatchInput(
            **given(
                inputs=models(
                    SimplePublicObjectBatchInput, inputs, operation="batch_update", argument="inputs"
                ),
            )
        )
        return await batch_update.asyncio(
            client=self._client,
            body=body,
        )

    async def get(
        self,
        partner_client_id: str,
        *,
        properties: builtins.list[str] | Unset = UNSET,
        properties_with_history: builtins.list[str] | Unset = UNSET,
        associations: builtins.list[str] | Unset = UNSET,
        archived: bool | Unset = UNSET,
        id_property: str | Unset = UNSET,
    ) -> SimplePublicObjectWithAssociations:
        """Read one partner client.

        Read a partner client by its id, or by the value of a unique property named in `idProperty`.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            properties: The properties to return. A property the object has no value for is returned as
                null; unknown names are ignored.
            properties_with_history: The properties to return with their history of values.
            associations: The object types whose associated ids to return.
            archived: Whether to return only archived objects.
            id_property: The name of a unique property whose value is given in place of the id.

        The function underneath: `api.partner_clients.get_by_id`.
        """
        return await get_by_id.asyncio(
            partner_client_id,
            client=self._client,
            **given(
                properties=properties,
                properties_with_history=properties_with_history,
                associations=associations,
                archived=archived,
                id_property=id_property,
            ),
        )

    def list_associations(
        self,
        partner_client_id: str,
        to_object_type: str,
        *,
        limit: int | Unset = UNSET,
    ) -> AsyncPaginator[MultiAssociatedObjectWithLabel]:
        """List a partner client's associations, one page at a time.

        Read a page of the objects of type `toObjectType` associated with a partner client, each with
        every association between the two: its category, type id and label. Follow `paging.next.after`
        to read the next page.

        Returns a lazy iterator over every MultiAssociatedObjectWithLabel of every page; nothing is
        fetched until you iterate. `.iter_pages()` yields the pages, and `max_items` stops early.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            to_object_type: The type of the associated objects, such as `contacts` or `companies`.
            limit: The most results to return on one page (at most 500).

        The function underneath: `api.partner_clients.list_associations`.
        """
        return apaginate_sized(
            None if isinstance(limit, Unset) else limit,
            list_associations.asyncio,
            partner_client_id,
            to_object_type,
            client=self._client,
        )

    def list(
        self,
        *,
        limit: int | Unset = UNSET,
        properties: builtins.list[str] | Unset = UNSET,
        properties_with_history: builtins.list[str] | Unset = UNSET,
        associations: builtins.list[str] | Unset = UNSET,
        archived: bool | Unset = UNSET,
    ) -> AsyncPaginator[SimplePublicObjectWithAssociations]:
        """List partner clients, one page at a time.

        Read a page of partner clients. Follow `paging.next.after` to read the next page; the last page
        has no `paging.next`.

        Returns a lazy iterator over every SimplePublicObjectWithAssociations of every page; nothing is
        fetched until you iterate. `.iter_pages()` yields the pages, and `max_items` stops early.

        Args:
            limit: The most results to return on one page (at most 100).
            properties: The properties to return. A property the object has no value for is returned as
                null; unknown names are ignored.
            properties_with_history: The properties to return with their history of values.
            associations: The object types whose associated ids to return.
            archived: Whether to return only archived objects.

        The function underneath: `api.partner_clients.list_page`.
        """
        return apaginate_sized(
            None if isinstance(limit, Unset) else limit,
            list_page.asyncio,
            client=self._client,
            **given(
                properties=properties,
                properties_with_history=properties_with_history,
                associations=associations,
                archived=archived,
            ),
        )

    async def remove_association(
        self,
        partner_client_id: str,
        to_object_type: str,
        to_object_id: str,
    ) -> None:
        """Remove every association between a partner client and another object.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            to_object_type: The type of the associated objects, such as `contacts` or `companies`.
            to_object_id: The id of the object to associate with.

        The function underneath: `api.partner_clients.remove_association`.
        """
        return await remove_association.asyncio(
            partner_client_id,
            to_object_type,
            to_object_id,
            client=self._client,
        )

    def search(
        self,
        *,
        filter_groups: Sequence[FilterGroupParam | FilterGroup] | Unset = UNSET,
        sorts: builtins.list[str] | Unset = UNSET,
        properties: builtins.list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        query: str | Unset = UNSET,
    ) -> AsyncPaginator[SimplePublicObject]:
        """Search partner clients.

        Filter, sort and text-search partner clients. HubSpot refuses a page past the results one query
        reaches in all; the client's paginator continues past that cap by re-querying above the last
        `hs_object_id` seen. Search has its own, lower rate limit. One query reaches at most 10,000
        results.

        Returns a lazy iterator over every SimplePublicObject of every page; nothing is fetched until
        you iterate. `.iter_pages()` yields the pages, and `max_items` stops early.

        Args:
            filter_groups: Groups of filters; an object matches when it matches every filter of any one
                group (at most 6).
            sorts: Property names to sort by, such as `name`, or `-name` for descending order.
            properties: The properties to return.
            limit: The most results to return on one page (at most 200).
            query: Text to search for in the default searchable properties.

        The function underneath: `api.partner_clients.search`.
        """

        body = PublicObjectSearchRequest(
            **given(
                filter_groups=models(
                    FilterGroup, filter_groups, operation="search", argument="filter_groups"
                ),
                sorts=strings(sorts, operation="search", argument="sorts"),
                properties=strings(properties, operation="search", argument="properties"),
                limit=limit,
                query=query,
            )
        )
        return apaginate_sized(
            None if isinstance(limit, Unset) else limit,
            search.asyncio,
            client=self._client,
            body=body,
        )

    async def update(
        self,
        partner_client_id: str,
        properties: Mapping[str, str] | SimplePublicObjectInputProperties,
        *,
        id_property: str | Unset = UNSET,
    ) -> SimplePublicObject:
        """Update one partner client.

        Set the given property values on one partner client; properties not named keep their values. An
        empty string clears a value.

        Args:
            partner_client_id: The id of the partner client, or the value of the property named in
                `idProperty`.
            properties: The property values to set, by property name. Values are strings.
            id_property: The name of a unique property whose value is given in place of the id.

        The function underneath: `api.partner_clients.update`.
        """

        body = SimplePublicObjectInput(
            **given(
                properties=model(
                    SimplePublicObjectInputProperties, properties, operation="update", argument="properties"
                ),
            )
        )
        return await update.asyncio(
            partner_client_id,
            client=self._client,
            body=body,
            **given(
                id_property=id_property,
            ),
        )


class Resources:
    """`client.v2026_03`: version 2026-03's resource clients."""

    __slots__ = ("_client",)

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    @property
    def partner_clients(self) -> PartnerClients:
        """Version 2026-03's Partner clients operations."""
        return PartnerClients(self._client)


class AsyncResources:
    """`client.aio.v2026_03`: version 2026-03's async resource clients."""

    __slots__ = ("_client",)

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    @property
    def partner_clients(self) -> AsyncPartnerClients:
        """The Partner clients operations, to await."""
        return AsyncPartnerClients(self._client)
