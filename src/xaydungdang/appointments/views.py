"""Pages of appointment cases: the list, opening a case, a case with its steps done and the
form of the next one, completing and stopping a case."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from xaydungdang.core import locking
from xaydungdang.core.access import CHANGE, VIEW
from xaydungdang.ui.forms import carry_version
from xaydungdang.ui.pages import service_page

from . import forms, procedure, services
from .models import AppointmentCase, CaseStatus

PAGE = 200  # cases shown on the list


def _case(request: HttpRequest, pk: int, action: str = VIEW) -> AppointmentCase:
    cases = AppointmentCase.objects.restrict(request.user, action)
    return cases.select_related("person", "title", "unit", "rule_set", "decision").get_or_404(pk)


def case_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang_thai", "")
    cases = AppointmentCase.objects.restrict(request.user, VIEW)
    if status in CaseStatus.values:
        cases = cases.filter(status=status)
    rows = cases.select_related("person", "title", "unit").order_by("-opened_on", "-pk")[:PAGE]
    context = {"cases": rows, "status": status, "statuses": CaseStatus.choices}
    return render(request, "appointments/list.html", context)


def case_open(request: HttpRequest) -> HttpResponse:
    initial = {
        "person": request.GET.get("nguoi", ""),
        "unit": request.GET.get("don_vi", ""),
        "opened_on": timezone.localdate(),
    }
    return service_page(
        request,
        form_class=forms.CaseOpenForm,
        heading="Mở hồ sơ bổ nhiệm",
        intro="Các bước, tỷ lệ có mặt và ngưỡng phiếu lấy theo bộ quy tắc áp dụng vào ngày mở "
        "hồ sơ.",
        initial=initial,
        call=lambda d: services.case_open(actor=request.user, **d),
        success=lambda c: reverse("appointments:case", args=[c.pk]),
        cancel_url=reverse("appointments:list"),
        done_message="Đã mở hồ sơ bổ nhiệm.",
    )


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    can_change = AppointmentCase.objects.restrict(request.user, CHANGE).filter(pk=pk).exists()
    steps = list(case.steps.order_by("seq"))
    plan = procedure.of(case.rule_set, case.kind)
    upcoming = plan.steps[len(steps) :]
    step_form = None
    if can_change and case.status == CaseStatus.OPEN and upcoming:
        step_form = forms.StepForm(user=request.user)
        carry_version(step_form, locking.version(case))
    context = {
        "case": case,
        "steps": steps,
        "plan": plan,
        "upcoming": upcoming,
        "can_change": can_change and case.status == CaseStatus.OPEN,
        "step_form": step_form,
    }
    return render(request, "appointments/case.html", context)


def _case_page(request: HttpRequest, case: AppointmentCase, **kw: Any) -> HttpResponse:
    return service_page(
        request,
        record=case,
        success=lambda _: reverse("appointments:case", args=[case.pk]),
        cancel_url=reverse("appointments:case", args=[case.pk]),
        **kw,
    )


def case_step(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, CHANGE)
    upcoming = services.next_step(case) if case.status == CaseStatus.OPEN else None
    label = upcoming.label if upcoming else "không còn bước nào"

    # The step is the one the case waited for when the form was opened: the form carries the
    # case's version, so a step recorded meanwhile makes the submission stale.
    code = upcoming.code if upcoming else ""

    def call(d: dict[str, Any]) -> Any:
        vote = services.Vote(**d)
        return services.case_record_step(case=case, code=code, vote=vote, actor=request.user)

    return _case_page(
        request,
        case,
        form_class=forms.StepForm,
        heading=f"Ghi nhận bước: {label}",
        intro=f"{case} · theo {case.rule_set.name}",
        call=call,
        done_message="Đã ghi nhận bước.",
    )


def case_complete(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, CHANGE)

    def call(d: dict[str, Any]) -> Any:
        spec = services.DecisionSpec(**d)
        return services.case_complete(case=case, decision=spec, actor=request.user)

    return _case_page(
        request,
        case,
        form_class=forms.CompleteForm,
        heading=f"Hoàn thành hồ sơ, ban hành quyết định bổ nhiệm: {case}",
        intro="Quyết định bổ nhiệm bắt đầu quá trình giữ chức danh từ ngày có hiệu lực.",
        initial={"issuer": case.unit.code or case.unit_id, "signed_on": timezone.localdate()},
        call=call,
        done_message="Đã ban hành quyết định bổ nhiệm.",
    )


def case_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, CHANGE)
    return _case_page(
        request,
        case,
        form_class=forms.CancelForm,
        heading=f"Dừng hồ sơ: {case}",
        initial={"day": timezone.localdate()},
        call=lambda d: services.case_cancel(case=case, actor=request.user, **d),
        done_message="Đã dừng hồ sơ.",
    )
