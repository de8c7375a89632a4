"""What every page's menu needs."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from xaydungdang.core.access import home_unit_id


def menu(request: HttpRequest) -> dict[str, Any]:
    """The signed-in user's own unit, read lazily (the template calls it) and from the scopes
    the page has already loaded."""
    user = getattr(request, "user", None)
    return {"menu_unit": lambda: home_unit_id(user)}
