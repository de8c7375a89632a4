"""Persons in the global search: by full name, without diacritics, the exact name first."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from xaydungdang.core.access import VIEW
from xaydungdang.ui.search import CANDIDATES, Hit, match_rank, words

from .models import Person


def search_persons(user: Any, query: str) -> list[Hit]:
    qs = Person.objects.restrict(user, VIEW).select_related("managing_unit")
    for w in words(query):
        qs = qs.filter(folded_name__contains=w)
    hits = []
    for p in qs.order_by("sort_key")[:CANDIDATES]:
        year = f", sinh năm {p.birth_year}" if p.birth_year else ""
        hits.append(
            Hit(
                "person",
                p.full_name,
                f"{p.managing_unit.name}{year}",
                reverse("people:person", args=[p.pk]),
                (match_rank(query, [p.full_name]), p.sort_key),
            )
        )
    return hits
