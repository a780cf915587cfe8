"""Lazy, typed pagination over the generated paged operations, sync and async.

The resource client's ``list``, ``list_associations`` and ``search`` return these paginators;
for the generated functions underneath, ``paginate`` / ``apaginate`` make them::

    for obj in paginate(list_page.sync, client=c, properties=["name"]): ...
    for page in paginate(list_page.sync, client=c).iter_pages(): ...
    for obj in paginate(search.sync, client=c, body=request).iter_items(max_items=500): ...
    async for obj in apaginate(list_associations.asyncio, pc_id, "contacts", client=c): ...

One mechanism serves every operation: ``SyncPaginator`` / ``AsyncPaginator`` call the generated
function with the caller's arguments, except for the cursor, which a small adapter (``_AfterParam``
for an ``after`` argument, ``_SearchBody`` for a search body) supplies and advances, and the page
size. The adapters hold only cursor state and do no I/O, so sync and async share them. Pages are
fetched one at a time and never kept, so memory stays flat however many pages there are. A walk
asks for the largest pages the operation allows unless the caller chose a page size: HubSpot's
default page of 10 would spend ten times the rate limit for the same items. The caller's choice is
``page_size`` (the resource client passes its ``limit`` argument there, when given), else a
``limit`` argument, else a search body's ``limit`` when it is not the model's default.
"""

# Hooks: the generated sync / asyncio functions of api.partner_clients.list_page,
# list_associations and search (any operation whose response has `results` and
# `paging.next_.after` and that takes either an `after` argument or a
# PublicObjectSearchRequest `body`). Reads paging.next_.after, total and
# SimplePublicObject.id; builds Filter / FilterGroup for the search continuation;
# takes the first search cursor from PublicObjectSearchRequest's default for
# `after`, and every limit from the operation table: an operation's largest page
# from _operations.Operation.max_page_size (the table of the function's own version:
# _operation.operation_of), search's total cap and filter limits
# from the `search` row.

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, Protocol, TypeVar

import attrs

from ._constants import LOGGER_NAME, OBJECT_ID_PROPERTY
from ._operation import operation_of
from ._operations import OPERATIONS
from .models.filter_ import Filter
from .models.filter_group import FilterGroup
from .models.filter_operator import FilterOperator
from .models.public_object_search_request import PublicObjectSearchRequest
from .types import Unset

__all__ = [
    "SEARCH_MAX_RESULTS",
    "AsyncPaginator",
    "Page",
    "PagedResponse",
    "SearchLimitError",
    "SyncPaginator",
    "apaginate",
    "paginate",
]

SEARCH_MAX_RESULTS = OPERATIONS.limit("search", "max_results")
"""HubSpot serves at most this many results for one search query (it refuses a page past them); the
paginator continues past them by re-querying (see ``SearchLimitError``)."""

# HubSpot's largest search page, used when the caller sets no limit.
_SEARCH_PAGE_LIMIT = OPERATIONS.limit("search", "max_page_size")
_MAX_FILTERS_PER_GROUP = OPERATIONS.limit("search", "max_filters_per_group")
_MAX_FILTERS = OPERATIONS.limit("search", "max_filters")


def _first_search_cursor() -> str:
    """The cursor of a search's first page: the model's default for ``after``, from the document."""
    default = attrs.fields(PublicObjectSearchRequest).after.default
    if not isinstance(default, str):
        raise LookupError(
            "PublicObjectSearchRequest.after has no default: the document's `default` of the search "
            "request's `after` is the first page's cursor, which HubSpot requires on every page"
        )
    return default


_FIRST_SEARCH_CURSOR = _first_search_cursor()
# The model's own default page size, if it has one: a body that keeps it, with no `page_size`, has
# chosen no page size (attrs cannot tell an unset field from one set to its default), so a walk asks
# for the largest. The resource client's `search(limit=...)` says so with `page_size`.
_MODEL_SEARCH_LIMIT = attrs.fields(PublicObjectSearchRequest).limit.default

