"""The page of what falls due in a unit's subtree (recognition after probation, Huy hiệu Đảng
at an occasion) and the form that records a badge awarded."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from xaydungdang.core import rules
from xaydungdang.core.dates import parse_vn_date
from xaydungdang.members import due, forms
from xaydungdang.members.selectors import PER_PAGE
from xaydungdang.members.services import badges
from xaydungdang.members.views.members import _member_for_change, _unit
from xaydungdang.ui.pages import service_page


def _occasion(raw: str) -> Any:
    """The occasion asked for (dd/mm/yyyy), or the next one; an error message if it is bad."""
    today = timezone.localdate()
    if not raw:
        return badges.next_occasion(today), ""
    try:
        return parse_vn_date(raw), ""
    except ValueError:
        return badges.next_occasion(today), "Ngày không hợp lệ; hãy nhập theo dạng dd/mm/yyyy."


def due_page(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk)
    today = timezone.localdate()
    probations = Paginator(due.probations(request.user, unit, today), PER_PAGE)
    page = probations.get_page(request.GET.get("trang"))
    raw = request.GET.get("dip", "").strip()
    occasion, error = _occasion(raw)
    listed: list[badges.BadgeDue] = []
    if not error:
        try:
            listed = badges.badges_due(request.user, occasion, unit.path)
        except ValidationError as exc:
            error = "; ".join(exc.messages)
    return render(
        request,
        "members/due.html",
        {
            "unit": unit,
            "today": today,
            "soon_days": due.SOON_DAYS,
            "page": page,
            "probations": due.probation_rows(list(page.object_list), today),
            "occasion": occasion,
            "raw": raw,
            "error": error,
            "badges": listed,
        },
    )


def badge_award(request: HttpRequest, pk: int) -> HttpResponse:
    member = _member_for_change(request, pk)
    today = timezone.localdate()
    milestones = [int(m) for m in rules.resolve("members.badge_milestones", today).value]
    page = reverse("members:member", args=[member.pk])
    initial = {"occasion": badges.next_occasion(today), "milestone": request.GET.get("moc")}
    if raw := request.GET.get("dip"):
        initial["occasion"] = _occasion(raw)[0]

    class Form(forms.BadgeAwardForm):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, milestones=milestones, **kwargs)

    return service_page(
        request,
        form_class=Form,
        heading=f"Trao Huy hiệu Đảng: {member.person.full_name}",
        call=lambda d: badges.badge_award(member=member, actor=request.user, **d),
        success=lambda _: page,
        cancel_url=page,
        done_message="Đã ghi nhận Huy hiệu Đảng.",
        initial=initial,
    )
