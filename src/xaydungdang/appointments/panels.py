"""What appointments shows on other pages: the cases on the person page, the cases part of a
cadre's record, and the case history."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from xaydungdang.cadres.record import RecordSection
from xaydungdang.core.access import VIEW
from xaydungdang.core.dates import vn_date
from xaydungdang.people.selectors import may_change
from xaydungdang.ui.history import rows_of, rows_of_ids
from xaydungdang.ui.panels import Panel

from .models import AppointmentCase, CaseStep


def _cases(user: Any, person: Any) -> Any:
    cases = AppointmentCase.objects.restrict(user, VIEW).filter(person=person)
    related = cases.select_related("title", "unit", "decision")
    return related.annotate(steps_done=Count("steps")).order_by("-opened_on", "-pk")


def person_cases_panel(request: Any, person: Any) -> Panel:
    user = request.user
    can_open = may_change(user, person)
    context = {"person": person, "cases": list(_cases(user, person)), "can_open": can_open}
    return Panel("appointments/_person_cases.html", context)


def record_section(user: Any, person: Any) -> RecordSection:
    rows = tuple(
        (
            vn_date(c.opened_on),
            c.title.label(c.unit.name),
            c.kind_label,
            f"{c.steps_done} bước",
            c.get_status_display() + (f" ({c.decision})" if c.decision else ""),
        )
        for c in _cases(user, person)
    )
    columns = ("Ngày mở", "Chức danh dự kiến", "Loại hồ sơ", "Đã qua", "Kết quả")
    return RecordSection(70, "Quy trình bổ nhiệm", columns, rows, "Chưa có hồ sơ bổ nhiệm.")


def case_history(user: Any, pk: int) -> tuple[Any, Q, str]:
    case = AppointmentCase.objects.restrict(user, VIEW).get(pk=pk)
    steps = CaseStep.objects.filter(case=case).values_list("pk", flat=True)
    rows = rows_of(case) | rows_of_ids(CaseStep, steps)
    return case, rows, reverse("appointments:case", args=[pk])
