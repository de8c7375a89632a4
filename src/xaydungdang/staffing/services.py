"""Every write to job positions and quotas goes through these functions. A quota may not take
more than its parent's quota of the same year and kind leaves after the siblings' quotas."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from xaydungdang.core import access, audit, rules
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.core.locking import locked, write
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import clean
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Title

from .models import JobPosition, PositionKind, Quota, QuotaKind

RULE_KEY = "staffing.reduction_target"
FIRST_YEAR = 1945


def _decision(number: str, day: dt.date | None) -> str:
    number = clean(number or "")
    if not number or day is None:
        raise ValidationError("Hãy nhập số và ngày của quyết định.")
    check_date(day, "event", "Ngày quyết định")
    return number


def position_create(
    *,
    unit: Unit,
    name: str,
    kind: str,
    valid_from: dt.date,
    decision_number: str,
    decision_date: dt.date,
    grade_from: str = "",
    grade_to: str = "",
    title: Title | None = None,
    actor: Actor,
) -> JobPosition:
    """Add a position to ``unit``'s catalogue from ``valid_from``, by a dated decision."""
    access.require(actor, access.CHANGE, unit.path)
    name = clean(name or "")
    if not name:
        raise ValidationError("Tên vị trí việc làm không được để trống.")
    if kind not in PositionKind.values:
        raise ValidationError("Nhóm vị trí việc làm không hợp lệ.")
    number = _decision(decision_number, decision_date)
    check_date(valid_from, "event", "Ngày lập vị trí")
    if not unit.is_valid_on(valid_from):
        raise ValidationError(f"Đơn vị {unit} không hoạt động vào ngày {vn_date(valid_from)}.")
    position = JobPosition(
        unit=unit, name=name, kind=kind, valid_from=valid_from, title=title,
        grade_from=clean(grade_from or ""), grade_to=clean(grade_to or ""),
        decision_number=number, decision_date=decision_date,
    )  # fmt: skip
    position.full_clean()
    with transaction.atomic():
        audit.save(position, actor=actor, before=None, scope_path=unit.path)
    return position


def position_abolish(
    *,
    position: JobPosition,
    valid_to: dt.date,
    decision_number: str,
    decision_date: dt.date,
    actor: Actor,
) -> JobPosition:
    """End ``position`` on ``valid_to`` (its first day without it), by a dated decision."""
    access.require(actor, access.CHANGE, position.unit.path)
    number = _decision(decision_number, decision_date)
    check_date(valid_to, "event", "Ngày bãi bỏ")
    with transaction.atomic():
        current = locked(position)
        if current.valid_to is not None:
            raise ValidationError(
                f"Vị trí “{current.name}” đã bãi bỏ từ ngày {vn_date(current.valid_to)}."
            )
        if current.valid_from is not None and valid_to <= current.valid_from:
            raise ValidationError(
                f"Ngày bãi bỏ phải sau ngày lập vị trí ({vn_date(current.valid_from)})."
            )
        before = audit.snapshot(current)
        changes = {"valid_to": valid_to, "end_decision_number": number,
                   "end_decision_date": decision_date}  # fmt: skip
        write(current, changes, caller=position)
        audit.record(actor=actor, obj=current, action="update", before=before,
                     scope_path=current.unit.path)  # fmt: skip
    return current


def _check_within_parent(unit: Unit, year: int, kind: str, number: int) -> None:
    """Refuse ``number`` above what the parent's quota leaves, and below what the unit already
    gave its own children; run inside the transaction, the parent's quota row locked."""
    label = f"{QuotaKind(kind).label} năm {year}"
    parent = None
    if unit.parent_id is not None:
        parent = (
            Quota.objects.select_for_update()
            .filter(unit_id=unit.parent_id, year=year, kind=kind)
            .first()
        )
    if parent is not None:
        siblings = (
            Quota.objects.filter(unit__parent_id=unit.parent_id, year=year, kind=kind)
            .exclude(unit=unit)
            .aggregate(total=Sum("number"))["total"]
            or 0
        )
        left = max(parent.number - siblings, 0)
        if siblings + number > parent.number:
            raise ValidationError(
                f"Vượt {siblings + number - parent.number} người so với biên chế "
                f"({label}) của {parent.unit}: cấp trên được giao {parent.number}, các đơn "
                f"vị cùng cấp đã nhận {siblings}, đơn vị này được tối đa {left}."
            )
    given = (
        Quota.objects.filter(unit__parent_id=unit.pk, year=year, kind=kind).aggregate(
            total=Sum("number")
        )["total"]
        or 0
    )
    if given > number:
        raise ValidationError(
            f"Các đơn vị trực thuộc đã được giao {given} biên chế ({label}), "
            f"nhiều hơn {number} là {given - number} người."
        )


def quota_set(
    *,
    unit: Unit,
    year: int,
    kind: str,
    number: int,
    decision_number: str,
    decision_date: dt.date,
    actor: Actor,
) -> Quota:
    """Give ``unit`` its quota of ``kind`` for ``year`` (or change it), by a dated decision."""
    access.require(actor, access.CHANGE, unit.path)
    if kind not in QuotaKind.values:
        raise ValidationError("Loại biên chế không hợp lệ.")
    if not FIRST_YEAR <= year <= 2100:
        raise ValidationError(f"Năm {year} không hợp lệ.")
    if number is None or number < 0:
        raise ValidationError("Số biên chế phải là số không âm.")
    decision = _decision(decision_number, decision_date)
    rule_set = rules.resolve(RULE_KEY, decision_date).rule_set
    new = {"number": number, "decision_number": decision, "decision_date": decision_date,
           "rule_set_id": rule_set.pk}  # fmt: skip
    with transaction.atomic():
        _check_within_parent(unit, year, kind, number)
        current = Quota.objects.select_for_update().filter(unit=unit, year=year, kind=kind).first()
        if current is None:
            quota = Quota(unit=unit, year=year, kind=kind, **new)
            quota.full_clean()
            audit.save(quota, actor=actor, before=None, scope_path=unit.path)
            return quota
        changes = {k: v for k, v in new.items() if getattr(current, k) != v}
        if changes:
            before = audit.snapshot(current)
            write(current, changes)
            audit.record(actor=actor, obj=current, action="update", before=before,
                         scope_path=unit.path)  # fmt: skip
    return current
