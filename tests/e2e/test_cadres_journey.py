"""Cadre journey in a real browser: issue an appointment decision through the form (every
field picked by name), see the new tenure on the unit page and on the career page, list the
holders of the city on a past day, and download the cadre record (mẫu 2C)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document as read_docx

from xaydungdang.demo.loader import load

from .test_journey import login, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CITY = "Thành ủy Thành phố Hồ Chí Minh"


def test_decision_to_tenure_to_cadre_record(live_server: Any, page: Any, shots: Path) -> None:
    load(say=lambda _: None)
    base = live_server.url
    login(page, base, "hcm")
    page.goto(f"{base}/can-bo/")
    page.click("text=Quyết định nhân sự")
    page.click("text=Ghi nhận quyết định")
    page.select_option("#id_kind", "appointment")
    page.fill("#id_number", "1234-QĐ/TU")
    page.fill("#id_signed_on", "02/09/2025")
    pick(page, "issuer", "thanh uy thanh pho ho chi", CITY)
    pick(page, "person", "vo thi dung", "Võ Thị Dung")
    pick(page, "title", "uy vien ban thuong", "Ủy viên Ban Thường vụ")
    pick(page, "unit", "thanh uy thanh pho ho chi", CITY)
    page.fill("#id_signer_name", "Trần Lưu Quang")
    page.fill("#id_signer_title", "Bí thư Thành ủy")
    page.screenshot(path=str(shots / "40-quyet-dinh-moi.png"), full_page=True)
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã ghi nhận quyết định.")
    effects = page.locator("#effects").inner_text()
    assert "Bắt đầu giữ chức danh" in effects and "02/09/2025 – nay" in effects
    page.screenshot(path=str(shots / "41-quyet-dinh.png"), full_page=True)

    page.click("main a:text-is('Võ Thị Dung')")
    record = page.locator("main").inner_text()
    assert "1234-QĐ/TU" in record and "Ủy viên Ban Thường vụ" in record
    page.screenshot(path=str(shots / "42-ho-so-can-bo.png"), full_page=True)
    with page.expect_download() as info:
        page.click("text=Tải sơ yếu lý lịch (mẫu 2C, Word)")
    text = "\n".join(
        p.text for p in read_docx(io.BytesIO(Path(info.value.path()).read_bytes())).paragraphs
    )
    assert "SƠ YẾU LÝ LỊCH" in text and "VÕ THỊ DUNG" in text

    from xaydungdang.org.models import Unit

    page.goto(f"{base}/don-vi/{Unit.objects.get(code='tu-hcm').pk}/")
    holders = page.locator("main").inner_text()
    assert "Võ Thị Dung" in holders and "Ủy viên Ban Thường vụ" in holders
    page.screenshot(path=str(shots / "42b-trang-don-vi.png"), full_page=True)

    page.goto(f"{base}/can-bo/danh-sach/")
    pick(page, "don_vi", "thanh uy thanh pho ho chi", CITY)
    page.fill("#id_vao_ngay", "15/03/2017")
    page.click("main button:text-is('Xem')")
    assert "Đinh La Thăng" in page.locator("#holders").inner_text()
    page.screenshot(path=str(shots / "43-danh-sach-15-03-2017.png"), full_page=True)
