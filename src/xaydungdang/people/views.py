"""Pages of persons, titles and tenures."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from xaydungdang.core.access import CHANGE, VIEW, scope_for
from xaydungdang.core.hooks import PERSON_PANELS
from xaydungdang.ui.pages import service_page
from xaydungdang.ui.panels import render_panels

from . import forms, selectors, services
from .models import Person, Tenure, Title


def _person(request: HttpRequest, pk: int, action: str = VIEW) -> Person:
    try:
        return selectors.person_for(request.user, pk, action)
    except Person.DoesNotExist:
        raise Http404("Không tìm thấy cá nhân.") from None


def _tenure(request: HttpRequest, pk: int) -> Tenure:
    tenures = Tenure.objects.restrict(request.user, CHANGE)
    return tenures.select_related("person", "title", "unit").get_or_404(pk)


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    rows = selectors.career(request.user, person)
    can_change = selectors.may_change(request.user, person)
    # Seen only as the public record of a leader: the data sheet's own fields stay hidden.
    own_file = Person.objects.restrict(request.user, VIEW, public=False).filter(pk=pk).exists()
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "rows": rows,
            "can_change": can_change,
            "own_file": own_file,
            "panels": render_panels(PERSON_PANELS, request, person),
        },
    )


def person_create(request: HttpRequest) -> HttpResponse:
    return service_page(
        request,
        form_class=forms.PersonForm,
        heading="Thêm cá nhân",
        initial={"managing_unit": request.GET.get("don_vi", "")},
        call=lambda d: services.person_create(actor=request.user, **d),
        success=lambda p: reverse("people:person", args=[p.pk]),
        cancel_url=reverse("home"),
        done_message="Đã thêm cá nhân.",
    )


def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk, CHANGE)
    initial = {
        "full_name": person.full_name,
        "gender": person.gender,
        "birth_year": person.birth_year,
        "note": person.note,
        "managing_unit": person.managing_unit.code or person.managing_unit_id,
    }
    return service_page(
        request,
        form_class=forms.PersonForm,
        heading=f"Sửa thông tin {person.full_name}",
        initial=initial,
        call=lambda d: services.person_update(person=person, actor=request.user, **d),
        success=lambda _: reverse("people:person", args=[pk]),
        cancel_url=reverse("people:person", args=[pk]),
        record=person,
    )


def tenure_create(request: HttpRequest) -> HttpResponse:
    initial = {"person": request.GET.get("nguoi", ""), "unit": request.GET.get("don_vi", "")}

    def call(d: dict[str, Any]) -> Tenure:
        return services.tenure_start(actor=request.user, **d)

    return service_page(
        request,
        form_class=forms.TenureForm,
        heading="Ghi nhận quá trình giữ chức danh",
        initial=initial,
        call=call,
        cancel_url=reverse("home"),
        success=lambda t: reverse("people:person", args=[t.person_id]),
        done_message="Đã ghi nhận chức danh.",
    )


def tenure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    tenure = _tenure(request, pk)
    initial = {
        "start": tenure.start,
        "end": tenure.end,
        "source": tenure.source,
        "note": tenure.note,
        "attested_only": tenure.attested_only,
    }
    back = reverse("people:person", args=[tenure.person_id])
    return service_page(
        request,
        form_class=forms.TenureEditForm,
        initial=initial,
        heading=f"Sửa quá trình: {tenure}",
        cancel_url=back,
        success=lambda _: back,
        call=lambda d: services.tenure_update(tenure=tenure, actor=request.user, **d),
        record=tenure,
    )


def tenure_end(request: HttpRequest, pk: int) -> HttpResponse:
    tenure = _tenure(request, pk)
    back = reverse("people:person", args=[tenure.person_id])
    return service_page(
        request,
        form_class=forms.TenureEndForm,
        heading=f"Thôi giữ chức: {tenure}",
        cancel_url=back,
        success=lambda _: back,
        done_message="Đã ghi nhận thôi giữ chức.",
        call=lambda d: services.tenure_end(tenure=tenure, end=d["end"], actor=request.user),
        record=tenure,
    )


def titles(request: HttpRequest) -> HttpResponse:
    rows = Title.objects.restrict(request.user, VIEW).order_by("rank", "name")
    can_change = scope_for(request.user, CHANGE).everything
    return render(request, "people/titles.html", {"titles": rows, "can_change": can_change})


def _require_catalog(request: HttpRequest) -> None:
    if not scope_for(request.user, CHANGE).everything:
        raise Http404("Không tìm thấy.")


def title_create(request: HttpRequest) -> HttpResponse:
    _require_catalog(request)
    return service_page(
        request,
        form_class=forms.TitleForm,
        heading="Thêm chức danh",
        call=lambda d: services.title_create(actor=request.user, **d),
        success=lambda _: reverse("people:titles"),
        cancel_url=reverse("people:titles"),
    )


def title_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_catalog(request)
    title = Title.objects.restrict(request.user, CHANGE).filter(pk=pk).first()
    if title is None:
        raise Http404("Không tìm thấy.")
    initial = {
        "name": title.name,
        "label_template": title.label_template,
        "rank": title.rank,
        "description": title.description,
    }
    return service_page(
        request,
        form_class=forms.TitleForm,
        heading=f"Sửa chức danh {title.name}",
        initial=initial,
        call=lambda d: services.title_update(title=title, actor=request.user, **d),
        success=lambda _: reverse("people:titles"),
        cancel_url=reverse("people:titles"),
        record=title,
    )
