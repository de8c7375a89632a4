"""Sections that later apps add to the pages of lower ones (a unit's members on the unit page):
the page renders what the hook ``core.hooks.UNIT_PANELS`` (and the others) registered."""

from __future__ import annotations

import dataclasses
from typing import Any

from xaydungdang.core.hooks import Hook


@dataclasses.dataclass(frozen=True)
class Panel:
    template: str
    context: dict[str, Any]


def render_panels(hook: Hook[Any], request: Any, obj: Any) -> list[Panel]:
    """The panels of ``obj``'s page, in the hook's order; a panel function may return None."""
    return [p for p in (fn(request, obj) for fn in hook()) if p is not None]
