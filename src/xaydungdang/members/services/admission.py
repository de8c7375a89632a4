"""The admission rules as one pure module: data in, a list of Vietnamese errors out (no
database). ``member_admit`` and the member-file importer both use it; the rule values (minimum
age, probation) are resolved by the caller (once per date for millions of rows) and passed in.

The errors are phrases ("chưa đủ 18 tuổi vào ngày quyết định kết nạp"): the importer writes
them after "Dòng N:", a service as sentences (``sentences``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from xaydungdang.core.dates import vn_date
from xaydungdang.members.choices import CELL_KINDS

Shift = Callable[[dt.date, int], dt.date]


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


class CellLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def valid_from(self) -> dt.date | None: ...
    @property
    def valid_to(self) -> dt.date | None: ...


def cell_errors(cell: CellLike, day: dt.date, code: str = "") -> list[str]:
    """The cell must be a chi bộ, active on ``day`` (``code``: as a file wrote it)."""
    if cell.kind not in CELL_KINDS:
        problem = "không phải chi bộ"
    elif cell.valid_to is not None and cell.valid_to <= day:
        problem = f"đã kết thúc hoạt động ngày {vn_date(cell.valid_to)}"
    elif cell.valid_from is not None and day < cell.valid_from:
        problem = f"chưa hoạt động vào ngày {vn_date(day)}"
    else:
        return []
    return [f"“{cell.name}” ({code}) {problem}" if code else f"“{cell.name}” {problem}"]


def date_errors(
    *,
    birth: dt.date,
    decision: dt.date,
    ceremony: dt.date,
    today: dt.date,
    min_age_months: int,
    full: dt.date | None = None,
    probation_months: int | None = None,
    later: Shift = add_months,
) -> list[str]:
    """Dates in order and not in the future; old enough on the decision date; a full date no
    earlier than the probation allows. ``later`` is ``add_months`` (the importer caches it)."""
    errors: list[str] = []
    if decision > today or ceremony > today or birth > today or (full and full > today):
        errors += [
            f"{what} {vn_date(day)} sau ngày hôm nay"
            for what, day in (
                ("ngày sinh", birth),
                ("ngày quyết định kết nạp", decision),
                ("ngày lễ kết nạp", ceremony),
                ("ngày chính thức", full),
            )
            if day is not None and day > today
        ]
    if ceremony < decision:
        errors.append("ngày lễ kết nạp không được trước ngày quyết định kết nạp")
    if later(birth, min_age_months) > decision:
        errors.append(f"chưa đủ {min_age_months // 12} tuổi vào ngày quyết định kết nạp")
    if (
        full is not None
        and probation_months is not None
        and full < later(ceremony, probation_months)
    ):
        errors.append(f"ngày chính thức sớm hơn {probation_months} tháng dự bị")
    return errors


def sentences(errors: list[str]) -> list[str]:
    """The phrases as sentences, for a ``ValidationError``."""
    return [e[:1].upper() + e[1:] + "." if not e.startswith("“") else e + "." for e in errors]
