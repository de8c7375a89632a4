"""The cadre app's hooks: its sections of the hub, its parts of the cadre record, and the
career link on the person page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from xaydungdang.core import hooks
from xaydungdang.ui.panels import Panel
from xaydungdang.ui.record import RecordSection

from . import record, selectors


@hooks.CADRE_SECTIONS.register
def hub_sections() -> list[tuple[int, str, str]]:
    return [
        (10, "Danh sách cán bộ giữ chức danh (theo đơn vị, theo ngày)", "cadres:holders"),
        (20, "Quyết định nhân sự", "cadres:decisions"),
        (40, "Luân chuyển cán bộ", "cadres:rotations"),
    ]


@hooks.CADRE_RECORD_SECTIONS.register
def posts(user: Any, person: Any) -> RecordSection:
    return record.posts_section(user, person)


@hooks.CADRE_RECORD_SECTIONS.register
def decisions(user: Any, person: Any) -> RecordSection:
    return record.decisions_section(user, person)


@hooks.CADRE_RECORD_SECTIONS.register
def rotations(user: Any, person: Any) -> RecordSection:
    return record.rotations_section(user, person)


def person_cadre_panel(request: HttpRequest, person: Any) -> Panel:
    rows = selectors.decisions_of(request.user, person)[:10]
    return Panel("cadres/_person_panel.html", {"person": person, "decisions": rows})


hooks.PERSON_PANELS.register(person_cadre_panel, order=20)
