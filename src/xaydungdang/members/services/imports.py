"""Import of members from a CSV or XLSX file: every row checked first, errors with their row
numbers in Vietnamese, all rows written in one transaction with the counts, or none. Files are
read as a stream and written in chunks (``bulk.Writer``), so millions of rows fit.

The file's columns (header row, in this order; the names are matched without diacritics):
Họ và tên | Giới tính | Ngày sinh | Dân tộc | Tôn giáo | Quê quán | Giáo dục phổ thông |
Chuyên môn | Lý luận chính trị | Ngày quyết định kết nạp | Ngày lễ kết nạp | Ngày chính thức |
Số thẻ | Số lý lịch | Chi bộ (mã hoặc số hiệu đơn vị).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from xaydungdang.core import access, plausible, rules
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import parse_vn_date, vn_date
from xaydungdang.core.text import clean, fold
from xaydungdang.members.choices import (
    ETHNICITY_CHOICES,
    RELIGIONS,
    Education,
    TheoryLevel,
)
from xaydungdang.members.models import Member, MemberImport
from xaydungdang.members.services import admission, bulk
from xaydungdang.members.services.admission import add_months
from xaydungdang.members.validation import general_education_ok, number_problem
from xaydungdang.org.models import Unit
from xaydungdang.ui.params import parse_id
from xaydungdang.ui.xlsx import sheet_rows

COLUMNS = [
    "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Tôn giáo", "Quê quán",
    "Giáo dục phổ thông", "Chuyên môn", "Lý luận chính trị", "Ngày quyết định kết nạp",
    "Ngày lễ kết nạp", "Ngày chính thức", "Số thẻ", "Số lý lịch", "Chi bộ",
]  # fmt: skip
GENDERS = {"nam": "male", "nu": "female", "Nam": "male", "Nữ": "female"}
Progress = Callable[[int, str], None]
CHUNK = 20000


def _by_label(choices: list[tuple[str, str]]) -> dict[str, str]:
    by_label = {label: value for value, label in choices}
    return {fold(label): value for value, label in choices} | by_label | {v: v for v, _ in choices}


ETHNICITY = _by_label(ETHNICITY_CHOICES)
RELIGION = _by_label(RELIGIONS)
EDUCATION = _by_label(list(Education.choices))
THEORY = _by_label(list(TheoryLevel.choices))


class Cell(NamedTuple):
    """What a row needs of its cell (read as plain values: a national file names 250,000)."""

    pk: int
    path: str
    name: str
    kind: str
    valid_to: dt.date | None
    valid_from: dt.date | None = None


class Row(NamedTuple):
    """One checked row of a member file, as the bulk writer takes it."""

    line: int
    name: str
    gender: str
    birth: dt.date
    ethnicity: str
    religion: str
    hometown: str
    general_education: str
    education: str
    theory_level: str
    decision: dt.date
    ceremony: dt.date
    full: dt.date | None
    card_number: str
    dossier_number: str
    cell: Cell


Source = bytes | Path


def read_table(name: str, source: Source) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells as text) of a .csv (UTF-8) or .xlsx file, read as a stream; row 1 is
    the header. ``source`` is the file's content or its path."""
    if name.lower().endswith(".csv"):
        yield from _csv(source)
        return
    if not name.lower().endswith(".xlsx"):
        raise ValidationError("Chỉ nhận tệp .csv hoặc .xlsx.")
    for i, values in enumerate(sheet_rows(source), start=1):
        yield i, [_text(v) for v in values]


def _csv(source: Source) -> Iterator[tuple[int, list[str]]]:
    raw = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
        line = 0
        try:
            for line, cells in enumerate(csv.reader(text), start=1):
                yield line, [c.strip() for c in cells]
        except UnicodeDecodeError:
            raise ValidationError(f"Tệp CSV phải mã hóa UTF-8 (lỗi sau dòng {line}).") from None
        except csv.Error as exc:
            raise ValidationError(
                f"Dòng {line + 1}: tệp CSV không đúng định dạng ({exc})."
            ) from None


def _text(value: Any) -> str:
    if isinstance(value, dt.date):  # a datetime too
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value).strip()


def _choice(table: dict[str, str], text: str, what: str, default: str) -> str:
    if not text:
        return default
    value = table.get(text) or table.get(fold(text))
    if value is None:
        raise ValueError(f"{what} “{text}” không có trong danh mục")
    return value