_log = logging.getLogger(LOGGER_NAME)

ItemT = TypeVar("ItemT")
_ItemT_co = TypeVar("_ItemT_co", covariant=True)
_P = ParamSpec("_P")


class _NextPage(Protocol):
    @property
    def after(self) -> str: ...


class _Paging(Protocol):
    @property
    def next_(self) -> _NextPage | Unset: ...


class PagedResponse(Protocol[_ItemT_co]):
    """What a paged operation returns: ``results`` and, unless it is the last page, ``paging.next_``."""

    @property
    def results(self) -> Sequence[_ItemT_co]: ...

    @property
    def paging(self) -> _Paging | Unset: ...


class SearchLimitError(ValueError):
    """A search matches more than HubSpot's 10,000-result cap and cannot be continued past it.

    Past the cap the paginator re-queries with ``hs_object_id`` greater than the last id seen,
    which needs results in ascending ``hs_object_id`` order and room for one more filter in every
    filter group. The message says which of these the request lacks and what to do.
    """


@dataclass(frozen=True)
class Page(Generic[ItemT]):
    """One page: its items (cut short at ``max_items``) and the generated response it came in."""

    results: Sequence[ItemT]
    response: PagedResponse[ItemT]


class _Cursor(Protocol):
    """How one operation carries its cursor. Pure state: shared by the sync and async paginators."""

    def call_kwargs(self) -> dict[str, Any]:
        """Arguments to override in the caller's for the next request."""
        ...

    def check(self, response: PagedResponse[Any], first: bool) -> None:
        """Raise before a page is yielded if the walk cannot be completed."""
        ...

    def advance(self, response: PagedResponse[Any]) -> bool:
        """Take the cursor from `response`; False when no page follows."""
        ...


def _next_after(response: PagedResponse[Any]) -> str | None:
    paging = response.paging
    if isinstance(paging, Unset) or isinstance(paging.next_, Unset):
        return None
    return paging.next_.after


class _AfterParam:
    """The cursor is the operation's ``after`` argument (list, list associations)."""

    def __init__(self) -> None:
        # None until the first page answered: the first request keeps the caller's own `after`,
        # so a walk can resume from a saved cursor.
        self._after: str | None = None

    def call_kwargs(self) -> dict[str, Any]:
        return {} if self._after is None else {"after": self._after}

    def check(self, response: PagedResponse[Any], first: bool) -> None:
        """Nothing to check: HubSpot follows an ``after`` cursor through any number of pages."""

    def advance(self, response: PagedResponse[Any]) -> bool:
        self._after = _next_after(response)
        return self._after is not None


def _sort_is_id_ascending(sort: object) -> bool:
    # The document types sorts as strings ("name", "-name"); HubSpot also takes objects.
    if isinstance(sort, str):
        return sort == OBJECT_ID_PROPERTY
    if isinstance(sort, Mapping):
        return (
            sort.get("propertyName") == OBJECT_ID_PROPERTY
            and sort.get("direction", "ASCENDING") == "ASCENDING"
        )
    return False


