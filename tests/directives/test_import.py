"""Excel import of a task list: all-or-nothing, with row-numbered Vietnamese errors."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from xaydungdang.core.models import ChangeRecord
from xaydungdang.directives.imports import COLUMNS, import_tasks
from xaydungdang.directives.models import Document, Task
from xaydungdang.org.models import Unit


def sheet(rows: list[list[Any]], header: list[str] = COLUMNS) -> io.BytesIO:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(header)
    for r in rows:
        ws.append(r)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


@pytest.fixture
def units(plan: Document, make_unit: Callable[..., Unit]) -> dict[str, Unit]:
    return {
        "board": make_unit(
            "Ban Tổ chức Tỉnh ủy A",
            parent=plan.issuer,
            kind="advisory_board",
            code="btc-a",
            aliases=["BTC Tỉnh ủy A"],
        ),
        "ward": make_unit("Đảng ủy xã Hòa Bình", parent=plan.issuer, kind="commune_committee"),
    }


def test_a_good_sheet_creates_every_task(
    plan: Document, units: dict[str, Unit], superuser: object
) -> None:
    rows = [
        [1, "Rà soát tổ chức bộ máy", "btc-a", "dang uy xa hoa binh", "31/12/2019", "Báo cáo", 2],
        [2, "Tinh giản biên chế", "BTC Tỉnh ủy A", "", dt.datetime(2021, 12, 31), "", None],
        [None, None, None, None, None, None, None],  # blank lines are skipped
        [3, "Kiện toàn đảng ủy xã", "Đảng ủy xã Hòa Bình", "", "", "", 1],
    ]
    assert import_tasks(document=plan, file=sheet(rows), actor=superuser) == 3
    tasks = list(plan.tasks.order_by("ordinal"))
    assert [t.lead_unit for t in tasks] == [units["board"], units["board"], units["ward"]]
    assert tasks[0].deadline == dt.date(2019, 12, 31) and tasks[0].weight == 2
    assert list(tasks[0].coordinating_units.all()) == [units["ward"]]
    assert tasks[1].deadline == dt.date(2021, 12, 31) and tasks[1].weight == 1


def test_one_bad_row_and_nothing_is_written(
    plan: Document, units: dict[str, Unit], superuser: object
) -> None:
    rows = [
        [1, "Việc tốt", "btc-a", "", "31/12/2019", "", 1],
        [2, "", "btc-a", "", "", "", 1],
        [3, "Việc", "Ban không có", "", "", "", 1],
        [4, "Việc", "btc-a", "Đơn vị lạ", "31/02/2020", "", "hai"],
        [5, "Việc", "btc-a", "", "01/01/2017", "", 1],
    ]
    before = (Task.objects.count(), ChangeRecord.objects.count())
    with pytest.raises(ValidationError) as err:
        import_tasks(document=plan, file=sheet(rows), actor=superuser)
    assert err.value.messages == [
        "Dòng 3: thiếu nội dung nhiệm vụ.",
        "Dòng 4: không tìm thấy đơn vị chủ trì “Ban không có” trong phạm vi của bạn.",
        "Dòng 5: không tìm thấy đơn vị phối hợp “Đơn vị lạ” trong phạm vi của bạn.",
    ]
    assert (Task.objects.count(), ChangeRecord.objects.count()) == before
    rows = [
        [1, "Việc tốt", "btc-a", "", "31/12/2019", "", 1],
        [2, "Việc", "btc-a", "", "01/01/2017", "", 1],
    ]
    with pytest.raises(ValidationError) as err:
        import_tasks(document=plan, file=sheet(rows), actor=superuser)
    assert err.value.messages == ["Dòng 3: Thời hạn không được trước ngày ban hành văn bản."]
    assert (Task.objects.count(), ChangeRecord.objects.count()) == before


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (io.BytesIO(b"not an excel file"), "Tệp không phải bảng tính Excel (.xlsx) hợp lệ."),
        (None, "Dòng 1: tiêu đề cột phải là"),
        ("empty", "Tệp không có dòng nhiệm vụ nào."),
        ("bad date", "Dòng 2: thời hạn “31/02/2020” không hợp lệ (dd/mm/yyyy)."),
    ],
)
def test_file_level_errors(
    plan: Document, units: dict[str, Unit], superuser: object, payload: Any, message: str
) -> None:
    if payload is None:
        payload = sheet([[1, "x", "btc-a"]], header=["A", "B"])
    elif payload == "empty":
        payload = sheet([])
    elif payload == "bad date":
        payload = sheet([[1, "Việc", "btc-a", "", "31/02/2020", "", 1]])
    with pytest.raises(ValidationError) as err:
        import_tasks(document=plan, file=payload, actor=superuser)
    assert err.value.messages[0].startswith(message)
    assert Task.objects.count() == 0


def test_units_outside_scope_are_not_found(
    plan: Document,
    units: dict[str, Unit],
    make_unit: Callable[..., Unit],
    scoped_user: Callable[..., object],
) -> None:
    user = scoped_user("a-editor", plan.issuer)
    make_unit("Tỉnh ủy Khác", code="tu-khac")
    with pytest.raises(ValidationError) as err:
        import_tasks(document=plan, file=sheet([[1, "Việc", "tu-khac", "", "", "", 1]]), actor=user)
    assert "không tìm thấy đơn vị chủ trì “tu-khac”" in err.value.messages[0]
    assert (
        import_tasks(document=plan, file=sheet([[1, "Việc", "btc-a", "", "", "", 1]]), actor=user)
        == 1
    )
