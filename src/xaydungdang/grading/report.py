"""A unit's grading distribution over the years: how many of the people it graded (in its
subtree) reached each level each year, read through the scope choke point."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.db.models import Count

from xaydungdang.core.access import VIEW, path_q
from xaydungdang.org.models import Unit

from .models import Grading, Level


@dataclasses.dataclass(frozen=True)
class YearRow:
    year: int
    rule_set: str
    counts: tuple[int, ...]  # in the order of Level
    total: int

    def cells(self) -> list[tuple[int, str]]:
        return list(zip(self.counts, self.shares(), strict=True))

    def shares(self) -> tuple[str, ...]:
        return tuple(f"{100 * c / self.total:.1f}%" if self.total else "—" for c in self.counts)


def distribution(user: Any, unit: Unit) -> list[YearRow]:
    """One row per year, newest first, over the gradings made in ``unit``'s subtree."""
    gradings = Grading.objects.restrict(user, VIEW).filter(path_q("unit__path", (unit.path,)))
    found = gradings.values("year", "level", "rule_set__name").annotate(n=Count("pk"))
    by_year: dict[int, dict[str, int]] = {}
    names: dict[int, set[str]] = {}
    for row in found:
        by_year.setdefault(row["year"], {})[row["level"]] = row["n"]
        names.setdefault(row["year"], set()).add(row["rule_set__name"])
    rows = []
    for year in sorted(by_year, reverse=True):
        counts = tuple(by_year[year].get(level, 0) for level in Level.values)
        rows.append(YearRow(year, "; ".join(sorted(names[year])), counts, sum(counts)))
    return rows
