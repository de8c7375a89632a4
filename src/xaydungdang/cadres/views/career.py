"""A cadre's career on one page (every part of the record, from every cadre app), the cadre
record as a Word file, and the list of post holders of a subtree with its Excel export."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from xaydungdang.core.access import CHANGE, VIEW
from xaydungdang.core.dates import vn_date
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person, Tenure
from xaydungdang.ui import documents as kit
from xaydungdang.ui.params import day_param, int_param
from xaydungdang.ui.xlsx import xlsx_response

from .. import record, selectors
from ..document import cadre_record
from ..forms import DayUnitForm

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _person(request: HttpRequest, pk: int) -> Person:
    people = Person.objects.restrict(request.user, VIEW).select_related("managing_unit")
    return people.get_or_404(pk)


def career(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    can_change = Person.objects.restrict(request.user, CHANGE).filter(pk=pk).exists()
    context = {
        "person": person,
        "sections": record.sections(request.user, person),
        "can_change": can_change,
    }
    return render(request, "cadres/career.html", context)


def career_docx(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    doc = cadre_record(request.user, person, timezone.localdate())
    response = HttpResponse(kit.to_docx(doc), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{kit.filename(doc, "docx")}"'
    return response


def holders(request: HttpRequest) -> HttpResponse:
    """Who holds a post in a unit's subtree on a day (today by default)."""
    form = DayUnitForm(request.GET or None, user=request.user)
    day, error = day_param(request, "vao_ngay")
    unit = None
    if request.GET and form.is_valid():
        unit = form.cleaned_data["don_vi"]
    elif (unit_id := int_param(request, "don_vi")) is not None:
        unit = Unit.objects.restrict(request.user, VIEW).filter(pk=unit_id).first()
    rows = selectors.holders_in(request.user, unit, day) if unit and not error else []
    if unit is not None and request.GET.get("xuat") == "xlsx":
        return _holders_xlsx(unit, day, rows)
    context = {"form": form, "unit": unit, "day": day, "error": error, "rows": rows}
    return render(request, "cadres/holders.html", context)


def _holders_xlsx(unit: Unit, day: dt.date, rows: list[Tenure]) -> HttpResponse:
    headers = ("STT", "Họ và tên", "Chức danh", "Đơn vị", "Từ ngày", "Căn cứ")
    data = [
        (
            n,
            t.person.full_name,
            t.title.label(t.unit.name),
            t.unit.name,
            vn_date(t.start),
            t.start_reference or t.get_start_basis_display(),
        )
        for n, t in enumerate(rows, 1)
    ]
    title = f"Danh sách cán bộ giữ chức danh, {unit.name}, ngày {vn_date(day)}"
    return xlsx_response(f"can-bo-{unit.pk}", title, headers, data)
