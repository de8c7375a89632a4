"""Reading the member list of a subtree: filters, order by given name (Vietnamese), search by
name without diacritics with the exact match first, and a page count that comes from the tallies
when it can, so a province of 170,000 members is not counted row by row."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.functional import cached_property

from xaydungdang.core.access import VIEW, path_q
from xaydungdang.core.text import fold
from xaydungdang.org.models import Unit

from . import aggregates
from .choices import MembershipType, Standing
from .models import Member

PER_PAGE = 50
SEARCH_END = "\uffff"  # after every character a folded name can hold


@dataclasses.dataclass
class Filters:
    query: str = ""
    kind: str = ""  # membership type, or "" for all
    standing: str = Standing.MEMBER
    by_cell: bool = False  # group by cell, then by name (the paper roll's order)


class KnownCountPaginator(Paginator):
    """A paginator told its count (read from the tallies) instead of counting the rows."""

    def __init__(self, object_list: Any, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known = count

    @cached_property
    def count(self) -> int:
        return self._known


def _prefix(field: str, text: str) -> Q:
    return Q(**{f"{field}__gte": text, f"{field}__lt": text + SEARCH_END})


def members(user: Any, unit: Unit, filters: Filters) -> QuerySet[Member]:
    """The members of ``unit``'s subtree that the filters keep, in display order."""
    rows = Member.objects.restrict(user, VIEW).filter(path_q("cell_path", (unit.path,)))
    if filters.kind in MembershipType.values:
        rows = rows.filter(membership_type=filters.kind)
    if filters.standing in Standing.values:
        rows = rows.filter(standing=filters.standing)
    order: list[Any] = ["cell_path", "sort_key"] if filters.by_cell else ["sort_key"]
    folded = fold(filters.query)
    if folded:
        # A full name from its start, or a given name (then the rest of the name).
        rows = rows.filter(_prefix("folded_name", folded) | _prefix("given_key", folded))
        exact = When(folded_name=folded, then=Value(0))
        rows = rows.annotate(inexact=Case(exact, default=Value(1), output_field=IntegerField()))  # type: ignore[assignment]
        order = ["inexact", *order]
    return rows.select_related("person", "cell").order_by(*order)


def _known_count(unit: Unit, filters: Filters) -> int | None:
    """The number of rows from the unit's tally, when the filters are ones it counts."""
    if filters.query or filters.standing != Standing.MEMBER:
        return None
    counts = aggregates.subtree(unit.pk)
    if filters.kind in MembershipType.values:
        return counts[("membership_type", filters.kind)]
    return counts[("total", "all")]


def member_page(user: Any, unit: Unit, filters: Filters, number: Any = 1) -> Page:
    rows = members(user, unit, filters)
    known = _known_count(unit, filters)
    paginator = (
        Paginator(rows, PER_PAGE) if known is None else KnownCountPaginator(rows, PER_PAGE, known)
    )
    return paginator.get_page(number)
