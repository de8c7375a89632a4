"""Dated changes to the tree: rename, reparent, merge, split, dissolve. Units are never deleted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from xaydungdang.core import access, audit, hooks, rules
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.core.text import clean

from ..choices import EventKind, LinkRole
from ..events import UnitDissolved, UnitRenamed, UnitReparented, UnitsMerged, UnitSplit
from ..models import Unit, UnitEvent, UnitEventLink, UnitVersion
from .common import (
    check_active,
    check_effective_after_current,
    check_kind_allowed,
    check_sibling_name,
    clean_name,
    lock_units,
    move_subtree,
    refresh_search,
    require_change,
    segment,
)
from .units import UnitSpec, _validate_spec, insert_unit


def _event(
    kind: str, day: dt.date, decision_ref: str, links: Sequence[tuple[Unit, str]]
) -> UnitEvent:
    event = UnitEvent.objects.create(
        kind=kind,
        effective_date=day,
        decision_ref=clean(decision_ref or ""),
        rule_set=rules.resolve("org.retired_unit_kinds", day).rule_set,
    )
    UnitEventLink.objects.bulk_create(
        UnitEventLink(event=event, unit=u, role=r) for u, r in dict.fromkeys(links)
    )
    return event


def _new_version(unit: Unit, day: dt.date, **changes: Any) -> None:
    current = check_effective_after_current(unit, day)
    current.valid_to = day
    current.save(update_fields=["valid_to"])
    fields = {"name": current.name, "short_name": current.short_name, "parent": current.parent}
    UnitVersion.objects.create(unit=unit, valid_from=day, **{**fields, **changes})


def _end(unit: Unit, day: dt.date) -> None:
    check_effective_after_current(unit, day)
    for check in hooks.UNIT_END_CHECKS():  # vetoes of other apps (people: open tenures)
        if message := check(unit, day):
            raise ValidationError(message)
    unit.versions.filter(valid_to__isnull=True).update(valid_to=day)
    unit.valid_to = day
    unit.save(update_fields=["valid_to", "updated_at"])


def _record(actor: Actor, unit: Unit, before: dict[str, Any] | None) -> None:
    audit.record(actor=actor, obj=unit, action="update", before=before, scope_path=unit.path)


def unit_rename(
    *,
    unit: Unit,
    name: str,
    short_name: str = "",
    effective_date: dt.date,
    decision_ref: str = "",
    actor: Actor,
) -> Unit:
    """Rename from ``effective_date``; the old name stays in the unit's dated history."""
    require_change(actor, unit)
    name, short_name = clean_name(name, "Tên mới"), clean(short_name)
    if name == unit.name and short_name == unit.short_name:
        raise ValidationError("Tên mới trùng với tên hiện tại.")
    check_sibling_name(unit.parent, name, exclude=unit)
    before, old_name = audit.snapshot(unit), unit.name
    with transaction.atomic():
        lock_units(unit)
        _new_version(unit, effective_date, name=name, short_name=short_name)
        unit.name, unit.short_name = name, short_name
        refresh_search(unit)
        unit.save()
        _event(EventKind.RENAME, effective_date, decision_ref, [(unit, LinkRole.SUBJECT)])
        _record(actor, unit, before)
        audit.emit(
            UnitRenamed(unit.pk, old_name, name, effective_date.isoformat()),
            actor=actor,
            obj=unit,
            scope_path=unit.path,
        )
    return unit


def _move_under(unit: Unit, new_parent: Unit, day: dt.date) -> None:
    _new_version(unit, day, parent=new_parent)
    move_subtree(unit, new_parent.path + segment(unit.pk))
    unit.parent = new_parent
    unit.save(update_fields=["parent", "path", "updated_at"])


def unit_reparent(
    *,
    unit: Unit,
    new_parent: Unit,
    effective_date: dt.date,
    decision_ref: str = "",
    actor: Actor,
) -> Unit:
    """Place ``unit`` (with its subtree) under ``new_parent`` from ``effective_date``."""
    require_change(actor, unit)
    access.require(actor, access.CHANGE, new_parent.path)
    if new_parent.pk == unit.pk or new_parent.path.startswith(unit.path):
        raise ValidationError("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.")
    if new_parent.pk == unit.parent_id:
        raise ValidationError("Đơn vị đã trực thuộc đơn vị này.")
    check_active(new_parent, effective_date, "Đơn vị cấp trên mới")
    check_sibling_name(new_parent, unit.name, exclude=unit)
    before, old_parent_id = audit.snapshot(unit), unit.parent_id
    with transaction.atomic():
        lock_units(unit, new_parent)
        _move_under(unit, new_parent, effective_date)
        _event(EventKind.REPARENT, effective_date, decision_ref, [(unit, LinkRole.SUBJECT)])
        _record(actor, unit, before)
        audit.emit(
            UnitReparented(
                unit.pk, unit.name, old_parent_id, new_parent.pk, effective_date.isoformat()
            ),
            actor=actor,
            obj=unit,
            scope_path=unit.path,
        )
    return unit


def _check_children_fit(units: list[Unit], target: Unit) -> list[Unit]:
    """Active children of ``units`` that will move under ``target``; names must not clash."""
    moving = list(Unit.objects.filter(parent__in=units, valid_to__isnull=True).order_by("pk"))
    taken = set(
        Unit.objects.filter(parent=target, valid_to__isnull=True).values_list("name", flat=True)
    )
    for child in moving:
        if child.name in taken:
            raise ValidationError(
                f"“{child.name}” trùng tên với một đơn vị đang trực thuộc “{target.name}”; "
                "hãy đổi tên hoặc giải thể đơn vị này trước."
            )
        taken.add(child.name)
    return moving


