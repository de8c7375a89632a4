"""Creating units and correcting their undated attributes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction

from xaydungdang.core import audit
from xaydungdang.core.actors import Actor
from xaydungdang.core.text import clean

from ..choices import EventKind, LinkRole
from ..events import UnitEstablished
from ..models import Unit, UnitEvent, UnitEventLink, UnitVersion
from .common import (
    check_active,
    check_kind,
    check_kind_allowed,
    check_sibling_name,
    clean_name,
    lock_units,
    refresh_search,
    require_change,
    segment,
    set_aliases,
)


@dataclasses.dataclass
class UnitSpec:
    """What is needed to bring a unit into existence (used by create, merge and split)."""

    name: str
    kind: str
    parent: Unit | None = None
    short_name: str = ""
    aliases: list[str] = dataclasses.field(default_factory=list)
    code: str | None = None
    is_demo: bool = False


def _validate_spec(spec: UnitSpec, valid_from: dt.date | None) -> None:
    spec.name = clean_name(spec.name)
    spec.short_name = clean(spec.short_name or "")
    check_kind(spec.kind)
    if spec.parent is not None and valid_from is not None:
        check_active(spec.parent, valid_from, "Đơn vị cấp trên")
    check_sibling_name(spec.parent, spec.name)
    if spec.code and Unit.objects.filter(code=spec.code).exists():
        raise ValidationError(f"Mã đơn vị “{spec.code}” đã được dùng.")


def insert_unit(spec: UnitSpec, valid_from: dt.date | None) -> Unit:
    """Write the unit, its path, first version and aliases (no audit: callers record it)."""
    unit = Unit(
        name=spec.name,
        short_name=spec.short_name,
        kind=spec.kind,
        parent=spec.parent,
        code=spec.code or None,
        valid_from=valid_from,
        is_demo=spec.is_demo,
        path=f"tmp-{uuid.uuid4().hex}",
    )
    unit.full_clean(exclude=["path"])
    unit.save()
    unit.path = (spec.parent.path if spec.parent else "") + segment(unit.pk)
    set_aliases(unit, spec.aliases)
    refresh_search(unit)
    unit.save(update_fields=["path", "search_text", "sort_key"])
    UnitVersion.objects.create(
        unit=unit,
        name=unit.name,
        short_name=unit.short_name,
        parent=spec.parent,
        valid_from=valid_from,
    )
    return unit


def unit_create(
    *,
    spec: UnitSpec,
    valid_from: dt.date | None,
    decision_ref: str = "",
    actor: Actor,
) -> Unit:
    """Establish a unit under ``spec.parent`` from ``valid_from`` (None: since before records)."""
    require_change(actor, spec.parent)
    _validate_spec(spec, valid_from)
    resolved = check_kind_allowed(spec.kind, valid_from)
    with transaction.atomic():
        lock_units(spec.parent)
        unit = insert_unit(spec, valid_from)
        event = UnitEvent.objects.create(
            kind=EventKind.ESTABLISH,
            effective_date=valid_from,
            decision_ref=clean(decision_ref),
            rule_set=resolved.rule_set,
        )
        UnitEventLink.objects.create(event=event, unit=unit, role=LinkRole.SUBJECT)
        audit.record(actor=actor, obj=unit, action="create", before=None, scope_path=unit.path)
        audit.emit(
            UnitEstablished(
                unit_id=unit.pk,
                name=unit.name,
                parent_id=spec.parent.pk if spec.parent else None,
                effective_date=valid_from.isoformat() if valid_from else None,
            ),
            actor=actor,
            obj=unit,
            scope_path=unit.path,
        )
    return unit


def unit_update(
    *,
    unit: Unit,
    actor: Actor,
    short_name: str | None = None,
    aliases: list[str] | None = None,
    code: str | None = None,
    valid_from: dt.date | None = None,
) -> Unit:
    """Correct attributes that carry no dated history (renames and moves are events)."""
    require_change(actor, unit)
    before = audit.snapshot(unit) or {}
    before["aliases"] = sorted(unit.aliases.values_list("alias", flat=True))
    if code is not None:
        code = code.strip() or None
        if code and Unit.objects.filter(code=code).exclude(pk=unit.pk).exists():
            raise ValidationError(f"Mã đơn vị “{code}” đã được dùng.")
        unit.code = code
    if short_name is not None:
        unit.short_name = clean(short_name)
    if valid_from is not None:
        unit.valid_from = valid_from
    unit.full_clean()
    with transaction.atomic():
        lock_units(unit)
        if aliases is not None:
            set_aliases(unit, aliases)
        refresh_search(unit)
        unit.save()
        first = unit.versions.order_by("valid_from").first()
        if first is not None and valid_from is not None:
            first.valid_from = valid_from
            first.full_clean()
            first.save(update_fields=["valid_from"])
        unit.versions.filter(valid_to__isnull=True).update(short_name=unit.short_name)
        after = audit.snapshot(unit) or {}
        after["aliases"] = sorted(unit.aliases.values_list("alias", flat=True))
        audit.record(
            actor=actor,
            obj=unit,
            action="update",
            before=before,
            after=after,
            scope_path=unit.path,
        )
    return unit
