"""How the service contract (tests/core/test_service_contract.py) calls the appointment
services on the demo data: ``hcm`` may, ``hanoi`` may not."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xaydungdang.appointments import services as appointments
from xaydungdang.appointments.models import AppointmentCase
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.people.models import Title

D = dt.date
OPENED = D(2024, 3, 1)


def open_case(w: Any, kind: str = "noi-khac", on: dt.date = OPENED) -> AppointmentCase:
    title = Title.objects.get(name="Phó Bí thư")
    return appointments.case_open(
        person=w.person(), title=title, unit=w.city, kind=kind, opened_on=on, actor=SYSTEM_CLI
    )


def vote(day: dt.date, total: int = 9, present: int = 9, votes_for: int = 7) -> Any:
    return appointments.Vote(held_on=day, members_total=total, present=present, votes_for=votes_for)


def done_case(w: Any) -> AppointmentCase:
    """A case whose every step is recorded (the external source: three steps)."""
    case = open_case(w)
    for i, code in enumerate(("de-xuat", "trao-doi-noi-cong-tac", "bieu-quyet")):
        appointments.case_record_step(
            case=case, code=code, vote=vote(OPENED + dt.timedelta(days=i + 1)), actor=SYSTEM_CLI
        )
    return case


CASES = {
    "case_open": ("hcm", lambda w: dict(person=w.person(), title=Title.objects.get(
        name="Phó Bí thư"), unit=w.city, kind="tai-cho", opened_on=OPENED)),
    "case_record_step": ("hcm", lambda w: dict(case=open_case(w), code="de-xuat",
                                               vote=vote(OPENED))),
    "case_complete": ("hcm", lambda w: dict(case=done_case(w), decision=appointments.DecisionSpec(
        issuer=w.city, signed_on=D(2024, 4, 1), number="15-QĐ/TU"))),
    "case_cancel": ("hcm", lambda w: dict(case=open_case(w), day=D(2024, 3, 5),
                                          reason="Nhân sự xin rút")),
}  # fmt: skip