def _merge_checks(units: list[Unit], day: dt.date, actor: Actor) -> None:
    if len({u.pk for u in units}) != len(units):
        raise ValidationError("Danh sách đơn vị hợp nhất bị trùng.")
    for u in units:
        require_change(actor, u)
        check_active(u, day)
        check_effective_after_current(u, day)


def units_merge(
    *,
    units: list[Unit],
    effective_date: dt.date,
    successor: Unit | None = None,
    new_unit: UnitSpec | None = None,
    decision_ref: str = "",
    actor: Actor,
) -> Unit:
    """Merge ``units`` into an existing ``successor`` (which continues) or into a new unit.

    Predecessors other than the successor end on ``effective_date``; their active sub-units move
    under the successor, and the ended units are filed under it for access to their history.
    """
    if (successor is None) == (new_unit is None):
        raise ValidationError("Hãy chọn đúng một đơn vị kế thừa: đơn vị có sẵn hoặc đơn vị mới.")
    ending = [u for u in units if successor is None or u.pk != successor.pk]
    involved = {u.pk for u in ending} | ({successor.pk} if successor else set())
    if not ending or len(involved) < 2:
        raise ValidationError("Cần ít nhất hai đơn vị để hợp nhất.")
    _merge_checks(ending, effective_date, actor)
    if new_unit is not None:
        require_change(actor, new_unit.parent)
        _validate_spec(new_unit, effective_date)
        check_kind_allowed(new_unit.kind, effective_date)
    else:
        assert successor is not None
        require_change(actor, successor)
        check_active(successor, effective_date, "Đơn vị kế thừa")
    with transaction.atomic():
        lock_units(*units, successor)
        target = successor or insert_unit(new_unit, effective_date)  # type: ignore[arg-type]
        if successor is None:
            audit.record(
                actor=actor, obj=target, action="create", before=None, scope_path=target.path
            )
        for child in _check_children_fit(ending, target):
            before = audit.snapshot(child)
            _move_under(child, target, effective_date)
            _record(actor, child, before)
        for u in ending:
            before = audit.snapshot(u)
            _end(u, effective_date)
            move_subtree(u, target.path + segment(u.pk))
            u.save(update_fields=["path"])
            _record(actor, u, before)
        links = [(u, LinkRole.PREDECESSOR) for u in units] + [(target, LinkRole.SUCCESSOR)]
        _event(EventKind.MERGE, effective_date, decision_ref, links)
        audit.emit(
            UnitsMerged([u.pk for u in units], target.pk, target.name, effective_date.isoformat()),
            actor=actor,
            obj=target,
            scope_path=target.path,
        )
    return target


def unit_split(
    *,
    unit: Unit,
    parts: list[UnitSpec],
    effective_date: dt.date,
    keep_original: bool = False,
    decision_ref: str = "",
    actor: Actor,
) -> list[Unit]:
    """Split ``unit`` into new units. Unless it is kept, it ends and its sub-units go to part 1."""
    require_change(actor, unit)
    if len(parts) < (1 if keep_original else 2):
        raise ValidationError("Chia tách cần ít nhất hai đơn vị kết quả.")
    check_active(unit, effective_date)
    check_effective_after_current(unit, effective_date)
    names = [clean(p.name) for p in parts]
    if len(set(names)) != len(names):
        raise ValidationError("Tên các đơn vị sau chia tách bị trùng nhau.")
    for part in parts:
        part.parent = part.parent or unit.parent
        require_change(actor, part.parent)
        _validate_spec(part, effective_date)
        check_kind_allowed(part.kind, effective_date)
    with transaction.atomic():
        lock_units(unit, *(p.parent for p in parts))
        created = [insert_unit(p, effective_date) for p in parts]
        for new in created:
            audit.record(actor=actor, obj=new, action="create", before=None, scope_path=new.path)
        if not keep_original:
            for child in _check_children_fit([unit], created[0]):
                before = audit.snapshot(child)
                _move_under(child, created[0], effective_date)
                _record(actor, child, before)
            before = audit.snapshot(unit)
            _end(unit, effective_date)
            _record(actor, unit, before)
        successors = created + ([unit] if keep_original else [])
        links = [(unit, LinkRole.PREDECESSOR)] + [(u, LinkRole.SUCCESSOR) for u in successors]
        _event(EventKind.SPLIT, effective_date, decision_ref, links)
        audit.emit(
            UnitSplit(unit.pk, unit.name, [u.pk for u in created], effective_date.isoformat()),
            actor=actor,
            obj=unit,
            scope_path=unit.path,
        )
    return created


def unit_dissolve(
    *, unit: Unit, effective_date: dt.date, decision_ref: str = "", actor: Actor
) -> Unit:
    """End a unit that has no active sub-units left."""
    require_change(actor, unit)
    before = audit.snapshot(unit)
    with transaction.atomic():
        lock_units(unit)
        # Counted under the lock: a sub-unit created meanwhile is seen.
        active = Unit.objects.filter(parent=unit, valid_to__isnull=True).count()
        if active:
            raise ValidationError(
                f"Không thể giải thể “{unit.name}”: còn {active} đơn vị trực thuộc đang hoạt "
                f"động vào ngày {vn_date(effective_date)}."
            )
        _end(unit, effective_date)
        _event(EventKind.DISSOLVE, effective_date, decision_ref, [(unit, LinkRole.SUBJECT)])
        _record(actor, unit, before)
        audit.emit(
            UnitDissolved(unit.pk, unit.name, effective_date.isoformat()),
            actor=actor,
            obj=unit,
            scope_path=unit.path,
        )
    return unit
