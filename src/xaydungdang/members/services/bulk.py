"""Writing millions of checked member rows: persons, members, their admission events and their
audit records, in chunks of plain multi-row inserts, with the tallies counted in memory.

An everyday import (under ``REBUILD_ABOVE`` rows) writes an audit record per member. A large
load (the national data) is audited as one record naming the file, the row count and the ranges
of ids it created; each member's timeline still has its admission event with the file's name.

This is the import's writer and the synthetic generator's. It runs inside the caller's
transaction: all or nothing. When the load is much larger than the tables it goes into (the first
national load), the secondary indexes of those tables are dropped first and built again at the
end, in the same transaction, which is several times faster than keeping them up to date row by
row. The ids are reserved per chunk (SQLite: the transaction holds the write lock from its start;
PostgreSQL: from the sequence).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from django.db import OperationalError, connection, models
from django.utils import timezone

from xaydungdang.core import audit
from xaydungdang.core.actors import Actor
from xaydungdang.core.models import ChangeRecord
from xaydungdang.core.text import fold, given_key, name_sort_key
from xaydungdang.members.choices import EventKind
from xaydungdang.members.models import Member, MemberEvent
from xaydungdang.members.structure import tallies as aggregates
from xaydungdang.org.services.common import SEGMENT
from xaydungdang.people.models import Person

if TYPE_CHECKING:
    from xaydungdang.members.services.imports import Row

# The columns written, in model order; ``_columns`` checks them against the models, so a new
# field cannot be forgotten silently.
PERSON = ("id", "created_at", "updated_at", "full_name", "folded_name", "sort_key", "birth_year",
          "gender", "managing_unit_id", "note", "is_demo")  # fmt: skip
MEMBER = ("id", "created_at", "updated_at", "person_id", "cell_id", "cell_path", "sort_key",
          "folded_name", "given_key", "birth_date", "ethnicity", "religion", "hometown",
          "general_education", "education", "theory_level", "admission_decision_date",
          "admission_ceremony_date", "first_admission_decision_date", "full_date",
          "card_number", "dossier_number", "membership_type", "standing", "standing_since",
          "activity", "readmitted", "is_demo")  # fmt: skip
EVENT = ("id", "member_id", "kind", "day", "from_unit_id", "to_unit_id", "decision", "note",
         "rule_set_id", "created_at")  # fmt: skip
CHANGE = ("id", "at", "actor_id", "actor_name", "request_id", "object_type", "object_id",
          "object_repr", "action", "before", "after", "scope_path")  # fmt: skip
TABLES: list[tuple[type[models.Model], tuple[str, ...]]] = [
    (Person, PERSON), (Member, MEMBER), (MemberEvent, EVENT), (ChangeRecord, CHANGE),
]  # fmt: skip
REBUILD_ABOVE = 50000  # rows; a load this large and larger than the table rebuilds its indexes
# The dimensions counted row by row (``total`` and ``activity`` are the row count: a new member
# is active), in the order of ``Writer._count``'s tables.
COUNTED = ("gender", "birth_year", "ethnicity", "religion", "education", "theory_level",
           "membership_type")  # fmt: skip


@contextlib.contextmanager
def exclusive(wanted: bool) -> Iterator[bool]:
    """A first national load on SQLite with nobody else connected is written through a rollback
    journal instead of the WAL: new pages go straight into the database file (the journal keeps
    only the pages that existed before), where the WAL writes every page twice, 2 GB for each
    million members. Other connections wait until the load ends. When another connection is
    open, SQLite refuses the change and the load goes through the WAL as usual. Yields whether
    the journal was changed."""
    changed = False
    if wanted and connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cur:
            try:
                cur.execute("PRAGMA journal_mode = TRUNCATE")
                changed = cur.fetchone()[0].lower() == "truncate"
            except OperationalError:  # another connection holds the database
                changed = False
    try:
        yield changed
    finally:
        if changed:
            with connection.cursor() as cur:
                cur.execute("PRAGMA journal_mode = WAL")


def _columns(model: type[models.Model], names: tuple[str, ...]) -> str:
    fields = [f.attname for f in model._meta.concrete_fields]
    assert tuple(fields) == names, f"{model.__name__}: {fields}"
    table = connection.ops.quote_name(model._meta.db_table)
    cols = ", ".join(connection.ops.quote_name(str(f.column)) for f in model._meta.concrete_fields)
    return f"INSERT INTO {table} ({cols}) VALUES ({', '.join(['%s'] * len(names))})"


def _reserve(model: type[models.Model], count: int) -> range | list[int]:
    table = model._meta.db_table
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [r[0] for r in cur.fetchall()]
        cur.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")
        first = cur.fetchone()[0] + 1
    return range(first, first + count)


class Indexes:
    """The secondary indexes of the bulk tables: dropped before a large load, built after."""

    def __init__(self) -> None:
        self.saved: list[str] = []

    def drop(self) -> None:
        with connection.cursor() as cur:
            for model, _ in TABLES:
                for name, sql in self._list(cur, model._meta.db_table):
                    self.saved.append(sql)
                    cur.execute(f"DROP INDEX {connection.ops.quote_name(name)}")

    def build(self) -> None:
        with connection.cursor() as cur:
            if connection.vendor == "postgresql":  # the deferred key checks first, then the builds
                cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for sql in self.saved:
                cur.execute(sql)
        self.saved = []

    @staticmethod
    def _list(cur: Any, table: str) -> list[tuple[str, str]]:
        if connection.vendor == "postgresql":
            cur.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s AND "
                "NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
                [table],
            )
        else:
            cur.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                "AND sql IS NOT NULL",
                [table],
            )
        return list(cur.fetchall())


class Writer:
    """Writes chunks of checked rows (``imports.Row``) and, at ``finish``, the tallies."""

    def __init__(self, *, source: str, actor: Actor, rows_hint: int, is_demo: bool = False):
        self.actor, self.actor_name = audit.actor_of(actor)
        self.request_id, self.is_demo = audit.request_id(), is_demo
        self.now = connection.ops.adapt_datetimefield_value(timezone.now())
        self.note = f"Nhập từ tệp {source}"[:500]
        self.after = ChangeRecord._meta.get_field("after").get_db_prep_value(
            {"import": source}, connection, prepared=False
        )
        self.sql = {model: _columns(model, names) for model, names in TABLES}
        self.names: dict[str, tuple[str, str, str]] = {}
        self.dates: dict[dt.date | None, Any] = {None: None}
        self.above: dict[int, list[int]] = {}  # cell id: the unit ids above it, root first
        self.parent: dict[int, int] = {}  # cell id: the unit directly above it (0: none)
        self.below: dict[int, list[dict[Any, int]]] = {}  # see ``_count``
        self.count = 0
        self.indexes = Indexes()
        self.large = rows_hint >= REBUILD_ABOVE
        self.first: tuple[int, int] | None = None  # the first person and member ids
        self.paths: set[str] = set()
        if self.large and rows_hint > 2 * Member.objects.count():
            self.indexes.drop()
        if self.large and connection.vendor == "sqlite":
            with connection.cursor() as cur:  # room for the index builds of a national load
                cur.execute("PRAGMA cache_size = -1000000")

    def _date(self, day: dt.date | None) -> Any:
        if day not in self.dates:
            self.dates[day] = connection.ops.adapt_datefield_value(day)
        return self.dates[day]

    def _name(self, name: str) -> tuple[str, str, str]:
        keys = self.names.get(name)
        if keys is None:
            keys = self.names[name] = (fold(name), given_key(name), name_sort_key(name)[:1000])
        return keys

    def add(self, rows: Sequence[Row]) -> None:
        n = len(rows)
        person_ids, member_ids = _reserve(Person, n), _reserve(Member, n)
        event_ids = _reserve(MemberEvent, n)
        change_ids = range(n) if self.large else _reserve(ChangeRecord, n)
        self.first = self.first or (person_ids[0], member_ids[0])
        persons, members, events, changes = [], [], [], []
        now, d = self.now, self._date
        ids = zip(person_ids, member_ids, event_ids, change_ids, strict=True)
        for r, (pid, mid, eid, cid) in zip(rows, ids, strict=True):
            folded, given, sort = self._name(r.name)
            cell, kind = r.cell, ("full" if r.full else "probationary")
            self.paths.add(cell.path)
            persons.append((pid, now, now, r.name, folded, sort, r.birth.year, r.gender,
                            cell.pk, "", self.is_demo))  # fmt: skip
            members.append((
                mid, now, now, pid, cell.pk, cell.path, sort, folded, given, d(r.birth),
                r.ethnicity, r.religion, r.hometown, r.general_education, r.education,
                r.theory_level, d(r.decision), d(r.ceremony), d(r.decision), d(r.full),
                r.card_number, r.dossier_number, kind, "member", None, "active", False,
                self.is_demo,
            ))  # fmt: skip
            events.append((eid, mid, EventKind.ADMISSION.value, d(r.decision), None, cell.pk,
                           "", self.note, None, now))  # fmt: skip
            if not self.large:
                changes.append((cid, now, self.actor, self.actor_name, self.request_id,
                                "members.member", str(mid), r.name[:300], "create", None,
                                self.after, cell.path))  # fmt: skip
        with connection.cursor() as cur:
            cur.executemany(self.sql[Person], persons)
            cur.executemany(self.sql[Member], members)
            cur.executemany(self.sql[MemberEvent], events)
            if not self.large:
                cur.executemany(self.sql[ChangeRecord], changes)
        self._count(rows)
        self.count += n

    def _parent(self, cell: Any) -> int:
        chain = self.above[cell.pk] = aggregates.ancestors(cell.path)[:-1]
        parent = self.parent[cell.pk] = chain[-1] if chain else 0
        return parent

    def _count(self, rows: Sequence[Row]) -> None:
        """Count the rows in the tallies of the units directly above their cells (the units
        further up are summed at the end): for each such unit, a table per dimension of
        ``COUNTED`` (every row has a gender: that table sums to the row count).
        Written out flat: this runs for millions of rows."""
        below, parent_of = self.below, self.parent
        for r in rows:
            cell = r.cell
            parent = parent_of.get(cell.pk)
            if parent is None:
                parent = self._parent(cell)
            tables = below.get(parent)
            if tables is None:
                tables = below[parent] = [{} for _ in COUNTED]
            g, y, e, rel, edu, th, mt = tables
            g[r.gender] = g.get(r.gender, 0) + 1
            year = r.birth.year
            y[year] = y.get(year, 0) + 1
            e[r.ethnicity] = e.get(r.ethnicity, 0) + 1
            rel[r.religion] = rel.get(r.religion, 0) + 1
            edu[r.education] = edu.get(r.education, 0) + 1
            th[r.theory_level] = th.get(r.theory_level, 0) + 1
            kind = "full" if r.full else "probationary"
            mt[kind] = mt.get(kind, 0) + 1

    def _own(self) -> aggregates.Delta:
        """The counts of ``_count`` as tallies of the units directly above the cells."""
        delta: aggregates.Delta = {}
        for unit_id, tables in self.below.items():
            if not unit_id:
                continue
            n = sum(tables[0].values())
            counts = delta[unit_id] = Counter({("total", "all"): n, ("activity", "active"): n})
            for dimension, table in zip(COUNTED, tables, strict=True):
                counts.update({(dimension, str(value)): c for value, c in table.items()})
        return delta

    def rollup(self) -> aggregates.Delta:
        """Each unit's tally: its own row counts plus its children's tallies, bottom up."""
        parent_of: dict[int, int] = {}
        for chain in self.above.values():
            for upper, lower in pairwise(chain):
                parent_of[lower] = upper
        delta = self._own()
        for unit_id in sorted(set(parent_of) | set(delta), key=lambda u: -_depth(u, parent_of)):
            parent = parent_of.get(unit_id)
            if parent is not None and unit_id in delta:
                delta.setdefault(parent, Counter()).update(delta[unit_id])
        return delta

    def _record_load(self) -> None:
        """A large load is audited as one record: the file, the rows, the ids it created."""
        persons, members = self.first or (0, 0)
        ChangeRecord.objects.create(
            actor_id=self.actor,
            actor_name=self.actor_name,
            request_id=self.request_id,
            object_type="members.member",
            object_id=f"{members}-{members + self.count - 1}",
            object_repr=f"{self.count:,} đảng viên ({self.note})"[:300],
            action="create",
            after={
                "import": self.note,
                "rows": self.count,
                "member_ids": [members, members + self.count - 1],
                "person_ids": [persons, persons + self.count - 1],
            },
            scope_path=_common(self.paths),
        )

    def finish(self) -> int:
        if self.large:
            self._record_load()
        aggregates.apply(self.rollup())
        if self.indexes.saved:
            self.indexes.build()
        if connection.vendor == "sqlite":
            with connection.cursor() as cur:
                cur.execute("PRAGMA analysis_limit = 1000")
                cur.execute("ANALYZE")
        return self.count


def _common(paths: set[str]) -> str:
    """The deepest tree node above all ``paths`` (whole segments)."""
    if not paths:
        return ""
    first, last = min(paths), max(paths)
    size = 0
    while size < len(first) and first[: size + SEGMENT] == last[: size + SEGMENT]:
        size += SEGMENT
    return first[:size]


def _depth(unit_id: int, parent_of: dict[int, int]) -> int:
    depth = 0
    while unit_id in parent_of:
        unit_id, depth = parent_of[unit_id], depth + 1
    return depth
