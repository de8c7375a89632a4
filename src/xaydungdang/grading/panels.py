"""What grading shows on other pages: the gradings on the person page and in the record."""

from __future__ import annotations

from typing import Any

from xaydungdang.cadres.record import RecordSection
from xaydungdang.core.access import VIEW
from xaydungdang.people.selectors import may_change
from xaydungdang.ui.panels import Panel

from .models import Grading


def _gradings(user: Any, person: Any) -> Any:
    found = Grading.objects.restrict(user, VIEW).filter(person=person)
    return found.select_related("unit").order_by("-year")


def person_gradings_panel(request: Any, person: Any) -> Panel:
    user = request.user
    can_change = may_change(user, person)
    context = {
        "person": person,
        "gradings": list(_gradings(user, person)),
        "can_change": can_change,
    }
    return Panel("grading/_person_gradings.html", context)


def record_section(user: Any, person: Any) -> RecordSection:
    rows = tuple(
        (str(g.year), g.unit.name, "—" if g.score is None else str(g.score), g.get_level_display())
        for g in _gradings(user, person)
    )
    columns = ("Năm", "Đơn vị đánh giá", "Điểm", "Mức xếp loại")
    return RecordSection(60, "Kết quả đánh giá, xếp loại chất lượng", columns, rows)
