"""Template filters: dates as dd/mm/yyyy and periods (the audit diff is ``ui.diff``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from xaydungdang.core.dates import vn_date, vn_period

register = template.Library()


@register.filter
def vndate(value: Any, empty: str = "") -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%d/%m/%Y %H:%M") if value.tzinfo else vn_date(value)
    if isinstance(value, dt.date):
        return vn_date(value)
    if isinstance(value, str) and len(value) == 10:
        try:
            return vn_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return empty if value in (None, "") else str(value)


@register.simple_tag
def period(start: dt.date | None, end: dt.date | None) -> str:
    """A half-open period as people read it (``core.dates.vn_period``)."""
    return vn_period(start, end)


@register.filter
def width_class(value: Any) -> str:
    """A share in percent as a CSS class ``w-0`` … ``w-100``: bars get their width from the
    style sheet, since the Content-Security-Policy allows no inline style."""
    try:
        share = round(float(value))
    except (TypeError, ValueError):
        share = 0
    return f"w-{min(100, max(0, share))}"


@register.filter
def depth_class(value: Any) -> str:
    """A tree depth as the indentation class ``depth-0`` … ``depth-8``."""
    try:
        depth = int(value)
    except (TypeError, ValueError):
        depth = 0
    return f"depth-{min(8, max(0, depth))}"