class Parser:
    """Checks rows of a member file. What repeats over millions of rows is read once: the cells
    (by code or id, among the units the user may change), the admission rules in force, the
    dates as written."""

    def __init__(self, user: Any, today: dt.date | None = None) -> None:
        self.user, self.cells = user, dict[str, Cell | None]()
        self.today = today or dt.date.today()
        self.by_id: dict[str, Cell] | None = None  # every unit by id, once ``preload_all`` ran
        self.dates: dict[str, dt.date] = {}
        self.month_rules: dict[tuple[str, dt.date], int] = {}
        self.shifted: dict[tuple[dt.date, int], dt.date] = {}
        self.texts: dict[str, str] = {}
        self.plausible = {k: plausible.checker(k, self.today) for k in ("birth", "admission")}
        self.problems: dict[tuple[dt.date, str], str] = {}
        self.rules = {
            key: functools.cache(rules.resolver(key))
            for key in ("members.admission_min_age_months", "members.probation_months")
        }

    def _units(self) -> Any:
        units: QuerySet[Unit] = Unit.objects.all()
        if self.user is not None:
            units = Unit.objects.restrict(self.user, access.CHANGE)
        return units.values_list("code", "pk", "path", "name", "kind", "valid_to", "valid_from")

    def preload_all(self) -> None:
        """Every unit the user may change, in one read (a national file names most of them)."""
        self.by_id = {}
        for code, *values in self._units().iterator(chunk_size=10000):
            cell = Cell(*values)
            self.by_id[str(cell.pk)] = cell
            if code:
                self.cells[code] = cell

    def preload(self, codes: set[str]) -> None:
        """Find the cells of many rows at once, by code or else by id (a query per 2,000)."""
        unknown = sorted(c for c in codes if c not in self.cells)
        if self.by_id is not None:
            self.cells.update({c: self.by_id.get(c) for c in unknown})
            return
        for i in range(0, len(unknown), 2000):
            part = unknown[i : i + 2000]
            self.cells.update({code: Cell(*v) for code, *v in self._units().filter(code__in=part)})
            by_id = [n for c in part if c not in self.cells and (n := parse_id(c)) is not None]
            self.cells.update({str(v[0]): Cell(*v) for _, *v in self._units().filter(pk__in=by_id)})
            self.cells.update({c: None for c in part if c not in self.cells})

    def cell(self, text: str) -> Cell:
        if text not in self.cells:
            self.preload({text})
        found = self.cells[text]
        if found is None:
            raise ValueError(f"không tìm thấy chi bộ “{text}” trong phạm vi được phân quyền")
        # the members of a file are placed in the cells as they are today
        if errors := admission.cell_errors(found, self.today, text):
            raise ValueError(errors[0])
        return found

    def date(self, text: str, what: str, kind: str = "admission") -> dt.date:
        if not text:
            raise ValueError(f"thiếu {what}")
        day = self.dates.get(text)
        if day is None:
            try:
                day = self.dates[text] = parse_vn_date(text)
            except ValueError:
                raise ValueError(f"{what} “{text}” không hợp lệ (dd/mm/yyyy)") from None
        problem = self.problems.get((day, what))
        if problem is None:
            problem = self.problems[(day, what)] = self.plausible[kind](day, what)
        if problem:
            raise ValueError(problem.rstrip("."))
        return day

    def months(self, key: str, day: dt.date) -> int:
        found = self.month_rules.get((key, day))
        if found is None:
            found = self.month_rules[(key, day)] = int(self.rules[key](day).value)
        return found

    def later(self, day: dt.date, months: int) -> dt.date:
        found = self.shifted.get((day, months))
        if found is None:
            found = self.shifted[(day, months)] = add_months(day, months)
        return found

    def text(self, raw: str) -> str:
        found = self.texts.get(raw)
        if found is None:
            found = self.texts[raw] = clean(raw)
        return found

    def row(self, line: int, cells: list[str]) -> Row:
        c = (cells + [""] * len(COLUMNS))[: len(COLUMNS)]
        name = self.text(c[0])
        if not name:
            raise ValueError("thiếu họ và tên")
        gender = GENDERS.get(c[1]) or GENDERS.get(fold(c[1]))
        if gender is None:
            raise ValueError(f"giới tính “{c[1]}” phải là Nam hoặc Nữ")
        birth = self.date(c[2], "ngày sinh", "birth")
        general = c[6] or "12/12"
        if not general_education_ok(general):
            raise ValueError(f"giáo dục phổ thông “{general}” phải có dạng lớp/hệ, ví dụ 12/12")
        decision = self.date(c[9], "ngày quyết định kết nạp")
        ceremony = self.date(c[10], "ngày lễ kết nạp")
        full = self.date(c[11], "ngày chính thức") if c[11] else None
        errors = admission.date_errors(
            birth=birth,
            decision=decision,
            ceremony=ceremony,
            full=full,
            today=self.today,
            min_age_months=self.months("members.admission_min_age_months", decision),
            probation_months=self.months("members.probation_months", ceremony),
            later=self.later,
        )
        if errors:
            raise ValueError(errors[0])
        problem = number_problem(c[12], c[13], "full" if full else "probationary")
        if problem:
            raise ValueError(problem.rstrip("."))
        return Row(
            line, name, gender, birth,
            _choice(ETHNICITY, c[3], "dân tộc", "01"),
            _choice(RELIGION, c[4], "tôn giáo", "none"),
            self.text(c[5]), general,
            _choice(EDUCATION, c[7], "trình độ chuyên môn", "none"),
            _choice(THEORY, c[8], "lý luận chính trị", "none"),
            decision, ceremony, full, c[12], c[13], self.cell(c[14]),
        )  # fmt: skip


