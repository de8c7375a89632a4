"""Reading the member list of a subtree: filters, order by given name (Vietnamese), search by
name without diacritics with the exact match first, and a page count that comes from the tallies
when it can, so a province of 170,000 members is not counted row by row.

A search reads its candidates from the two name indexes alone (they hold the path, the standing
and the type too), so a nation-wide search of a common given name reads a few index pages, not
thousands of rows scattered over a 10 GB table; only the rows of the page shown are read. Its
results are ordered by the folded given name (then the folded full name), the order those
indexes keep."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Q, QuerySet

from xaydungdang.core.access import PATH_END, VIEW, path_q
from xaydungdang.core.text import fold, given_key
from xaydungdang.org.models import Unit

from .choices import MembershipType, Standing
from .models import Member
from .structure import tallies as aggregates

PER_PAGE = 50
SEARCH_END = "\uffff"  # after every character a folded name can hold


@dataclasses.dataclass
class Filters:
    query: str = ""
    kind: str = ""  # membership type, or "" for all
    standing: str = Standing.MEMBER
    by_cell: bool = False  # group by cell, then by name (the paper roll's order)


LARGE = 20000  # members: above this a subtree is listed by walking the name index
CAP = 2000  # search candidates taken from each name index


class NameOrdered:
    """The page rows of a subtree's list, fetched by id in index order (no sort of the whole
    subtree): the name index is walked for a large subtree, the path index for a small one or
    for the order by cell. SQLite is told which index (it has no statistics of ranges);
    PostgreSQL chooses by its own. ``len`` is the count from the tallies."""

    def __init__(self, user: Any, unit: Unit, filters: Filters, count: int) -> None:
        self.user, self.unit, self.filters, self.count = user, unit, filters, count

    def __len__(self) -> int:
        return self.count

    def _ids(self, offset: int, limit: int) -> list[int]:
        walk_names = self.count > LARGE and not self.filters.by_cell
        index = "members_sort_path" if walk_names else "members_path_sort"
        hint = f" INDEXED BY {index}" if connection.vendor == "sqlite" else ""
        order = "cell_path, sort_key, id" if self.filters.by_cell else "sort_key, id"
        where, params = ["cell_path >= %s", "cell_path < %s", "standing = %s"], [
            self.unit.path, self.unit.path + PATH_END, self.filters.standing,
        ]  # fmt: skip
        if self.filters.kind in MembershipType.values:
            where.append("membership_type = %s")
            params.append(self.filters.kind)
        sql = (
            f"SELECT id FROM members_member{hint} WHERE {' AND '.join(where)} "
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cur:
            cur.execute(sql, [*params, limit, offset])
            return [r[0] for r in cur.fetchall()]

    def __getitem__(self, window: slice) -> list[Member]:
        start, stop = window.start or 0, window.stop or self.count
        return _rows(self.user, self._ids(start, stop - start))


def _rows(user: Any, ids: list[int]) -> list[Member]:
    """The members of ``ids``, in that order."""
    found = Member.objects.restrict(user, VIEW).select_related("person", "cell")
    by_id = {m.pk: m for m in found.filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id]


class Found:
    """A search's results: their ids in display order, their rows read a page at a time.
    ``capped``: an index gave ``CAP`` candidates, so there may be more than ``len``."""

    def __init__(self, user: Any, ids: list[int], capped: bool) -> None:
        self.user, self.ids, self.capped = user, ids, capped

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, window: slice) -> list[Member]:
        return _rows(self.user, self.ids[window])


def _prefix(field: str, text: str) -> Q:
    return Q(**{f"{field}__gte": text, f"{field}__lt": text + SEARCH_END})


def _filtered(user: Any, unit: Unit, filters: Filters) -> QuerySet[Member]:
    rows = Member.objects.restrict(user, VIEW).filter(path_q("cell_path", (unit.path,)))
    if filters.kind in MembershipType.values:
        rows = rows.filter(membership_type=filters.kind)
    if filters.standing in Standing.values:
        rows = rows.filter(standing=filters.standing)
    return rows


def search(user: Any, unit: Unit, filters: Filters) -> Found:
    """The members of ``unit``'s subtree whose full name or given name starts with the query
    (without diacritics), at most ``CAP`` from each name index in its order: an exact match of
    the full name first, then by folded given name (by cell first if asked)."""
    folded = fold(filters.query)
    rows = _filtered(user, unit, filters)
    keys: dict[int, tuple[bool, str, str, int]] = {}
    capped = False
    for field in ("folded_name", "given_key"):
        found = rows.filter(_prefix(field, folded)).order_by(field)
        read = list(found.values_list("pk", "cell_path", field)[:CAP])
        capped = capped or len(read) == CAP
        for pk, path, value in read:
            name = value if field == "folded_name" else value.split(" ", 1)[-1]
            keys[pk] = (name != folded, path if filters.by_cell else "", given_key(name), pk)
    return Found(user, sorted(keys, key=keys.__getitem__), capped)


def _known_count(unit: Unit, filters: Filters) -> int | None:
    """The number of rows from the unit's tally, when the filters are ones it counts."""
    if filters.query or filters.standing != Standing.MEMBER:
        return None
    counts = aggregates.subtree(unit.pk)
    if filters.kind in MembershipType.values:
        return counts[("membership_type", filters.kind)]
    return counts[("total", "all")]


def member_page(user: Any, unit: Unit, filters: Filters, number: Any = 1) -> Page:
    if fold(filters.query):
        return Paginator(search(user, unit, filters), PER_PAGE).get_page(number)  # type: ignore[arg-type]
    known = _known_count(unit, filters)
    if known is None:
        rows = _filtered(user, unit, filters).select_related("person", "cell")
        order = ["cell_path", "sort_key"] if filters.by_cell else ["sort_key"]
        return Paginator(rows.order_by(*order, "pk"), PER_PAGE).get_page(number)
    return Paginator(NameOrdered(user, unit, filters, known), PER_PAGE).get_page(number)  # type: ignore[arg-type]
