"""In-memory state: seeded partner clients, their associations, and writes.

Associations are stored once, as sets of association types
(`association_types.AssociationType`: category, type id, label) per pair of
objects, whichever API version wrote them; v3 and 2026-03 are two views of them.

The store is the only place that mutates objects. Every applied write is
logged per object id, so a test can prove that nothing was lost and that a
retried write was applied again with the same values.
"""

from __future__ import annotations

import bisect
import random
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .association_types import OBJECT_TYPES, AssociationType
from .config import StoreConfig
from .error_bodies import ApiError, validation_error

# The property that holds an object's id (the one `idProperty` names by default).
OBJECT_ID_PROPERTY = "hs_object_id"
# name -> HubSpot property type; drives search comparisons and validation.
PROPERTY_TYPES: dict[str, str] = {
    "name": "string",
    "domain": "string",
    OBJECT_ID_PROPERTY: "number",
    "hs_createdate": "datetime",
    "hs_lastmodifieddate": "datetime",
    "external_ref": "string",
    "client_tier": "enumeration",
    "region": "enumeration",
    "annual_revenue": "number",
    "employee_count": "number",
    "is_active": "bool",
    "partner_notes": "string",
}
READ_ONLY_PROPERTIES = frozenset({OBJECT_ID_PROPERTY, "hs_createdate", "hs_lastmodifieddate"})
# Properties usable as `idProperty` (HubSpot requires unique-value properties).
UNIQUE_PROPERTIES = frozenset({OBJECT_ID_PROPERTY, "external_ref", "domain"})
# What HubSpot returns when the request names no properties.
DEFAULT_PROPERTIES = ("name", "domain", OBJECT_ID_PROPERTY, "hs_createdate", "hs_lastmodifieddate")
# Properties the free-text search `query` looks at.
QUERY_PROPERTIES = ("name", "domain", "external_ref")

# Every FANOUT_EVERY-th object has FANOUT_CONTACTS contacts, so association
# paging (default limit 500) has multi-page cases in any store.
FANOUT_EVERY = 1000
FANOUT_CONTACTS = 1200

FIRST_ID = 1_000_001
_EPOCH_2019_MS = 1_546_300_800_000
_DAY_MS = 86_400_000

_ADJECTIVES = ("Blue", "Northern", "Bright", "Quiet", "Rapid", "Golden", "Silver", "Green")
_NOUNS = ("Harbor", "Summit", "Falcon", "Meadow", "Anchor", "Beacon", "Cedar", "Orbit")
_KINDS = ("Consulting", "Labs", "Partners", "Media", "Systems", "Group", "Studio", "Works")
_TIERS = ("gold", "silver", "bronze", None)
_REGIONS = ("EMEA", "AMER", "APAC", None)


