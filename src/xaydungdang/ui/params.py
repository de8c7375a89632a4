"""Query-string values read safely: a bad value is an error message, never an exception.
Ids are read by ``core.access.parse_id`` (ASCII decimal digits of a bounded length)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone

from xaydungdang.core.access import parse_id
from xaydungdang.core.dates import parse_vn_date

__all__ = ["day_param", "int_param", "parse_id"]


def int_param(request: HttpRequest, key: str) -> int | None:
    """The id in ``request.GET[key]``, or None when it is missing or not an id."""
    return parse_id(request.GET.get(key, ""))


def day_param(request: HttpRequest, key: str = "ngay") -> tuple[dt.date, str]:
    """The date asked for (dd/mm/yyyy), today by default, and the error text of a bad one."""
    text = request.GET.get(key, "").strip()
    if not text:
        return timezone.localdate(), ""
    try:
        return parse_vn_date(text), ""
    except ValueError as exc:
        return timezone.localdate(), str(exc)
