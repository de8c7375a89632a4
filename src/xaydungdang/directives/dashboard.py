"""The implementation dashboard of a unit's subtree: a fixed number of grouped queries, whatever
the number of tasks (checked by bench/dashboard.py at 100,000 tasks)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Substr

from xaydungdang.core.access import path_q
from xaydungdang.org.models import Unit

from .choices import TaskStatus
from .models import Task
from .rollup import KNOWN_WEIGHT, WEIGHTED, Thresholds, at_risk_q, overdue_q, thresholds

SLOWEST = 10


@dataclasses.dataclass
class UnitRow:
    unit: Unit | None
    tasks: int
    done: int
    overdue: int
    weighted: int
    weight: int

    @property
    def percent(self) -> float | None:
        return round(self.weighted / self.weight, 1) if self.weight else None

    @property
    def done_share(self) -> float:
        return round(100 * self.done / self.tasks, 1) if self.tasks else 0.0

    @property
    def overdue_share(self) -> float:
        return round(100 * self.overdue / self.tasks, 1) if self.tasks else 0.0


@dataclasses.dataclass
class Dashboard:
    unit: Unit
    day: dt.date
    limits: Thresholds
    total: int
    done: int
    overdue: int
    at_risk: int
    stopped: int
    children: list[UnitRow]
    slowest: list[UnitRow]

    @property
    def in_time(self) -> int:
        return self.total - self.done - self.overdue - self.stopped


def _grouped(base: QuerySet[Task], key: str, day: dt.date) -> list[dict[str, Any]]:
    return list(
        base.values(key)
        .annotate(
            n=Count("id"),
            done=Count("id", filter=Q(status=TaskStatus.DONE)),
            overdue=Count("id", filter=overdue_q(day)),
            weighted=Sum(WEIGHTED),
            weight=Sum(KNOWN_WEIGHT),
        )
        .order_by()
    )


def _rows(groups: list[dict[str, Any]], units: Mapping[Any, Unit], key: str) -> list[UnitRow]:
    return [
        UnitRow(
            units.get(g[key]),
            int(g["n"]),
            int(g["done"]),
            int(g["overdue"]),
            int(g["weighted"] or 0),
            int(g["weight"] or 0),
        )
        for g in groups
    ]


def dashboard(unit: Unit, day: dt.date) -> Dashboard:
    """Counts for the subtree under ``unit`` (the caller has checked that the user sees it, so
    the whole subtree is within the user's scope)."""
    limits = thresholds(day)
    base = Task.objects.filter(path_q("lead_path", (unit.path,)))
    counts = base.aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(status=TaskStatus.DONE)),
        overdue=Count("id", filter=overdue_q(day)),
        at_risk=Count("id", filter=at_risk_q(day, limits)),
        stopped=Count("id", filter=Q(status=TaskStatus.STOPPED)),
    )
    width = len(unit.path) + 6
    by_child = _grouped(base.annotate(branch=Substr("lead_path", 1, width)), "branch", day)
    by_lead = _grouped(
        base.exclude(status__in=[TaskStatus.DONE, TaskStatus.STOPPED]), "lead_unit_id", day
    )
    by_lead.sort(key=lambda g: (-g["overdue"], (g["weighted"] or 0) / max(g["weight"] or 0, 1)))
    by_lead = by_lead[:SLOWEST]
    paths = {str(g["branch"]) for g in by_child}
    ids = {g["lead_unit_id"] for g in by_lead}
    units = Unit.objects.filter(Q(path__in=paths) | Q(pk__in=ids)).only("pk", "name", "path")
    by_path = {u.path: u for u in units}
    by_id = {u.pk: u for u in by_path.values()}
    children = _rows(by_child, by_path, "branch")
    children.sort(key=lambda r: (r.unit is not None and r.unit.pk != unit.pk, -(r.tasks)))
    return Dashboard(
        unit,
        day,
        limits,
        counts["total"],
        counts["done"],
        counts["overdue"],
        counts["at_risk"],
        counts["stopped"],
        children,
        _rows(by_lead, by_id, "lead_unit_id"),
    )
