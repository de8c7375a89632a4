"""The kit's Party-format writer: a document read back from Word and from PDF has the layout
of Hướng dẫn 36-HD/VPTW (domain.md R-DOC-6), and its Vietnamese text intact."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging

import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from tests.ui import readback as rb
from xaydungdang.ui.documents import (
    Heading,
    Paragraph,
    PartyDocument,
    Table,
    collective_signature,
    filename,
    head_signature,
    issuer_for,
    signing_body,
    to_docx,
    to_pdf,
)
from xaydungdang.ui.documents.model import recipient_lines, subject_line
from xaydungdang.ui.documents.pdf_writer import local_fetcher, to_html

LONG = (
    "Theo kế hoạch phối hợp năm 2018, hai cơ quan đã triển khai, thực hiện và hoàn thành 7/10 "
    "nội dung; còn 3 nội dung chưa triển khai thực hiện. Việc phối hợp được duy trì thường "
    "xuyên, nền nếp, bảo đảm đúng nguyên tắc, quy định của Đảng, góp phần nâng cao chất lượng "
    "công tác tổ chức xây dựng Đảng của Thành phố."
)
DOC = PartyDocument(
    issuer=("Thành ủy Hà Nội", "Ban Tổ chức"),
    number="12-BC/BTCTU",
    place="Hà Nội",
    date=dt.date(2019, 1, 5),
    doc_type="Báo cáo",
    subject="Báo cáo sơ kết năm 2018 thực hiện chương trình phối hợp công tác",
    body=(
        Heading("I. KẾT QUẢ ĐẠT ĐƯỢC"),
        Paragraph(LONG),
        Table(("Năm", "Kế hoạch", "Hoàn thành"), (("2018", "10", "7"), ("Cộng", "10", "7"))),
        Heading("II. HẠN CHẾ"),
        Paragraph("Có việc, có lúc phối hợp chưa thường xuyên."),
    ),
    signature=head_signature("Phó Trưởng ban", "Nguyễn Thị Thu Hằng"),
    recipients=("Ban Tổ chức Trung ương (để báo cáo)", "- Các đảng bộ trực thuộc;"),
)
SUBJECT = "sơ kết năm 2018 thực hiện chương trình phối hợp công tác"
PAGE_PT, TOL = (595.28, 841.89), 1.0
LEFT_PT, RIGHT_PT = 30 * rb.PT_PER_MM, (210 - 15) * rb.PT_PER_MM


@pytest.fixture(scope="module")
def word() -> rb.Docx:
    return rb.docx(to_docx(DOC))


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return to_pdf(DOC)


# --- Word -------------------------------------------------------------------------------


def test_word_page_is_a4_with_the_official_margins(word: rb.Docx) -> None:
    (section,) = word.sections
    assert round(rb.mm(section.page_width)) == 210 and round(rb.mm(section.page_height)) == 297
    assert 20 <= rb.mm(section.top_margin) <= 25 and 20 <= rb.mm(section.bottom_margin) <= 25
    assert 30 <= rb.mm(section.left_margin) <= 35 and 15 <= rb.mm(section.right_margin) <= 20
    # Page numbers from the second page on, at the top.
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml


def test_word_heading_has_the_issuer_over_its_number_and_the_party_heading(word: rb.Docx) -> None:
    head = word.tables[0]
    issuer, party = head.cell(0, 0).paragraphs, head.cell(0, 1).paragraphs
    assert rb.texts(issuer) == ["THÀNH ỦY HÀ NỘI", "BAN TỔ CHỨC", "*"]
    assert not rb.bold(issuer[0]) and rb.bold(issuer[1])
    assert rb.texts(party) == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert rb.bold(party[0]) and all(r.underline for r in party[0].runs)
    assert head.cell(1, 0).text == "Số 12-BC/BTCTU"
    (date,) = head.cell(1, 1).paragraphs
    assert date.text == "Hà Nội, ngày 05 tháng 01 năm 2019" and rb.italic(date)
    assert [round(rb.mm(c.width)) for c in head.columns] == [75, 90]  # within 165 mm of text
    assert [round(rb.mm(c.width)) for c in head.rows[0].cells] == [75, 90]
    for cell in (head.cell(0, 0), head.cell(0, 1), head.cell(1, 0), head.cell(1, 1)):
        assert {p.alignment for p in cell.paragraphs} == {WD_ALIGN_PARAGRAPH.CENTER}


def test_word_type_and_subject_are_centred_bold_without_the_type_twice(word: rb.Docx) -> None:
    paragraphs = [p for p in word.paragraphs if p.text.strip()]
    kind, subject, rule = paragraphs[:3]
    assert (kind.text, subject.text, rule.text) == ("BÁO CÁO", SUBJECT, "-----")
    for p in (kind, subject):
        assert rb.bold(p) and p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "Báo cáo" not in subject.text
    assert (kind.runs[0].font.size.pt, subject.runs[0].font.size.pt) == (16, 14)


def test_word_body_is_justified_with_a_first_line_indent_in_times_14(word: rb.Docx) -> None:
    body = next(p for p in word.paragraphs if p.text == LONG)
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert 10 <= rb.mm(body.paragraph_format.first_line_indent) <= 13
    heading = next(p for p in word.paragraphs if p.text == "I. KẾT QUẢ ĐẠT ĐƯỢC")
    assert rb.bold(heading) and not rb.bold(body) and heading.paragraph_format.keep_with_next
    assert {r.font.size.pt for r in body.runs if r.font.size} == {14}
    normal = word.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs")} == {"Times New Roman"}


def test_word_table_keeps_its_rows(word: rb.Docx) -> None:
    grid = word.tables[1]
    assert [c.text for c in grid.rows[0].cells] == ["Năm", "Kế hoạch", "Hoàn thành"]
    assert [[c.text for c in row.cells] for row in grid.rows[1:]] == [
        ["2018", "10", "7"],
        ["Cộng", "10", "7"],
    ]
    assert rb.bold(grid.cell(0, 0).paragraphs[0]) and grid.style.name == "Table Grid"


def test_word_signature_bottom_right_and_recipients_bottom_left(word: rb.Docx) -> None:
    foot = word.tables[-1]
    recipients, signature = foot.cell(0, 0).paragraphs, foot.cell(0, 1).paragraphs
    assert recipients[0].text == "Nơi nhận:" and rb.bold(recipients[0]) and rb.italic(recipients[0])
    assert rb.texts(recipients[1:]) == [
        "- Ban Tổ chức Trung ương (để báo cáo),",
        "- Các đảng bộ trực thuộc,",
        "- Lưu VP.",
    ]
    lines = rb.texts(signature)
    assert lines == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Thị Thu Hằng"]
    assert all(rb.bold(p) and p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in signature[:2])
    assert "w:cantSplit" in foot.rows[0]._tr.xml  # the signature is not cut by a page break
    # Room to sign and seal between the title and the name.
    assert len(signature) - len(lines) >= 3
    assert word.element.body.index(foot._tbl) > word.element.body.index(word.tables[1]._tbl)


# --- PDF --------------------------------------------------------------------------------


def test_pdf_is_a4_and_keeps_the_vietnamese_text(pdf: bytes) -> None:
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    size = (float(page.mediabox.width), float(page.mediabox.height))
    assert size == pytest.approx(PAGE_PT, abs=TOL)
    text = rb.pdf_text(pdf)
    by_pypdf = page.extract_text()
    for expected in (
        "THÀNH ỦY HÀ NỘI",
        "BAN TỔ CHỨC",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 12-BC/BTCTU",
        "Hà Nội, ngày 05 tháng 01 năm 2019",
        "BÁO CÁO",
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "còn 3 nội dung chưa triển khai thực hiện",
        "Nơi nhận:",
        "- Lưu VP.",
        "K/T TRƯỞNG BAN",
        "Nguyễn Thị Thu Hằng",
    ):
        assert expected in text, expected
        assert expected in by_pypdf, expected
    assert "Báo cáo sơ kết" not in text and SUBJECT in " ".join(text.split())


def test_pdf_draws_every_letter_in_one_serif_family(pdf: bytes) -> None:
    """Vietnamese letters must not fall back to another font inside a word (Liberation 1.07
    has none of them; fonts-liberation2 has)."""
    fonts = rb.pdf_fonts(pdf)
    assert fonts and all(f.startswith(("Liberation-Serif", "TimesNewRoman")) for f in fonts), fonts


@pytest.mark.parametrize(
    ("start", "bold", "italic", "size"),
    [
        ("THÀNH ỦY HÀ NỘI", False, False, 14),
        ("BAN TỔ CHỨC", True, False, 14),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", True, False, 15),
        ("Số 12-BC/BTCTU", False, False, 14),
        ("Hà Nội, ngày 05 tháng 01 năm 2019", False, True, 14),
        ("BÁO CÁO", True, False, 16),
        (SUBJECT, True, False, 14),
        ("I. KẾT QUẢ ĐẠT ĐƯỢC", True, False, 14),
        ("Theo kế hoạch", False, False, 14),
        ("Nơi nhận:", True, True, 14),
        ("- Lưu VP.", False, False, 12),
        ("K/T TRƯỞNG BAN", True, False, 14),
        ("Nguyễn Thị Thu Hằng", True, False, 14),
    ],
)
def test_pdf_draws_each_element_in_its_style(
    pdf: bytes, start: str, bold: bool, italic: bool, size: float
) -> None:
    run = rb.run_of(rb.pdf_runs(pdf), start)
    assert (run.bold, run.italic, run.size) == (bold, italic, size), run


def test_pdf_layout_follows_the_party_format(pdf: bytes) -> None:
    lines = [line for line in rb.pdf_lines(pdf) if line.page == 1]
    assert min(line.x0 for line in lines) >= LEFT_PT - TOL
    assert max(line.x1 for line in lines) <= RIGHT_PT + TOL
    assert min(line.y0 for line in lines) >= 20 * rb.PT_PER_MM - 2
    middle = (LEFT_PT + RIGHT_PT) / 2
    issuer, party = rb.first(lines, "BAN TỔ CHỨC"), rb.first(lines, "ĐẢNG CỘNG SẢN")
    number, date = rb.first(lines, "Số 12-BC"), rb.first(lines, "Hà Nội, ngày")
    assert issuer.x1 < middle < party.x0 and number.x1 < middle < date.x0
    assert abs(number.y0 - date.y0) < 2  # the date stands level with the number
    assert rb.first(lines, "BÁO CÁO").centre == pytest.approx(middle, abs=2)
    paragraph = [line for line in lines if line.y0 > rb.first(lines, "Theo kế hoạch").y0 - 1]
    opening, *rest = paragraph[:3]
    assert opening.x0 == pytest.approx(LEFT_PT + 12.7 * rb.PT_PER_MM, abs=1.5)
    assert rest[0].x0 == pytest.approx(LEFT_PT, abs=TOL)
    for line in (opening, rest[0]):  # justified: full lines reach the right margin
        assert line.x1 == pytest.approx(RIGHT_PT, abs=1.5)
    received, name = rb.first(lines, "Nơi nhận:"), rb.first(lines, "Nguyễn Thị Thu Hằng")
    assert received.x0 == pytest.approx(LEFT_PT, abs=TOL) and name.x0 > middle
    assert name.y0 > rb.first(lines, "- Lưu VP.").y0  # room to sign under the title


def test_pdf_numbers_pages_from_the_second(caplog: pytest.LogCaptureFixture) -> None:
    long = dataclasses.replace(DOC, body=tuple(Paragraph(LONG) for _ in range(30)))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        data = to_pdf(long)
    assert not caplog.records, [r.getMessage() for r in caplog.records]  # no CSS dropped
    lines = rb.pdf_lines(data)
    assert max(line.page for line in lines) >= 2
    top = {p: min((ln for ln in lines if ln.page == p), key=lambda ln: ln.y0) for p in (1, 2)}
    assert top[1].text == "THÀNH ỦY HÀ NỘI"
    assert top[2].text == "2" and top[2].y0 < 20 * rb.PT_PER_MM
    # The signing block is kept whole on one page.
    assert rb.first(lines, "Nơi nhận:").page == rb.first(lines, "Nguyễn Thị Thu Hằng").page


def test_pdf_fetches_nothing_from_the_network() -> None:
    fetcher = local_fetcher()
    for url in ("https://fonts.example.org/a.css", "http://10.0.0.1/x.png", "ftp://x/y"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher.fetch(url)
    html = to_html(DOC)
    assert "<script" not in html and "http" not in html.replace(
        "http://www.w3.org", ""
    )  # no external reference at all
    assert '<meta charset="utf-8">' in html


def test_pdf_escapes_the_text_it_is_given() -> None:
    doc = dataclasses.replace(DOC, body=(Paragraph('<img src="http://x/y.png"> & co'),))
    html = to_html(doc)
    assert "<img" not in html and "&lt;img" in html


# --- texts and names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc_type", "subject", "expected"),
    [
        ("Báo cáo", "Báo cáo sơ kết năm 2018", "sơ kết năm 2018"),
        ("Báo cáo", "BÁO CÁO tổng kết", "tổng kết"),
        ("Báo cáo", "Sơ kết thực hiện chương trình", "sơ kết thực hiện chương trình"),
        ("Báo cáo", "UBND thành phố báo cáo", "UBND thành phố báo cáo"),
        ("Nghị quyết", "về công tác cán bộ", "về công tác cán bộ"),
    ],
)
def test_subject_does_not_repeat_the_type(doc_type: str, subject: str, expected: str) -> None:
    doc = dataclasses.replace(DOC, doc_type=doc_type, subject=subject)
    assert subject_line(doc) == expected


def test_file_names_are_ascii_slugs_that_say_what_the_file_is() -> None:
    doc = dataclasses.replace(DOC, subject="Sơ kết 2018 chương trình phối hợp Hà Nội")
    assert filename(doc, "docx") == "bao-cao-so-ket-2018-chuong-trinh-phoi-hop-ha-noi.docx"
    assert filename(DOC, ".pdf") == (
        "bao-cao-so-ket-nam-2018-thuc-hien-chuong-trinh-phoi-hop-cong-tac.pdf"
    )
    party = dataclasses.replace(DOC, doc_type="Nghị quyết", subject="Đại hội Đảng bộ (lần XVII)")
    assert filename(party, "docx") == "nghi-quyet-dai-hoi-dang-bo-lan-xvii.docx"
    long = dataclasses.replace(DOC, subject="chương trình phối hợp " * 20)
    name = filename(long, "pdf")
    assert name.isascii() and len(name) <= 84 and name.startswith("bao-cao-chuong-trinh-phoi-hop")
    assert "--" not in name and not name.endswith("-.pdf")
    assert filename(dataclasses.replace(DOC, file_stem="Giấy chứng nhận"), "pdf") == (
        "giay-chung-nhan.pdf"
    )


def test_recipients_end_with_the_file_copy_once() -> None:
    doc = dataclasses.replace(DOC, recipients=("Ban Bí thư.", "", "Lưu Văn phòng Thành ủy"))
    assert recipient_lines(doc) == ["- Ban Bí thư,", "- Lưu Văn phòng Thành ủy."]
    assert recipient_lines(dataclasses.replace(DOC, recipients=())) == ["- Lưu VP."]


def test_signatures_of_a_head_a_deputy_and_a_collective() -> None:
    head = head_signature("Trưởng ban", "Phạm Minh Chính")
    assert (head.authority, head.title) == ((), "TRƯỞNG BAN")
    deputy = head_signature("Phó Trưởng ban Thường trực", "Nguyễn Thanh Bình")
    assert deputy.authority == ("K/T TRƯỞNG BAN",) and deputy.title == "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"
    standing = collective_signature("Ban Thường vụ Thành ủy Hà Nội", "Phó Bí thư", "Ngô Thị T")
    assert standing.authority == ("T/M BAN THƯỜNG VỤ",) and standing.title == "PHÓ BÍ THƯ"
    assert signing_body("Thành ủy Hà Nội") == "Thành ủy"
    assert signing_body("Hội đồng thi đua") == "Hội đồng thi đua"


@pytest.mark.parametrize(
    ("body", "superior", "expected"),
    [
        ("Ban Tổ chức Thành ủy Hà Nội", "Thành ủy Hà Nội", ("Thành ủy Hà Nội", "Ban Tổ chức")),
        (
            "Ban Tổ chức Trung ương",
            "Ban Chấp hành Trung ương Đảng",
            ("Ban Chấp hành Trung ương", "Ban Tổ chức"),
        ),
        (
            "Văn phòng Trung ương Đảng",
            "Ban Chấp hành Trung ương Đảng",
            ("Ban Chấp hành Trung ương", "Văn phòng"),
        ),
        ("Ban Tuyên giáo", "Tỉnh ủy Lào Cai", ("Tỉnh ủy Lào Cai", "Ban Tuyên giáo")),
        ("Thành ủy Hà Nội", "", ("Thành ủy Hà Nội",)),
    ],
)
def test_issuer_lines_drop_the_superior_name_the_body_repeats(
    body: str, superior: str, expected: tuple[str, ...]
) -> None:
    assert issuer_for(body, superior) == expected


def test_a_document_needs_an_issuer_and_a_type_and_tables_square_rows() -> None:
    with pytest.raises(ValueError):
        dataclasses.replace(DOC, issuer=())
    with pytest.raises(ValueError):
        Table(("a", "b"), (("1",),))
