"""Excel in and out. Out: any list as one sheet, a bold header, dates as dd/mm/yyyy cells, and
text that looks like a formula kept as text (``append``: every writer uses it). In: the rows of a
sheet read as a stream without trusting its ``<dimension>`` tag, a broken file a Vietnamese
``ValidationError`` however deep the damage is (``sheet_rows``)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@")
# What a damaged .xlsx raises from openpyxl, zipfile and the XML parsers (lxml's and the
# standard library's parse errors are SyntaxErrors), when it is opened or while it is read.
BROKEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    OSError,
    ValueError,
    TypeError,
    AttributeError,
    SyntaxError,
)
NOT_XLSX = "Tệp không phải bảng tính Excel (.xlsx) hợp lệ."


def append(sheet: Any, values: Sequence[Any]) -> None:
    """``sheet.append(values)``, but a text that begins with = + - or @ stays text: it is
    stored as a string and marked with a quote prefix, so no spreadsheet evaluates it."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        value = cell.value
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True


def workbook_bytes(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    append(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(h) for h in headers]
    for row in rows:
        append(sheet, row)
        for i, value in enumerate(row):
            widths[i] = max(widths[i], min(len(str(value or "")), 80))
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width + 2
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    filename: str, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    response = HttpResponse(workbook_bytes(title, headers, rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def sheet_rows(source: bytes | Path | IO[bytes]) -> Iterator[tuple[Any, ...]]:
    """The value rows of the first sheet, as a stream (row 1 first; an absent row is ``()``).
    The sheet's ``<dimension>`` tag is not trusted (a wrong tag would cut the sheet short)."""
    try:
        book = load_workbook(
            io.BytesIO(source) if isinstance(source, bytes) else source,
            read_only=True,
            data_only=True,
        )
    except BROKEN:
        raise ValidationError(NOT_XLSX) from None
    try:
        if not book.worksheets:
            raise ValidationError(NOT_XLSX)
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except BROKEN:
                raise ValidationError(NOT_XLSX + " Nội dung trang tính bị hỏng.") from None
            yield row
    finally:
        book.close()
