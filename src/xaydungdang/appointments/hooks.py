"""What appointments adds to the other pages: the cases on the person page, the cases part of
the cadre record, the hub's section and the case history."""

from __future__ import annotations

from typing import Any

from xaydungdang.core import hooks

from . import panels

hooks.PERSON_PANELS.register(panels.person_cases_panel, order=70)
hooks.CADRE_RECORD_SECTIONS.register(panels.record_section, order=70)


@hooks.CADRE_SECTIONS.register(order=70)
def sections() -> list[tuple[int, str, str]]:
    return [(70, "Hồ sơ bổ nhiệm (quy trình bổ nhiệm)", "appointments:list")]


@hooks.HISTORY_TARGETS.register
def history_targets() -> dict[str, Any]:
    return {"appointment_case": panels.case_history}
