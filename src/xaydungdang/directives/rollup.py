"""Weighted progress roll-up and early warnings.

A task's figure is 100 when done, else its last reported percent; a task without a figure is
left out of the average instead of counting as 0 (coverage says how many had one). Stopped tasks
are left out. Warnings use the thresholds of the rule set in force on the day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Sum, When

from xaydungdang.core import rules
from xaydungdang.core.models import RuleSet

from .choices import TaskStatus, Warning
from .models import Task


@dataclasses.dataclass(frozen=True)
class Thresholds:
    days_left: int
    min_percent: int
    rule_set: RuleSet


def thresholds(day: dt.date) -> Thresholds:
    days = rules.resolve("directives.at_risk_days_left", day)
    percent = rules.resolve("directives.at_risk_min_percent", day)
    return Thresholds(int(days.value), int(percent.value), percent.rule_set)


def warning(task: Task, day: dt.date, limits: Thresholds) -> str:
    if task.status == TaskStatus.DONE:
        return Warning.DONE
    if task.deadline is None or task.status == TaskStatus.STOPPED:
        return Warning.ON_TRACK
    if task.deadline < day:
        return Warning.OVERDUE
    if (task.deadline - day).days < limits.days_left and (task.progress or 0) < limits.min_percent:
        return Warning.AT_RISK
    return Warning.ON_TRACK


def overdue_q(day: dt.date) -> Q:
    return Q(deadline__lt=day) & ~Q(status__in=[TaskStatus.DONE, TaskStatus.STOPPED])


def at_risk_q(day: dt.date, limits: Thresholds) -> Q:
    late = Q(deadline__gte=day, deadline__lt=day + dt.timedelta(days=limits.days_left))
    low = Q(progress__isnull=True) | Q(progress__lt=limits.min_percent)
    return late & low & ~Q(status__in=[TaskStatus.DONE, TaskStatus.STOPPED])


def weighted() -> Case:
    """weight × percent of a task with a figure (done counts as 100); fresh each call, since an
    expression instance must not be shared between aggregates."""
    return Case(
        When(status=TaskStatus.DONE, then=F("weight") * 100),
        When(progress__isnull=False, then=F("weight") * F("progress")),
        default=None,
        output_field=IntegerField(),
    )


def known_weight() -> Case:
    """The weight of a task that has a figure (None otherwise, so it is left out)."""
    return Case(
        When(Q(status=TaskStatus.DONE) | Q(progress__isnull=False), then=F("weight")),
        default=None,
        output_field=IntegerField(),
    )


@dataclasses.dataclass
class Rollup:
    tasks: int = 0
    with_figure: int = 0
    weighted: int = 0
    weight: int = 0
    done: int = 0

    @property
    def percent(self) -> float | None:
        return round(self.weighted / self.weight, 1) if self.weight else None

    def add(self, other: Rollup) -> None:
        self.tasks += other.tasks
        self.with_figure += other.with_figure
        self.weighted += other.weighted
        self.weight += other.weight
        self.done += other.done


def rollups_by_document(tasks: QuerySet[Task]) -> dict[int, Rollup]:
    """One grouped query: the roll-up of each document's own tasks."""
    rows = (
        tasks.exclude(status=TaskStatus.STOPPED)
        .values("document_id")
        .annotate(
            n=Count("id"),
            known=Count(known_weight()),
            points=Sum(weighted()),
            known_sum=Sum(known_weight()),
            done=Count("id", filter=Q(status=TaskStatus.DONE)),
        )
        .order_by()
    )
    return {
        r["document_id"]: Rollup(
            r["n"], r["known"], r["points"] or 0, r["known_sum"] or 0, r["done"]
        )
        for r in rows
    }
