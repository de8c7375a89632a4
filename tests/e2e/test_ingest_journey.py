"""Reading an article in a real browser: paste it, review the highlighted facts, accept two of
them, and find them on the person's page with their source sentence. Then a PDF printed by the
browser itself goes through the upload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from xaydungdang.demo.loader import load
from xaydungdang.ingest.models import Article
from xaydungdang.ingest.readers import read_upload
from xaydungdang.people.models import Person

from .test_journey import login, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "Hà Nội, ngày 30/5/2019\n"
    "Ban Tổ chức Thành ủy Hà Nội sơ kết công tác cán bộ\n"
    "Ngày 29/5, Ban Tổ chức Thành ủy Hà Nội tổ chức hội nghị sơ kết công tác cán bộ. "
    "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải dự và chỉ đạo hội nghị. "
    "Đồng chí Vũ Đức Bảo, Phó Bí thư Thành ủy Hà Nội chủ trì hội nghị. "
    "Hội nghị quán triệt Nghị quyết số 18-NQ/TW, đã hoàn thành 7/10 nội dung."
)


def accept_row(page: Any, label: str) -> None:
    page.check(f"tr.proposal:has(td:text-is('{label}')) input[type=checkbox]")


def test_paste_review_accept_and_see_the_source(live_server: Any, page: Any, shots: Path) -> None:
    load(say=lambda _: None)
    base = live_server.url
    login(page, base, "btctw")
    page.goto(f"{base}/doc-bai/moi/")
    page.fill("#id_text", ARTICLE)
    pick(page, "unit", "thanh uy ha noi", "Thành ủy Hà Nội")
    page.screenshot(path=str(shots / "30-dan-bai-viet.png"), full_page=True)
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã đọc bài viết; hãy xem xét các đề xuất.")
    assert page.inner_text("#article-text mark.hl-person >> nth=0") == "Hoàng Trung Hải"
    assert (
        page.locator("#article-text mark.hl-tenure", has_text="Phó Bí thư Thành ủy Hà Nội").count()
        == 1
    )
    assert (
        page.locator("#article-text mark.hl-document").first.inner_text()
        == "Nghị quyết số 18-NQ/TW"
    )
    assert page.locator("#article-text mark.hl-figure").first.inner_text() == "7/10 nội dung"
    page.screenshot(path=str(shots / "31-xem-xet-danh-dau.png"), full_page=True)

    accept_row(page, "Hoàng Trung Hải — Bí thư Thành ủy Hà Nội")
    accept_row(page, "Vũ Đức Bảo — Phó Bí thư Thành ủy Hà Nội")
    page.click("button[value=accept]")
    page.wait_for_selector("text=Đã chấp nhận 3 đề xuất.")  # the new person comes with the title
    page.screenshot(path=str(shots / "32-da-chap-nhan.png"), full_page=True)

    bao = Person.objects.get(full_name="Vũ Đức Bảo")
    page.goto(f"{base}/ca-nhan/{bao.pk}/")
    sources = page.locator("table.sources-panel")
    assert "Đồng chí Vũ Đức Bảo, Phó Bí thư Thành ủy Hà Nội chủ trì hội nghị." in (
        sources.inner_text()
    )
    marks = sources.locator("mark").all_inner_texts()
    assert marks == ["Vũ Đức Bảo", "Phó Bí thư Thành ủy Hà Nội"]  # the person, and the title
    assert "29/05/2019" in page.inner_text("main")
    page.screenshot(path=str(shots / "33-nguon-tren-trang-ca-nhan.png"), full_page=True)

    hai = Person.objects.get(full_name="Hoàng Trung Hải")
    page.goto(f"{base}/ca-nhan/{hai.pk}/")
    assert "Bí thư Thành ủy Hà Nội Hoàng Trung Hải dự và chỉ đạo hội nghị." in page.inner_text(
        "table.sources-panel"
    )


def test_a_pdf_printed_by_the_browser_is_read_with_its_diacritics(
    live_server: Any, page: Any, tmp_path: Path
) -> None:
    load(say=lambda _: None)
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.split("\n"))
    page.set_content(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>')
    pdf = tmp_path / "bao-cao.pdf"
    page.pdf(path=str(pdf))
    text = read_upload("bao-cao.pdf", pdf.read_bytes())
    assert "Phó Bí thư Thành ủy Hà Nội chủ trì hội nghị" in text.replace("\n", " ")

    base = live_server.url
    login(page, base, "hanoi")
    page.goto(f"{base}/doc-bai/moi/")
    assert page.input_value("#id_unit") == "Thành ủy Hà Nội"  # the user's own unit, by name
    page.set_input_files("#id_upload", str(pdf))
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã đọc bài viết; hãy xem xét các đề xuất.")
    article = Article.objects.get(file_name="bao-cao.pdf")
    assert article.unit.code == "tu-hn"
    assert page.locator("#article-text mark.hl-person", has_text="Vũ Đức Bảo").count() >= 1
