"""Home, search, the pickers' suggestions, the history tab fed by the audit, and the health
check."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from xaydungdang.core import hooks
from xaydungdang.core.access import VIEW, scope_for
from xaydungdang.core.audit import event_label
from xaydungdang.core.models import BusinessEvent, ChangeRecord, RoleAssignment
from xaydungdang.core.text import clean
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person, Tenure
from xaydungdang.ui import diff, pickers
from xaydungdang.ui.search import words

from .search import search as run_search


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the site's layout, rendered without the request's context: no session,
    no user, no database (the error may be the database)."""
    body = loader.get_template("500.html").render({})
    return HttpResponse(body, status=500, content_type="text/html; charset=utf-8")


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
        "recent": BusinessEvent.objects.restrict(user, VIEW).order_by("-at")[:10],
    }
    return render(request, "site/home.html", context)


def search(request: HttpRequest) -> HttpResponse:
    query = clean(request.GET.get("q", ""))[:200]
    hits = run_search(request.user, query) if query.strip() else []
    return render(request, "site/search.html", {"query": query, "hits": hits})


@require_GET
@never_cache
def pick(request: HttpRequest, source: str) -> HttpResponse:
    """The suggestions of a picker (``ui.pickers``) as an HTML fragment: ``?q=…&action=…``."""
    src = pickers.source(source)
    query = pickers.query_text(request.GET.get("q", ""))
    action = request.GET.get("action", VIEW)
    # ``within`` names the field whose value narrows the suggestions (ui.pickers.PickerField)
    within = request.GET.get(request.GET.get("within", ""), "")
    choices = src.search(request.user, action, query, pickers.LIMIT, within) if words(query) else []
    context = {"choices": choices, "query": query, "noun": src.noun}
    return render(request, "ui/pickers/results.html", context)


def _history_target(user: Any, kind: str, pk: int) -> tuple[Any, Q, str]:
    """The object (through the choke point), its audit rows and its page, from the app that
    registered ``kind`` on ``core.hooks.HISTORY_TARGETS``."""
    targets = {k: fn for provide in hooks.HISTORY_TARGETS() for k, fn in provide().items()}
    if kind not in targets:
        raise Http404("Không tìm thấy.")
    return targets[kind](user, pk)


def history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    try:
        obj, rows, back = _history_target(request.user, kind, pk)
    except ObjectDoesNotExist:
        raise Http404("Không tìm thấy.") from None
    records = list(ChangeRecord.objects.filter(rows).order_by("-at", "-id")[:200])
    changes = diff.labelled(records, request.user)
    events = [
        (e, event_label(e.kind)) for e in BusinessEvent.objects.filter(rows).order_by("-at")[:200]
    ]
    return render(
        request,
        "site/history.html",
        {"obj": obj, "kind": kind, "changes": changes, "events": events, "back": back},
    )
