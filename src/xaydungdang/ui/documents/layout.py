"""The measures of the Party layout, shared by the Word and the PDF writer so the two files
look the same: A4, the margins of Hướng dẫn 36-HD/VPTW (top and bottom 20–25 mm, left
30–35 mm, right 15–20 mm; the narrowest allowed, which leaves the most room for text), and the
type sizes of TCVN 6909 fonts."""

from __future__ import annotations

import typing


class Margins(typing.NamedTuple):
    top: float
    right: float
    bottom: float
    left: float


PAGE_MM = (210.0, 297.0)
MARGIN_MM = Margins(top=20.0, right=15.0, bottom=20.0, left=30.0)
TEXT_WIDTH_MM = PAGE_MM[0] - MARGIN_MM.left - MARGIN_MM.right  # 165 mm
HEAD_COLUMNS_MM = (75.0, 90.0)  # issuing body | Party heading and date
FOOT_COLUMNS_MM = (80.0, 85.0)  # recipients | signature

WORD_FONT = "Times New Roman"
# Times New Roman when the machine has it, else Liberation Serif (Debian's fonts-liberation):
# the same widths, so a page breaks where it would in Word. No web fonts: the intranet is closed.
PDF_FONTS = '"Times New Roman", "Liberation Serif", serif'

BODY_PT = 14.0
PARTY_PT = 15.0
TYPE_PT = 16.0
TABLE_PT = 13.0
RECIPIENTS_PT = 12.0
INDENT_MM = 12.7
LINE_SPACING = 1.15
PARAGRAPH_GAP_PT = 6.0
TITLE_GAP_PT = 12.0
SIGN_SPACE_LINES = 4  # room for the signature and the seal
