"""How the service contract (tests/core/test_service_contract.py) calls the cadre services on
the demo data: ``hcm`` may, ``hanoi`` may not."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xaydungdang.cadres import services as cadres
from xaydungdang.cadres.models import DecisionStatus
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