class _SearchBody:
    """The cursor is ``after`` in the search body, plus an ``hs_object_id`` floor past the cap.

    Every page's body carries ``limit`` and ``after``, the first page's too (the model's first
    cursor), as HubSpot's contract requires. The floor is the last id seen, sent as it came: the
    results are in ascending ``hs_object_id`` order and ``GT`` compares in that same order, whatever
    the ids look like, so the client never parses or compares an id (the contract types it as any
    string).
    """

    def __init__(self, body: PublicObjectSearchRequest, max_items: int | None, page_size: int | None) -> None:
        self._body = body
        self._max_items = max_items
        limit = body.limit
        if page_size is not None:
            self._limit = page_size
        elif isinstance(limit, int) and limit != _MODEL_SEARCH_LIMIT:
            self._limit = limit
        else:
            self._limit = _SEARCH_PAGE_LIMIT
        sorts = list(body.sorts)
        self._sorts: list[str] = sorts
        if not sorts and (max_items is None or max_items > SEARCH_MAX_RESULTS):
            # Without a sort HubSpot's order is unspecified; the walk may have to continue past the
            # cap, which needs ascending ids from the very first page, so ask for that order.
            self._sorts = [OBJECT_ID_PROPERTY]
        self._after = body.after if isinstance(body.after, str) else _FIRST_SEARCH_CURSOR
        # Results this query has served so far, counted from the caller's own `after` when it is
        # an offset, as HubSpot's search cursors are.
        self._served = int(body.after) if isinstance(body.after, str) and body.after.isdigit() else 0
        self._floor: str | None = None
        self._last_id: str | None = None
        self._obstacle = self._find_obstacle(sorts)

    def _find_obstacle(self, sorts: list[Any]) -> str | None:
        if sorts and not (len(sorts) == 1 and _sort_is_id_ascending(sorts[0])):
            return f"it is sorted by {sorts!r}"
        groups = self._body.filter_groups
        for index, group in enumerate(groups):
            if len(group.filters) >= _MAX_FILTERS_PER_GROUP:
                return (
                    f"filter group {index} already has {len(group.filters)} filters, "
                    f"HubSpot's maximum is {_MAX_FILTERS_PER_GROUP} per group"
                )
        total = sum(len(group.filters) for group in groups) + max(len(groups), 1)
        if total > _MAX_FILTERS:
            return (
                f"adding an hs_object_id filter to each of its {len(groups)} filter groups makes "
                f"{total} filters, HubSpot's maximum is {_MAX_FILTERS} per request"
            )
        return None

    def _error(self, total: int | None) -> SearchLimitError:
        matched = f"matches {total:,} results" if total is not None else "reached"
        return SearchLimitError(
            f"This search {matched}, more than HubSpot's cap of {SEARCH_MAX_RESULTS:,} results per "
            f"query. The paginator continues past the cap by re-querying with hs_object_id greater "
            f"than the last id seen, in ascending hs_object_id order, but {self._obstacle}. "
            "Sort by hs_object_id ascending (or give no sort), leave room for one more filter in "
            f"every group, narrow the filters so at most {SEARCH_MAX_RESULTS:,} match, or pass "
            f"max_items <= {SEARCH_MAX_RESULTS:,}."
        )

    def call_kwargs(self) -> dict[str, Any]:
        body = PublicObjectSearchRequest.from_dict(self._body.to_dict())
        body.limit = self._limit
        body.sorts = self._sorts
        body.after = self._after
        if self._floor is not None:
            floor = Filter(property_name=OBJECT_ID_PROPERTY, operator=FilterOperator.GT, value=self._floor)
            if not body.filter_groups:
                body.filter_groups = [FilterGroup(filters=[floor])]
            else:
                # Groups are ORed: the floor must bound every one of them.
                for group in body.filter_groups:
                    group.filters.append(floor)
        return {"body": body}

    def check(self, response: PagedResponse[Any], first: bool) -> None:
        total = getattr(response, "total", None)
        wanted = self._max_items is None or self._max_items > SEARCH_MAX_RESULTS
        # Fail before yielding anything rather than after 10,000 items of work.
        if first and self._obstacle and wanted and isinstance(total, int) and total > SEARCH_MAX_RESULTS:
            raise self._error(total)

    def advance(self, response: PagedResponse[Any]) -> bool:
        results = response.results
        if results:
            self._last_id = results[-1].id
        self._served += len(results)
        after = _next_after(response)
        if after is None:
            return False
        if self._served + self._limit <= SEARCH_MAX_RESULTS:
            self._after = after
            return True
        # The next page would reach past the cap: start a new query above the last id seen.
        if self._obstacle:
            raise self._error(None)
        if self._last_id is None:  # pragma: no cover - a page before the cap always has results
            return False
        _log.info(
            "search reached HubSpot's %d-result cap; continuing with hs_object_id > %s",
            SEARCH_MAX_RESULTS,
            self._last_id,
        )
        self._floor = self._last_id
        self._after = _FIRST_SEARCH_CURSOR
        self._served = 0
        return True


