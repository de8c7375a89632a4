"""The audit's before/after snapshots as a reader reads them: each field by its model's
verbose_name, choices by their label, foreign keys by the object's name, dates as dd/mm/yyyy;
internal columns (paths, sort and search keys, flags) left out.

Generic over the model class named by the record (``ChangeRecord.object_type``); snapshots are
keyed by attname (``core.audit.snapshot``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone

from xaydungdang.core.access import VIEW, parse_id
from xaydungdang.core.dates import vn_date
from xaydungdang.core.models import ChangeRecord

EMPTY = "—"
HIDDEN = frozenset(
    {"id", "path", "sort_key", "search_text", "folded", "folded_name", "given_key", "is_demo",
     "lead_path", "cell_path", "scope_path", "created_at", "updated_at", "payload"}
)  # fmt: skip
HIDDEN_SUFFIXES = ("_path", "_key", "_folded")
# Labels of fields whose model gives none (Django's default is the English attribute name).
FALLBACK_LABELS = {
    "unit": "Đơn vị", "parent": "Trực thuộc", "member": "Đảng viên", "task": "Nhiệm vụ",
    "program": "Chương trình", "plan": "Kế hoạch năm", "article": "Bài viết", "event": "Sự kiện",
    "person": "Cá nhân", "rule_set": "Bộ quy tắc áp dụng", "user": "Tài khoản",
    "created_by": "Người tạo", "reported_by": "Người báo cáo", "decided_by": "Người quyết định",
    "finalized_by": "Người hoàn thành", "start": "Từ ngày", "end": "Đến ngày", "reason": "Lý do",
    "role": "Vai trò", "year": "Năm", "from_unit": "Từ đơn vị", "to_unit": "Đến đơn vị",
    "directive": "Văn bản", "decided_at": "Thời điểm quyết định",
    "finalized_at": "Thời điểm hoàn thành", "result_url": "Địa chỉ kết quả",
}  # fmt: skip


@dataclasses.dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


def is_hidden(name: str) -> bool:
    return name in HIDDEN or name.endswith(HIDDEN_SUFFIXES) or name.startswith("folded")


def label_of(field: models.Field[Any, Any]) -> str:
    name = str(field.verbose_name)
    if name == field.name.replace("_", " "):  # the model gave no label
        return FALLBACK_LABELS.get(field.name, name)
    return name[:1].upper() + name[1:]


def model_of(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _fields(model: type[models.Model] | None) -> dict[str, models.Field[Any, Any]]:
    if model is None:
        return {}
    return {f.attname: f for f in model._meta.concrete_fields}


def field_changes(
    record: ChangeRecord, names: dict[tuple[type[models.Model], str], str] | None = None
) -> list[FieldChange]:
    """The visible fields that changed in ``record``, in the model's field order."""
    fields = _fields(model_of(record.object_type))
    order = {attname: i for i, attname in enumerate(fields)}
    rows = sorted(record.changed_fields(), key=lambda r: order.get(r[0], len(order)))
    out = []
    for attname, old, new in rows:
        field = fields.get(attname)
        name = field.name if field is not None else attname
        if is_hidden(name) or is_hidden(attname):
            continue
        label = label_of(field) if field is not None else attname
        before, after = show(field, old, names), show(field, new, names)
        if before != after:  # None and "" read the same
            out.append(FieldChange(label, before, after))
    return out


def show(
    field: models.Field[Any, Any] | None,
    value: Any,
    names: dict[tuple[type[models.Model], str], str] | None = None,
) -> str:
    """One snapshot value as text for a reader."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if field is not None and field.is_relation and field.related_model is not None:
        return (names or {}).get((_target(field), str(value)), f"mã {value}")
    if field is not None and field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField) or isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(field, models.DateTimeField):
        return _datetime(value)
    if isinstance(field, models.DateField):
        return _date(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _date(value: Any) -> str:
    try:
        return vn_date(dt.date.fromisoformat(str(value)[:10]))
    except ValueError:
        return str(value)


def _datetime(value: Any) -> str:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%d/%m/%Y %H:%M")


def _target(field: models.Field[Any, Any]) -> type[models.Model]:
    model = field.related_model
    assert isinstance(model, type)
    return model


def related_names(
    records: Iterable[ChangeRecord], user: Any
) -> dict[tuple[type[models.Model], str], str]:
    """The names of the objects the records' foreign keys point at, one query per related
    model, each read through the scope choke point when the model has one (others are shown
    by their id)."""
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for record in records:
        fields = _fields(model_of(record.object_type))
        for attname, old, new in record.changed_fields():
            field = fields.get(attname)
            if field is None or not field.is_relation or is_hidden(field.name):
                continue
            wanted[_target(field)].update(str(v) for v in (old, new) if v not in (None, ""))
    names: dict[tuple[type[models.Model], str], str] = {}
    for model, ids in wanted.items():
        qs = model._default_manager.all()
        if hasattr(qs, "restrict"):
            qs = qs.restrict(user, VIEW)
        for obj in qs.filter(pk__in=[pk for i in ids if (pk := parse_id(i)) is not None]):
            names[(model, str(obj.pk))] = str(obj)
    return names


def labelled(
    records: list[ChangeRecord], user: Any
) -> list[tuple[ChangeRecord, list[FieldChange]]]:
    """Each record with its changes as a reader reads them."""
    names = related_names(records, user)
    return [(r, field_changes(r, names)) for r in records]
