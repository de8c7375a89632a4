"""Helpers shared by the org services: paths, locking, validation, rule checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import CharField, F, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone

from xaydungdang.core import access, hooks, locking, rules
from xaydungdang.core.dates import vn_date
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import clean, fold, text_sort_key

from ..choices import UnitKind
from ..models import Unit, UnitAlias, UnitVersion

SEGMENT = 6
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_TREE_LOCK = 7_245_001


def segment(pk: int) -> str:
    out = ""
    while pk:
        pk, r = divmod(pk, 36)
        out = _DIGITS[r] + out
    return out.rjust(SEGMENT, "0")


def lock_tree() -> None:
    """Serialize tree writes (SQLite's IMMEDIATE transactions serialize writers already)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_TREE_LOCK])


def lock_units(*units: Unit | None) -> None:
    """Take the tree lock, then refuse if any of ``units`` changed since the caller read it:
    the checks made on the caller's copy (its path, parent, end) hold only for that version."""
    lock_tree()
    for unit in units:
        if unit is not None and unit.pk is not None:
            locking.locked(unit)


def require_change(user: Any, parent: Unit | None) -> None:
    if parent is None:
        if not access.actor_scope(user, access.CHANGE).everything:
            raise access.AccessDenied("Chỉ cấp toàn hệ thống mới tạo được đơn vị gốc.")
        return
    access.require(user, access.CHANGE, parent.path)


def clean_name(name: str, label: str = "Tên đơn vị") -> str:
    name = clean(name or "")
    if not name:
        raise ValidationError(f"{label} không được để trống.")
    if len(name) > 255:
        raise ValidationError(f"{label} dài quá 255 ký tự.")
    return name


def check_kind(kind: str) -> None:
    if kind not in UnitKind.values:
        raise ValidationError(f"Loại đơn vị “{kind}” không hợp lệ.")


def check_kind_allowed(kind: str, day: dt.date | None) -> rules.Resolved:
    """The rule set in force on ``day`` must still know this kind of unit. A unit whose start is
    unknown (before the records) is checked against the oldest rule set."""
    resolved = rules.resolve("org.retired_unit_kinds", day or rules.earliest_date())
    if kind in resolved.value:
        raise ValidationError(
            f"Từ {vn_date(resolved.rule_set.effective_from)} không còn loại đơn vị "
            f"“{UnitKind(kind).label}” (theo {resolved.rule_set.source})."
        )
    return resolved


def check_active(unit: Unit, day: dt.date, what: str = "Đơn vị") -> None:
    if not unit.is_valid_on(day):
        raise ValidationError(f"{what} “{unit.name}” không hoạt động vào ngày {vn_date(day)}.")


def check_effective_after_current(unit: Unit, day: dt.date) -> UnitVersion:
    """The open version of ``unit``; ``day`` must fall after it began (and be plausible)."""
    check_date(day, "rename", "Ngày hiệu lực")
    current = unit.versions.filter(valid_to__isnull=True).order_by("-valid_from").first()
    if unit.valid_to is not None or current is None:
        raise ValidationError(f"Đơn vị “{unit.name}” đã kết thúc hoạt động.")
    if current.valid_from is not None and day <= current.valid_from:
        raise ValidationError(
            f"Ngày hiệu lực phải sau {vn_date(current.valid_from)}, ngày bắt đầu của trạng thái "
            f"hiện tại của “{unit.name}”."
        )
    return current


def check_sibling_name(parent: Unit | None, name: str, exclude: Unit | None = None) -> None:
    siblings = Unit.objects.filter(parent=parent, name=name, valid_to__isnull=True)
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude.pk)
    if siblings.exists():
        raise ValidationError(f"Đã có đơn vị “{name}” đang hoạt động cùng cấp trực thuộc.")


def refresh_search(unit: Unit) -> None:
    aliases = list(unit.aliases.values_list("alias", flat=True))
    parts = [unit.name, unit.short_name, *aliases]
    unit.search_text = " | ".join(fold(p) for p in parts if p)[:1500]
    unit.sort_key = text_sort_key(unit.name)[:1200]


def set_aliases(unit: Unit, aliases: list[str]) -> None:
    wanted = []
    for a in aliases:
        a = clean(a)
        if a and a not in wanted and a != unit.name:
            wanted.append(a)
    unit.aliases.exclude(alias__in=wanted).delete()
    have = set(unit.aliases.values_list("alias", flat=True))
    UnitAlias.objects.bulk_create(
        UnitAlias(unit=unit, alias=a, folded=fold(a)) for a in wanted if a not in have
    )


def _rewrite_prefix(model: type[models.Model], field: str, old: str, new: str) -> None:
    rewritten = Concat(Value(new), Substr(F(field), len(old) + 1), output_field=CharField())
    # A moved unit is a new version: a copy read before the move is stale.
    stamp = {"updated_at": timezone.now()} if model is Unit else {}
    model._default_manager.filter(access.path_q(field, (old,))).update(
        **{field: rewritten}, **stamp
    )


def move_subtree(unit: Unit, new_prefix: str) -> None:
    """Re-file ``unit`` and everything under it in the access tree (one UPDATE per table)."""
    old = unit.path
    if old == new_prefix:
        return
    # Other apps' copies of the path, and their figures kept per ancestor (core.hooks).
    copies = [(Unit, "path"), *(copy() for copy in hooks.PATH_COPIES())]
    for model, field in copies:
        _rewrite_prefix(model, field, old, new_prefix)
    for moved in hooks.SUBTREE_MOVED():
        moved(old, new_prefix)
    unit.path = new_prefix
