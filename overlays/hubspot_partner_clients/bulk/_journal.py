"""The journal: a SQLite file recording each input's outcome as its answer arrives.

A run with ``journal=PATH`` writes, in one transaction per answered chunk, every input of that
chunk (its position in the inputs, its id, a digest of the payload sent for it, applied or the
error) and the objects HubSpot returned; the transaction is committed (``synchronous=FULL``)
before the run reports progress or sends anything on that account, so an answer that was
recorded survives a SIGKILL or a power cut, and one that was not is re-sent. A rerun with the
same journal and the same inputs reads every input again, checks it against the journal (same
position, same payload, else ``BulkJournalError``), counts those the journal says were applied
without sending them, and sends the rest. The file says which operation and options it was made
for; another operation's journal is refused before anything is sent.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from typing import Any

from ..models.simple_public_object import SimplePublicObject
from ._ledger import ChunkAccount
from ._result import BulkJournalError

_FORMAT = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    digest TEXT NOT NULL,
    applied INTEGER NOT NULL,
    category TEXT,
    message TEXT
);
CREATE TABLE IF NOT EXISTS objects (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    first_position INTEGER NOT NULL,
    object TEXT NOT NULL
);
"""


def digest(payload: dict[str, Any]) -> str:
    """A digest of what is sent for an input: equal digests, equal requests."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


class Journal:
    """One run's view of a journal file: what earlier runs recorded, and this run's records."""

    def __init__(self, path: str | os.PathLike[str], operation: str, options: dict[str, Any]) -> None:
        self.path = os.fspath(path)
        wanted = {"format": _FORMAT, "operation": operation, "options": json.dumps(options, sort_keys=True)}
        try:
            self._db = sqlite3.connect(self.path)
        except sqlite3.Error as exc:
            raise BulkJournalError(f"cannot open the bulk journal {self.path!r}: {exc}") from None
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            with self._db:
                self._db.executescript(_SCHEMA)
                found = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
                if not found:
                    self._db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(wanted.items()))
            self._check(found, wanted)
            rows = self._db.execute("SELECT position, digest, applied FROM inputs").fetchall()
            self._prior: dict[int, tuple[str, bool]] = {p: (d, bool(a)) for p, d, a in rows}
        except sqlite3.Error as exc:
            self._db.close()
            raise BulkJournalError(
                f"{self.path!r} is not a readable bulk journal ({exc}); use a new path for a new run"
            ) from None
        except BaseException:
            self._db.close()
            raise
        self._digests: dict[int, tuple[str, str]] = {}

    def _check(self, found: dict[str, str], wanted: dict[str, str]) -> None:
        if not found or found == wanted:
            return
        self._db.close()
        if found.get("operation") != wanted["operation"]:
            raise BulkJournalError(
                f"the bulk journal {self.path!r} was made for {found.get('operation')!r}, not "
                f"{wanted['operation']!r}; use another journal path for this run"
            )
        raise BulkJournalError(
            f"the bulk journal {self.path!r} was made for {wanted['operation']} with other options "
            f"({found.get('options')} there, {wanted['options']} here); rerun with the options it was "
            "made with, or use another journal path"
        )

    def applied(self, position: int, key: str, payload: dict[str, Any]) -> bool:
        """Whether an earlier run applied this input; refuses an input other than the one recorded."""
        mine = digest(payload)
        prior = self._prior.get(position)
        if prior is not None and prior[0] != mine:
            raise BulkJournalError(
                f"input #{position} (id {key!r}) is not the input the bulk journal {self.path!r} recorded "
                "at that position: the journal was made for other inputs. Resume with the same inputs "
                "in the same order, or use another journal path"
            )
        if prior is not None and prior[1]:
            return True
        self._digests[position] = (mine, key)
        return False

    def prior_objects(self) -> list[tuple[int, SimplePublicObject]]:
        """The objects HubSpot returned to earlier runs, with the first position of their chunk."""
        rows = self._db.execute("SELECT first_position, object FROM objects ORDER BY seq").fetchall()
        return [(first, SimplePublicObject.from_dict(json.loads(text))) for first, text in rows]

    def record(self, outcome: ChunkAccount[Any]) -> None:
        """Make one answered chunk durable: its inputs' outcomes and its objects, in one transaction."""
        rows = []
        for position, _original, error in outcome.entries:
            mine, key = self._digests.pop(position, ("", ""))
            rows.append(
                (
                    position,
                    key,
                    mine,
                    1 if error is None else 0,
                    None if error is None else error.category,
                    None if error is None else error.message,
                )
            )
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?, ?)", rows)
            self._db.executemany(
                "INSERT INTO objects (first_position, object) VALUES (?, ?)",
                [(outcome.first, json.dumps(obj.to_dict())) for obj in outcome.objects],
            )

    def close(self) -> None:
        self._db.close()
