"""How the service contract (tests/core/test_service_contract.py) calls the grading services
on the demo data: ``hcm`` may, ``hanoi`` may not."""

from __future__ import annotations

from typing import Any

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.grading import services as grading


def graded(w: Any) -> Any:
    return grading.grading_record(
        person=w.person(), unit=w.city, year=2023, level="good", actor=SYSTEM_CLI
    )


CASES = {
    "grading_record": ("hcm", lambda w: dict(person=w.person(), unit=w.city, year=2025,
                                             score=92)),
    "grading_update": ("hcm", lambda w: dict(grading=graded(w), level="excellent")),
}  # fmt: skip
