"""The review as a Word document, in the layout of a Party document: the issuing body and the
Party heading, number and symbol, place and date, title, body sections, signature and recipients
(Hướng dẫn 36-HD/VPTW elements; fonts per TCVN 6909)."""

from __future__ import annotations

import io
from collections.abc import Callable

from docx import Document as new_docx
from docx.document import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from .choices import ItemStatus
from .models import Review

FONT = "Times New Roman"
YEAR_COLUMNS = [
    ("year", "Năm"),
    ("planned", "Kế hoạch"),
    (ItemStatus.DONE, "Hoàn thành"),
    (ItemStatus.IN_PROGRESS, "Đang thực hiện"),
    (ItemStatus.NOT_IMPLEMENTED, "Chưa triển khai"),
    (ItemStatus.MOVED, "Chuyển năm sau"),
]
Progress = Callable[[int, str], None]


def _para(
    doc: Docx,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int = 14,
    center: bool = False,
) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _heading(doc: Docx, review: Review) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = f"{review.issuer.name.upper()}\n*\nSố {review.symbol or '…'}"
    day = review.issued_on
    date_text = (
        f"{review.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
        if day
        else f"{review.place}, ngày … tháng … năm …"
    )
    right.text = f"ĐẢNG CỘNG SẢN VIỆT NAM\n{date_text}"
    for cell in (left, right):
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in p.runs:
                r.font.name, r.font.size, r.bold = FONT, Pt(13), True
    _para(doc, "")
    _para(doc, "BÁO CÁO", bold=True, size=15, center=True)
    _para(doc, review.title, bold=True, center=True)
    period = f"(Kỳ báo cáo: {review.period_start:%d/%m/%Y} – {review.period_end:%d/%m/%Y})"
    _para(doc, period, italic=True, center=True)


def _figures(doc: Docx, review: Review) -> None:
    figures = review.figures
    if figures.get("kind") == "program":
        rows = [*figures["years"], {**figures["totals"], "year": "Cộng"}]
        table = doc.add_table(rows=1, cols=len(YEAR_COLUMNS))
        table.style = "Table Grid"
        for cell, (_, label) in zip(table.rows[0].cells, YEAR_COLUMNS, strict=True):
            cell.text = label
        for row in rows:
            cells = table.add_row().cells
            for cell, (key, _) in zip(cells, YEAR_COLUMNS, strict=True):
                cell.text = str(row.get(key, ""))
        _para(doc, f"Tổng số nội dung hoàn thành/kế hoạch: {figures['totals']['done_of_planned']}.")
    else:
        _para(
            doc,
            f"Văn bản triển khai ban hành trong kỳ: {figures.get('documents_issued', 0)}; "
            f"nhiệm vụ hoàn thành: {figures.get('done_of_planned', '0/0')}; "
            f"nhiệm vụ quá hạn: {figures.get('tasks_overdue', 0)}.",
        )


def _section(doc: Docx, heading: str, text: str) -> None:
    _para(doc, heading, bold=True)
    for line in (text or "…").splitlines():
        _para(doc, line)


def review_docx(review: Review, progress: Progress = lambda p, m: None) -> bytes:
    doc = new_docx()
    progress(10, "Lập phần đầu văn bản")
    _heading(doc, review)
    progress(40, "Ghi số liệu tính từ dữ liệu")
    _para(doc, "I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True)
    _figures(doc, review)
    for line in review.results.splitlines():
        _para(doc, line)
    progress(70, "Ghi các phần nội dung")
    _section(doc, "II. HẠN CHẾ", review.limitations)
    _section(doc, "III. BÀI HỌC KINH NGHIỆM", review.lessons)
    _section(doc, "IV. KIẾN NGHỊ, ĐỀ XUẤT", review.proposals)
    if review.participants:
        _section(doc, "Thành phần tham dự", review.participants)
    _para(doc, f"T/M {review.issuer.name.upper()}", bold=True, center=True)
    _para(doc, "Nơi nhận:", bold=True, italic=True, size=12)
    for line in [*(review.recipients or "").splitlines(), "Lưu Văn phòng."]:
        if line.strip():
            _para(doc, f"- {line.strip().lstrip('- ')}", size=12)
    progress(90, "Đóng gói tệp .docx")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
