"""Program journey in a real browser: create a program, add a year with items, change their
statuses, draft a review, download its .docx, finalise it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document as read_docx

from xaydungdang.demo.loader import load

from .test_journey import login, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


SO_KET = (
    "Hội nghị sơ kết chương trình phối hợp công tác giữa Ban Tổ chức Trung ương và Ban Thường "
    "vụ Thành ủy Hà Nội (29/01/2019)"
)


def submit(page: Any, done: str) -> None:
    page.click("main button[type=submit]")
    page.wait_for_selector(f"text={done}")


def test_program_review_journey(live_server: Any, page: Any, shots: Path) -> None:
    load(say=lambda _: None)
    base = live_server.url
    login(page, base, "btctw")
    page.goto(f"{base}/chuong-trinh/moi/")
    page.fill("#id_title", "Chương trình phối hợp thí điểm 2021-2025")
    pick(page, "party_a", "ban to chuc trung uong", "Ban Tổ chức Trung ương")
    pick(page, "party_b", "thuong vu ha noi", "Ban Thường vụ Thành ủy Hà Nội")
    page.fill("#id_start_year", "2021")
    page.fill("#id_end_year", "2025")
    page.fill("#id_signed_on", "15/03/2021")
    submit(page, "Đã tạo chương trình phối hợp.")

    page.click("text=Thêm kế hoạch năm")
    page.fill("#id_year", "2022")
    submit(page, "Đã thêm kế hoạch năm.")
    for content, lead_b in (
        ("Phối hợp rà soát quy hoạch cán bộ", ""),
        ("Tập huấn nghiệp vụ tổ chức", ""),
        ("Khảo sát mô hình tổ chức cơ sở đảng", "Ban Tổ chức Thành ủy Hà Nội"),
    ):
        page.click("a:text-is('Thêm nội dung')")
        page.fill("#id_content", content)
        if lead_b:
            pick(page, "lead_b", "to chuc thanh uy ha", lead_b)
        page.fill("#id_due_on", "30/11/2022")
        submit(page, "Đã thêm nội dung phối hợp.")
    for row, status in ((1, "done"), (2, "done"), (3, "not_implemented")):
        page.locator("table.items tr").nth(row).locator("a:text-is('đổi')").click()
        page.select_option("#id_status", status)
        submit(page, "Đã cập nhật trạng thái.")
    assert "hoàn thành 2/3 nội dung" in page.locator("#nam-2022").inner_text()
    page.locator("table.items tr").nth(1).locator("a:text-is('minh chứng')").click()
    pick(page, "documents", "18/nq-tw", "Nghị quyết 18-NQ/TW")
    pick(page, "events", "hoi nghi so ket", SO_KET)
    page.screenshot(path=str(shots / "19-minh-chung.png"), full_page=True)
    submit(page, "Đã thêm minh chứng.")
    evidence = page.locator("table.items tr").nth(1).locator(".evidence").inner_text()
    assert "Nghị quyết 18-NQ/TW" in evidence and "Hội nghị sơ kết" in evidence
    page.screenshot(path=str(shots / "20-chuong-trinh.png"), full_page=True)

    page.click("text=Sơ kết, tổng kết")
    page.select_option("#id_kind", "annual")
    page.fill("#id_title", "Tổng kết thực hiện chương trình phối hợp năm 2022")
    pick(page, "issuer", "ban to chuc tw", "Ban Tổ chức Trung ương")
    page.fill("#id_period_start", "01/01/2022")
    page.fill("#id_period_end", "31/12/2022")
    page.fill("#id_symbol", "27-BC/BTCTW")
    page.fill("#id_recipients", "Ban Thường vụ Thành ủy Hà Nội")
    submit(page, "Đã lập dự thảo báo cáo từ dữ liệu.")
    assert (
        "Năm 2022: hoàn thành 2/3 nội dung, 1 chưa triển khai"
        in page.locator("#figures").inner_text()
    )
    page.screenshot(path=str(shots / "21-du-thao-bao-cao.png"), full_page=True)

    page.click("#make-word")
    page.wait_for_selector("#job[data-status=done]")
    page.screenshot(path=str(shots / "22-tao-tep-word.png"), full_page=True)
    with page.expect_download() as info:
        page.click("text=Mở kết quả")
    data = Path(info.value.path()).read_bytes()
    text = "\n".join(p.text for p in read_docx(io.BytesIO(data)).paragraphs)
    assert "Số 27-BC/BTCTW" in "\n".join(
        c.text for t in read_docx(io.BytesIO(data)).tables for r in t.rows for c in r.cells
    )
    assert "Tổng số nội dung hoàn thành/kế hoạch: 2/3" in text

    page.goto(f"{base}/chuong-trinh/")
    page.click("text=Chương trình phối hợp thí điểm 2021-2025")
    page.click("text=Tổng kết thực hiện chương trình phối hợp năm 2022")
    page.click("text=Hoàn thành báo cáo")
    submit(page, "Báo cáo đã hoàn thành.")
    assert page.locator("#review-status").inner_text() == "Đã hoàn thành"
    assert page.locator("text=Sửa dự thảo").count() == 0
    page.screenshot(path=str(shots / "23-bao-cao-hoan-thanh.png"), full_page=True)
