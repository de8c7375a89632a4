"""Reads of the ingest app, all through the permission choke point."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from xaydungdang.core.access import VIEW
from xaydungdang.people.models import Tenure
from xaydungdang.programs.models import Event, Participant

from .models import Article, Source

PER_PAGE = 50


Targets = dict[str, Any]  # record type → ids (a list, or a subquery of pks)


def sources(user: Any, targets: Targets, limit: int = PER_PAGE) -> list[Source]:
    """The sources of the given records ({"people.tenure": ids, …}), oldest article first, in
    one query (the ids may be subqueries)."""
    where = Q(pk__in=[])
    for target_type, ids in targets.items():
        where |= Q(target_type=target_type, target_id__in=ids)
    rows = list(
        Source.objects.restrict(user, VIEW)
        .filter(where)
        .select_related("article")
        .order_by("article__day", "article_id", "span_start")[:limit]
    )
    # A source is seen by whoever sees its record; its article may be outside their scope,
    # and then it is quoted but not linked (the article page would answer 404).
    opened = set(
        Article.objects.restrict(user, VIEW)
        .filter(pk__in={s.article_id for s in rows})
        .values_list("pk", flat=True)
    )
    for row in rows:
        row.can_open = row.article_id in opened  # type: ignore[attr-defined]
    return rows


def person_targets(person: Any) -> Targets:
    return {
        "people.person": [person.pk],
        "people.tenure": Tenure.objects.filter(person=person).values("pk"),
        "programs.event": Participant.objects.filter(person=person).values("event_id"),
    }


def unit_targets(unit: Any) -> Targets:
    return {
        "org.unit": [unit.pk],
        "programs.event": Event.objects.filter(units=unit).values("pk"),
    }


def article_for(user: Any, pk: int, action: str = VIEW) -> Article | None:
    return Article.objects.restrict(user, action).select_related("unit").filter(pk=pk).first()
