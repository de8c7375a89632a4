"""A unit's tasks ("việc của đơn vị") and the dashboard of its subtree."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from xaydungdang.directives import selectors
from xaydungdang.directives.choices import Warning
from xaydungdang.directives.dashboard import dashboard
from xaydungdang.org.models import Unit
from xaydungdang.org.selectors import unit_for
from xaydungdang.ui.xlsx import xlsx_response

FILTER_LABELS = {
    "overdue": "quá hạn",
    "at_risk": "có nguy cơ chậm",
    "in_time": "đang trong hạn",
    "done": "đã hoàn thành",
}


def _unit(request: HttpRequest, pk: int) -> Unit:
    try:
        return unit_for(request.user, pk)
    except Unit.DoesNotExist:
        raise Http404("Không tìm thấy đơn vị.") from None


def unit_tasks(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk)
    day = timezone.localdate()
    subtree = request.GET.get("ca_cap_duoi") == "1"
    rows = selectors.unit_tasks(request.user, unit, day, subtree)
    counts = {w: sum(1 for _, x in rows if x == w) for w in Warning.values}
    counts["in_time"] = len(selectors.filter_tasks(rows, "in_time"))
    shown = request.GET.get("canh_bao", "")
    if shown in selectors.WARNING_FILTERS:
        rows = selectors.filter_tasks(rows, shown)
    else:
        shown = ""
    if request.GET.get("xuat") == "xlsx":
        data = (
            (
                t.document.reference,
                t.content,
                t.lead_unit.name,
                t.deadline,
                t.get_status_display(),
                t.effective_progress,
                Warning(w).label,
            )
            for t, w in rows
        )
        return xlsx_response(
            f"viec-{unit.pk}",
            "Việc của đơn vị",
            [
                "Văn bản",
                "Nội dung",
                "Đơn vị chủ trì",
                "Thời hạn",
                "Trạng thái",
                "Tiến độ (%)",
                "Cảnh báo",
            ],
            data,
        )
    return render(
        request,
        "directives/unit_tasks.html",
        {
            "unit": unit,
            "rows": rows,
            "day": day,
            "subtree": subtree,
            "counts": counts,
            "shown": shown,
            "filter_label": FILTER_LABELS.get(shown, ""),
        },
    )


def unit_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk)
    board = dashboard(unit, timezone.localdate())
    if request.GET.get("xuat") == "xlsx":
        data = (
            (r.unit.name if r.unit else "", r.tasks, r.done, r.overdue, r.percent)
            for r in board.children
        )
        return xlsx_response(
            f"tong-hop-{unit.pk}",
            "Tổng hợp",
            ["Đơn vị", "Nhiệm vụ", "Hoàn thành", "Quá hạn", "Tiến độ (%)"],
            data,
        )
    return render(request, "directives/dashboard.html", {"board": board, "unit": unit})
