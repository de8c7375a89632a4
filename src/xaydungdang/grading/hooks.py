"""What grading adds to the other pages: the gradings on the person page and in the cadre
record, the hub's section and the report on the unit page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from xaydungdang.core import hooks
from xaydungdang.ui.history import simple_target
from xaydungdang.ui.panels import Panel

from . import panels
from .models import Grading

hooks.PERSON_PANELS.register(panels.person_gradings_panel, order=60)
hooks.CADRE_RECORD_SECTIONS.register(panels.record_section, order=60)


@hooks.CADRE_SECTIONS.register(order=60)
def sections() -> list[tuple[int, str, str]]:
    return [(60, "Đánh giá, xếp loại chất lượng hằng năm", "grading:list")]


@hooks.UNIT_PANELS.register(order=60)
def unit_link(request: Any, unit: Any) -> Panel:
    url = reverse("grading:unit_report", args=[unit.pk])
    return Panel("grading/_unit_link.html", {"url": url})


@hooks.HISTORY_TARGETS.register
def history_targets() -> dict[str, Any]:
    return {"grading": simple_target(Grading, "grading:list")}
