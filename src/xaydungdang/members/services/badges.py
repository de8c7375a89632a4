"""Party seniority and the Huy hiệu Đảng: who is due a badge at an occasion, and the award."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from xaydungdang.core import access, audit, rules
from xaydungdang.core.access import VIEW
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.members.choices import EventKind, Standing
from xaydungdang.members.models import BadgeAward, Member, MemberEvent


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


def _occasions(day: dt.date, years: tuple[int, ...]) -> list[dt.date]:
    days = rules.resolve("members.badge_occasions", day).value
    return sorted(dt.date(year, int(md[:2]), int(md[3:])) for year in years for md in days)


def previous_occasion(occasion: dt.date) -> dt.date:
    return max(d for d in _occasions(occasion, (occasion.year - 1, occasion.year)) if d < occasion)


def next_occasion(day: dt.date) -> dt.date:
    """The first occasion on or after ``day`` (under the rules in force on ``day``)."""
    return min(d for d in _occasions(day, (day.year, day.year + 1)) if d >= day)


def _check_occasion(occasion: dt.date) -> rules.Resolved:
    resolved = rules.resolve("members.badge_occasions", occasion)
    if f"{occasion:%m-%d}" not in resolved.value:
        raise ValidationError(
            f"Ngày {occasion:%d/%m} không phải dịp trao Huy hiệu Đảng ({resolved.rule_set.name})."
        )
    return resolved


@dataclasses.dataclass(frozen=True)
class BadgeDue:
    member: Member
    milestone: int
    seniority: int


def badges_due(user: Any, occasion: dt.date, cell_path: str = "") -> list[BadgeDue]:
    """Members on the roll whose seniority reaches a milestone (30, 40, 45 … 90 years) after the
    previous occasion and by ``occasion`` (3/2, 19/5, 2/9, 7/11)."""
    _check_occasion(occasion)
    milestones = rules.resolve("members.badge_milestones", occasion).value
    since = previous_occasion(occasion)
    visible = Member.objects.restrict(user, VIEW)
    members = visible.filter(standing=Standing.MEMBER)
    if cell_path:
        members = members.filter(cell_path__gte=cell_path, cell_path__lt=cell_path + "~")
    # Without gaps, a member reaches a milestone when the admission falls in its window; with
    # gaps, any member admitted long enough ago is a candidate, checked below.
    windows = Q(first_admission_decision_date__lte=_years_before(occasion, min(milestones)),
                gaps__isnull=False)  # fmt: skip
    for milestone in milestones:
        windows |= Q(
            first_admission_decision_date__lte=_years_before(occasion, milestone),
            first_admission_decision_date__gt=_years_before(since, milestone),
        )
    candidates = members.filter(windows).distinct().select_related("person", "cell")
    out: list[BadgeDue] = []
    for member in candidates.prefetch_related("gaps", "badges"):
        now, before = seniority_years(member, occasion), seniority_years(member, since)
        awarded = {b.milestone for b in member.badges.all()}
        out.extend(
            BadgeDue(member, m, now) for m in milestones if before < m <= now and m not in awarded
        )
    return sorted(out, key=lambda b: (b.milestone, b.member.sort_key))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def badge_award(
    *, member: Member, milestone: int, occasion: dt.date, decision: str = "", actor: Actor
) -> BadgeAward:
    """Record the Huy hiệu Đảng of ``milestone`` years awarded to ``member`` at ``occasion``: the
    member must be on the roll and have that seniority on the occasion, once per milestone."""
    access.require(actor, access.CHANGE, member.cell_path)
    _check_occasion(occasion)
    milestones = rules.resolve("members.badge_milestones", occasion)
    if milestone not in milestones.value:
        allowed = ", ".join(str(m) for m in milestones.value)
        raise ValidationError(f"Huy hiệu Đảng có các mốc {allowed} năm tuổi Đảng.")
    if member.standing != Standing.MEMBER:
        raise ValidationError("Đảng viên không còn trong danh sách.")
    years = seniority_years(member, occasion)
    if years < milestone:
        raise ValidationError(
            f"Đến ngày {vn_date(occasion)} đảng viên mới có {years} năm tuổi Đảng, "
            f"chưa đủ {milestone} năm."
        )
    if member.badges.filter(milestone=milestone).exists():
        raise ValidationError(f"Đảng viên đã được trao Huy hiệu {milestone} năm tuổi Đảng.")
    with transaction.atomic():
        award = BadgeAward.objects.create(
            member=member, milestone=milestone, occasion=occasion, decision=decision,
            rule_set=milestones.rule_set,
        )  # fmt: skip
        MemberEvent.objects.create(
            member=member, kind=EventKind.BADGE, day=occasion, decision=decision,
            note=f"Huy hiệu {milestone} năm tuổi Đảng", rule_set=milestones.rule_set,
        )  # fmt: skip
        audit.record(
            actor=actor, obj=award, action="create", before=None,
            scope_path=member.cell_path,
        )  # fmt: skip
    return award
