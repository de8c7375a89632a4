"""A Party document as Word (.docx), built with python-docx. The page is set explicitly (A4,
the official margins) rather than inherited from python-docx's template, which is US Letter."""

from __future__ import annotations

import dataclasses
import io
import math

from docx import Document as new_docx
from docx.document import Document as Docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

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

CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


@dataclasses.dataclass(frozen=True)
class Look:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float = L.BODY_PT
    align: WD_PARAGRAPH_ALIGNMENT | None = None


def _write(p: DocxParagraph, text: str, look: Look) -> DocxParagraph:
    run = p.add_run(text)
    run.bold, run.italic, run.underline = look.bold, look.italic, look.underline
    run.font.size = Pt(look.size)
    if look.align is not None:
        p.alignment = look.align
    return p


def _cell_lines(cell: _Cell, lines: list[tuple[str, Look]]) -> None:
    """Lines into a cell; its first, empty paragraph takes the first line."""
    for i, (text, look) in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        _write(p, text, look)


def _margin(mm: float) -> Twips:
    """Word stores margins in whole twips; rounding 15 mm down (850 twips, 14.99 mm) would put
    the margin under the official minimum, so round up."""
    return Twips(math.ceil(mm * 1440 / 25.4))


def _page(out: Docx) -> None:
    section = out.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(L.PAGE_MM[0]), Mm(L.PAGE_MM[1])
    m = L.MARGIN_MM
    section.top_margin, section.bottom_margin = _margin(m.top), _margin(m.bottom)
    section.left_margin, section.right_margin = _margin(m.left), _margin(m.right)
    # Pages are numbered from the second one, at the top centre.
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    p._p.append(field)


def _styles(out: Docx) -> None:
    """Times New Roman 14 for every script slot, so Word does not swap in Calibri for some
    characters, and Vietnamese as the language for the spelling checker."""
    normal = out.styles["Normal"]
    normal.font.name, normal.font.size = L.WORD_FONT, Pt(L.BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), L.WORD_FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)


def _two_columns(out: Docx, rows: int, widths: tuple[float, float]) -> list[list[_Cell]]:
    """A borderless table that places two blocks side by side (heading, signature)."""
    table = out.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)  # the grid, which LibreOffice reads; Word reads the cells
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a block stays whole
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
    return [list(row.cells) for row in table.rows]


def _head(out: Docx, doc: PartyDocument) -> None:
    (issuer, party), (number, date) = _two_columns(out, 2, L.HEAD_COLUMNS_MM)
    left = [(name, Look(bold=bold, align=CENTER)) for name, bold in issuer_lines(doc)]
    _cell_lines(issuer, [*left, ("*", Look(align=CENTER))])
    _cell_lines(party, [(PARTY_HEADING, Look(True, underline=True, size=L.PARTY_PT, align=CENTER))])
    _cell_lines(number, [(number_line(doc), Look(align=CENTER))])
    _cell_lines(date, [(date_line(doc), Look(italic=True, align=CENTER))])


def _title(out: Docx, doc: PartyDocument) -> None:
    first = _write(out.add_paragraph(), type_line(doc), Look(True, size=L.TYPE_PT, align=CENTER))
    first.paragraph_format.space_before = Pt(L.TITLE_GAP_PT)
    _write(out.add_paragraph(), subject_line(doc), Look(True, align=CENTER))
    rule = _write(out.add_paragraph(), "-----", Look(align=CENTER))
    rule.paragraph_format.space_after = Pt(L.TITLE_GAP_PT / 2)


def _body_paragraph(out: Docx, text: str, bold: bool = False) -> None:
    p = _write(out.add_paragraph(), text, Look(bold=bold, align=JUSTIFY))
    fmt = p.paragraph_format
    fmt.first_line_indent = Mm(L.INDENT_MM)
    fmt.space_before = Pt(L.PARAGRAPH_GAP_PT)
    fmt.line_spacing = L.LINE_SPACING
    fmt.keep_with_next = bold  # a heading never ends a page


def _table(out: Docx, block: Table) -> None:
    table = out.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        _cell_lines(cell, [(text, Look(bold=True, size=L.TABLE_PT, align=CENTER))])
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            _cell_lines(cell, [(text, Look(size=L.TABLE_PT, align=CENTER))])
    out.add_paragraph()  # Word merges two adjacent tables; a paragraph keeps them apart


def _foot(out: Docx, doc: PartyDocument) -> None:
    ((recipients, signature),) = _two_columns(out, 1, L.FOOT_COLUMNS_MM)
    small = Look(size=L.RECIPIENTS_PT)
    label = ("Nơi nhận:", Look(bold=True, italic=True))
    _cell_lines(recipients, [label, *((line, small) for line in recipient_lines(doc))])
    sig = doc.signature
    lines = [(text, Look(bold=True, align=CENTER)) for text in (*sig.authority, sig.title)]
    lines += [("", Look(align=CENTER))] * L.SIGN_SPACE_LINES
    _cell_lines(signature, [*lines, (sig.name, Look(bold=True, align=CENTER))])


def to_docx(doc: PartyDocument) -> bytes:
    out = new_docx()
    _page(out)
    _styles(out)
    _head(out, doc)
    _title(out, doc)
    for block in doc.body:
        if isinstance(block, Table):
            _table(out, block)
        else:
            _body_paragraph(out, block.text, bold=isinstance(block, Heading))
    _foot(out, doc)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
