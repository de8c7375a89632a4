"""Member imports are complete and never duplicate; broken files and implausible dates are
refused in Vietnamese and change nothing (issue "Integrity", defects 7, 8 and 9)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from tests.members.test_import import GOOD, cells, csv_bytes, row, xlsx_bytes
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.dates import vn_date
from xaydungdang.core.models import ChangeRecord
from xaydungdang.members import services as members
from xaydungdang.members.models import Member
from xaydungdang.members.services.imports import check, members_import
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people

__all__ = ["cells"]
D = dt.date


def _state() -> tuple[int, int]:
    return Member.objects.count(), ChangeRecord.objects.count()


def _rewrite(data: bytes, member: str, content: bytes) -> bytes:
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            z.writestr(info, content if info.filename == member else src.read(info))
    return out.getvalue()


def _many(n: int) -> list[list[str]]:
    return [row(f"Nguyễn Văn Số {i}", "Nam", f"{1 + i % 28:02d}/03/1990") for i in range(n)]


def test_a_wrong_dimension_tag_does_not_cut_the_sheet_short(cells: dict[str, Unit]) -> None:
    data = xlsx_bytes(_many(50))
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    lying = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:O3"', sheet)
    assert lying != sheet
    count = members_import(
        name="ds.xlsx", data=_rewrite(data, "xl/worksheets/sheet1.xml", lying), actor=SYSTEM_CLI
    )
    assert count == 50 == Member.objects.count()


@pytest.mark.parametrize(
    "member",
    ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"],
)
def test_broken_xml_inside_a_valid_xlsx_is_refused_in_vietnamese(
    cells: dict[str, Unit], member: str
) -> None:
    data = _rewrite(xlsx_bytes(GOOD), member, b"<worksheet><sheetData><row><c>")
    before = _state()
    with pytest.raises(ValidationError) as caught:
        members_import(name="hong.xlsx", data=data, actor=SYSTEM_CLI)
    assert "Excel (.xlsx) hợp lệ" in caught.value.messages[0]
    assert _state() == before


@pytest.mark.parametrize("day", ["31/12/9999", "01/01/0001", "01/01/1920"])
def test_an_implausible_admission_date_is_refused_by_the_import(
    cells: dict[str, Unit], day: str
) -> None:
    bad = row("Trần Văn Xa", "Nam", "01/01/1990")
    bad[9] = bad[10] = day
    before = _state()
    with pytest.raises(ValidationError) as caught:
        members_import(name="xa.csv", data=csv_bytes([GOOD[0], bad]), actor=SYSTEM_CLI)
    assert caught.value.messages[0].startswith("Dòng 3: ngày quyết định kết nạp")
    assert "không hợp lệ: không được" in caught.value.messages[0]
    assert _state() == before


def test_an_implausible_admission_date_is_refused_by_the_service(cells: dict[str, Unit]) -> None:
    person = people.person_create(
        full_name="Phạm Văn Xa", managing_unit=cells["cb-a"], actor=SYSTEM_CLI
    )
    before = _state()
    with pytest.raises(ValidationError) as caught:
        members.member_admit(
            person=person,
            cell=cells["cb-a"],
            sheet=members.Sheet(birth_date=D(1990, 1, 1)),
            decision_date=D(9999, 12, 31),
            ceremony_date=D(9999, 12, 31),
            actor=SYSTEM_CLI,
        )
    assert "Ngày quyết định kết nạp 31/12/9999" in " ".join(caught.value.messages)
    assert _state() == before


def test_importing_the_same_file_twice_is_refused_and_update_skips_the_known(
    cells: dict[str, Unit],
) -> None:
    data = csv_bytes(GOOD)
    assert members_import(name="ds.csv", data=data, actor=SYSTEM_CLI) == 2
    before = _state()
    with pytest.raises(ValidationError) as caught:
        members_import(name="ds-lan-2.csv", data=data, actor=SYSTEM_CLI)
    assert "trùng với tệp “ds.csv” đã nhập" in caught.value.messages[0]
    assert check("ds-lan-2.csv", data, None) == caught.value.messages
    assert _state() == before
    reports: list[str] = []
    count = members_import(
        name="ds.csv",
        data=data,
        actor=SYSTEM_CLI,
        update=True,
        progress=lambda _p, m: reports.append(m),
    )
    assert count == 0 and _state() == before
    assert (
        "Bỏ qua 2 dòng đã có" in reports[-1]
        and "Dòng 2: đã có đảng viên Nguyễn Thị Hoa" in (reports[-1])
    )


def test_a_member_on_file_is_reported_by_row_in_another_file(cells: dict[str, Unit]) -> None:
    members_import(name="ds.csv", data=csv_bytes(GOOD), actor=SYSTEM_CLI)
    same_card = row("Tên Khác Hẳn", "Nữ", "01/01/1991", card="12345678")
    same_card[11] = "15/08/2021"
    same_person = list(GOOD[1])
    new = row("Đinh Văn Mới", "Nam", "01/01/1992")
    before = _state()
    with pytest.raises(ValidationError) as caught:
        members_import(
            name="ds2.csv", data=csv_bytes([new, same_card, same_person]), actor=SYSTEM_CLI
        )
    messages = caught.value.messages
    assert messages[0].startswith("Dòng 3: đã có đảng viên Nguyễn Thị Hoa (hồ sơ số")
    assert "số thẻ 12345678" in messages[0]
    assert messages[1].startswith("Dòng 4: đã có đảng viên Lò Văn Pấng")
    assert _state() == before
    assert (
        members_import(
            name="ds2.csv",
            data=csv_bytes([new, same_card, same_person]),
            actor=SYSTEM_CLI,
            update=True,
        )
        == 1
    )
    assert Member.objects.count() == 3


def test_card_numbers_are_unique(cells: dict[str, Unit]) -> None:
    members_import(name="ds.csv", data=csv_bytes(GOOD), actor=SYSTEM_CLI)
    hoa = Member.objects.get(card_number="12345678")
    other = Member.objects.exclude(pk=hoa.pk).get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.filter(pk=other.pk).update(card_number="12345678")
    Member.objects.filter(pk=other.pk).update(card_number="")  # blank cards may repeat
    assert Member.objects.filter(card_number="").count() == 1


def test_duplicate_cards_inside_one_file_are_refused(cells: dict[str, Unit]) -> None:
    twice = [row(f"Người Số {i}", "Nam", "01/01/1990", card="87654321") for i in range(2)]
    for r in twice:
        r[11] = "03/01/2021"
    before = _state()
    with pytest.raises(ValidationError) as caught:
        members_import(name="trung.csv", data=csv_bytes(twice), actor=SYSTEM_CLI)
    assert "số thẻ đảng viên trùng nhau" in caught.value.messages[0]
    assert _state() == before


def test_the_import_page_offers_the_update(cells: dict[str, Unit], client: Client) -> None:
    admin = get_user_model().objects.create_superuser("qt", password="pw-123456789")
    client.force_login(admin)
    url = reverse("members:import", args=[cells["province"].pk])
    data = csv_bytes(GOOD)
    first = client.post(url, {"upload": SimpleUploadedFile("ds.csv", data)})
    assert first.status_code == 302 and Member.objects.count() == 2
    again = client.post(url, {"upload": SimpleUploadedFile("ds.csv", data)})
    assert again.status_code == 200 and "đã nhập" in again.content.decode()
    updated = client.post(url, {"upload": SimpleUploadedFile("ds.csv", data), "update": "on"})
    assert updated.status_code == 302 and Member.objects.count() == 2


@pytest.mark.parametrize("day", [D(9999, 12, 31), D(1, 1, 1), D(1925, 1, 1)])
def test_an_implausible_step_date_is_refused_and_changes_nothing(
    cells: dict[str, Unit], day: dt.date
) -> None:
    members_import(name="ds.csv", data=csv_bytes(GOOD), actor=SYSTEM_CLI)
    member = Member.objects.order_by("pk").first()
    assert member is not None
    target = next(
        c for c in cells.values() if c.pk != member.cell_id and c.kind == member.cell.kind
    )
    before = (_state(), member.cell_id, member.events.count())
    with pytest.raises(ValidationError) as caught:
        members.member_transfer(member=member, to_cell=target, day=day, actor=SYSTEM_CLI)
    # Before the cell existed, or past the registry's bound for the future.
    assert re.search(r"không hợp lệ|chưa hoạt động vào ngày", caught.value.messages[0])
    assert vn_date(day) in caught.value.messages[0] and len(vn_date(day)) == 10
    member.refresh_from_db()
    assert (_state(), member.cell_id, member.events.count()) == before
