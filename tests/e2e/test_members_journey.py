"""Members in a real browser: import a small file, open a member from the unit's list,
recognize them as full, and see the structure report change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.demo.loader import load
from xaydungdang.members.models import Member
from xaydungdang.members.services.imports import COLUMNS
from xaydungdang.org.models import Unit

from .test_journey import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_recognize_a_member_and_see_the_report_change(
    live_server: Any, page: Any, shots: Path, tmp_path: Path
) -> None:
    load(say=lambda _: None)
    from xaydungdang.org import services as org

    for number in (1, 2):
        org.unit_create(
            spec=org.UnitSpec(name=f"Chi bộ Khu phố {number}", kind="grassroots_cell",
                              parent=Unit.objects.get(code="du-p-saigon"), code=f"cb-sg-{number}"),
            valid_from=dt.date(2025, 7, 1), actor=SYSTEM_CLI,
        )  # fmt: skip
    rows = [
        ",".join(COLUMNS),
        "Nguyễn Thị Hoa,Nữ,02/04/1995,Kinh,Không,Nam Định,12/12,Đại học,Sơ cấp,"
        "01/08/2025,15/08/2025,,,,cb-sg-1",
        "Trần Văn Minh,Nam,10/10/1988,Kinh,Phật giáo,Huế,12/12,Thạc sĩ,Trung cấp,"
        "01/08/2025,15/08/2025,,,,cb-sg-1",
    ]
    upload = tmp_path / "dang-vien.csv"
    upload.write_text("\n".join(rows), encoding="utf-8")
    base = live_server.url
    login(page, base, "hcm")
    hcm = Unit.objects.get(code="tu-hcm")
    page.goto(f"{base}/dang-vien/don-vi/{hcm.pk}/")
    page.click("a:text-is('Nhập từ tệp')")
    page.set_input_files("#id_upload", str(upload))
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã nhập 2 đảng viên.")
    page.screenshot(path=str(shots / "39-nhap-dang-vien.png"), full_page=True)
    page.goto(f"{base}/dang-vien/don-vi/{hcm.pk}/co-cau/")
    assert "2 đảng viên" in page.inner_text("#report-total")
    assert page.locator("section:has(h2:text-is('Loại đảng viên')) td", has_text="Dự bị").count()
    page.screenshot(path=str(shots / "40-co-cau-truoc.png"), full_page=True)

    page.goto(f"{base}/dang-vien/don-vi/{hcm.pk}/")
    page.click("#member-list a:text-is('Nguyễn Thị Hoa')")
    page.click("a:text-is('Công nhận chính thức')")
    page.fill("#id_day", "20/08/2026")
    page.fill("#id_decision", "125-QĐ/ĐU")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã công nhận đảng viên chính thức.")
    assert "Chính thức từ 15/08/2026" in page.inner_text("#membership-type")
    assert "Công nhận đảng viên chính thức" in page.inner_text("#timeline")
    page.screenshot(path=str(shots / "41-ho-so-dang-vien.png"), full_page=True)

    page.click("a:text-is('Chuyển sinh hoạt')")
    page.fill("#id_to_cell", "khu pho 2")
    option = page.locator("#id_to_cell_results [role=option]").first
    assert option.get_attribute("data-label") == "Chi bộ Khu phố 2"
    assert "Đảng ủy phường Sài Gòn – Thành ủy TP.HCM" in option.inner_text()
    page.keyboard.press("Enter")  # the first suggestion is highlighted: Enter chooses it
    assert page.input_value("#id_to_cell") == "Chi bộ Khu phố 2"
    page.fill("#id_day", "01/09/2026")
    page.screenshot(path=str(shots / "41a-chuyen-sinh-hoat.png"), full_page=True)
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã chuyển sinh hoạt đảng.")
    assert Member.objects.get(person__full_name="Nguyễn Thị Hoa").cell.code == "cb-sg-2"

    page.goto(f"{base}/dang-vien/don-vi/{hcm.pk}/co-cau/")
    kinds = page.inner_text("section:has(h2:text-is('Loại đảng viên'))")
    assert "Chính thức" in kinds and "Dự bị" in kinds
    page.screenshot(path=str(shots / "42-co-cau-sau.png"), full_page=True)
