"""The cadre apps' rows of the permission matrix (``tests/site/test_permissions.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from xaydungdang.cadres import services as cadres
from xaydungdang.cadres.models import DecisionStatus, PersonnelDecision, Rotation
from xaydungdang.cadres.services import rotations
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Title

CADRE_NAME = "Phan Thị Mỹ Duyên"  # an HCMC cadre of the matrix, never on the public record
ROTATED_NAME = "Đặng Quốc Bảo"


def objects() -> dict[str, Any]:
    """A proposed decision of the HCMC committee about an HCMC cadre."""
    found = PersonnelDecision.objects.filter(person__full_name=CADRE_NAME).first()
    if found is None:
        board = Unit.objects.get(code="btc-hcm")
        cadre = Person.objects.filter(full_name=CADRE_NAME).first() or people.person_create(
            full_name=CADRE_NAME, managing_unit=board, actor=SYSTEM_CLI
        )
        found = cadres.decision_issue(
            kind="appointment", person=cadre, issuer=board.parent, signed_on=dt.date(2025, 9, 1),
            number="999-QĐ/TU", title=Title.objects.get(name="Phó Trưởng ban"), unit=board,
            status=DecisionStatus.PROPOSED, actor=SYSTEM_CLI,
        )  # fmt: skip
    return {"decision": found, "cadre": found.person, "rotation": _rotation()}


def _rotation() -> Rotation:
    found = Rotation.objects.filter(person__full_name=ROTATED_NAME).first()
    if found is not None:
        return found
    board, city = Unit.objects.get(code="btc-hcm"), Unit.objects.get(code="tu-hcm")
    ward = Unit.objects.filter(
        path__startswith=city.path, kind="commune_committee", valid_to__isnull=True
    ).first()
    assert ward is not None
    cadre = people.person_create(full_name=ROTATED_NAME, managing_unit=board, actor=SYSTEM_CLI)
    return rotations.rotation_start(
        person=cadre, from_unit=board, to_unit=ward, to_title=Title.objects.get(name="Bí thư"),
        start=dt.date(2025, 8, 1), planned_end=dt.date(2027, 8, 1),
        purpose="Rèn luyện thực tiễn ở cơ sở", issuer=city, actor=SYSTEM_CLI,
    )  # fmt: skip


MATRIX: dict[str, tuple[Callable[[dict[str, Any]], Any], int, int]] = {
    "cadres:index": (lambda o: [], 200, 200),
    "cadres:decisions": (lambda o: [], 200, 200),
    "cadres:decision_create": (lambda o: [], 200, 200),
    "cadres:decision": (lambda o: [o["decision"].pk], 404, 200),
    "cadres:decision_confirm": (lambda o: [o["decision"].pk], 405, 405),
    "cadres:career": (lambda o: [o["cadre"].pk], 404, 200),
    "cadres:career_docx": (lambda o: [o["cadre"].pk], 404, 200),
    "cadres:holders": (lambda o: [], 200, 200),
    "cadres:rotations": (lambda o: [], 200, 200),
    "cadres:rotation_create": (lambda o: [], 200, 200),
    "cadres:rotation_end": (lambda o: [o["rotation"].pk], 404, 200),
}
