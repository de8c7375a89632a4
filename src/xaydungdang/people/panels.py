"""People's sections on the unit page: who holds a title today, and who held one on a date."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from xaydungdang.core.access import VIEW
from xaydungdang.ui.panels import Panel
from xaydungdang.ui.params import day_param, int_param

from .models import Title
from .selectors import holders, who_held


def unit_holders_panel(request: HttpRequest, unit: Any) -> Panel:
    user = request.user
    day, error = day_param(request, "vao_ngay")
    titles = Title.objects.restrict(user, VIEW)
    title_id = int_param(request, "chuc_danh")
    title = titles.filter(pk=title_id).first() if title_id is not None else None
    asked = "vao_ngay" in request.GET
    today = timezone.localdate()
    context = {
        "unit": unit,
        "today": today,
        "holders": holders(user, unit, today),
        "asked": asked,
        "ask_day": day,
        "ask_error": error,
        "ask_title": title,
        "ask": who_held(user, unit, day, title) if asked and not error else None,
        "titles": [t for t in titles.order_by("rank", "name") if t.fits(unit.kind)],
    }
    return Panel("people/_unit_holders.html", context)
