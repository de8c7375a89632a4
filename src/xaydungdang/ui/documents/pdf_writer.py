"""A Party document as PDF: an HTML page and its CSS, laid out by WeasyPrint with fonts
installed from Debian packages. Nothing is fetched from the network: the fetcher refuses every
URL that is not a local file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template import Context, Engine
from weasyprint import CSS, HTML, URLFetcher

from . import layout as L
from .model import (
    PARTY_HEADING,
    Heading,
    PartyDocument,
    Table,
    date_line,
    issuer_lines,
    number_line,
    recipient_lines,
    subject_line,
    type_line,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
# An engine of its own: the kit renders its page whatever apps the project installs.
_engine = Engine(dirs=[str(TEMPLATES)], autoescape=True)
_css_engine = Engine(dirs=[str(TEMPLATES)], autoescape=False)


def local_fetcher() -> URLFetcher:
    """Only file: URLs (the kit's own files); http, https, ftp and data are refused."""
    return URLFetcher(allowed_protocols=("file",), allow_redirects=False)


def _blocks(doc: PartyDocument) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for block in doc.body:
        if isinstance(block, Table):
            out.append({"kind": "table", "header": block.header, "rows": block.rows})
        else:
            kind = "heading" if isinstance(block, Heading) else "paragraph"
            out.append({"kind": kind, "text": block.text})
    return out


def _num(value: float) -> str:
    """A CSS number: "12.7", never the locale's "12,7" that Vietnamese formatting would give
    (WeasyPrint then drops the whole declaration)."""
    return f"{value:g}"


def _css() -> str:
    measures: dict[str, Any] = {
        "m": {k: _num(v) for k, v in L.MARGIN_MM._asdict().items()},
        "fonts": L.PDF_FONTS,
        "body_pt": L.BODY_PT,
        "party_pt": L.PARTY_PT,
        "type_pt": L.TYPE_PT,
        "table_pt": L.TABLE_PT,
        "recipients_pt": L.RECIPIENTS_PT,
        "indent": L.INDENT_MM,
        "line_spacing": L.LINE_SPACING,
        "paragraph_gap": L.PARAGRAPH_GAP_PT,
        "title_gap": L.TITLE_GAP_PT,
        "half_gap": L.TITLE_GAP_PT / 2,
        "head_left": L.HEAD_COLUMNS_MM[0],
        "foot_left": L.FOOT_COLUMNS_MM[0],
        "sign_space": L.SIGN_SPACE_LINES * L.LINE_SPACING,
    }
    measures = {k: v if k in ("m", "fonts") else _num(v) for k, v in measures.items()}
    return _css_engine.get_template("party_document.css").render(Context(measures))


def to_html(doc: PartyDocument) -> str:
    context = {
        "issuer_lines": issuer_lines(doc),
        "party_heading": PARTY_HEADING,
        "number_line": number_line(doc),
        "date_line": date_line(doc),
        "type_line": type_line(doc),
        "subject_line": subject_line(doc),
        "blocks": _blocks(doc),
        "recipient_lines": recipient_lines(doc),
        "signature": doc.signature,
    }
    return _engine.get_template("party_document.html").render(Context(context))


def to_pdf(doc: PartyDocument) -> bytes:
    fetcher = local_fetcher()
    page = HTML(string=to_html(doc), base_url=TEMPLATES.as_uri() + "/", url_fetcher=fetcher)
    pdf = page.write_pdf(stylesheets=[CSS(string=_css(), url_fetcher=fetcher)])
    assert pdf is not None  # write_pdf returns the bytes when given no target
    return bytes(pdf)
