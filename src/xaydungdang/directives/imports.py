"""Excel import of a task list: all rows are checked first; one bad row and nothing is written.

Columns (first row): STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |
Sản phẩm | Trọng số. Units are given by code, name or another name; several co-units are
separated by ";". Dates are dd/mm/yyyy (or Excel dates).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from xaydungdang.core.access import VIEW
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import parse_vn_date
from xaydungdang.core.text import fold
from xaydungdang.core.uploads import check_upload
from xaydungdang.org.models import Unit, UnitAlias
from xaydungdang.ui.params import parse_id
from xaydungdang.ui.xlsx import sheet_rows

from . import services
from .models import Document

COLUMNS = [
    "STT",
    "Nội dung nhiệm vụ",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời hạn",
    "Sản phẩm",
    "Trọng số",
]
MAX_ROWS = 5000


@dataclasses.dataclass
class TaskRow:
    line: int
    ordinal: int | None
    content: str
    lead: Unit
    co_units: list[Unit]
    deadline: dt.date | None
    output: str
    weight: int


class UnitLookup:
    """Active units visible to the user, by code, folded name or folded alias."""

    def __init__(self, user: Any) -> None:
        units = list(Unit.objects.restrict(user, VIEW).filter(valid_to__isnull=True))
        self.by_key: dict[str, list[Unit]] = {}
        for u in units:
            for key in {u.code or "", fold(u.name), fold(u.short_name)} - {""}:
                self.by_key.setdefault(key, []).append(u)
        ids = {u.pk: u for u in units}
        for alias in UnitAlias.objects.filter(unit_id__in=ids):
            self.by_key.setdefault(alias.folded, []).append(ids[alias.unit_id])

    def find(self, text: str) -> Unit | str | None:
        found = self.by_key.get(text.strip()) or self.by_key.get(fold(text))
        if not found:
            return None
        return found[0] if len({u.pk for u in found}) == 1 else "many"


def _cell(row: tuple[Any, ...], i: int) -> Any:
    value = row[i] if i < len(row) else None
    return value.strip() if isinstance(value, str) else value


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_vn_date(str(value))


def _int(value: Any, default: int | None) -> int | None:
    if value in (None, ""):
        return default
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and parse_id(value) is not None:
        return parse_id(value)
    raise ValueError


def _unit(lookup: UnitLookup, text: str, what: str) -> Unit:
    found = lookup.find(text)
    if found is None:
        raise ValueError(f"không tìm thấy {what} “{text}” trong phạm vi của bạn")
    if found == "many":
        raise ValueError(f"“{text}” khớp nhiều đơn vị; hãy ghi mã đơn vị")
    assert isinstance(found, Unit)
    return found


def _parse_row(line: int, row: tuple[Any, ...], lookup: UnitLookup) -> TaskRow:
    content = str(_cell(row, 1) or "")
    if not content:
        raise ValueError("thiếu nội dung nhiệm vụ")
    lead_text = str(_cell(row, 2) or "")
    if not lead_text:
        raise ValueError("thiếu đơn vị chủ trì")
    lead = _unit(lookup, lead_text, "đơn vị chủ trì")
    co = [
        _unit(lookup, t, "đơn vị phối hợp")
        for t in str(_cell(row, 3) or "").split(";")
        if t.strip()
    ]
    try:
        deadline = _date(_cell(row, 4))
    except ValueError:
        raise ValueError(f"thời hạn “{_cell(row, 4)}” không hợp lệ (dd/mm/yyyy)") from None
    try:
        ordinal, weight = _int(_cell(row, 0), None), _int(_cell(row, 6), 1)
    except ValueError:
        raise ValueError("STT và trọng số phải là số nguyên") from None
    if weight is None or weight < 1:
        raise ValueError("trọng số phải là số nguyên dương")
    return TaskRow(line, ordinal, content, lead, co, deadline, str(_cell(row, 5) or ""), weight)


def read_rows(file: IO[bytes], user: Any) -> tuple[list[TaskRow], list[str]]:
    """Every row parsed, and every error with its row number (row 1 is the header)."""
    try:
        lines = list(sheet_rows(file))
    except ValidationError as exc:
        return [], exc.messages
    header = [str(c or "").strip() for c in (lines[0] if lines else ())]
    if [fold(h) for h in header[: len(COLUMNS)]] != [fold(c) for c in COLUMNS]:
        return [], ["Dòng 1: tiêu đề cột phải là: " + " | ".join(COLUMNS) + "."]
    body = [(i, r) for i, r in enumerate(lines[1:], start=2) if any(c not in (None, "") for c in r)]
    if not body:
        return [], ["Tệp không có dòng nhiệm vụ nào."]
    if len(body) > MAX_ROWS:
        return [], [f"Tệp có {len(body)} dòng; mỗi lần nhập tối đa {MAX_ROWS} dòng."]
    lookup, rows, errors = UnitLookup(user), [], []
    for line, row in body:
        try:
            rows.append(_parse_row(line, row, lookup))
        except ValueError as exc:
            errors.append(f"Dòng {line}: {exc}.")
    return rows, errors


def import_tasks(*, document: Document, file: IO[bytes], actor: Actor) -> int:
    """Create every task of the sheet, or none: errors carry their row numbers."""
    check_upload(file, "tasks")
    rows, errors = read_rows(file, actor)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for row in rows:
            try:
                services.task_create(
                    document=document,
                    content=row.content,
                    lead_unit=row.lead,
                    coordinating_units=row.co_units,
                    deadline=row.deadline,
                    expected_output=row.output,
                    weight=row.weight,
                    ordinal=row.ordinal,
                    actor=actor,
                )
            except ValidationError as exc:
                raise ValidationError([f"Dòng {row.line}: {m}" for m in exc.messages]) from None
    return len(rows)
