"""The appointment pages' rows of the permission matrix (``tests/site/test_permissions.py``):
an HCMC case, refused to a Hanoi user as absent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from xaydungdang.appointments import services as appointments
from xaydungdang.appointments.models import AppointmentCase
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Title


def objects() -> dict[str, Any]:
    """An open case of the HCMC city committee (made once)."""
    city = Unit.objects.get(code="tu-hcm")
    case = AppointmentCase.objects.filter(unit=city, status="open").first()
    if case is None:
        person = people.person_create(full_name="Hồ Văn Thẩm", managing_unit=city, actor=SYSTEM_CLI)
        case = appointments.case_open(
            person=person, title=Title.objects.get(name="Phó Bí thư"), unit=city,
            kind="tai-cho", opened_on=dt.date(2024, 3, 1), actor=SYSTEM_CLI,
        )  # fmt: skip
    return {"appointment_case": case}


MATRIX: dict[str, tuple[Callable[[dict[str, Any]], Any], int, int]] = {
    "appointments:list": (lambda o: [], 200, 200),
    "appointments:open": (lambda o: [], 200, 200),
    "appointments:case": (lambda o: [o["appointment_case"].pk], 404, 200),
    "appointments:step": (lambda o: [o["appointment_case"].pk], 404, 200),
    "appointments:complete": (lambda o: [o["appointment_case"].pk], 404, 200),
    "appointments:cancel": (lambda o: [o["appointment_case"].pk], 404, 200),
}
