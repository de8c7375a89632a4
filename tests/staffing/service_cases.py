"""How the service contract (tests/core/test_service_contract.py) calls the staffing services
on the demo data: ``hcm`` may, ``hanoi`` may not."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.staffing import services as staffing

D = dt.date


def position(w: Any) -> Any:
    return staffing.position_create(
        unit=w.city, name="Chuyên viên tổ chức", kind="professional", valid_from=D(2023, 1, 1),
        decision_number="12-QĐ/TU", decision_date=D(2022, 12, 20), actor=SYSTEM_CLI,
    )  # fmt: skip


CASES = {
    "position_create": ("hcm", lambda w: dict(
        unit=w.city, name="Chuyên viên kiểm tra", kind="professional", valid_from=D(2024, 1, 1),
        decision_number="15-QĐ/TU", decision_date=D(2023, 12, 1))),
    "position_abolish": ("hcm", lambda w: dict(
        position=position(w), valid_to=D(2025, 7, 1), decision_number="30-QĐ/TU",
        decision_date=D(2025, 6, 20))),
    "quota_set": ("hcm", lambda w: dict(
        unit=w.cell, year=2025, kind="party", number=12, decision_number="40-QĐ/TU",
        decision_date=D(2025, 1, 10))),
}  # fmt: skip
