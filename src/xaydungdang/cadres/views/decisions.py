"""Pages of personnel decisions: the list, one decision, issuing and confirming one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from xaydungdang.core.access import CHANGE
from xaydungdang.ui.pages import service_page

from .. import selectors, services
from ..forms import DecisionForm
from ..models import DecisionKind, DecisionStatus, PersonnelDecision

PAGE = 50


def decision_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.decisions(request.user).order_by("-signed_on", "-id")
    kind = request.GET.get("loai", "")
    if kind in DecisionKind.values:
        rows = rows.filter(kind=kind)
    status = request.GET.get("trang_thai", "")
    if status in DecisionStatus.values:
        rows = rows.filter(status=status)
    context = {
        "page": Paginator(rows, PAGE).get_page(request.GET.get("trang")),
        "query": f"loai={kind if kind in DecisionKind.values else ''}"
        f"&trang_thai={status if status in DecisionStatus.values else ''}",
        "kinds": DecisionKind.choices,
        "statuses": DecisionStatus.choices,
        "kind": kind,
        "status": status,
    }
    return render(request, "cadres/decision_list.html", context)


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = selectors.decisions(request.user).get_or_404(pk)
    effects = decision.effects.select_related("tenure__title", "tenure__unit").order_by("id")
    can_confirm = (
        decision.status == DecisionStatus.PROPOSED
        and PersonnelDecision.objects.restrict(request.user, CHANGE).filter(pk=pk).exists()
    )
    context = {"decision": decision, "effects": effects, "can_confirm": can_confirm}
    return render(request, "cadres/decision_detail.html", context)


def decision_create(request: HttpRequest) -> HttpResponse:
    initial = {"person": request.GET.get("nguoi", ""), "kind": DecisionKind.APPOINTMENT}

    def call(data: dict[str, Any]) -> PersonnelDecision:
        return services.decision_issue(actor=request.user, **data)

    return service_page(
        request,
        form_class=DecisionForm,
        heading="Ghi nhận quyết định nhân sự",
        intro="Quyết định bổ nhiệm, điều động, luân chuyển bắt đầu chức danh được giao; "
        "quyết định miễn nhiệm, cho thôi, nghỉ hưu kết thúc chức danh đang giữ.",
        initial=initial,
        call=call,
        success=lambda d: reverse("cadres:decision", args=[d.pk]),
        cancel_url=reverse("cadres:decisions"),
        done_message="Đã ghi nhận quyết định.",
    )


@require_POST
def decision_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    decision = PersonnelDecision.objects.restrict(request.user, CHANGE).get_or_404(pk)
    try:
        services.decision_confirm(decision=decision, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, "Đã xác nhận quyết định; quá trình công tác đã được cập nhật.")
    return redirect("cadres:decision", pk=pk)
