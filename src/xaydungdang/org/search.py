"""Units in the global search: by name, short name or alias, without diacritics."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.urls import reverse

from xaydungdang.core.access import VIEW
from xaydungdang.ui.search import CANDIDATES, Hit, match_rank, words

from .models import Unit, UnitAlias


def search_units(user: Any, query: str) -> list[Hit]:
    qs = Unit.objects.restrict(user, VIEW)
    for w in words(query):
        qs = qs.filter(search_text__contains=w)
    qs = qs.prefetch_related(Prefetch("aliases", queryset=UnitAlias.objects.order_by("alias")))
    hits = []
    for u in qs.order_by("sort_key")[:CANDIDATES]:
        texts = [u.name, u.short_name, *[a.alias for a in u.aliases.all()]]
        state = "" if u.valid_to is None else " · đã kết thúc"
        hits.append(
            Hit(
                "unit",
                u.name,
                f"{u.get_kind_display()}{state}",
                reverse("org:unit", args=[u.pk]),
                # the unit itself before the bodies inside it: a shorter path ranks first
                (match_rank(query, [t for t in texts if t]), f"{len(u.path):03d}{u.sort_key}"),
            )
        )
    return hits
