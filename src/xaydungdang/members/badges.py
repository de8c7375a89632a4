"""Party seniority and the Huy hiệu Đảng: who is due a badge at an occasion."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError

from xaydungdang.core import rules
from xaydungdang.core.access import VIEW

from .choices import Standing
from .models import Member


def seniority_days(member: Member, on: dt.date) -> int:
    """Days of party seniority on ``on``: from the first admission decision, minus the gaps."""
    start = member.first_admission_decision_date or member.admission_decision_date
    days = max((on - start).days, 0)
    for gap in member.gaps.all():
        end = min(gap.end or on, on)
        if end > gap.start:
            days -= (end - gap.start).days
    return max(days, 0)


def seniority_years(member: Member, on: dt.date) -> int:
    """Whole years of seniority: the anniversary counts, 29/02 falls on 28/02."""
    start = member.first_admission_decision_date or member.admission_decision_date
    shifted = on - dt.timedelta(days=(on - start).days - seniority_days(member, on))
    years = shifted.year - start.year
    if (shifted.month, shifted.day) < (start.month, start.day):
        years -= 1
    return max(years, 0)


def previous_occasion(occasion: dt.date) -> dt.date:
    days = rules.resolve("members.badge_occasions", occasion).value
    dates = sorted(
        dt.date(year, int(md[:2]), int(md[3:]))
        for year in (occasion.year - 1, occasion.year)
        for md in days
    )
    return max(d for d in dates if d < occasion)


@dataclasses.dataclass(frozen=True)
class BadgeDue:
    member: Member
    milestone: int
    seniority: int


def badges_due(user: Any, occasion: dt.date, cell_path: str = "") -> list[BadgeDue]:
    """Members on the roll whose seniority reaches a milestone (30, 40, 45 … 90 years) after the
    previous occasion and by ``occasion`` (3/2, 19/5, 2/9, 7/11)."""
    resolved = rules.resolve("members.badge_occasions", occasion)
    if f"{occasion:%m-%d}" not in resolved.value:
        raise ValidationError(
            f"Ngày {occasion:%d/%m} không phải dịp trao Huy hiệu Đảng ({resolved.rule_set.name})."
        )
    milestones = rules.resolve("members.badge_milestones", occasion).value
    since = previous_occasion(occasion)
    visible = Member.objects.all() if user is None else Member.objects.restrict(user, VIEW)
    members = visible.filter(standing=Standing.MEMBER)
    if cell_path:
        members = members.filter(cell_path__gte=cell_path, cell_path__lt=cell_path + "~")
    out = []
    for milestone in milestones:
        latest = _years_before(occasion, milestone)
        candidates = members.filter(first_admission_decision_date__lte=latest).filter(
            first_admission_decision_date__gt=_years_before(since, milestone)
        ) | members.filter(first_admission_decision_date__lte=latest, gaps__isnull=False)
        for member in candidates.distinct().select_related("person").prefetch_related("gaps"):
            now, before = seniority_years(member, occasion), seniority_years(member, since)
            if before < milestone <= now:
                out.append(BadgeDue(member, milestone, now))
    return sorted(out, key=lambda b: (b.milestone, b.member.sort_key))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
