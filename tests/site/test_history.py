"""The history tab reads like the rest of the site: field labels, choice labels, names of
linked objects, dates as dd/mm/yyyy; internal columns hidden; long values wrap."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.ui import diff


def _diff_cells(body: str) -> str:
    return " ".join(re.findall(r'<table class="diff small">(.*?)</table>', body, re.S))


def test_unit_history_is_labelled(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    hcm = demo["tu-hcm"]
    cell = org.unit_create(
        spec=org.UnitSpec(name="Chi bộ Thử", kind="grassroots_cell", parent=hcm, code="cb-thu"),
        valid_from=dt.date(2024, 7, 1),
        actor=SYSTEM_CLI,
    )
    org.unit_rename(
        unit=cell, name="Chi bộ Thử Nghiệm", effective_date=dt.date(2025, 1, 2), actor=SYSTEM_CLI
    )
    body = client_for("hcm").get(reverse("history", args=["unit", cell.pk])).content.decode()
    cells = _diff_cells(body)
    for shown in ("Tên", "Chi bộ Thử Nghiệm", "Loại", "Chi bộ cơ sở", "Trực thuộc",
                  "Thành ủy Thành phố Hồ Chí Minh", "Hiệu lực từ", "01/07/2024", "Mã"):  # fmt: skip
        assert shown in cells, shown
    for hidden in ("path", "sort_key", "search_text", "is_demo", "Dữ liệu minh họa",
                   "grassroots_cell", "2024-07-01", "parent_id"):  # fmt: skip
        assert hidden not in cells, hidden


def test_values_of_every_kind() -> None:
    field = Unit._meta.get_field
    assert diff.show(field("valid_from"), "2025-07-01") == "01/07/2025"
    assert diff.show(field("kind"), "provincial_committee") == "Tỉnh ủy, Thành ủy"
    assert diff.show(field("is_demo"), False) == "Không"
    assert diff.show(field("code"), None) == diff.EMPTY
    assert diff.show(field("parent"), 7, {}) == "mã 7"
    assert diff.show(None, ["Ban Tổ chức", "BTC"]) == '["Ban Tổ chức", "BTC"]'
    at = ChangeRecord._meta.get_field("at")
    assert diff.show(at, "2025-07-01T01:30:00+00:00") == "01/07/2025 08:30"
    assert diff.label_of(field("parent")) == "Trực thuộc"
    assert diff.is_hidden("sort_key") and diff.is_hidden("folded_name") and diff.is_hidden("path")


def test_unknown_object_type_falls_back_to_keys(db: None) -> None:
    record = ChangeRecord(object_type="khong.co", action="update", before={"a": 1}, after={"a": 2})
    assert diff.field_changes(record) == [diff.FieldChange("a", "1", "2")]
