"""Pages of annual grading: the list, recording and correcting a result, and a unit's
distribution over the years."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from xaydungdang.core.access import CHANGE, VIEW
from xaydungdang.org.models import Unit
from xaydungdang.ui.pages import service_page
from xaydungdang.ui.params import int_param

from . import forms, report, services
from .models import Grading, Level

PAGE = 200


def grading_list(request: HttpRequest) -> HttpResponse:
    gradings = Grading.objects.restrict(request.user, VIEW)
    year = int_param(request, "nam")
    if year is not None:
        gradings = gradings.filter(year=year)
    rows = gradings.select_related("person", "unit", "rule_set").order_by(
        "-year", "person__sort_key", "pk"
    )[:PAGE]
    context = {"gradings": rows, "year": year}
    return render(request, "grading/list.html", context)


def grading_create(request: HttpRequest) -> HttpResponse:
    initial = {"person": request.GET.get("nguoi", ""), "unit": request.GET.get("don_vi", "")}
    return service_page(
        request,
        form_class=forms.GradingForm,
        heading="Ghi nhận kết quả xếp loại chất lượng",
        intro="Đến năm 2024 xếp loại theo 4 mức; từ năm 2025 chấm theo thang 100 điểm "
        "(Quy định 366-QĐ/TW), mức xếp loại suy ra từ điểm.",
        initial=initial,
        call=lambda d: services.grading_record(actor=request.user, **d),
        success=lambda g: reverse("people:person", args=[g.person_id]),
        cancel_url=reverse("grading:list"),
        done_message="Đã ghi nhận kết quả xếp loại.",
    )


def grading_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = Grading.objects.restrict(request.user, CHANGE).select_related("person").get_or_404(pk)
    initial = {"level": row.level, "score": row.score, "note": row.note}
    return service_page(
        request,
        form_class=forms.GradingEditForm,
        heading=f"Sửa kết quả xếp loại năm {row.year}: {row.person.full_name}",
        initial=initial,
        record=row,
        call=lambda d: services.grading_update(grading=row, actor=request.user, **d),
        success=lambda _: reverse("people:person", args=[row.person_id]),
        cancel_url=reverse("people:person", args=[row.person_id]),
    )


def unit_report(request: HttpRequest, pk: int) -> HttpResponse:
    unit = Unit.objects.restrict(request.user, VIEW).get_or_404(pk)
    rows = report.distribution(request.user, unit)
    context = {"unit": unit, "rows": rows, "levels": Level.choices}
    return render(request, "grading/report.html", context)
