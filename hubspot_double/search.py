"""Search: validating a PublicObjectSearchRequest, then filtering and sorting.

Semantics follow HubSpot's documented behaviour: filters AND within a group,
groups OR together; comparisons are numeric when both sides parse as numbers
(dates compare as epoch milliseconds), otherwise case-insensitive strings.
The limits (page size, the total cap, filter groups and filters, query
length) are the search operation's row of the SDK's operation table.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from hubspot_partner_clients._operations import OPERATIONS

from .error_bodies import validation_error
from .store import PROPERTY_TYPES, QUERY_PROPERTIES, PartnerClient

MAX_LIMIT = OPERATIONS.limit("search", "max_page_size")
MAX_RESULTS = OPERATIONS.limit("search", "max_results")
MAX_GROUPS = OPERATIONS.limit("search", "max_filter_groups")
MAX_FILTERS_PER_GROUP = OPERATIONS.limit("search", "max_filters_per_group")
MAX_FILTERS = OPERATIONS.limit("search", "max_filters")
MAX_QUERY_LENGTH = OPERATIONS.limit("search", "max_query_length")
# A search without a limit gets HubSpot's default page, the list's unless the
# document gives search a default of its own.
_SEARCH = OPERATIONS.named("search")
DEFAULT_LIMIT = (_SEARCH.default_page_size if _SEARCH is not None else None) or OPERATIONS.limit(
    "list_page", "default_page_size"
)

OPERATORS = frozenset(
    {
        "EQ",
        "NEQ",
        "LT",
        "LTE",
        "GT",
        "GTE",
        "BETWEEN",
        "IN",
        "NOT_IN",
        "HAS_PROPERTY",
        "NOT_HAS_PROPERTY",
        "CONTAINS_TOKEN",
        "NOT_CONTAINS_TOKEN",
    }
)
_TOKEN_SPLIT = re.compile(r"[^0-9a-z*]+")


def _number(value: str | None) -> float | None:
    """A value as a number: plain numbers, or ISO dates as epoch ms."""
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    if len(value) >= 10 and value[4:5] == "-":
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() * 1000
        except ValueError:
            return None
    return None


def _compare(left: str, right: str) -> int:
    ln, rn = _number(left), _number(right)
    if ln is not None and rn is not None:
        return (ln > rn) - (ln < rn)
    a, b = left.lower(), right.lower()
    return (a > b) - (a < b)


def _tokens(value: str) -> list[str]:
    return [t for t in _TOKEN_SPLIT.split(value.lower()) if t]


def _contains_token(value: str | None, token: str) -> bool:
    if value is None:
        return False
    token = token.lower()
    if "*" in token:
        # HubSpot allows wildcards, e.g. "*@example.com".
        return fnmatch.fnmatchcase(value.lower(), token) or any(
            fnmatch.fnmatchcase(t, token) for t in _tokens(value)
        )
    return token in _tokens(value) or value.lower() == token


def _has(value: str | None) -> bool:
    return value is not None and value != ""


@dataclass(frozen=True)
class Filter:
    property_name: str
    operator: str
    value: str | None
    high_value: str | None
    values: tuple[str, ...]

    def matches(self, obj: PartnerClient) -> bool:
        actual = obj.get(self.property_name)
        test = _TESTS.get(self.operator)
        if test is not None:
            return test(self, actual)
        # The comparisons: an object without the property matches none of them.
        if actual is None:
            return False
        assert self.value is not None
        c = _compare(actual, self.value)
        if self.operator == "BETWEEN":  # inclusive at both ends
            assert self.high_value is not None
            return c >= 0 and _compare(actual, self.high_value) <= 0
        return _COMPARISONS[self.operator](c)


# The operators that decide for an object without the property too: (filter, its value) -> match.
_TESTS: dict[str, Callable[[Filter, str | None], bool]] = {
    "HAS_PROPERTY": lambda _, actual: _has(actual),
    "NOT_HAS_PROPERTY": lambda _, actual: not _has(actual),
    "CONTAINS_TOKEN": lambda f, actual: _contains_token(actual, f.value or ""),
    "NOT_CONTAINS_TOKEN": lambda f, actual: not _contains_token(actual, f.value or ""),
    "IN": lambda f, actual: actual is not None and any(_compare(actual, v) == 0 for v in f.values),
    "NOT_IN": lambda f, actual: actual is None or all(_compare(actual, v) != 0 for v in f.values),
    "NEQ": lambda f, actual: actual is None or _compare(actual, f.value or "") != 0,
}
# The comparisons with the filter's value, on _compare's sign.
_COMPARISONS: dict[str, Callable[[int], bool]] = {
    "EQ": lambda c: c == 0,
    "LT": lambda c: c < 0,
    "LTE": lambda c: c <= 0,
    "GT": lambda c: c > 0,
    "GTE": lambda c: c >= 0,
}


@dataclass(frozen=True)
class Sort:
    property_name: str
    descending: bool


@dataclass(frozen=True)
class SearchRequest:
    groups: tuple[tuple[Filter, ...], ...]
    sorts: tuple[Sort, ...]
    query: str | None
    properties: tuple[str, ...] | None
    limit: int
    offset: int


def _scalar(raw: object, where: str) -> str | None:
    # HubSpot accepts numbers and booleans as filter values and compares them
    # as their string form.
    if raw is None:
        return None
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, (str, int, float)):
        return str(raw)
    raise validation_error(f"Invalid input: {where} must be a string.")


def _check_property(name: object, where: str) -> str:
    if not isinstance(name, str) or not name:
        raise validation_error(f"Invalid input: {where} must be a non-empty string.")
    if name not in PROPERTY_TYPES:
        raise validation_error(
            f"There was a problem with the request. Property '{name}' does not exist.",
            context={"propertyName": [name]},
        )
    return name


def _parse_filter(raw: object, where: str) -> Filter:
    if not isinstance(raw, dict):
        raise validation_error(f"Invalid input: {where} must be an object.")
    name = _check_property(raw.get("propertyName"), f"{where}.propertyName")
    op = raw.get("operator")
    if op not in OPERATORS:
        raise validation_error(f"Invalid input: {where}.operator {op!r} is not one of {sorted(OPERATORS)}.")
    assert isinstance(op, str)
    value = _scalar(raw.get("value"), f"{where}.value")
    high = _scalar(raw.get("highValue"), f"{where}.highValue")
    raw_values = raw.get("values")
    values: tuple[str, ...] = ()
    if raw_values is not None:
        if not isinstance(raw_values, list):
            raise validation_error(f"Invalid input: {where}.values must be an array.")
        values = tuple(_scalar(v, f"{where}.values") or "" for v in raw_values)
    needs_value = op not in ("HAS_PROPERTY", "NOT_HAS_PROPERTY", "IN", "NOT_IN")
    if needs_value and value is None:
        raise validation_error(f"Invalid input: operator {op} needs a 'value' ({where}).")
    if op == "BETWEEN" and high is None:
        raise validation_error(f"Invalid input: operator BETWEEN needs a 'highValue' ({where}).")
    if op in ("IN", "NOT_IN") and not values:
        raise validation_error(f"Invalid input: operator {op} needs 'values' ({where}).")
    return Filter(name, op, value, high, values)


def _parse_sort(raw: object, i: int) -> Sort:
    if isinstance(raw, str):
        descending = raw.startswith("-")
        return Sort(_check_property(raw.lstrip("-"), f"sorts[{i}]"), descending)
    if isinstance(raw, dict):
        name = _check_property(raw.get("propertyName"), f"sorts[{i}].propertyName")
        direction = raw.get("direction", "ASCENDING")
        if direction not in ("ASCENDING", "DESCENDING"):
            raise validation_error(f"Invalid input: sorts[{i}].direction must be ASCENDING or DESCENDING.")
        return Sort(name, direction == "DESCENDING")
    raise validation_error(f"Invalid input: sorts[{i}] must be a string or an object.")


def parse_request(body: object) -> SearchRequest:
    if not isinstance(body, dict):
        raise validation_error("Invalid input: the search request must be a JSON object.")
    groups = _parse_groups(body)
    raw_sorts = body.get("sorts") or []
    if not isinstance(raw_sorts, list):
        raise validation_error("Invalid input: sorts must be an array.")
    sorts = tuple(_parse_sort(s, i) for i, s in enumerate(raw_sorts))
    query = body.get("query")
    if query is not None and not isinstance(query, str):
        raise validation_error("Invalid input: query must be a string.")
    if query is not None and len(query) > MAX_QUERY_LENGTH:
        raise validation_error(f"Invalid input: query is longer than {MAX_QUERY_LENGTH}.")
    props = body.get("properties")
    if props is not None and (not isinstance(props, list) or not all(isinstance(p, str) for p in props)):
        raise validation_error("Invalid input: properties must be an array of strings.")
    limit, offset = _parse_page(body)
    return SearchRequest(
        groups=groups,
        sorts=sorts,
        query=query or None,
        properties=tuple(props) if props is not None else None,
        limit=limit,
        offset=offset,
    )


def _parse_groups(body: dict[str, object]) -> tuple[tuple[Filter, ...], ...]:
    raw_groups = body.get("filterGroups") or []
    if not isinstance(raw_groups, list):
        raise validation_error("Invalid input: filterGroups must be an array.")
    if len(raw_groups) > MAX_GROUPS:
        raise validation_error(
            f"Too many filter groups: {len(raw_groups)}; at most {MAX_GROUPS} are allowed."
        )
    groups: list[tuple[Filter, ...]] = []
    total = 0
    for gi, raw_group in enumerate(raw_groups):
        if not isinstance(raw_group, dict) or not isinstance(raw_group.get("filters"), list):
            raise validation_error(f"Invalid input: filterGroups[{gi}].filters must be an array.")
        raw_filters = raw_group["filters"]
        if len(raw_filters) > MAX_FILTERS_PER_GROUP:
            raise validation_error(
                f"Too many filters in filterGroups[{gi}]: at most {MAX_FILTERS_PER_GROUP}."
            )
        total += len(raw_filters)
        groups.append(
            tuple(_parse_filter(f, f"filterGroups[{gi}].filters[{fi}]") for fi, f in enumerate(raw_filters))
        )
    if total > MAX_FILTERS:
        raise validation_error(f"Too many filters: {total}; at most {MAX_FILTERS} in all.")
    return tuple(groups)


def _parse_page(body: dict[str, object]) -> tuple[int, int]:
    """The page's limit and offset (the ``after`` cursor is an offset into the results)."""
    limit = body.get("limit", DEFAULT_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise validation_error("Invalid input: limit must be a positive integer.")
    if limit > MAX_LIMIT:
        raise validation_error(
            f"Invalid input: limit {limit} is larger than the maximum of {MAX_LIMIT}.",
            context={"limit": [str(limit)]},
        )
    after = body.get("after")
    offset = 0
    if after is not None and after != "":
        try:
            offset = int(str(after))
        except ValueError:
            raise validation_error(f"Invalid input: after {after!r} is not a valid cursor.") from None
        if offset < 0:
            raise validation_error("Invalid input: after must not be negative.")
    # HubSpot serves at most 10,000 results per query: a page reaching past
    # that is refused, which is how a naive walk of a large result set ends.
    if offset + limit > MAX_RESULTS:
        raise validation_error(
            f"Search can return at most {MAX_RESULTS} results for one query; "
            f"after={offset} with limit={limit} reaches past it. Narrow the filters instead.",
            context={"after": [str(offset)], "limit": [str(limit)]},
        )
    return limit, offset


def _query_matcher(query: str) -> Callable[[PartnerClient], bool]:
    # Every word of the query must be the prefix of a token of one of the
    # searchable properties (HubSpot's default text search is prefix-based).
    words = _tokens(query.replace("*", " "))

    def match(obj: PartnerClient) -> bool:
        tokens: list[str] = []
        for p in QUERY_PROPERTIES:
            v = obj.get(p)
            if v:
                tokens.extend(_tokens(v))
        return all(any(t.startswith(w) for t in tokens) for w in words)

    return match


def _sort_key(value: str | None) -> tuple[int, float, str]:
    # Numbers (and dates) before strings, missing values last.
    if value is None or value == "":
        return (2, 0.0, "")
    n = _number(value)
    if n is not None:
        return (0, n, "")
    return (1, 0.0, value.lower())


def run(request: SearchRequest, objects: list[PartnerClient]) -> tuple[list[PartnerClient], int]:
    """Matching objects for one page, and the total number of matches."""
    matched: list[PartnerClient] = objects
    if request.groups:
        matched = [o for o in matched if any(all(f.matches(o) for f in g) for g in request.groups)]
    if request.query:
        qm = _query_matcher(request.query)
        matched = [o for o in matched if qm(o)]
    # `objects` arrive in hs_object_id order, which is also the tie-breaker:
    # Python's sort is stable, so apply the sorts last-to-first.
    result: list[PartnerClient] = list(matched)
    for sort in reversed(request.sorts):
        name = sort.property_name
        present = [o for o in result if _has(o.get(name))]
        missing = [o for o in result if not _has(o.get(name))]
        present.sort(key=lambda o: _sort_key(o.get(name)), reverse=sort.descending)
        result = present + missing
    page = result[request.offset : request.offset + request.limit]
    return page, len(result)
