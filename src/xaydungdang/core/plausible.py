"""Plausible dates: one check that every service (and so every form and import) runs on the
dates it stores. The bounds live in the dated rule registry, per kind of date:
``dates.earliest.<kind>`` (ISO date) and ``dates.max_future_days.<kind>`` (days after today).
A date such as 01/01/0001 or 31/12/9999 is refused with a Vietnamese message, before it can
break a later computation (a probation end in the year 10000, an event that blocks all later
ones)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import timezone

from .dates import vn_date

KINDS = ("admission", "event", "tenure", "progress", "rename", "birth")
Bounds = tuple[dt.date, dt.date]


def bounds(kind: str, today: dt.date | None = None) -> Bounds:
    """(earliest, latest) allowed for a date of ``kind``, by the rules in force today."""
    from . import rules

    today = today or timezone.localdate()
    earliest = dt.date.fromisoformat(str(rules.resolve(f"dates.earliest.{kind}", today).value))
    days = int(rules.resolve(f"dates.max_future_days.{kind}", today).value)
    latest = today + dt.timedelta(days=days) if days < 3_000_000 else dt.date.max
    return earliest, latest


def problem(day: dt.date, what: str, limits: Bounds) -> str:
    """Why ``day`` is not plausible for ``what`` (a field label), or ""."""
    earliest, latest = limits
    if day < earliest:
        return f"{what} {vn_date(day)} không hợp lệ: không được trước ngày {vn_date(earliest)}."
    if day > latest:
        return f"{what} {vn_date(day)} không hợp lệ: không được sau ngày {vn_date(latest)}."
    return ""


def check_date(day: dt.date | None, kind: str, what: str, today: dt.date | None = None) -> None:
    """Raise a ValidationError in Vietnamese when ``day`` is outside the bounds of ``kind``."""
    if day is None:
        return
    message = problem(day, what, bounds(kind, today))
    if message:
        raise ValidationError(message)


def checker(kind: str, today: dt.date | None = None) -> Callable[[dt.date, str], str]:
    """``problem`` with the bounds of ``kind`` read once (an import of millions of rows)."""
    limits = bounds(kind, today)
    return lambda day, what: problem(day, what, limits)
