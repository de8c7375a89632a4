"""Uploaded files into text: .txt, .html, .docx, .pdf, and the errors for the rest."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.exceptions import ValidationError

from xaydungdang.ingest.readers import read_upload

ARTICLE = "Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý chủ trì hội nghị."


def minimal_pdf(text: str | None) -> bytes:
    """A one-page PDF whose content stream shows ``text`` (ASCII) in Helvetica, or nothing."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode() if text else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (
            len(objects) + 1,
            xref,
        )
    )
    return out.getvalue()


def test_text_files_are_read_as_utf8() -> None:
    assert read_upload("bai.TXT", ("\ufeff" + ARTICLE + "\r\n\r\n").encode()) == ARTICLE
    with pytest.raises(ValidationError, match="UTF-8"):
        read_upload("bai.txt", ARTICLE.encode("utf-16"))


def test_html_keeps_the_text_and_drops_scripts_and_styles() -> None:
    page = (
        "<html><head><title>Tin</title><style>p{color:red}</style></head><body>"
        "<script>var x = 'Nguyễn Văn Giả';</script><h1>Hội nghị</h1><p>"
        + ARTICLE
        + "</p><p>Ngày&nbsp;20/8</p></body></html>"
    )
    assert read_upload("tin.html", page.encode()) == f"Hội nghị\n{ARTICLE}\nNgày 20/8"


def test_docx_paragraphs_and_tables() -> None:
    document = docx.Document()
    document.add_paragraph("Thông báo kết luận")
    document.add_paragraph(ARTICLE)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Số liệu"
    table.rows[0].cells[1].text = "27 đề án"
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_upload("thong-bao.docx", buffer.getvalue())
    assert text == f"Thông báo kết luận\n{ARTICLE}\nSố liệu 27 đề án"
    with pytest.raises(ValidationError, match="Word"):
        read_upload("hong.docx", b"not a zip")


def test_pdf_with_a_text_layer_and_without() -> None:
    assert read_upload("bao-cao.pdf", minimal_pdf("Hoi nghi tong ket 2024")) == (
        "Hoi nghi tong ket 2024"
    )
    with pytest.raises(ValidationError, match="lớp văn bản"):
        read_upload("ban-quet.pdf", minimal_pdf(None))
    with pytest.raises(ValidationError, match="PDF"):
        read_upload("hong.pdf", b"%PDF-1.4 garbage")


def test_other_kinds_and_empty_files_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"\.txt, \.docx, \.html hoặc \.pdf"):
        read_upload("anh.jpg", b"\xff\xd8")
    with pytest.raises(ValidationError, match="không có nội dung"):
        read_upload("trong.txt", b"  \n ")