def _cursor_factory(
    fn: Callable[..., Any], kwargs: Mapping[str, Any], page_size: int | None
) -> Callable[[int | None], _Cursor]:
    body = kwargs.get("body")
    if isinstance(body, PublicObjectSearchRequest):
        return lambda max_items: _SearchBody(body, max_items, page_size)
    if "after" not in inspect.signature(fn).parameters:
        raise TypeError(
            f"{getattr(fn, '__module__', fn)}.{getattr(fn, '__name__', '')} is not a paged operation: "
            "it takes neither an `after` cursor nor a PublicObjectSearchRequest body"
        )
    return lambda _max_items: _AfterParam()


def _largest_pages(fn: Callable[..., Any], kwargs: dict[str, Any], page_size: int | None) -> dict[str, Any]:
    """The caller's arguments, with ``limit`` the page size the caller chose, else the largest page."""
    if "limit" not in inspect.signature(fn).parameters:
        return kwargs  # a search: its page size is in the body (_SearchBody)
    if page_size is not None:
        return {**kwargs, "limit": page_size}
    if "limit" in kwargs:
        return kwargs
    # A generated function lives in the module named after its operation, in its version's package.
    operation = operation_of(getattr(fn, "__module__", ""))
    if operation is None or operation.max_page_size is None:
        return kwargs
    return {**kwargs, "limit": operation.max_page_size}


def _check_max_items(max_items: int | None) -> None:
    if max_items is not None and max_items < 0:
        raise ValueError(f"max_items must be >= 0, got {max_items}")


class SyncPaginator(Generic[ItemT]):
    """Iterate the items of every page (``for item in pager``) or the pages (``iter_pages``).

    Each iteration starts a new walk from the first page; nothing is fetched until it starts.
    ``page_size`` is the page size the caller chose (the resource client's ``limit``); None leaves
    it to the arguments, or to the largest page (see ``paginate``).
    """

    def __init__(
        self,
        fn: Callable[..., PagedResponse[ItemT]],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        *,
        page_size: int | None = None,
    ) -> None:
        self._fn = fn
        self._args = args
        self._kwargs = _largest_pages(fn, kwargs, page_size)
        self._new_cursor = _cursor_factory(fn, kwargs, page_size)

    def __iter__(self) -> Iterator[ItemT]:
        return self.iter_items()

    def iter_items(self, max_items: int | None = None) -> Iterator[ItemT]:
        """Every item, in order, stopping after `max_items` when given."""
        for page in self.iter_pages(max_items):
            yield from page.results

    def iter_pages(self, max_items: int | None = None) -> Iterator[Page[ItemT]]:
        """Every page, in order; with `max_items`, the last page is cut short and no more fetched."""
        _check_max_items(max_items)
        cursor = self._new_cursor(max_items)
        remaining = max_items
        first = True
        while remaining != 0:
            response = self._fn(*self._args, **{**self._kwargs, **cursor.call_kwargs()})
            cursor.check(response, first)
            first = False
            results = response.results
            if remaining is not None:
                results = results[:remaining]
                remaining -= len(results)
            yield Page(results, response)
            if remaining == 0 or not cursor.advance(response):
                return


