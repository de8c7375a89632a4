"""Import of members from a CSV or XLSX file: every row checked first, errors with their row
numbers in Vietnamese, then all rows written in one transaction with the counts, or none.

The file's columns (header row, in this order; the names are matched without diacritics):
Họ và tên | Giới tính | Ngày sinh | Dân tộc | Tôn giáo | Quê quán | Giáo dục phổ thông |
Chuyên môn | Lý luận chính trị | Ngày quyết định kết nạp | Ngày lễ kết nạp | Ngày chính thức |
Số thẻ | Số lý lịch | Chi bộ (mã hoặc số hiệu đơn vị).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import load_workbook

from xaydungdang.core import access, audit, rules
from xaydungdang.core.dates import parse_vn_date
from xaydungdang.core.text import clean, fold, name_sort_key
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person

from . import aggregates
from .choices import ETHNICITY_CHOICES, RELIGIONS, Education, EventKind, TheoryLevel
from .models import Member, MemberEvent
from .services import Sheet, add_months
from .validation import check_numbers, check_sheet

COLUMNS = [
    "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Tôn giáo", "Quê quán",
    "Giáo dục phổ thông", "Chuyên môn", "Lý luận chính trị", "Ngày quyết định kết nạp",
    "Ngày lễ kết nạp", "Ngày chính thức", "Số thẻ", "Số lý lịch", "Chi bộ",
]  # fmt: skip
GENDERS = {"nam": "male", "nu": "female"}
Progress = Callable[[int, str], None]


def _by_label(choices: list[tuple[str, str]]) -> dict[str, str]:
    return {fold(label): value for value, label in choices} | {v: v for v, _ in choices}


ETHNICITY = _by_label(ETHNICITY_CHOICES)
RELIGION = _by_label(RELIGIONS)
EDUCATION = _by_label(list(Education.choices))
THEORY = _by_label(list(TheoryLevel.choices))


@dataclasses.dataclass
class Row:
    line: int
    name: str
    gender: str
    sheet: Sheet
    decision: dt.date
    ceremony: dt.date
    full: dt.date | None
    cell: Unit


def read_table(name: str, data: bytes) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells as text) of a .csv (UTF-8) or .xlsx file; row 1 is the header."""
    if name.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("Tệp CSV phải mã hóa UTF-8.") from None
        for i, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
            yield i, [c.strip() for c in cells]
        return
    if not name.lower().endswith(".xlsx"):
        raise ValidationError("Chỉ nhận tệp .csv hoặc .xlsx.")
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError):
        raise ValidationError("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.") from None
    for i, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield i, [_text(v) for v in values]


def _text(value: Any) -> str:
    if isinstance(value, dt.date):  # a datetime too
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value).strip()


def _date(text: str, what: str, required: bool = True) -> dt.date | None:
    if not text:
        if required:
            raise ValueError(f"thiếu {what}")
        return None
    try:
        return parse_vn_date(text)
    except ValueError:
        raise ValueError(f"{what} “{text}” không hợp lệ (dd/mm/yyyy)") from None


def _choice(table: dict[str, str], text: str, what: str, default: str) -> str:
    if not text:
        return default
    value = table.get(text) or table.get(fold(text))
    if value is None:
        raise ValueError(f"{what} “{text}” không có trong danh mục")
    return value


class Cells:
    """Cells of the member file by code or id, among the units the user may change; and the
    admission rules in force, read once for the whole file."""

    def __init__(self, user: Any) -> None:
        self.user, self.cache = user, dict[str, Unit | None]()
        self.min_age = rules.resolver("members.admission_min_age_months")
        self.probation = rules.resolver("members.probation_months")

    def find(self, text: str) -> Unit:
        if text not in self.cache:
            units = (
                Unit.objects.all()
                if self.user is None
                else Unit.objects.restrict(self.user, access.CHANGE)
            )
            self.cache[text] = units.filter(code=text).first() or (
                units.filter(pk=int(text)).first() if text.isdigit() else None
            )
        found = self.cache[text]
        if found is None:
            raise ValueError(f"không tìm thấy chi bộ “{text}” trong phạm vi được phân quyền")
        return found


