"""How the service contract (tests/core/test_service_contract.py) calls the cadre services on
the demo data: ``hcm`` may, ``hanoi`` may not."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xaydungdang.cadres import services as cadres
from xaydungdang.cadres.models import DecisionStatus
from xaydungdang.cadres.services import rotations
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.people.models import Title

D = dt.date


def _decision(w: Any, **kw: Any) -> dict[str, Any]:
    title = Title.objects.get(name="Phó Bí thư")
    return dict(kind="appointment", person=w.person(), issuer=w.city, signed_on=D(2024, 3, 1),
                title=title, unit=w.city, **kw)  # fmt: skip


def _proposed(w: Any) -> Any:
    return cadres.decision_issue(**_decision(w, status=DecisionStatus.PROPOSED), actor=SYSTEM_CLI)


CASES = {
    "decision_issue": ("hcm", lambda w: _decision(w)),
    "decision_confirm": ("hcm", lambda w: dict(decision=_proposed(w))),
}


def _rotation(w: Any) -> dict[str, Any]:
    title = Title.objects.get(name="Phó Bí thư")
    return dict(person=w.person(), from_unit=w.cell, to_unit=w.other_cell, to_title=title,
                start=D(2024, 3, 1), planned_end=D(2026, 3, 1), purpose="Rèn luyện ở cơ sở",
                issuer=w.city)  # fmt: skip


def _active_rotation(w: Any) -> Any:
    return rotations.rotation_start(**_rotation(w), actor=SYSTEM_CLI)


CASES.update(
    {
        "rotation_start": ("hcm", _rotation),
        "rotation_end": (
            "hcm",
            lambda w: dict(rotation=_active_rotation(w), ended_on=D(2025, 1, 1)),
        ),
    }
)