class OnFile:
    """Members already on file, found for a chunk of rows in bulk (a few queries per 2,000
    rows): by card number, or by name, birth date and cell. An empty table is not asked."""

    PART = 2000

    def __init__(self) -> None:
        self.empty = not Member.objects.exists()

    def find(self, chunk: list[Row]) -> dict[int, str]:
        """Row line: the existing member it names, for the rows already on file."""
        if self.empty:
            return {}
        found: dict[int, str] = {}
        fields = ("pk", "person__full_name", "cell__name", "card_number")
        for i in range(0, len(chunk), self.PART):
            part = chunk[i : i + self.PART]
            cards = {r.card_number for r in part if r.card_number}
            # The same condition as the unique index on cards, so the database uses it.
            known = Member.objects.filter(card_number__in=cards).exclude(card_number="")
            by_card = {v[3]: v for v in known.values_list(*fields)}
            # By name and birth date (the name index); the cell is compared here: a filter on
            # the cells would lead the database to read every member of 2,000 cells.
            same = Member.objects.filter(
                folded_name__in={fold(r.name) for r in part},
                birth_date__in={r.birth for r in part},
            ).values_list("folded_name", "birth_date", "cell_id", *fields)
            by_person = {(v[0], v[1], v[2]): v[3:] for v in same}
            for r in part:
                hit = by_card.get(r.card_number) if r.card_number else None
                hit = hit or by_person.get((fold(r.name), r.birth, r.cell.pk))
                if hit:
                    card = f", số thẻ {hit[3]}" if hit[3] else ""
                    found[r.line] = f"đã có đảng viên {hit[1]} (hồ sơ số {hit[0]}, {hit[2]}{card})"
        return found


def check_header(header: list[str]) -> None:
    if [fold(h) for h in header[: len(COLUMNS)]] != [fold(h) for h in COLUMNS]:
        raise ValidationError("Dòng 1: tiêu đề cột phải là: " + " | ".join(COLUMNS) + ".")


def parsed(
    table: Iterable[tuple[int, list[str]]],
    user: Any,
    errors: list[str],
    size: int = CHUNK,
    large: bool = False,
    skipped: list[str] | None = None,
) -> Iterator[list[Row]]:
    """The rows of a table (its header checked) in chunks; a bad row's error is added to
    ``errors`` and the row left out. A ``large`` table reads every unit at the start. A row
    of a member already on file is an error, or, given ``skipped`` (an update), is added there
    and left out."""
    parser, chunk, on_file = Parser(user), list[Row](), OnFile()
    if large:
        parser.preload_all()
    table = iter(table)
    first = next(table, None)
    check_header(first[1] if first else [])
    while block := list(itertools.islice(table, size)):
        parser.preload({cells[14] for _, cells in block if len(cells) > 14})
        for line, cells in block:
            if not any(cells):
                continue
            try:
                chunk.append(parser.row(line, cells))
            except ValueError as exc:
                errors.append(f"Dòng {line}: {exc}.")
        known = on_file.find(chunk)
        if known:
            into = errors if skipped is None else skipped
            tail = "; dòng này không được ghi lại."
            into.extend(f"Dòng {line}: {what}{tail}" for line, what in known.items())
            chunk = [r for r in chunk if r.line not in known]
        yield chunk
        chunk = []