def parse_row(line: int, cells: list[str], lookup: Cells) -> Row:
    c = (cells + [""] * len(COLUMNS))[: len(COLUMNS)]
    name = clean(c[0])
    if not name:
        raise ValueError("thiếu họ và tên")
    gender = GENDERS.get(fold(c[1]))
    if gender is None:
        raise ValueError(f"giới tính “{c[1]}” phải là Nam hoặc Nữ")
    sheet = Sheet(
        birth_date=_date(c[2], "ngày sinh"),  # type: ignore[arg-type]
        ethnicity=_choice(ETHNICITY, c[3], "dân tộc", "01"),
        religion=_choice(RELIGION, c[4], "tôn giáo", "none"),
        hometown=clean(c[5]),
        general_education=c[6] or "12/12",
        education=_choice(EDUCATION, c[7], "trình độ chuyên môn", "none"),
        theory_level=_choice(THEORY, c[8], "lý luận chính trị", "none"),
        card_number=c[12],
        dossier_number=c[13],
    )
    try:
        check_sheet(sheet)
    except ValidationError as exc:
        raise ValueError("; ".join(exc.messages).rstrip(".")) from None
    decision = _date(c[9], "ngày quyết định kết nạp")
    ceremony = _date(c[10], "ngày lễ kết nạp")
    assert decision is not None and ceremony is not None
    if ceremony < decision:
        raise ValueError("ngày lễ kết nạp trước ngày quyết định kết nạp")
    min_age = int(lookup.min_age(decision).value)
    if add_months(sheet.birth_date, min_age) > decision:
        raise ValueError(f"chưa đủ {min_age // 12} tuổi vào ngày quyết định kết nạp")
    full = _date(c[11], "ngày chính thức", required=False)
    probation = int(lookup.probation(ceremony).value)
    if full is not None and full < add_months(ceremony, probation):
        raise ValueError(f"ngày chính thức sớm hơn {probation} tháng dự bị")
    numbers = SimpleNamespace(
        card_number=sheet.card_number,
        dossier_number=sheet.dossier_number,
        membership_type="full" if full else "probationary",
    )
    try:
        check_numbers(numbers)
    except ValidationError as exc:
        raise ValueError("; ".join(exc.messages).rstrip(".")) from None
    return Row(line, name, gender, sheet, decision, ceremony, full, lookup.find(c[14]))


def read_rows(name: str, data: bytes, user: Any) -> tuple[list[Row], list[str]]:
    """Every row parsed, and every error with its row number."""
    table = list(read_table(name, data))
    header = table[0][1] if table else []
    if [fold(h) for h in header[: len(COLUMNS)]] != [fold(h) for h in COLUMNS]:
        return [], ["Dòng 1: tiêu đề cột phải là: " + " | ".join(COLUMNS) + "."]
    rows, errors, lookup = [], [], Cells(user)
    for line, cells in table[1:]:
        if not any(cells):
            continue
        try:
            rows.append(parse_row(line, cells, lookup))
        except ValueError as exc:
            errors.append(f"Dòng {line}: {exc}.")
    if not rows and not errors:
        errors.append("Tệp không có dòng đảng viên nào.")
    return rows, errors


def _member(row: Row, person: Person) -> Member:
    member = Member(
        person=person,
        cell=row.cell,
        cell_path=row.cell.path,
        sort_key=person.sort_key,
        folded_name=person.folded_name,
        admission_decision_date=row.decision,
        admission_ceremony_date=row.ceremony,
        first_admission_decision_date=row.decision,
        full_date=row.full,
        membership_type="full" if row.full else "probationary",
        **dataclasses.asdict(row.sheet),
    )
    check_numbers(member)
    return member


def common_path(paths: list[str]) -> str:
    """The deepest tree node above all ``paths`` (whole segments)."""
    first = min(paths)
    last = max(paths)
    size = 0
    while size < len(first) and first[: size + 6] == last[: size + 6]:
        size += 6
    return first[:size]


def members_import(
    *, name: str, data: bytes, acting_user: Any, progress: Progress | None = None
) -> int:
    """Create every member of the file, or none; the counts are updated in the same
    transaction. Returns how many members were created."""
    report = progress or (lambda _p, _m: None)
    rows, errors = read_rows(name, data, acting_user)
    if errors:
        raise ValidationError(
            errors[:200] + ([f"… và {len(errors) - 200} lỗi khác."] if len(errors) > 200 else [])
        )
    report(20, f"Đã kiểm tra {len(rows)} dòng.")
    with transaction.atomic():
        persons = Person.objects.bulk_create(
            Person(
                full_name=r.name,
                folded_name=fold(r.name),
                sort_key=name_sort_key(r.name)[:1000],
                gender=r.gender,
                birth_year=r.sheet.birth_date.year,
                managing_unit=r.cell,
            )
            for r in rows
        )
        members = []
        for r, p in zip(rows, persons, strict=True):
            try:
                members.append(_member(r, p))
            except ValidationError as exc:
                raise ValidationError(f"Dòng {r.line}: {'; '.join(exc.messages)}") from None
        members = Member.objects.bulk_create(members, batch_size=2000)
        report(60, f"Đã ghi {len(members)} đảng viên.")
        MemberEvent.objects.bulk_create(
            (MemberEvent(member=m, kind=EventKind.ADMISSION, day=m.admission_decision_date,
                         to_unit_id=m.cell_id, note=f"Nhập từ tệp {name}") for m in members),
            batch_size=2000,
        )  # fmt: skip
        counts = aggregates.member_rows(
            {**{f: getattr(m, f) for f in aggregates.ROW_FIELDS}, "gender": p.gender}
            for m, p in zip(members, persons, strict=True)
        )
        aggregates.apply(dict(counts))
        audit.record_created(
            actor=acting_user,
            objs=list(members),
            after={"import": name},
            scope_path=common_path([m.cell_path for m in members]),
        )
    report(100, f"Đã nhập {len(members)} đảng viên.")
    return len(members)
