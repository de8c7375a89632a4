"""Member pages: list with filters and Vietnamese order, profile and timeline, the lifecycle
forms, the report page with its Excel export; and their scoping."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.members.models import Member
from xaydungdang.members.services import lifecycle as services
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people

D = dt.date


@pytest.fixture
def hcm_members(demo: dict[str, Unit]) -> list[Member]:
    cell = org.unit_create(
        spec=org.UnitSpec(
            name="Chi bộ Khu phố 1",
            kind="grassroots_cell",
            parent=demo["du-p-saigon"],
            code="cb-kp1",
        ),
        valid_from=D(2025, 7, 1),
        actor=SYSTEM_CLI,
    )
    made = []
    for name, gender in (
        ("Trần Thị Ánh", "female"),
        ("Lê Văn Bình", "male"),
        ("Đỗ Văn An", "male"),
    ):
        person = people.person_create(
            full_name=name, gender=gender, managing_unit=cell, actor=SYSTEM_CLI
        )
        made.append(
            services.member_admit(
                person=person,
                cell=cell,
                sheet=services.Sheet(birth_date=D(1990, 1, 1)),
                decision_date=D(2025, 8, 1),
                ceremony_date=D(2025, 8, 15),
                actor=SYSTEM_CLI,
            )
        )
    return made


def test_list_sorts_by_given_name_and_searches_without_diacritics(
    client_for: Callable[[str], Client], hcm_members: list[Member], demo: dict[str, Unit]
) -> None:
    client = client_for("hcm")
    page = client.get(f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/").content.decode()
    order = [page.index(n) for n in ("Đỗ Văn An", "Trần Thị Ánh", "Lê Văn Bình")]
    assert order == sorted(order)  # An, Ánh, Bình: by given name, the Vietnamese way
    found = client.get(f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/?q=do van an").content.decode()
    assert "Đỗ Văn An" in found and "Lê Văn Bình" not in found
    assert client_for("hanoi").get(f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/").status_code == 404
    unit_page = client.get(f"/don-vi/{demo['tu-hcm'].pk}/").content.decode()
    assert "<strong>3</strong> đảng viên trong danh sách" in unit_page


def test_recognize_on_the_page_and_the_report_changes(
    client_for: Callable[[str], Client], hcm_members: list[Member], demo: dict[str, Unit]
) -> None:
    client = client_for("hcm")
    member = hcm_members[0]
    report_url = f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/co-cau/"
    assert "Dự bị</td>" in client.get(report_url).content.decode()
    bad = client.post(f"/dang-vien/{member.pk}/chinh-thuc/", {"day": "01/01/2026", "decision": ""})
    assert "Chưa hết thời gian dự bị" in bad.content.decode()
    response = client.post(
        f"/dang-vien/{member.pk}/chinh-thuc/", {"day": "20/08/2026", "decision": "15-QĐ/ĐU"}
    )
    assert response.status_code == 302
    profile = client.get(f"/dang-vien/{member.pk}/").content.decode()
    assert "Chính thức từ 15/08/2026" in profile and "Công nhận đảng viên chính thức" in profile
    report = client.get(report_url).content.decode()
    assert "Chính thức</td>" in report
    assert f"ngày {timezone.localdate():%d/%m/%Y}</p>" in report
    export = client.get(report_url + "?xuat=xlsx")
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("BÁO CÁO SỐ LƯỢNG, CƠ CẤU ĐẢNG VIÊN")
    assert rows[3][:4] == ("TT", "Đơn vị", "Tổng số đảng viên", "Giới tính")
    probationary = rows[4].index("Dự bị")
    assert rows[5][2] == 3 and rows[5][probationary] == 2  # the unit's whole subtree
    assert sum(r[2] for r in rows[6:-1]) == 3  # the units directly under it
    assert rows[-1][1] == "Tỉ lệ so với tổng số (%)" and rows[-1][probationary] == 66.7
    past = client.get(report_url + "?ngay=01/06/2024").content.decode()
    assert "Chưa có số liệu chốt ngày 31/12/2023" in past
    assert "Ngày không hợp lệ" in client.get(report_url + "?ngay=99/99/2024").content.decode()
    assert client_for("hanoi").get(f"/dang-vien/{member.pk}/chinh-thuc/").status_code == 404


def test_transfer_and_leave_forms(
    client_for: Callable[[str], Client], hcm_members: list[Member], demo: dict[str, Unit]
) -> None:
    client = client_for("hcm")
    member = hcm_members[1]
    page = client.post(
        f"/dang-vien/{member.pk}/chuyen-sinh-hoat/", {"to_cell": "tu-hn", "day": "01/09/2025"}
    ).content.decode()
    assert "trong phạm vi được phân quyền" in page
    response = client.post(
        f"/dang-vien/{member.pk}/ra-khoi-danh-sach/",
        {"kind": "death", "day": "01/10/2025", "decision": ""},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.standing == "deceased"
    listed = client.get(f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/").content.decode()
    assert member.person.full_name not in listed


def test_import_page_checks_rows_then_runs_a_job(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from xaydungdang.members.services.imports import COLUMNS

    org.unit_create(
        spec=org.UnitSpec(
            name="Chi bộ Khu phố 2", kind="grassroots_cell", parent=demo["du-p-saigon"], code="kp2"
        ),
        valid_from=D(2025, 7, 1),
        actor=SYSTEM_CLI,
    )
    client = client_for("hcm")
    url = f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/nhap/"
    header = ",".join(COLUMNS)
    good = "Mai Văn Tú,Nam,01/01/1980,Kinh,,,12/12,,,01/08/2025,15/08/2025,,,,kp2"
    bad = "Mai Văn Tí,Nam,01/01/1980,Kinh,,,12/12,,,01/08/2025,15/08/2025,,,,tu-hn"
    ward = "Mai Văn Tô,Nam,01/01/1980,Kinh,,,12/12,,,01/08/2025,15/08/2025,,,,du-p-saigon"
    upload = SimpleUploadedFile("a.csv", "\n".join([header, good, bad, ward]).encode())
    page = client.post(url, {"upload": upload}).content.decode()
    assert "Dòng 3: không tìm thấy chi bộ “tu-hn” trong phạm vi được phân quyền." in page
    assert "Dòng 4: “Đảng ủy phường Sài Gòn” (du-p-saigon) không phải chi bộ." in page
    assert not Member.objects.exists()
    upload = SimpleUploadedFile("a.csv", "\n".join([header, good]).encode())
    response = client.post(url, {"upload": upload})
    assert response.status_code == 302 and "/cong-viec/" in response["Location"]
    job_page = client.get(response["Location"]).content.decode()
    assert "Đã nhập 1 đảng viên." in job_page
    assert Member.objects.get().person.full_name == "Mai Văn Tú"
