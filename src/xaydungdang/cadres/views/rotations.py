"""Pages of rotations: the active ones with their end dates (flagged within the warning
period of their rule set), starting one, ending one."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from xaydungdang.core.access import CHANGE
from xaydungdang.ui.pages import service_page

from ..forms import RotationEndForm, RotationForm
from ..models import Rotation
from ..services import rotations


def rotation_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = rotations.active(request.user, today)
    context = {"rows": rows, "today": today, "due": sum(1 for _, due in rows if due)}
    return render(request, "cadres/rotation_list.html", context)


def rotation_create(request: HttpRequest) -> HttpResponse:
    def call(data: dict[str, Any]) -> Rotation:
        return rotations.rotation_start(actor=request.user, **data)

    return service_page(
        request,
        form_class=RotationForm,
        heading="Luân chuyển cán bộ",
        intro="Quyết định luân chuyển bắt đầu chức danh ở đơn vị đến; khi kết thúc luân "
        "chuyển, chức danh đó kết thúc.",
        call=call,
        success=lambda _: reverse("cadres:rotations"),
        cancel_url=reverse("cadres:rotations"),
        done_message="Đã ghi nhận luân chuyển.",
    )


def rotation_end(request: HttpRequest, pk: int) -> HttpResponse:
    rotation = (
        Rotation.objects.restrict(request.user, CHANGE).select_related("person").get_or_404(pk)
    )
    return service_page(
        request,
        form_class=RotationEndForm,
        heading=f"Kết thúc luân chuyển: {rotation.person.full_name}",
        call=lambda d: rotations.rotation_end(
            rotation=rotation, ended_on=d["ended_on"], actor=request.user
        ),
        success=lambda _: reverse("cadres:rotations"),
        cancel_url=reverse("cadres:rotations"),
        done_message="Đã kết thúc luân chuyển.",
        record=rotation,
    )
