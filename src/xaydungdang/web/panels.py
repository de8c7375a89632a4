"""Sections that other apps add to the unit and person pages (org and people do not import
them: programs registers its event lists here in its ``ready``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any


@dataclasses.dataclass(frozen=True)
class Panel:
    template: str
    context: dict[str, Any]


PanelFn = Callable[[Any, Any], Panel | None]
UNIT_PANELS: list[PanelFn] = []
PERSON_PANELS: list[PanelFn] = []
DOCUMENT_PANELS: list[PanelFn] = []
EVENT_PANELS: list[PanelFn] = []


def render_panels(registry: list[PanelFn], user: Any, obj: Any) -> list[Panel]:
    return [p for p in (fn(user, obj) for fn in registry) if p is not None]
