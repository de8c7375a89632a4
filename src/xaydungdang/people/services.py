"""Every write to persons, titles and tenures goes through these functions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from xaydungdang.core import access, audit, hooks, locking
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import clean, fold, name_sort_key
from xaydungdang.org.choices import UnitKind
from xaydungdang.org.models import Unit

from .events import TenureEnded, TenureStarted
from .models import Basis, Gender, Person, Precision, Tenure, TenureAttestation, Title


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
    """Change any of full_name, gender, birth_year, note, managing_unit: read again under a
    lock, checked against the version the caller saw; only the fields edited are written."""
    allowed = {"full_name", "gender", "birth_year", "note", "managing_unit"}
    audit.check_fields(changes, allowed)
    with transaction.atomic():
        current = locking.locked(person)
        access.require(actor, access.CHANGE, current.managing_unit.path)
        if "managing_unit" in changes:
            access.require(actor, access.CHANGE, changes["managing_unit"].path)
        before = audit.apply_changes(current, changes)
        _clean_person(current)
        fields = [*changes, "folded_name", "sort_key"]
        locking.write(current, {f: getattr(current, f) for f in fields}, caller=person)
        audit.record(
            actor=actor,
            obj=current,
            action="update",
            before=before,
            scope_path=current.managing_unit.path,
        )
        for hook in hooks.PERSON_CHANGED():
            hook(current, before)
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
    kinds = list(dict.fromkeys(title.unit_kinds or []))
    unknown = [k for k in kinds if k not in UnitKind.values]
    if unknown:
        raise ValidationError(f"Loại đơn vị không hợp lệ: {', '.join(unknown)}.")
    title.unit_kinds = kinds
    title.folded = fold(title.name)
    title.full_clean()


def title_create(
    *,
    name: str,
    label_template: str = "{title} {unit}",
    rank: int = 100,
    description: str = "",
    unit_kinds: list[str] | None = None,
    actor: Actor,
) -> Title:
    _require_catalog(actor)
    title = Title(
        name=name,
        label_template=label_template,
        rank=rank,
        description=description,
        unit_kinds=list(unit_kinds or []),
    )
    _clean_title(title)
    audit.save(title, actor=actor, before=None)
    return title


def title_update(*, title: Title, actor: Actor, **changes: Any) -> Title:
    _require_catalog(actor)
    audit.check_fields(changes, {"name", "label_template", "rank", "description", "unit_kinds"})
    with transaction.atomic():
        current = locking.locked(title)
        before = audit.apply_changes(current, changes)
        _clean_title(current)
        fields = [*changes, "folded"]
        locking.write(current, {f: getattr(current, f) for f in fields}, caller=title)
        audit.record(actor=actor, obj=current, action="update", before=before)
    return title


def check_title_fits(title: Title, unit: Unit) -> None:
    """A title belongs to kinds of unit: a city committee has a Bí thư, not a Tổng Bí thư."""
    if not title.fits(unit.kind):
        kinds = ", ".join(str(UnitKind(k).label) for k in title.unit_kinds)
        raise ValidationError(
            f"Chức danh “{title.name}” không thuộc loại đơn vị “{unit.get_kind_display()}” "
            f"của “{unit.name}”; chức danh này chỉ có ở: {kinds}."
        )


def _check_bases(tenure: Tenure) -> None:
    for field in ("start_precision", "end_precision"):
        if getattr(tenure, field) not in Precision.values:
            raise ValidationError("Độ chính xác của ngày không hợp lệ.")
    for field in ("start_basis", "end_basis"):
        if getattr(tenure, field) not in Basis.values:
            raise ValidationError("Căn cứ không hợp lệ.")


def _check_period(tenure: Tenure) -> None:
    start, end, unit = tenure.start, tenure.end, tenure.unit
    if start is None:
        raise ValidationError("Hãy nhập ngày bắt đầu.")
    check_date(start, "tenure", "Ngày bắt đầu")
    check_date(end, "tenure", "Ngày thôi giữ chức")
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
    start_precision: str = Precision.DAY,
    start_basis: str = Basis.MANUAL,
    start_reference: str = "",
    end_precision: str = Precision.DAY,
    end_basis: str = Basis.MANUAL,
    end_reference: str = "",
    actor: Actor,
) -> Tenure:
    """Record that ``person`` held ``title`` in ``unit`` from ``start`` (to ``end``, if known),
    each bound with its precision and basis (decision, article, by hand).
    Concurrent titles are allowed; the same title in the same unit may not overlap."""
    access.require(actor, access.CHANGE, unit.path)
    check_title_fits(title, unit)
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
        start_precision=start_precision,
        start_basis=start_basis,
        start_reference=clean(start_reference),
        end_precision=end_precision,
        end_basis=end_basis,
        end_reference=clean(end_reference),
    )
    _check_bases(tenure)
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


EDITABLE = {
    "start",
    "end",
    "source",
    "note",
    "attested_only",
    "start_precision",
    "start_basis",
    "start_reference",
    "end_precision",
    "end_basis",
    "end_reference",
}


def tenure_update(*, tenure: Tenure, actor: Actor, **changes: Any) -> Tenure:
    """Correct a tenure's dates, source or note: read again under a lock, checked against the
    version the caller saw. Ending one is ``tenure_end``."""
    audit.check_fields(changes, EDITABLE)
    if "source" in changes:
        changes["source"] = clean(changes["source"])
    with transaction.atomic():
        current = locking.locked(tenure)
        access.require(actor, access.CHANGE, current.unit.path)
        had_end = current.end
        before = audit.apply_changes(current, changes)
        _check_bases(current)
        _check_period(current)
        current.full_clean()
        locking.write(current, {f: getattr(current, f) for f in changes}, caller=tenure)
        audit.record(
            actor=actor, obj=current, action="update", before=before, scope_path=current.unit.path
        )
        if had_end is None and current.end is not None:
            _emit_ended(current, actor)
    return tenure


def _emit_ended(tenure: Tenure, actor: Actor) -> None:
    assert tenure.end is not None
    audit.emit(
        TenureEnded(
            tenure.person_id, tenure.person.full_name, _label(tenure), tenure.end.isoformat()
        ),
        actor=actor,
        obj=tenure,
        scope_path=tenure.unit.path,
    )


def tenure_end(*, tenure: Tenure, end: dt.date, actor: Actor) -> Tenure:
    with transaction.atomic():
        current = locking.locked(tenure)
        if current.end is not None:
            raise ValidationError(f"Quá trình này đã kết thúc từ {vn_date(current.end)}.")
        return tenure_update(tenure=tenure, end=end, actor=actor)


def _attest_row(tenure: Tenure, day: dt.date, source: str, actor: Actor) -> None:
    row, created = TenureAttestation.objects.get_or_create(
        tenure=tenure, day=day, source=clean(source)[:300]
    )
    if created:
        audit.record(
            actor=actor, obj=row, action="create", before=None, scope_path=tenure.unit.path
        )


def tenure_attest(
    *,
    person: Person,
    title: Title,
    unit: Unit,
    day: dt.date,
    source: str = "",
    actor: Actor,
) -> Tenure:
    """A source states that ``person`` held ``title`` in ``unit`` on ``day``: the tenure covers
    that day. The attestation joins the tenure that covers ``day``; else it widens the known
    span of an attested tenure of the same person, title and unit (min..max of its
    attestations), if that overlaps no other tenure; else it opens a new attested tenure."""
    access.require(actor, access.CHANGE, unit.path)
    with transaction.atomic():
        same = list(
            Tenure.objects.select_for_update()
            .filter(person=person, title=title, unit=unit)
            .order_by("start", "id")
        )
        for tenure in same:
            if tenure.start <= day and (tenure.end is None or tenure.end > day):
                _attest_row(tenure, day, source, actor)
                return tenure
        for tenure in sorted(same, key=lambda t: _distance(t, day)):
            if not tenure.attested_only:
                continue
            start = min(tenure.start, day)
            end = max(tenure.end or day, day + dt.timedelta(days=1))
            others = [t for t in same if t.pk != tenure.pk]
            if any(t.start < end and (t.end is None or t.end > start) for t in others):
                continue
            tenure = tenure_update(tenure=tenure, start=start, end=end, actor=actor)
            _attest_row(tenure, day, source, actor)
            return tenure
        tenure = tenure_start(
            person=person,
            title=title,
            unit=unit,
            start=day,
            end=day + dt.timedelta(days=1),
            attested_only=True,
            start_basis=Basis.ARTICLE,
            end_basis=Basis.ARTICLE,
            source=source[:300],
            actor=actor,
        )
        _attest_row(tenure, day, source, actor)
        return tenure


def _distance(tenure: Tenure, day: dt.date) -> int:
    if day < tenure.start:
        return (tenure.start - day).days
    end = tenure.end or day
    return max(0, (day - end).days)


def open_tenures_check(unit: Unit, day: dt.date) -> str:
    """Veto for org: a unit may not end while someone still holds a title in it after ``day``."""
    open_count = Tenure.objects.filter(unit=unit).exclude(end__isnull=False, end__lte=day).count()
    if open_count:
        return (
            f"“{unit.name}” còn {open_count} người giữ chức danh sau ngày {vn_date(day)}; "
            "hãy kết thúc các quá trình giữ chức trước."
        )
    return ""