def iso_ms(ms: int) -> str:
    """Milliseconds since the epoch -> HubSpot's ISO 8601 form (UTC, ms, Z)."""
    t = time.gmtime(ms // 1000)
    return (
        f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T"
        f"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}.{ms % 1000:03d}Z"
    )


def now_ms() -> int:
    return int(time.time() * 1000)


class PartnerClient:
    """One partner client. Computed properties are derived, not stored."""

    __slots__ = (
        "archived",
        "archived_ms",
        "created_ms",
        "history",
        "id",
        "int_id",
        "props",
        "updated_ms",
    )

    def __init__(
        self, int_id: int, props: dict[str, str | None], created_ms: int, updated_ms: int, id_prefix: str = ""
    ) -> None:
        self.int_id = int_id
        self.id = f"{id_prefix}{int_id}"
        self.props = props
        self.created_ms = created_ms
        self.updated_ms = updated_ms
        self.archived = False
        self.archived_ms: int | None = None
        # Only written properties get a history list: keeps 100k seeds cheap.
        self.history: dict[str, list[dict[str, Any]]] | None = None

    def get(self, name: str) -> str | None:
        if name == OBJECT_ID_PROPERTY:
            return self.id
        if name == "hs_createdate":
            return iso_ms(self.created_ms)
        if name == "hs_lastmodifieddate":
            return iso_ms(self.updated_ms)
        return self.props.get(name)

    def property_history(self, name: str) -> list[dict[str, Any]]:
        written = (self.history or {}).get(name, [])
        seed_ts = iso_ms(self.created_ms)
        seeded = {"value": None, "timestamp": seed_ts, "sourceType": "IMPORT"}
        if name in (OBJECT_ID_PROPERTY, "hs_createdate"):
            seeded["value"] = self.get(name)
        elif name == "hs_lastmodifieddate":
            return [{"value": self.get(name), "timestamp": self.get(name), "sourceType": "CALCULATED"}]
        else:
            # The first-ever value is the oldest entry of the written history,
            # or the current value when never written.
            seeded["value"] = written[-1]["previous"] if written else self.props.get(name)
        entries = [{k: v for k, v in e.items() if k != "previous"} for e in written]
        if seeded["value"] is None:
            return entries
        return [*entries, seeded]


@dataclass(frozen=True)
class WriteRecord:
    """One write applied to one object (a retry that re-applies is a 2nd record)."""

    object_id: str
    properties: dict[str, str | None]
    at_ms: int
    operation: str


class Store:
    def __init__(self, config: StoreConfig) -> None:
        self.config = config
        self.lock = threading.RLock()
        self._by_id: dict[str, PartnerClient] = {}
        self._active_ids: list[int] = []
        self._archived_ids: list[int] = []
        self._unique: dict[str, dict[str, str]] = {p: {} for p in UNIQUE_PROPERTIES}
        # (partner client id, toObjectType) -> toObjectId -> its association types, sorted.
        self._assoc: dict[tuple[str, str], dict[str, tuple[AssociationType, ...]]] = {}
        self.writes: list[WriteRecord] = []
        self.write_counts: Counter[str] = Counter()
        self._seed()

    # -- seeding --------------------------------------------------------------

    def _seed(self) -> None:
        rng = random.Random(self.config.seed)
        every = self.config.archived_every
        ext_index = self._unique["external_ref"]
        dom_index = self._unique["domain"]
        for i in range(self.config.objects):
            int_id = FIRST_ID + i
            adj = _ADJECTIVES[rng.randrange(8)]
            noun = _NOUNS[rng.randrange(8)]
            kind = _KINDS[rng.randrange(8)]
            oid = self._oid(int_id)
            domain = f"{adj}{noun}-{i}.example.com".lower()
            ref = f"PC-{i:06d}"
            revenue = rng.randrange(10_000, 50_000_000)
            props: dict[str, str | None] = {
                "name": f"{adj} {noun} {kind}",
                "domain": domain,
                "external_ref": ref,
                "client_tier": _TIERS[rng.randrange(4)],
                "region": _REGIONS[rng.randrange(4)],
                "annual_revenue": str(revenue) if revenue % 5 else None,
                "employee_count": str(rng.randrange(1, 5000)),
                "is_active": "true" if rng.random() < 0.8 else "false",
                "partner_notes": f"Renewal due Q{i % 4 + 1}" if i % 7 == 0 else None,
            }
            created = _EPOCH_2019_MS + i * 60_000 + rng.randrange(60_000)
            updated = created + rng.randrange(400 * _DAY_MS)
            obj = PartnerClient(int_id, props, created, updated, self.config.id_prefix)
            if every and i % every == every - 1:
                obj.archived = True
                obj.archived_ms = updated + _DAY_MS
                self._archived_ids.append(int_id)
            else:
                self._active_ids.append(int_id)
            self._by_id[oid] = obj
            ext_index[ref] = oid
            dom_index[domain] = oid

    def _seed_associations(self, obj: PartnerClient, to_type: str) -> dict[str, tuple[AssociationType, ...]]:
        # Deterministic from the object's index, computed on first use so that
        # seeding 100k objects does not pay for associations nobody reads.
        # Seeds carry the default (unlabelled) type only.
        i = obj.int_id - FIRST_ID
        default = (OBJECT_TYPES[to_type].default,)
        ids: list[int]
        if to_type == "contacts":
            n = FANOUT_CONTACTS if i % FANOUT_EVERY == 0 else (i * 7 + self.config.seed) % 4
            ids = [5_000_001 + (i * 13 + k * 101) % 9_000_000 for k in range(n)]
        elif to_type == "companies":
            ids = [7_000_001 + (i * 31) % 50_000] if i % 3 else []
        elif to_type == "deals":
            ids = [8_000_001 + i * 2 + k for k in range(i % 3)]
        else:
            ids = []
        return {str(x): default for x in sorted(set(ids))}

    # -- reads ----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id)

    def ids(self, archived: bool = False) -> list[str]:
        return [self._oid(x) for x in (self._archived_ids if archived else self._active_ids)]

    def get(self, object_id: str, *, archived: bool = False) -> PartnerClient | None:
        obj = self._by_id.get(object_id)
        if obj is None or obj.archived != archived:
            return None
        return obj

    def find(self, object_id: str) -> PartnerClient | None:
        """The object with this id, archived or not (for tests' inspection)."""
        return self._by_id.get(object_id)

    def resolve(self, value: str, id_property: str | None, *, archived: bool = False) -> PartnerClient | None:
        """Find an object by id, or by the value of a unique property."""
        if id_property is None or id_property == OBJECT_ID_PROPERTY:
            return self.get(value, archived=archived)
        if id_property not in UNIQUE_PROPERTIES:
            raise validation_error(
                f"Property {id_property!r} is not a unique property and cannot be used as idProperty.",
                context={"idProperty": [id_property]},
            )
        oid = self._unique[id_property].get(value)
        return None if oid is None else self.get(oid, archived=archived)

    def page(
        self, after_id: int | None, limit: int, *, archived: bool = False
    ) -> tuple[list[PartnerClient], bool]:
        """Objects with id > after_id in id order; True if more remain."""
        ids = self._archived_ids if archived else self._active_ids
        start = 0 if after_id is None else bisect.bisect_right(ids, after_id)
        chunk = ids[start : start + limit]
        return [self._by_id[self._oid(x)] for x in chunk], start + limit < len(ids)

    def active_objects(self) -> list[PartnerClient]:
        return [self._by_id[self._oid(x)] for x in self._active_ids]

    def _oid(self, int_id: int) -> str:
        return f"{self.config.id_prefix}{int_id}"

    def associations(self, obj: PartnerClient, to_type: str) -> dict[str, tuple[AssociationType, ...]]:
        """toObjectId -> the association types between them, in toObjectId order (do not mutate)."""
        key = (obj.id, to_type)
        with self.lock:
            found = self._assoc.get(key)
            if found is None:
                found = self._assoc[key] = self._seed_associations(obj, to_type)
            return found

    # -- writes ---------------------------------------------------------------

    def validate_properties(self, properties: object) -> dict[str, str | None]:
        """HubSpot's checks on a write's `properties` map; raises a 400."""
        if not isinstance(properties, dict):
            raise validation_error("Invalid input: 'properties' must be an object.")
        unknown = [k for k in properties if k not in PROPERTY_TYPES]
        if unknown:
            raise validation_error(
                "Property values were not valid: "
                + ", ".join(f'Property "{k}" does not exist' for k in unknown),
                context={"propertyName": unknown},
                errors=[
                    {
                        "message": f'Property "{k}" does not exist',
                        "code": "PROPERTY_DOESNT_EXIST",
                        "context": {"propertyName": [k]},
                    }
                    for k in unknown
                ],
            )
        read_only = [k for k in properties if k in READ_ONLY_PROPERTIES]
        if read_only:
            raise validation_error(
                "Property values were not valid: "
                + ", ".join(f'"{k}" is a read only property' for k in read_only),
                context={"propertyName": read_only},
                errors=[
                    {"message": f'"{k}" is a read only property', "code": "READ_ONLY_VALUE"}
                    for k in read_only
                ],
            )
        wrong = [k for k, v in properties.items() if v is not None and not isinstance(v, str)]
        if wrong:
            raise validation_error(
                "Property values must be strings: " + ", ".join(wrong),
                context={"propertyName": wrong},
            )
        return dict(properties)

    def apply_write(self, obj: PartnerClient, properties: dict[str, str | None], operation: str) -> None:
        with self.lock:
            for name in UNIQUE_PROPERTIES & properties.keys():
                value = properties[name]
                holder = self._unique[name].get(value) if value is not None else None
                if holder is not None and holder != obj.id:
                    raise ApiError(
                        409,
                        "CONFLICT",
                        f"A partner client with {name}={value!r} already exists: {holder}",
                        context={"id": [holder]},
                    )
            # Strictly increasing updatedAt even within one millisecond, so a
            # client can always see that a write advanced the object.
            ts = max(now_ms(), obj.updated_ms + 1)
            if obj.history is None:
                obj.history = {}
            for name, value in properties.items():
                old = obj.props.get(name)
                if name in UNIQUE_PROPERTIES:
                    if old is not None:
                        self._unique[name].pop(old, None)
                    if value is not None:
                        self._unique[name][value] = obj.id
                obj.history.setdefault(name, []).insert(
                    0,
                    {
                        "value": value,
                        "timestamp": iso_ms(ts),
                        "sourceType": "INTEGRATION",
                        "sourceId": "hubspot_double",
                        "previous": old,
                    },
                )
                obj.props[name] = value
            obj.updated_ms = ts
            self.writes.append(WriteRecord(obj.id, dict(properties), ts, operation))
            self.write_counts[obj.id] += 1

    def associate(
        self, obj: PartnerClient, to_type: str, to_id: str, types: Iterable[AssociationType]
    ) -> tuple[AssociationType, ...]:
        """Add `types` between the pair (keeping those it has); the pair's types afterwards."""
        with self.lock:
            current = self.associations(obj, to_type)
            now = tuple(sorted({*current.get(to_id, ()), *types}))
            current[to_id] = now
            self._assoc[(obj.id, to_type)] = dict(sorted(current.items(), key=lambda kv: int(kv[0])))
            obj.updated_ms = max(now_ms(), obj.updated_ms + 1)
            return now

    def disassociate(
        self, obj: PartnerClient, to_type: str, to_id: str, types: Iterable[AssociationType] | None = None
    ) -> None:
        """Remove `types` between the pair (all of them when None); a pair left with none is gone."""
        with self.lock:
            current = self.associations(obj, to_type)
            gone = None if types is None else set(types)
            left = () if gone is None else tuple(t for t in current.get(to_id, ()) if t not in gone)
            if left:
                current[to_id] = left
            else:
                current.pop(to_id, None)

    # -- observability --------------------------------------------------------

    def writes_for(self, object_id: str) -> list[WriteRecord]:
        with self.lock:
            return [w for w in self.writes if w.object_id == object_id]

    def clear_writes(self) -> None:
        with self.lock:
            self.writes.clear()
            self.write_counts.clear()