def content_hash(source: Source) -> str:
    digest = hashlib.sha256()
    if isinstance(source, bytes):
        digest.update(source)
    else:
        with source.open("rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()


def check_again(name: str, sha256: str, update: bool) -> None:
    """A file imported before (same content) is refused, unless the user asks for an update."""
    done = MemberImport.objects.filter(sha256=sha256).first()
    if done is not None and not update:
        raise ValidationError(
            f"Tệp “{name}” có nội dung trùng với tệp “{done.name}” đã nhập ngày "
            f"{vn_date(done.created_at.date())} ({done.created:,} đảng viên). Nhập lại sẽ "
            "không tạo trùng hồ sơ: hãy chọn “Cập nhật” để bỏ qua các đảng viên đã có."
        )


def check(name: str, source: Source, user: Any, update: bool = False) -> list[str]:
    """Every error of a file, with its row number (nothing is written)."""
    try:
        check_again(name, content_hash(source), update)
    except ValidationError as exc:
        return exc.messages
    errors: list[str] = []
    skipped: list[str] | None = [] if update else None
    count = sum(len(c) for c in parsed(read_table(name, source), user, errors, skipped=skipped))
    if not count and not errors and not skipped:
        errors.append("Tệp không có dòng đảng viên nào.")
    return errors


def _refuse(errors: list[str]) -> ValidationError:
    shown = errors[:200]
    if len(errors) > 200:
        shown.append(f"… và {len(errors) - 200} lỗi khác.")
    return ValidationError(shown)


def members_import(
    *,
    name: str,
    data: Source,
    actor: Actor,
    progress: Progress | None = None,
    exclusive: bool = False,
    update: bool = False,
) -> int:
    """Create every member of the file, or none (see ``import_table``). The same file twice
    is refused unless ``update``: then the members already on file are skipped and reported."""
    size = data.stat().st_size if isinstance(data, Path) else len(data)
    sha256 = content_hash(data)
    check_again(name, sha256, update)
    return import_table(
        name=name,
        table=read_table(name, data),
        rows_hint=size // 120,  # about 120 bytes a row
        actor=actor,
        progress=progress,
        exclusive=exclusive,
        update=update,
        sha256=sha256,
    )


def import_table(
    *,
    name: str,
    table: Iterable[tuple[int, list[str]]],
    rows_hint: int,
    actor: Actor,
    progress: Progress | None = None,
    is_demo: bool = False,
    exclusive: bool = False,
    update: bool = False,
    sha256: str = "",
) -> int:
    """Create every member of a table, or none: rows are checked and written in chunks in one
    transaction, which is rolled back after the last row if any row had an error (every error is
    reported). The counts are updated in the same transaction. Returns how many were created.
    ``exclusive`` (a first national load, nobody else connected): see ``bulk.exclusive``."""
    report = progress or (lambda _p, _m: None)
    errors: list[str] = []
    skipped: list[str] | None = [] if update else None
    try:
        count = _write(name, table, rows_hint, actor, report, errors, skipped, is_demo,
                       exclusive, sha256)  # fmt: skip
    except IntegrityError:
        raise ValidationError(DUPLICATE_CARDS) from None
    done = f"Đã nhập {count:,} đảng viên."
    if skipped:
        done += f" Bỏ qua {len(skipped):,} dòng đã có trên hệ thống: " + " ".join(skipped[:20])
    report(100, done[:500])
    return count


def _write(name: str, table: Iterable[tuple[int, list[str]]], rows_hint: int, actor: Actor,
           report: Progress, errors: list[str], skipped: list[str] | None, is_demo: bool,
           exclusive: bool, sha256: str) -> int:  # fmt: skip
    large = rows_hint >= bulk.REBUILD_ABOVE
    with bulk.exclusive(exclusive and large), transaction.atomic():
        writer = bulk.Writer(source=name, actor=actor, rows_hint=rows_hint, is_demo=is_demo)
        read = 0
        for chunk in parsed(table, actor, errors, large=large, skipped=skipped):
            read += len(chunk)
            if chunk and not errors:
                writer.add(chunk)
            report(min(90, 5 + 85 * read // max(rows_hint, 1)), f"Đã đọc {read:,} dòng.")
        if errors or not (read or skipped):
            raise _refuse(errors or ["Tệp không có dòng đảng viên nào."])
        report(90, f"Đã ghi {read:,} đảng viên; đang tổng hợp số liệu.")
        count = writer.finish()
        if sha256:
            MemberImport.objects.create(
                sha256=sha256, name=name[:300], created=count, skipped=len(skipped or []),
                actor=str(getattr(actor, "username", "") or actor)[:150],
            )  # fmt: skip
    return count


DUPLICATE_CARDS = (
    "Tệp có số thẻ đảng viên trùng nhau (hoặc trùng với hồ sơ đã có); mỗi số thẻ chỉ "
    "thuộc một đảng viên. Không dòng nào được ghi."
)
