"""Every write to gradings goes through these functions. The year's rule set says whether a
result is one of four levels or a score whose band gives the level (366-QĐ/TW)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from xaydungdang.core import access, audit, rules
from xaydungdang.core.actors import Actor
from xaydungdang.core.locking import locked, write
from xaydungdang.core.models import RuleSet
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person

from .models import Grading, Level

RULE_KEY = "grading.scale"
FIRST_YEAR = 1930


def scale(year: int) -> tuple[RuleSet, dict[str, Any]]:
    """The rule set that grades ``year`` (the one in force at its end) and its scale."""
    found = rules.resolve(RULE_KEY, dt.date(year, 12, 31))
    return found.rule_set, found.value


def band(value: dict[str, Any], score: int) -> str:
    """The level of ``score`` on a points scale: the highest band it reaches."""
    for item in sorted(value["bands"], key=lambda b: -int(b["min"])):
        if score >= int(item["min"]):
            return str(item["level"])
    raise ValidationError(f"Điểm {score} không thuộc mức nào của thang điểm.")


def _result(year: int, level: str, score: int | None) -> tuple[RuleSet, str, int | None]:
    """(rule set, level, score) of a result for ``year``, checked against its scale."""
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise ValidationError(f"Năm đánh giá {year} không hợp lệ.")
    rule_set, value = scale(year)
    if level and level not in Level.values:
        raise ValidationError("Mức xếp loại không hợp lệ.")
    if value["kind"] == "levels":
        if score is not None:
            raise ValidationError(
                f"Năm {year} xếp loại theo 4 mức ({rule_set.name}), không chấm điểm."
            )
        if not level:
            raise ValidationError(f"Hãy chọn mức xếp loại năm {year} ({rule_set.name}).")
        return rule_set, level, None
    top = int(value["max"])
    if score is None or not 0 <= score <= top:
        raise ValidationError(f"Năm {year} chấm theo thang {top} điểm ({rule_set.name}): "
                              f"hãy nhập điểm từ 0 đến {top}.")  # fmt: skip
    derived = band(value, score)
    if level and level != derived:
        raise ValidationError(
            f"Theo {rule_set.name}, {score} điểm là mức “{Level(derived).label}”, "
            f"không phải “{Level(level).label}”."
        )
    return rule_set, derived, score


def grading_record(
    *,
    person: Person,
    unit: Unit,
    year: int,
    level: str = "",
    score: int | None = None,
    note: str = "",
    actor: Actor,
) -> Grading:
    """Record ``person``'s grading of ``year`` by ``unit``: one per person per year."""
    access.require(actor, access.CHANGE, unit.path)
    if not Person.objects.restrict(actor, access.VIEW).filter(pk=person.pk).exists():
        raise access.AccessDenied("Không có quyền với cá nhân này.")
    rule_set, level, score = _result(year, level, score)
    if Grading.objects.filter(person=person, year=year).exists():
        raise ValidationError(f"{person} đã có kết quả xếp loại năm {year}; hãy sửa kết quả đó.")
    grading = Grading(person=person, unit=unit, year=year, level=level, score=score,
                      rule_set=rule_set, note=note)  # fmt: skip
    grading.full_clean()
    with transaction.atomic():
        audit.save(grading, actor=actor, before=None, scope_path=unit.path)
    return grading


def grading_update(
    *, grading: Grading, level: str = "", score: int | None = None, note: str = "", actor: Actor
) -> Grading:
    """Correct a grading's result or note, under the rule set of its year."""
    access.require(actor, access.CHANGE, grading.unit.path)
    rule_set, level, score = _result(grading.year, level, score)
    with transaction.atomic():
        current = locked(grading)
        before = audit.snapshot(current)
        new = {"level": level, "score": score, "note": note, "rule_set_id": rule_set.pk}
        changes = {k: v for k, v in new.items() if getattr(current, k) != v}
        if not changes:
            return current
        write(current, changes, caller=grading)
        audit.record(actor=actor, obj=current, action="update", before=before,
                     scope_path=current.unit.path)  # fmt: skip
    return current
