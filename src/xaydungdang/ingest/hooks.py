"""Ingest's hooks: the "Nguồn" section of the person, unit, document and event pages."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse

from xaydungdang.core import hooks
from xaydungdang.core.access import VIEW
from xaydungdang.ui.history import Target, rows_of, rows_of_ids

from . import views
from .models import Article, Proposal

hooks.PERSON_PANELS.register(views.person_sources_panel, order=200)
hooks.UNIT_PANELS.register(views.unit_sources_panel, order=200)
hooks.DOCUMENT_PANELS.register(views.document_sources_panel, order=200)
hooks.EVENT_PANELS.register(views.event_sources_panel, order=200)


def _article(user: Any, pk: int) -> tuple[Any, Q, str]:
    article = Article.objects.restrict(user, VIEW).get(pk=pk)
    proposals = Proposal.objects.restrict(user, VIEW).filter(article=article)
    rows = rows_of(article) | rows_of_ids(Proposal, proposals.values_list("pk", flat=True))
    return article, rows, reverse("ingest:article", args=[pk])


@hooks.HISTORY_TARGETS.register
def history_targets() -> dict[str, Target]:
    return {"article": _article}
