"""Home, search, the history tab fed by the audit, and the health check."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from xaydungdang.core.access import VIEW, path_q, scope_for
from xaydungdang.core.audit import event_label
from xaydungdang.core.models import BusinessEvent, ChangeRecord, RoleAssignment
from xaydungdang.core.text import clean
from xaydungdang.directives.models import Document, ProgressUpdate, Task
from xaydungdang.ingest.models import Article
from xaydungdang.members.models import Member
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person, Tenure, Title
from xaydungdang.programs.models import Event, Program, Review

from .search import search as run_search


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


def home(request: HttpRequest) -> HttpResponse:
    user: Any = request.user  # signed in: LoginRequiredMiddleware
    today = timezone.localdate()
    units = Unit.objects.restrict(user, VIEW)
    context = {
        "unit_count": units.filter(valid_to__isnull=True).count(),
        "person_count": Person.objects.restrict(user, VIEW).count(),
        "tenure_count": Tenure.objects.restrict(user, VIEW)
        .filter(Q(end__isnull=True) | Q(end__gt=today))
        .count(),
        "grants": RoleAssignment.objects.filter(user=user).select_related("unit"),
        "everything": scope_for(user, VIEW).everything,
        "recent": BusinessEvent.objects.filter(_event_scope(user)).order_by("-at")[:10],
    }
    return render(request, "web/home.html", context)


def _event_scope(user: Any) -> Q:
    scope = scope_for(user, VIEW)
    return Q() if scope.everything else path_q("scope_path", scope.prefixes)


def search(request: HttpRequest) -> HttpResponse:
    query = clean(request.GET.get("q", ""))[:200]
    hits = run_search(request.user, query) if query.strip() else []
    return render(request, "web/search.html", {"query": query, "hits": hits})


HISTORY_MODELS: dict[str, tuple[Any, str]] = {
    "member": (Member, "members:member"),
    "program": (Program, "programs:program"),
    "review": (Review, "programs:review"),
    "event": (Event, "programs:event"),
}


def _history_target(user: Any, kind: str, pk: int) -> tuple[Any, Q, str]:
    """The object (through the choke point), the audit rows that belong to it, its page URL."""
    if kind == "unit":
        unit = Unit.objects.restrict(user, VIEW).get(pk=pk)
        return unit, Q(object_type="org.unit", object_id=str(pk)), reverse("org:unit", args=[pk])
    if kind == "person":
        person = Person.objects.restrict(user, VIEW).get(pk=pk)
        tenure_ids = (
            Tenure.objects.restrict(user, VIEW).filter(person=person).values_list("pk", flat=True)
        )
        rows = Q(object_type="people.person", object_id=str(pk)) | Q(
            object_type="people.tenure", object_id__in=[str(t) for t in tenure_ids]
        )
        return person, rows, reverse("people:person", args=[pk])
    if kind == "tenure":
        tenure = Tenure.objects.restrict(user, VIEW).select_related("person").get(pk=pk)
        rows = Q(object_type="people.tenure", object_id=str(pk))
        return tenure, rows, reverse("people:person", args=[tenure.person_id])
    if kind == "document":
        doc = Document.objects.restrict(user, VIEW).get(pk=pk)
        rows = Q(object_type="directives.document", object_id=str(pk))
        return doc, rows, reverse("directives:document", args=[pk])
    if kind == "task":
        task = Task.objects.restrict(user, VIEW).get(pk=pk)
        update_ids = ProgressUpdate.objects.filter(task=task).values_list("pk", flat=True)
        rows = Q(object_type="directives.task", object_id=str(pk)) | Q(
            object_type="directives.progressupdate", object_id__in=[str(u) for u in update_ids]
        )
        return task, rows, reverse("directives:task", args=[pk])
    if kind in HISTORY_MODELS:
        model, page = HISTORY_MODELS[kind]
        obj = model.objects.restrict(user, VIEW).get(pk=pk)
        return (
            obj,
            Q(object_type=obj._meta.label_lower, object_id=str(pk)),
            reverse(page, args=[pk]),
        )
    if kind == "article":
        article = Article.objects.restrict(user, VIEW).get(pk=pk)
        proposals = [str(i) for i in article.proposals.values_list("pk", flat=True)]
        rows = Q(object_type="ingest.article", object_id=str(pk)) | Q(
            object_type="ingest.proposal", object_id__in=proposals
        )
        return article, rows, reverse("ingest:article", args=[pk])
    if kind == "title":
        title = Title.objects.restrict(user, VIEW).get(pk=pk)
        return title, Q(object_type="people.title", object_id=str(pk)), reverse("people:titles")
    raise Http404("Không tìm thấy.")


def history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    try:
        obj, rows, back = _history_target(request.user, kind, pk)
    except ObjectDoesNotExist:
        raise Http404("Không tìm thấy.") from None
    changes = ChangeRecord.objects.filter(rows).order_by("-at", "-id")[:200]
    events = [
        (e, event_label(e.kind)) for e in BusinessEvent.objects.filter(rows).order_by("-at")[:200]
    ]
    return render(
        request,
        "web/history.html",
        {"obj": obj, "kind": kind, "changes": changes, "events": events, "back": back},
    )
