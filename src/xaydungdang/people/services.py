"""Every write to persons, titles and tenures goes through these functions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from xaydungdang.core import access, audit, hooks
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.core.text import clean, fold, name_sort_key
from xaydungdang.org.models import Unit

from .events import TenureEnded, TenureStarted
from .models import Gender, Person, Tenure, Title


def _clean_person(person: Person) -> None:
    person.full_name = clean(person.full_name or "")
    if not person.full_name:
        raise ValidationError("Họ và tên không được để trống.")
    if person.gender not in Gender.values:
        raise ValidationError("Giới tính không hợp lệ.")
    person.folded_name = fold(person.full_name)
    person.sort_key = name_sort_key(person.full_name)[:1000]
    person.full_clean()


def person_create(
    *,
    full_name: str,
    managing_unit: Unit,
    gender: str = Gender.UNKNOWN,
    birth_year: int | None = None,
    note: str = "",
    is_demo: bool = False,
    actor: Actor,
) -> Person:
    access.require(actor, access.CHANGE, managing_unit.path)
    person = Person(
        full_name=full_name,
        managing_unit=managing_unit,
        gender=gender,
        birth_year=birth_year,
        note=note,
        is_demo=is_demo,
    )
    _clean_person(person)
    audit.save(person, actor=actor, before=None, scope_path=managing_unit.path)
    return person


def person_update(*, person: Person, actor: Actor, **changes: Any) -> Person:
    """Change any of full_name, gender, birth_year, note, managing_unit."""
    allowed = {"full_name", "gender", "birth_year", "note", "managing_unit"}
    audit.check_fields(changes, allowed)
    access.require(actor, access.CHANGE, person.managing_unit.path)
    if "managing_unit" in changes:
        access.require(actor, access.CHANGE, changes["managing_unit"].path)
    with transaction.atomic():
        before = audit.apply_changes(person, changes)
        _clean_person(person)
        audit.save(person, actor=actor, before=before, scope_path=person.managing_unit.path)
        for hook in hooks.PERSON_CHANGED():
            hook(person, before)
    return person


def _require_catalog(actor: Actor) -> None:
    if not access.actor_scope(actor, access.CHANGE).everything:
        raise access.AccessDenied("Chỉ cấp toàn hệ thống mới sửa danh mục chức danh.")


def _clean_title(title: Title) -> None:
    title.name = clean(title.name or "")
    if not title.name:
        raise ValidationError("Tên chức danh không được để trống.")
    if "{title}" not in title.label_template and "{unit}" not in title.label_template:
        raise ValidationError("Mẫu tên gọi phải chứa {title} hoặc {unit}.")
    try:
        title.label("x")
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError("Mẫu tên gọi chỉ được dùng {title} và {unit}.") from exc
    title.folded = fold(title.name)
    title.full_clean()


def title_create(
    *,
    name: str,
    label_template: str = "{title} {unit}",
    rank: int = 100,
    description: str = "",
    actor: Actor,
) -> Title:
    _require_catalog(actor)
    title = Title(name=name, label_template=label_template, rank=rank, description=description)
    _clean_title(title)
    audit.save(title, actor=actor, before=None)
    return title


def title_update(*, title: Title, actor: Actor, **changes: Any) -> Title:
    _require_catalog(actor)
    audit.check_fields(changes, {"name", "label_template", "rank", "description"})
    before = audit.apply_changes(title, changes)
    _clean_title(title)
    audit.save(title, actor=actor, before=before)
    return title


def _check_period(tenure: Tenure) -> None:
    start, end, unit = tenure.start, tenure.end, tenure.unit
    if start is None:
        raise ValidationError("Hãy nhập ngày bắt đầu.")
    if end is not None and end <= start:
        raise ValidationError("Ngày thôi giữ chức phải sau ngày bắt đầu.")
    if unit.valid_from and start < unit.valid_from:
        raise ValidationError(
            f"“{unit.name}” chỉ hoạt động từ {vn_date(unit.valid_from)}; "
            f"không thể giữ chức từ {vn_date(start)}."
        )
    if unit.valid_to and (end is None or end > unit.valid_to):
        raise ValidationError(
            f"“{unit.name}” kết thúc hoạt động từ {vn_date(unit.valid_to)}; "
            "quá trình giữ chức phải kết thúc trước ngày đó."
        )
    overlapping = Tenure.objects.filter(
        person=tenure.person, title=tenure.title, unit=unit, start__lt=end or dt.date.max
    ).exclude(end__isnull=False, end__lte=start)
    if tenure.pk:
        overlapping = overlapping.exclude(pk=tenure.pk)
    if overlapping.exists():
        raise ValidationError(
            "Cá nhân đã giữ chức danh này ở đơn vị này trong khoảng thời gian đó."
        )


def _label(tenure: Tenure) -> str:
    return tenure.title.label(tenure.unit.name)


def tenure_start(
    *,
    person: Person,
    title: Title,
    unit: Unit,
    start: dt.date,
    end: dt.date | None = None,
    source: str = "",
    note: str = "",
    attested_only: bool = False,
    actor: Actor,
) -> Tenure:
    """Record that ``person`` held ``title`` in ``unit`` from ``start`` (to ``end``, if known).
    Concurrent titles are allowed; the same title in the same unit may not overlap."""
    access.require(actor, access.CHANGE, unit.path)
    visible = Person.objects.restrict(actor, access.VIEW).filter(pk=person.pk)
    if not visible.exists():
        raise access.AccessDenied("Không có quyền với cá nhân này.")
    tenure = Tenure(
        person=person,
        title=title,
        unit=unit,
        start=start,
        end=end,
        source=clean(source),
        note=note,
        attested_only=attested_only,
    )
    _check_period(tenure)
    tenure.full_clean()
    with transaction.atomic():
        tenure.save()
        audit.record(actor=actor, obj=tenure, action="create", before=None, scope_path=unit.path)
        audit.emit(
            TenureStarted(person.pk, person.full_name, _label(tenure), start.isoformat()),
            actor=actor,
            obj=tenure,
            scope_path=unit.path,
        )
    return tenure


def tenure_update(*, tenure: Tenure, actor: Actor, **changes: Any) -> Tenure:
    """Correct a tenure's dates, source or note. Ending one is ``tenure_end``."""
    audit.check_fields(changes, {"start", "end", "source", "note", "attested_only"})
    access.require(actor, access.CHANGE, tenure.unit.path)
    if "source" in changes:
        changes["source"] = clean(changes["source"])
    had_end = tenure.end
    before = audit.apply_changes(tenure, changes)
    _check_period(tenure)
    tenure.full_clean()
    with transaction.atomic():
        tenure.save()
        audit.record(
            actor=actor,
            obj=tenure,
            action="update",
            before=before,
            scope_path=tenure.unit.path,
        )
        if had_end is None and tenure.end is not None:
            audit.emit(
                TenureEnded(
                    tenure.person_id,
                    tenure.person.full_name,
                    _label(tenure),
                    tenure.end.isoformat(),
                ),
                actor=actor,
                obj=tenure,
                scope_path=tenure.unit.path,
            )
    return tenure


def tenure_end(*, tenure: Tenure, end: dt.date, actor: Actor) -> Tenure:
    if tenure.end is not None:
        raise ValidationError(f"Quá trình này đã kết thúc từ {vn_date(tenure.end)}.")
    return tenure_update(tenure=tenure, end=end, actor=actor)


def open_tenures_check(unit: Unit, day: dt.date) -> str:
    """Veto for org: a unit may not end while someone still holds a title in it after ``day``."""
    open_count = Tenure.objects.filter(unit=unit).exclude(end__isnull=False, end__lte=day).count()
    if open_count:
        return (
            f"“{unit.name}” còn {open_count} người giữ chức danh sau ngày {vn_date(day)}; "
            "hãy kết thúc các quá trình giữ chức trước."
        )
    return ""
