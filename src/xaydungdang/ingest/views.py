"""Pages of the review queue: submit an article, review its highlighted facts and proposals,
accept or reject them; and the source panels on the record pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from xaydungdang.core.access import CHANGE, VIEW, scope_for
from xaydungdang.core.models import RoleAssignment
from xaydungdang.ui.pages import service_page
from xaydungdang.ui.panels import Panel
from xaydungdang.ui.params import parse_id

from . import selectors, services
from .forms import ArticleForm
from .highlight import segments
from .models import Article, Decision


def article_list(request: HttpRequest) -> HttpResponse:
    articles = Article.objects.restrict(request.user, VIEW).select_related("unit")
    status = request.GET.get("trang_thai", "")
    if status:
        articles = articles.filter(status=status)
    page = Paginator(articles.order_by("-created_at"), 50).get_page(request.GET.get("trang"))
    return render(request, "ingest/article_list.html", {"page": page, "status": status})


def _default_unit(user: Any) -> str:
    grant = (
        RoleAssignment.objects.filter(user=user, unit__isnull=False)
        .exclude(role="viewer")
        .select_related("unit")
        .first()
    )
    unit = grant.unit if grant else None
    return (unit.code or str(unit.pk)) if unit else ""


def article_create(request: HttpRequest) -> HttpResponse:
    def call(d: dict[str, Any]) -> Article:
        return services.article_submit(
            text=d["text"],
            unit=d["unit"],
            day=d["day"],
            file_name=d.get("file_name", ""),
            actor=request.user,
        )

    return service_page(
        request,
        form_class=ArticleForm,
        heading="Đọc bài viết thành dữ liệu",
        call=call,
        success=lambda a: reverse("ingest:article", args=[a.pk]),
        cancel_url=reverse("ingest:list"),
        done_message="Đã đọc bài viết; hãy xem xét các đề xuất.",
        initial={"unit": _default_unit(request.user)},
        intro="Hệ thống tìm cá nhân và chức danh, đơn vị, văn bản, ngày tháng, số liệu và sự "
        "kiện trong bài, đối chiếu với dữ liệu đã có và đề xuất để bạn chấp nhận.",
    )


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.article_for(request.user, pk)
    if article is None:
        raise Http404("Không tìm thấy bài viết.")
    proposals = list(article.proposals.all())
    return render(
        request,
        "ingest/article_detail.html",
        {
            "article": article,
            "segments": segments(article.text, article.extraction, proposals),
            "proposals": proposals,
            "pending": sum(p.decision == Decision.PENDING for p in proposals),
            "can_change": scope_for(request.user, CHANGE).covers(article.unit.path),
            "figures": article.extraction.get("figures", []),
        },
    )


@require_POST
def article_decide(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.article_for(request.user, pk, CHANGE)
    if article is None:
        raise Http404("Không tìm thấy bài viết.")
    seqs = [i for s in request.POST.getlist("seq") if (i := parse_id(s)) is not None]
    accept_them = request.POST.get("action") != "reject"
    try:
        count = services.proposals_decide(
            article=article, seqs=seqs, accept_them=accept_them, actor=request.user
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        done = "Đã chấp nhận" if accept_them else "Đã bỏ qua"
        messages.success(request, f"{done} {count} đề xuất.")
    return redirect("ingest:article", pk=article.pk)


@require_POST
def proposal_choose(request: HttpRequest, pk: int, seq: int) -> HttpResponse:
    """The reviewer picks who a person of the article is: a candidate shown, or a new person."""
    article = selectors.article_for(request.user, pk, CHANGE)
    if article is None:
        raise Http404("Không tìm thấy bài viết.")
    chosen = request.POST.get("person", "")
    try:
        services.proposal_choose(
            article=article,
            seq=seq,
            person_id=int(chosen) if chosen.isdecimal() and chosen.isascii() else None,
            actor=request.user,
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Đã ghi nhận lựa chọn cho đề xuất {seq}.")
    return redirect("ingest:article", pk=article.pk)


def _sources_panel(user: Any, targets: selectors.Targets) -> Panel | None:
    rows = selectors.sources(user, targets)
    return Panel("ingest/_sources_panel.html", {"rows": rows}) if rows else None


def person_sources_panel(request: Any, person: Any) -> Panel | None:
    return _sources_panel(request.user, selectors.person_targets(person))


def unit_sources_panel(request: Any, unit: Any) -> Panel | None:
    return _sources_panel(request.user, selectors.unit_targets(unit))


def document_sources_panel(request: Any, doc: Any) -> Panel | None:
    return _sources_panel(request.user, {"directives.document": [doc.pk]})


def event_sources_panel(request: Any, event: Any) -> Panel | None:
    return _sources_panel(request.user, {"programs.event": [event.pk]})
