"""The structure report as the organization boards' statistical form: a title block, then one
row per unit (the unit itself, then each unit directly under it) and the categories as columns
under two header rows (the group, then the item), counts and the share of the total."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from xaydungdang.core.dates import vn_date
from xaydungdang.members.models import MemberSnapshot
from xaydungdang.members.structure import tallies as aggregates
from xaydungdang.members.structure.report import AGE_BANDS, LABELS, TITLES, _shape, snapshot_year
from xaydungdang.org.models import Unit
from xaydungdang.ui.xlsx import append

# The form's columns: (group title, dimension, values in the form's order).
GROUPS = [
    ("gender", ["female"]),
    ("age", [label for _, _, label in AGE_BANDS]),
    ("ethnicity", ["01"]),
    ("religion", ["none"]),
    ("education", ["vocational", "college", "university", "master", "doctor"]),
    ("theory_level", ["elementary", "intermediate", "advanced", "bachelor"]),
    ("membership_type", ["probationary"]),
    ("activity", ["exempted", "temporary_elsewhere"]),
]
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _label(dimension: str, value: str) -> str:
    if dimension == "ethnicity":
        return "Dân tộc thiểu số"
    if dimension == "religion":
        return "Có tôn giáo"
    return LABELS.get(dimension, {}).get(value, value)


def _cell(shaped: dict[str, dict[str, int]], total: int, dimension: str, value: str) -> int:
    if dimension == "age":
        return shaped["age"].get(value, 0)
    label = LABELS[dimension].get(value, value)
    count = shaped.get(dimension, {}).get(label, 0)
    return total - count if dimension in ("ethnicity", "religion") else count


def _counts(units: list[Unit], as_of: dt.date | None) -> dict[int, Counter[tuple[str, str]]]:
    if as_of is None:
        return {u.pk: aggregates.subtree(u.pk) for u in units}
    frozen = MemberSnapshot.objects.filter(year=snapshot_year(as_of), unit__in=units)
    found = {s.unit_id: aggregates.from_json(s.counts) for s in frozen}
    return {u.pk: found.get(u.pk, Counter()) for u in units}


def form_rows(unit: Unit, as_of: dt.date | None, year: int) -> list[list[Any]]:
    """The unit's row, then one per unit directly under it that is active."""
    children = list(unit.children.filter(valid_to__isnull=True).order_by("sort_key"))
    counts = _counts([unit, *children], as_of)
    rows = []
    for i, current in enumerate([unit, *children]):
        pairs = counts[current.pk]
        total = pairs[("total", "all")]
        shaped = _shape(pairs, year)
        row: list[Any] = ["" if i == 0 else i, current.name, total]
        for dimension, values in GROUPS:
            row += [_cell(shaped, total, dimension, v) for v in values]
        rows.append(row)
    return rows


def form_xlsx(report: dict[str, Any], unit: Unit, as_of: dt.date | None) -> bytes:
    day = dt.date.fromisoformat(report["as_of"])
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cơ cấu đảng viên"
    append(sheet, [f"BÁO CÁO SỐ LƯỢNG, CƠ CẤU ĐẢNG VIÊN: {unit.name.upper()}"])
    append(sheet, [f"Tính đến ngày {vn_date(day)} ({report['source']})"])
    append(sheet, [])
    groups = ["TT", "Đơn vị", "Tổng số đảng viên"]
    items = ["", "", ""]
    for dimension, values in GROUPS:
        groups += [TITLES[dimension]] + [""] * (len(values) - 1)
        items += [_label(dimension, v) for v in values]
    append(sheet, groups)
    append(sheet, items)
    column = 4
    for _dimension, values in GROUPS:
        if len(values) > 1:
            sheet.merge_cells(start_row=4, start_column=column, end_row=4,
                              end_column=column + len(values) - 1)  # fmt: skip
        column += len(values)
    rows = form_rows(unit, as_of, day.year)
    for row in rows:
        append(sheet, row)
    total = rows[0][2] or 1
    append(sheet, ["", "Tỉ lệ so với tổng số (%)", 100.0,
                  *[round(100 * v / total, 1) for v in rows[0][3:]]])  # fmt: skip
    _style(sheet, len(groups), 4 + len(rows) + 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _style(sheet: Any, width: int, last_row: int) -> None:
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"].font = Font(italic=True)
    for row in sheet.iter_rows(min_row=4, max_row=last_row, max_col=width):
        for cell in row:
            cell.border = BOX
            if cell.row <= 5:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in sheet.iter_rows(min_row=6, max_row=6, max_col=width):
        for cell in row:
            cell.font = Font(bold=True)  # the unit's own row: its whole subtree
    sheet.column_dimensions["A"].width = 5
    sheet.column_dimensions["B"].width = 48
    for i in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(i)].width = 12
    sheet.row_dimensions[5].height = 45
    sheet.freeze_panes = "C6"
