"""Reading a generated Word or PDF file back, the way a reader would see it: python-docx for
the Word file, poppler's pdftotext and pypdf for the PDF."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
from docx import Document as read_docx
from docx.document import Document as Docx
from docx.shared import Length
from docx.text.paragraph import Paragraph

PT_PER_MM = 72 / 25.4
NS = "{http://www.w3.org/1999/xhtml}"


def docx(data: bytes) -> Docx:
    return read_docx(io.BytesIO(data))


def mm(length: Length | None) -> float:
    assert length is not None
    return length / 36000  # EMU per mm


def bold(p: Paragraph) -> bool:
    return bool(p.runs) and all(r.bold for r in p.runs if r.text.strip())


def italic(p: Paragraph) -> bool:
    return bool(p.runs) and all(r.italic for r in p.runs if r.text.strip())


def texts(paragraphs: list[Paragraph]) -> list[str]:
    return [p.text for p in paragraphs if p.text.strip()]


@dataclasses.dataclass
class Line:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def pdf_lines(data: bytes) -> list[Line]:
    """Every text line of the PDF with its box in points (pdftotext -bbox-layout)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(data)
        xml = subprocess.run(
            ["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True
        ).stdout
    lines = []
    for number, page in enumerate(ET.fromstring(xml).iter(f"{NS}page"), start=1):
        for line in page.iter(f"{NS}line"):
            words = " ".join(w.text or "" for w in line.iter(f"{NS}word"))
            box = [float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")]
            lines.append(Line(number, unicodedata.normalize("NFC", words), *box))
    return lines


def pdf_text(data: bytes) -> str:
    """The PDF's text in reading order, as pdftotext gives it."""
    out = subprocess.run(["pdftotext", "-", "-"], input=data, check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def pdf_fonts(data: bytes) -> set[str]:
    """The base names of the fonts the PDF embeds ("Liberation-Serif-Bold"), subset tags off."""
    fonts = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return fonts


def first(lines: list[Line], start: str) -> Line:
    found = [line for line in lines if line.text.startswith(start)]
    assert found, f"no line starts with {start!r}: {[line.text for line in lines]}"
    return found[0]


@dataclasses.dataclass
class Run:
    text: str
    font: str  # "Liberation-Serif-Bold-Italic"
    size: float  # points

    @property
    def bold(self) -> bool:
        return "Bold" in self.font

    @property
    def italic(self) -> bool:
        return "Italic" in self.font


def pdf_runs(data: bytes, page: int = 0) -> list[Run]:
    """The text pieces of a page with the font and size each is drawn in."""
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and isinstance(font, dict):
            name = str(font.get("/BaseFont")).split("+")[-1]
            scale = abs(cm[0] * tm[0])
            runs.append(
                Run(unicodedata.normalize("NFC", text.strip()), name, round(size * scale, 1))
            )

    pypdf.PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return runs


def run_of(runs: list[Run], start: str) -> Run:
    found = [r for r in runs if r.text.startswith(start)]
    assert found, f"no text starts with {start!r}: {[r.text for r in runs]}"
    return found[0]