class AsyncPaginator(Generic[ItemT]):
    """``async for item in pager``, or ``async for page in pager.iter_pages()``; see SyncPaginator."""

    def __init__(
        self,
        fn: Callable[..., Awaitable[PagedResponse[ItemT]]],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        *,
        page_size: int | None = None,
    ) -> None:
        self._fn = fn
        self._args = args
        self._kwargs = _largest_pages(fn, kwargs, page_size)
        self._new_cursor = _cursor_factory(fn, kwargs, page_size)

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self.iter_items()

    async def iter_items(self, max_items: int | None = None) -> AsyncIterator[ItemT]:
        """Every item, in order, stopping after `max_items` when given."""
        async for page in self.iter_pages(max_items):
            for item in page.results:
                yield item

    async def iter_pages(self, max_items: int | None = None) -> AsyncIterator[Page[ItemT]]:
        """Every page, in order; with `max_items`, the last page is cut short and no more fetched."""
        _check_max_items(max_items)
        cursor = self._new_cursor(max_items)
        remaining = max_items
        first = True
        while remaining != 0:
            response = await self._fn(*self._args, **{**self._kwargs, **cursor.call_kwargs()})
            cursor.check(response, first)
            first = False
            results = response.results
            if remaining is not None:
                results = results[:remaining]
                remaining -= len(results)
            yield Page(results, response)
            if remaining == 0 or not cursor.advance(response):
                return


def paginate(
    fn: Callable[_P, PagedResponse[ItemT]], /, *args: _P.args, **kwargs: _P.kwargs
) -> SyncPaginator[ItemT]:
    """Page lazily through a generated ``sync`` function, called with these arguments.

    Every argument passes through unchanged, except the cursor (``after``, or ``body.after``),
    which the paginator follows from ``paging.next_.after`` until a page has none (a search's
    first page is sent with the first cursor when the body has none), and the page size. Without a
    ``limit`` a walk asks for the largest pages the operation allows (``list_page``'s
    ``max_page_size`` in the operation table); a search whose body keeps the model's default
    ``limit`` asks for search's largest pages too (attrs cannot tell that default from the same
    number set on purpose: for pages of that size, use ``client.partner_clients.search(limit=...)``
    or ``SyncPaginator(..., page_size=...)``). A search continues past HubSpot's per-query cap by
    re-querying (see ``SearchLimitError``); without a sort it asks for ascending ``hs_object_id``
    order unless ``max_items`` keeps it under the cap.
    """
    if inspect.iscoroutinefunction(fn):
        raise TypeError("paginate() takes a generated `sync` function; use apaginate() for `asyncio`")
    return SyncPaginator(fn, args, dict(kwargs))


def apaginate(
    fn: Callable[_P, Awaitable[PagedResponse[ItemT]]], /, *args: _P.args, **kwargs: _P.kwargs
) -> AsyncPaginator[ItemT]:
    """The async twin of ``paginate``, for a generated ``asyncio`` function."""
    if not inspect.iscoroutinefunction(fn):
        raise TypeError("apaginate() takes a generated `asyncio` function; use paginate() for `sync`")
    return AsyncPaginator(fn, args, dict(kwargs))


def paginate_sized(
    page_size: int | None, fn: Callable[_P, PagedResponse[ItemT]], /, *args: _P.args, **kwargs: _P.kwargs
) -> SyncPaginator[ItemT]:
    """``paginate``, with the page size the caller chose (None: the caller chose none).

    The resource client's paged methods call this with their ``limit`` argument, so that
    ``search(limit=10)`` walks by pages of 10 although 10 is the search model's default.
    """
    if inspect.iscoroutinefunction(fn):
        raise TypeError("paginate_sized() takes a generated `sync` function; use apaginate_sized()")
    return SyncPaginator(fn, args, dict(kwargs), page_size=page_size)


def apaginate_sized(
    page_size: int | None,
    fn: Callable[_P, Awaitable[PagedResponse[ItemT]]],
    /,
    *args: _P.args,
    **kwargs: _P.kwargs,
) -> AsyncPaginator[ItemT]:
    """The async twin of ``paginate_sized``, for a generated ``asyncio`` function."""
    if not inspect.iscoroutinefunction(fn):
        raise TypeError("apaginate_sized() takes a generated `asyncio` function; use paginate_sized()")
    return AsyncPaginator(fn, args, dict(kwargs), page_size=page_size)
