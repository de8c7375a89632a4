"""Importing members from CSV and XLSX: all or nothing, row-numbered Vietnamese errors, counts
updated, scope respected."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.members.models import Member
from xaydungdang.members.services.imports import COLUMNS, members_import
from xaydungdang.members.structure import tallies as aggregates
from xaydungdang.members.structure.report import structure_report
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit

D = dt.date
GOOD = [
    ["Nguyễn Thị Hoa", "Nữ", "02/04/1995", "Kinh", "Không", "Nam Định", "12/12", "Đại học",
     "Trung cấp", "01/08/2020", "15/08/2020", "15/08/2021", "12345678", "123456HN", "cb-a"],
    ["Lò Văn Pấng", "Nam", "1990-05-01", "Thái", "", "Điện Biên", "9/12", "", "Sơ cấp",
     "03/02/2024", "10/02/2024", "", "", "", "cb-b"],
]  # fmt: skip


@pytest.fixture
def cells(make_unit: Callable[..., Unit]) -> dict[str, Unit]:
    province = make_unit("Tỉnh ủy Nhập", code="tu-n", valid_from=D(1950, 1, 1))
    out = {"province": province}
    for code in ("cb-a", "cb-b"):
        out[code] = org.unit_create(
            spec=org.UnitSpec(
                name=f"Chi bộ {code}", kind="grassroots_cell", parent=province, code=code
            ),
            valid_from=D(1950, 1, 1),
            actor=SYSTEM_CLI,
        )
    return out


def row(name: str, gender: str, born: str, cell: str = "cb-a", card: str = "") -> list[str]:
    dates = ["01/01/2020", "02/01/2020", ""]
    return [name, gender, born, "Kinh", "", "", "", "", "", *dates, card, "", cell]


def csv_bytes(rows: list[list[str]], header: list[str] = COLUMNS) -> bytes:
    lines = [",".join(header)] + [",".join(f'"{c}"' for c in r) for r in rows]
    return ("\ufeff" + "\n".join(lines)).encode()


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_good_csv_creates_every_member_and_the_counts(cells: dict[str, Unit]) -> None:
    steps: list[int] = []
    count = members_import(
        name="dang-vien.csv",
        data=csv_bytes(GOOD),
        actor=SYSTEM_CLI,
        progress=lambda p, _m: steps.append(p),
    )
    assert count == 2 and steps[-1] == 100
    hoa = Member.objects.get(person__full_name="Nguyễn Thị Hoa")
    assert (hoa.membership_type, hoa.full_date, hoa.education) == (
        "full",
        D(2021, 8, 15),
        "university",
    )
    pang = Member.objects.get(person__full_name="Lò Văn Pấng")
    assert (pang.ethnicity, pang.membership_type, pang.theory_level) == (
        "03",
        "probationary",
        "elementary",
    )
    report = structure_report(None, cells["province"])
    assert report["total"] == 2 and report["breakdowns"]["gender"] == {"Nam": 1, "Nữ": 1}
    assert +aggregates.recount() == aggregates.stored()
    assert ChangeRecord.objects.filter(object_type="members.member", action="create").count() == 2
    assert hoa.events.get().kind == "admission"


def test_an_xlsx_with_errors_writes_nothing_and_numbers_every_error(cells: dict[str, Unit]) -> None:
    bad = [
        GOOD[0],
        row("", "Nam", "01/01/1990"),
        row("Trần Văn Bé", "Nam", "01/01/2010"),
        row("Lê Văn C", "Nam", "01/01/1990", cell="khong-co"),
        row("Lê Văn D", "Không rõ", "01/01/1990"),
        row("Lê Văn E", "Nam", "01/01/1990", card="99"),
    ]
    before = (Member.objects.count(), ChangeRecord.objects.count())
    with pytest.raises(ValidationError) as caught:
        members_import(name="loi.xlsx", data=xlsx_bytes(bad), actor=SYSTEM_CLI)
    messages = caught.value.messages
    assert messages[0] == "Dòng 3: thiếu họ và tên."
    assert messages[1] == "Dòng 4: chưa đủ 18 tuổi vào ngày quyết định kết nạp."
    assert "Dòng 5: không tìm thấy chi bộ “khong-co”" in messages[2]
    assert messages[3] == "Dòng 6: giới tính “Không rõ” phải là Nam hoặc Nữ."
    assert messages[4].startswith("Dòng 7: Số thẻ đảng viên “99” không đúng mẫu")
    assert (Member.objects.count(), ChangeRecord.objects.count()) == before


def test_header_kind_and_scope(
    cells: dict[str, Unit], scoped_user: Callable[..., Any], make_unit: Callable[..., Unit]
) -> None:
    with pytest.raises(ValidationError, match="Dòng 1: tiêu đề cột"):
        members_import(name="x.csv", data=csv_bytes(GOOD, header=COLUMNS[::-1]), actor=SYSTEM_CLI)
    with pytest.raises(ValidationError, match=r"\.csv hoặc \.xlsx"):
        members_import(name="x.pdf", data=b"%PDF", actor=SYSTEM_CLI)
    with pytest.raises(ValidationError, match="UTF-8"):
        members_import(name="x.csv", data=",".join(COLUMNS).encode("utf-16"), actor=SYSTEM_CLI)
    outsider = scoped_user("ngoai", make_unit("Tỉnh ủy Khác", code="tu-x"))
    with pytest.raises(ValidationError, match="trong phạm vi được phân quyền"):
        members_import(name="x.csv", data=csv_bytes(GOOD), actor=outsider)
    assert not Member.objects.exists()
