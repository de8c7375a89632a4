"""The grading pages' rows of the permission matrix (``tests/site/test_permissions.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.grading import services as grading
from xaydungdang.grading.models import Grading
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people


def objects() -> dict[str, Any]:
    """A grading made by the HCMC city committee (made once)."""
    city = Unit.objects.get(code="tu-hcm")
    row = Grading.objects.filter(unit=city).first()
    if row is None:
        person = people.person_create(full_name="Mai Văn Xếp", managing_unit=city, actor=SYSTEM_CLI)
        row = grading.grading_record(
            person=person, unit=city, year=2024, level="good", actor=SYSTEM_CLI
        )
    return {"grading": row}


MATRIX: dict[str, tuple[Callable[[dict[str, Any]], Any], int, int]] = {
    "grading:list": (lambda o: [], 200, 200),
    "grading:create": (lambda o: [], 200, 200),
    "grading:edit": (lambda o: [o["grading"].pk], 404, 200),
    "grading:unit_report": (lambda o: [o["unit"].pk], 404, 200),
}
