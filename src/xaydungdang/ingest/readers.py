"""Text out of what the organization boards receive: .txt, .docx, .html and .pdf (with a text
layer). Every failure is a ValidationError in Vietnamese; nothing is read over the network."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import PurePath

from django.core.exceptions import ValidationError

MAX_BYTES = 10 * 1024 * 1024
KINDS = (".txt", ".docx", ".html", ".htm", ".pdf")
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title", "section"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skipping += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP and self.skipping:
            self.skipping -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def _lines(text: str) -> str:
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "Tệp không đọc được theo bảng mã UTF-8; hãy lưu lại tệp với bảng mã UTF-8."
        ) from None


def html_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return _lines("".join(parser.parts))


def docx_text(data: bytes) -> str:
    import zipfile
    import zlib

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    # A damaged part raises while the package is opened or read: lxml's and the standard
    # library's XML errors are SyntaxErrors; a damaged archive raises zlib or EOF errors.
    broken = (PackageNotFoundError, zipfile.BadZipFile, zlib.error, EOFError, KeyError,
              ValueError, OSError, SyntaxError, AttributeError, TypeError, IndexError)  # fmt: skip
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                paragraphs.append(" ".join(cell.text for cell in row.cells))
    except broken:
        raise ValidationError("Tệp .docx bị hỏng hoặc không phải tệp Word.") from None
    return _lines("\n".join(paragraphs))


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        # Layout mode keeps a word whole where the font falls back for Vietnamese letters
        # (the plain mode prints "Hà N ộ i" for the PDFs that browsers and Word produce).
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError, SyntaxError, TypeError, IndexError):
        raise ValidationError("Tệp PDF bị hỏng hoặc không đọc được.") from None
    text = _lines("\n".join(pages))
    if not text:
        raise ValidationError(
            "Tệp PDF không có lớp văn bản (có thể là bản quét); hãy dùng bản có chữ chọn được."
        )
    return text


def read_upload(name: str, data: bytes) -> str:
    """The text of an uploaded file, by its extension."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in KINDS:
        raise ValidationError("Chỉ nhận tệp .txt, .docx, .html hoặc .pdf.")
    if len(data) > MAX_BYTES:
        raise ValidationError("Tệp quá lớn (tối đa 10 MB).")
    if suffix == ".txt":
        text = _lines(_decode(data))
    elif suffix == ".docx":
        text = docx_text(data)
    elif suffix == ".pdf":
        text = pdf_text(data)
    else:
        text = html_text(_decode(data))
    if not text.strip():
        raise ValidationError("Tệp không có nội dung văn bản.")
    return text
