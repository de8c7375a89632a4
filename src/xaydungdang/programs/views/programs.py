"""Pages of coordination programs, their annual plans and items, and reviews."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from xaydungdang.core.access import CHANGE, VIEW, scope_for
from xaydungdang.directives.models import Document
from xaydungdang.programs import forms, reviews, services
from xaydungdang.programs.figures import plan_figures
from xaydungdang.programs.models import Program, ProgramItem, ProgramYear, Review
from xaydungdang.ui.pages import service_page
from xaydungdang.ui.params import int_param


def _program(request: HttpRequest, pk: int) -> Program:
    programs = Program.objects.restrict(request.user, VIEW)
    return programs.select_related("party_a", "party_b").get_or_404(pk)


def _plan(request: HttpRequest, pk: int) -> ProgramYear:
    return ProgramYear.objects.restrict(request.user, VIEW).select_related("program").get_or_404(pk)


def _review(request: HttpRequest, pk: int) -> Review:
    reviews = Review.objects.restrict(request.user, VIEW)
    return reviews.select_related("issuer", "program", "directive").get_or_404(pk)


def program_list(request: HttpRequest) -> HttpResponse:
    programs = Program.objects.restrict(request.user, VIEW).select_related("party_a", "party_b")
    return render(request, "programs/program_list.html", {"programs": programs})


def program_create(request: HttpRequest) -> HttpResponse:
    return service_page(
        request,
        form_class=forms.ProgramForm,
        heading="Chương trình phối hợp mới",
        call=lambda d: services.program_create(actor=request.user, **d),
        success=lambda p: reverse("programs:program", args=[p.pk]),
        cancel_url=reverse("programs:list"),
        done_message="Đã tạo chương trình phối hợp.",
    )


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = _program(request, pk)
    plans = list(program.years.order_by("year"))
    items = (
        ProgramItem.objects.filter(plan__in=plans)
        .select_related("lead_a", "lead_b")
        .prefetch_related("evidence_documents", "evidence_tasks", "evidence_events")
    )
    by_plan: dict[int, list[ProgramItem]] = {p.pk: [] for p in plans}
    for item in items.order_by("number"):
        by_plan[item.plan_id].append(item)
    scope = scope_for(request.user, CHANGE)
    return render(
        request,
        "programs/program_detail.html",
        {
            "program": program,
            "plans": [(p, by_plan[p.pk], plan_figures(p)) for p in plans],
            "events": program.events.order_by("-held_on"),
            "reviews": program.reviews.order_by("-period_end"),
            "can_change": scope.covers(program.party_a.path) or scope.covers(program.party_b.path),
            "status_form": forms.StatusForm(user=request.user),
        },
    )


def plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    program = _program(request, pk)
    back = reverse("programs:program", args=[pk])
    return service_page(
        request,
        form_class=forms.PlanForm,
        heading=f"Kế hoạch phối hợp năm: {program.title}",
        call=lambda d: services.plan_create(program=program, actor=request.user, **d),
        success=lambda _: back,
        cancel_url=back,
        done_message="Đã thêm kế hoạch năm.",
    )


def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    back = reverse("programs:program", args=[plan.program_id])
    return service_page(
        request,
        form_class=forms.ItemForm,
        heading=f"Thêm nội dung phối hợp năm {plan.year}",
        call=lambda d: services.item_create(plan=plan, actor=request.user, **d),
        success=lambda _: back,
        cancel_url=back,
        done_message="Đã thêm nội dung phối hợp.",
    )


def _item(request: HttpRequest, pk: int) -> tuple[ProgramItem, str]:
    """The plan item, if the user sees its program, and the program page to go back to."""
    item = ProgramItem.objects.restrict(request.user, VIEW).select_related("plan").get_or_404(pk)
    return item, reverse("programs:program", args=[item.plan.program_id])


def item_status(request: HttpRequest, pk: int) -> HttpResponse:
    item, back = _item(request, pk)
    return service_page(
        request,
        form_class=forms.StatusForm,
        heading=f"Trạng thái nội dung {item.number}",
        initial={"status": item.status, "note": item.status_note},
        record=item,
        call=lambda d: services.item_set_status(item=item, actor=request.user, **d),
        success=lambda _: back,
        cancel_url=back,
        done_message="Đã cập nhật trạng thái.",
    )


def item_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    item, back = _item(request, pk)
    return service_page(
        request,
        form_class=forms.EvidenceForm,
        heading=f"Minh chứng cho nội dung {item.number}",
        call=lambda d: services.item_add_evidence(item=item, actor=request.user, **d),
        success=lambda _: back,
        cancel_url=back,
        done_message="Đã thêm minh chứng.",
    )


def review_create(request: HttpRequest) -> HttpResponse:
    program_id = int_param(request, "chuong_trinh")
    program = _program(request, program_id) if program_id is not None else None
    directive = None
    if program is None and int_param(request, "van_ban") is not None:
        directive = (
            Document.objects.restrict(request.user, VIEW)
            .filter(pk=int_param(request, "van_ban") or 0)
            .first()
        )
    if program is None and directive is None:
        raise Http404("Hãy chọn chương trình hoặc văn bản cần sơ kết, tổng kết.")

    def call(d: dict[str, Any]) -> Review:
        return reviews.review_draft(program=program, directive=directive, actor=request.user, **d)

    subject = program.title if program else str(directive)
    return service_page(
        request,
        form_class=forms.ReviewForm,
        heading=f"Sơ kết, tổng kết: {subject}",
        call=call,
        success=lambda r: reverse("programs:review", args=[r.pk]),
        cancel_url=reverse("programs:list"),
        done_message="Đã lập dự thảo báo cáo từ dữ liệu.",
        initial={"place": "Hà Nội"},
    )


def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    return render(
        request,
        "programs/review_detail.html",
        {
            "review": review,
            "can_change": scope_for(request.user, CHANGE).covers(review.issuer.path),
        },
    )


def review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    back = reverse("programs:review", args=[pk])
    initial = {f: getattr(review, f) for f in forms.ReviewEditForm.base_fields}
    return service_page(
        request,
        form_class=forms.ReviewEditForm,
        heading=f"Sửa dự thảo: {review.title}",
        initial=initial,
        record=review,
        success=lambda _: back,
        cancel_url=back,
        call=lambda d: reviews.review_update(review=review, actor=request.user, **d),
    )


def review_finalize(request: HttpRequest, pk: int) -> HttpResponse:
    review = _review(request, pk)
    back = reverse("programs:review", args=[pk])
    return service_page(
        request,
        form_class=forms.ConfirmForm,
        heading=f"Hoàn thành báo cáo: {review.title}",
        intro="Sau khi hoàn thành, báo cáo không sửa được nữa.",
        record=review,
        success=lambda _: back,
        call=lambda d: reviews.review_finalize(review=review, actor=request.user),
        cancel_url=back,
        done_message="Báo cáo đã hoàn thành.",
    )


def _review_file_job(request: HttpRequest, pk: int, ext: str) -> HttpResponse:
    """Start writing the review as a file (Word or PDF) in a job and show its progress."""
    review = _review(request, pk)
    if request.method != "POST":
        return redirect("programs:review", pk=pk)
    job = reviews.review_file_start(review=review, ext=ext, actor=request.user)
    return redirect("job", pk=job.pk)


def review_word(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_file_job(request, pk, "docx")


def review_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_file_job(request, pk, "pdf")
