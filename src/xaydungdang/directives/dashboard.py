"""The implementation dashboard of a unit's subtree: a fixed number of grouped queries, whatever
the number of tasks (checked by bench/dashboard.py at 100,000 tasks)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Min, Q, QuerySet, Sum

from xaydungdang.core.access import path_q
from xaydungdang.org.models import Unit

from .choices import TaskStatus
from .models import Task
from .rollup import Thresholds, at_risk_q, known_weight, overdue_q, thresholds, weighted

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


OPEN = ~Q(status__in=[TaskStatus.DONE, TaskStatus.STOPPED])


def _by_lead(base: QuerySet[Task], day: dt.date, limits: Thresholds) -> list[dict[str, Any]]:
    """One scan of the subtree: every figure, grouped by lead unit."""
    rows = (
        base.values("lead_path")
        .annotate(
            lead=Min("lead_unit_id"),
            n=Count("id"),
            done=Count("id", filter=Q(status=TaskStatus.DONE)),
            stopped=Count("id", filter=Q(status=TaskStatus.STOPPED)),
            overdue=Count("id", filter=overdue_q(day)),
            at_risk=Count("id", filter=at_risk_q(day, limits)),
            points=Sum(weighted()),
            known=Sum(known_weight()),
            open_points=Sum(weighted(), filter=OPEN),
            open_known=Sum(known_weight(), filter=OPEN),
        )
        .order_by()
    )
    return [dict(r) for r in rows]


def _row(unit: Unit | None, groups: list[dict[str, Any]], open_only: bool = False) -> UnitRow:
    if open_only:
        return UnitRow(
            unit,
            sum(g["n"] - g["done"] - g["stopped"] for g in groups),
            0,
            sum(g["overdue"] for g in groups),
            sum(g["open_points"] or 0 for g in groups),
            sum(g["open_known"] or 0 for g in groups),
        )
    return UnitRow(
        unit,
        sum(g["n"] for g in groups),
        sum(g["done"] for g in groups),
        sum(g["overdue"] for g in groups),
        sum(g["points"] or 0 for g in groups),
        sum(g["known"] or 0 for g in groups),
    )


def _slowest(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    open_groups = [g for g in groups if g["n"] - g["done"] - g["stopped"] > 0]
    open_groups.sort(
        key=lambda g: (-g["overdue"], (g["open_points"] or 0) / max(g["open_known"] or 0, 1))
    )
    return open_groups[:SLOWEST]


def dashboard(unit: Unit, day: dt.date) -> Dashboard:
    """Counts for the subtree under ``unit`` (the caller has checked that the user sees it, so
    the whole subtree is within the user's scope). Three queries whatever the data size."""
    limits = thresholds(day)
    groups = _by_lead(Task.objects.filter(path_q("lead_path", (unit.path,))), day, limits)
    width = len(unit.path) + 6
    branches: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in groups:
        branches[g["lead_path"][:width]].append(g)
    slow = _slowest(groups)
    wanted = Q(path__in=list(branches)) | Q(pk__in=[g["lead"] for g in slow])
    units = list(Unit.objects.filter(wanted).only("pk", "name", "path"))
    by_path, by_id = {u.path: u for u in units}, {u.pk: u for u in units}
    children = [_row(by_path.get(path), rows) for path, rows in branches.items()]
    children.sort(key=lambda r: (r.unit is not None and r.unit.pk != unit.pk, -r.tasks))
    return Dashboard(
        unit,
        day,
        limits,
        total=sum(g["n"] for g in groups),
        done=sum(g["done"] for g in groups),
        overdue=sum(g["overdue"] for g in groups),
        at_risk=sum(g["at_risk"] for g in groups),
        stopped=sum(g["stopped"] for g in groups),
        children=children,
        slowest=[_row(by_id.get(g["lead"]), [g], open_only=True) for g in slow],
    )
