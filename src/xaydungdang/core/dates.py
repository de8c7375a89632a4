"""Dates as Vietnamese users write them: dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt


def vn_date(day: dt.date | None, empty: str = "") -> str:
    """dd/mm/yyyy, always with two-digit day and month and a four-digit year (strftime's %Y
    gives "1" for the year 1 on Linux)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else empty


def vn_period(start: dt.date | None, end: dt.date | None) -> str:
    """A half-open period [start, end) as people read it: from the first to the last day held."""
    left = vn_date(start) if start else "không rõ"
    right = vn_date(end - dt.timedelta(days=1)) if end else "nay"
    return f"{left} – {right}"


def parse_vn_date(text: str) -> dt.date:
    """Parse dd/mm/yyyy (also with - or .) or ISO yyyy-mm-dd; ValueError in Vietnamese otherwise."""
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"Ngày “{text}” không hợp lệ; hãy nhập theo dạng dd/mm/yyyy.")
