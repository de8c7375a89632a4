"""The admission rules, pure: data in, Vietnamese errors out; the importer and
``member_admit`` give the same answers."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from xaydungdang.members.services import admission

D = dt.date
TODAY = D(2026, 1, 1)


class Cell(NamedTuple):
    name: str
    kind: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


def errors(**changes: object) -> list[str]:
    data: dict[str, object] = {
        "birth": D(2000, 1, 1),
        "decision": D(2020, 1, 1),
        "ceremony": D(2020, 1, 10),
        "today": TODAY,
        "min_age_months": 216,
    }
    return admission.date_errors(**{**data, **changes})  # type: ignore[arg-type]


def test_good_dates_give_no_error() -> None:
    assert errors() == []
    assert errors(birth=D(2002, 1, 1)) == []  # 18 years to the day


def test_each_rule() -> None:
    assert errors(birth=D(2002, 1, 2)) == ["chưa đủ 18 tuổi vào ngày quyết định kết nạp"]
    assert errors(ceremony=D(2019, 12, 31)) == [
        "ngày lễ kết nạp không được trước ngày quyết định kết nạp"
    ]
    assert errors(decision=D(2026, 2, 1), ceremony=D(2026, 2, 2)) == [
        "ngày quyết định kết nạp 01/02/2026 sau ngày hôm nay",
        "ngày lễ kết nạp 02/02/2026 sau ngày hôm nay",
    ]
    assert errors(full=D(2020, 6, 1), probation_months=12) == [
        "ngày chính thức sớm hơn 12 tháng dự bị"
    ]


def test_the_cell_must_be_an_active_chi_bo() -> None:
    day = D(2020, 1, 1)
    assert admission.cell_errors(Cell("Chi bộ 1", "grassroots_cell"), day) == []
    assert admission.cell_errors(Cell("Đảng ủy xã", "grassroots_committee"), day) == [
        "“Đảng ủy xã” không phải chi bộ"
    ]
    ended = Cell("Chi bộ cũ", "grassroots_cell", valid_to=D(2019, 1, 1))
    assert admission.cell_errors(ended, day, "cb") == [
        "“Chi bộ cũ” (cb) đã kết thúc hoạt động ngày 01/01/2019"
    ]
    later = Cell("Chi bộ mới", "grassroots_cell", valid_from=D(2021, 1, 1))
    assert admission.cell_errors(later, day) == ["“Chi bộ mới” chưa hoạt động vào ngày 01/01/2020"]
    assert admission.sentences(["chưa đủ 18 tuổi"]) == ["Chưa đủ 18 tuổi."]
