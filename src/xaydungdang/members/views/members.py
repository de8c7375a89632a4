"""Member pages: the list of a unit's subtree (filters, Vietnamese order, search without
diacritics), the profile with its timeline, the lifecycle forms and the structure report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from xaydungdang.core import jobs
from xaydungdang.core.access import CHANGE, VIEW, scope_for
from xaydungdang.core.dates import parse_vn_date
from xaydungdang.core.uploads import check_upload
from xaydungdang.members import forms, selectors, services
from xaydungdang.members.choices import MembershipType, Standing
from xaydungdang.members.models import Member
from xaydungdang.members.services import imports
from xaydungdang.members.services.badges import seniority_years
from xaydungdang.members.structure import statform as form
from xaydungdang.members.structure import tallies as aggregates
from xaydungdang.members.structure.report import TITLES, structure_report
from xaydungdang.org.models import Unit
from xaydungdang.ui.pages import service_page
from xaydungdang.ui.panels import Panel
from xaydungdang.ui.xlsx import XLSX


def _unit(request: HttpRequest, pk: int) -> Unit:
    return Unit.objects.restrict(request.user, VIEW).get_or_404(pk)


def member_list(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk)
    filters = selectors.Filters(
        query=request.GET.get("q", "").strip()[:100],
        kind=request.GET.get("loai", ""),
        standing=request.GET.get("dang_tich", Standing.MEMBER),
        by_cell=request.GET.get("xep") == "chi-bo",
    )
    page = selectors.member_page(request.user, unit, filters, request.GET.get("trang"))
    return render(
        request,
        "members/member_list.html",
        {
            "unit": unit,
            "page": page,
            "capped": getattr(page.paginator.object_list, "capped", False),
            "query": filters.query,
            "kind": filters.kind,
            "standing": filters.standing,
            "by_cell": filters.by_cell,
            "kinds": MembershipType.choices,
            "standings": Standing.choices,
        },
    )


def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = (
        Member.objects.restrict(request.user, VIEW)
        .select_related("person", "cell")
        .filter(pk=pk)
        .first()
    )
    if member is None:
        raise Http404("Không tìm thấy đảng viên.")
    return render(
        request,
        "members/member_detail.html",
        {
            "member": member,
            "events": member.events.select_related("from_unit", "to_unit", "rule_set"),
            "seniority": seniority_years(member, timezone.localdate()),
            "probation_end": services.probation_end(member),
            "can_change": scope_for(request.user, CHANGE).covers(member.cell_path),
        },
    )


def _member_for_change(request: HttpRequest, pk: int) -> Member:
    return Member.objects.restrict(request.user, CHANGE).select_related("person").get_or_404(pk)


def _step_page(
    request: HttpRequest,
    pk: int,
    form_class: type[Any],
    heading: str,
    step: Callable[[Member, dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    """A lifecycle form of one member: the service gets the member and the cleaned data."""
    member = _member_for_change(request, pk)
    page = reverse("members:member", args=[member.pk])
    return service_page(
        request,
        form_class=form_class,
        heading=f"{heading}: {member.person.full_name}",
        call=lambda d: step(member, d),
        success=lambda _: page,
        cancel_url=page,
        done_message=done,
        record=member,
    )


def recognize_full(request: HttpRequest, pk: int) -> HttpResponse:
    def step(member: Member, d: dict[str, Any]) -> Any:
        return services.member_recognize_full(
            member=member, decided_on=d["day"], decision=d["decision"], actor=request.user
        )

    return _step_page(
        request, pk, forms.RecognizeForm, "Công nhận đảng viên chính thức", step,
        "Đã công nhận đảng viên chính thức.",
    )  # fmt: skip


def transfer(request: HttpRequest, pk: int) -> HttpResponse:
    def step(member: Member, d: dict[str, Any]) -> Any:
        return services.member_transfer(
            member=member,
            to_cell=d["to_cell"],
            day=d["day"],
            temporary=d["temporary"],
            actor=request.user,
        )

    return _step_page(
        request, pk, forms.TransferForm, "Chuyển sinh hoạt đảng", step, "Đã chuyển sinh hoạt đảng."
    )


def leave(request: HttpRequest, pk: int) -> HttpResponse:
    def step(member: Member, d: dict[str, Any]) -> Any:
        return services.member_leave(
            member=member,
            kind=d["kind"],
            day=d["day"],
            decision=d["decision"],
            actor=request.user,
        )

    return _step_page(
        request, pk, forms.LeaveForm, "Xóa tên, khai trừ, từ trần", step, "Đã ghi nhận."
    )


def report(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk)
    raw = request.GET.get("ngay", "").strip()
    error = ""
    data: dict[str, Any] | None = None
    try:
        data = structure_report(request.user, unit, parse_vn_date(raw) if raw else None)
    except ValueError:
        error = "Ngày không hợp lệ; hãy nhập theo dạng dd/mm/yyyy."
    except ValidationError as exc:  # no year-end snapshot for that date
        error = "; ".join(exc.messages)
    if data and request.GET.get("xuat") == "xlsx":
        as_of = parse_vn_date(raw) if raw else None
        past = as_of if as_of is not None and as_of < timezone.localdate() else None
        response = HttpResponse(form.form_xlsx(data, unit, past), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="co-cau-dang-vien-{unit.pk}.xlsx"'
        return response
    sections = []
    if data:
        for dim, counts in data["breakdowns"].items():
            top = max(counts.values(), default=0) or 1
            sections.append(
                (TITLES.get(dim, dim), [(k, v, round(100 * v / top)) for k, v in counts.items()])
            )
    return render(
        request,
        "members/report.html",
        {
            "unit": unit,
            "data": data,
            "as_of": dt.date.fromisoformat(data["as_of"]) if data else None,
            "sections": sections,
            "error": error,
            "raw": raw,
        },
    )


def unit_members_panel(request: Any, unit: Any) -> Panel | None:
    """The unit page's link to its members and report, with today's total (one read)."""
    return Panel("members/_unit_panel.html", {"unit": unit, "total": aggregates.total(unit.pk)})


def person_member_panel(request: Any, person: Any) -> Panel | None:
    user = request.user
    member = (
        Member.objects.restrict(user, VIEW).select_related("cell").filter(person=person).first()
    )
    return Panel("members/_person_panel.html", {"member": member}) if member else None


def member_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a member file: rows are checked at once (errors on the form), then written by a
    job whose page shows the progress."""
    unit = _unit(request, pk)

    def call(d: dict[str, Any]) -> Any:
        upload = d["upload"]
        check_upload(upload, "members")
        name, data = upload.name, upload.read()
        update = bool(d.get("update"))
        errors = imports.check(name, data, request.user, update=update)
        if errors:
            raise ValidationError(errors[:50])

        def work(_job: Any, report: Any) -> None:
            imports.members_import(
                name=name, data=data, actor=request.user, progress=report, update=update
            )

        return jobs.start(
            kind="members_import", label=f"Nhập đảng viên từ {name}", work=work, user=request.user
        )

    return service_page(
        request,
        form_class=forms.ImportForm,
        heading=f"Nhập đảng viên: {unit.name}",
        call=call,
        success=lambda job: reverse("job", args=[job.pk]),
        cancel_url=reverse("members:list", args=[unit.pk]),
        done_message="Đã kiểm tra tệp; đang nhập đảng viên.",
        intro="Cột của tệp (dòng 1 là tiêu đề): " + " | ".join(imports.COLUMNS) + ".",
    )
