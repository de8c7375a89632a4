"""One search over units and persons. Diacritics are ignored (đ→d too); exact matches rank first."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse

from xaydungdang.core.access import VIEW
from xaydungdang.core.text import clean, fold
from xaydungdang.org.models import Unit, UnitAlias
from xaydungdang.people.models import Person

CANDIDATES = 200


@dataclasses.dataclass
class Hit:
    kind: str
    label: str
    detail: str
    url: str
    rank: tuple[int, str]


def match_rank(query: str, texts: list[str]) -> int:
    """0: the exact text; 1: the same without diacritics; 2: starts with the query as typed;
    3: contains it as typed; 4: starts with it without diacritics; 5: contains the words."""
    q, fq = clean(query).casefold(), fold(query)
    best = 5
    for text in texts:
        t, ft = clean(text).casefold(), fold(text)
        for rank, hit in enumerate(
            (t == q, ft == fq, t.startswith(q), q in t, ft.startswith(fq)), start=0
        ):
            if hit:
                best = min(best, rank)
                break
    return best


def _words(query: str) -> list[str]:
    return [w for w in fold(query).split(" ") if w]


def search_units(user: Any, query: str) -> list[Hit]:
    qs = Unit.objects.restrict(user, VIEW)
    for w in _words(query):
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
                (match_rank(query, [t for t in texts if t]), u.sort_key),
            )
        )
    return hits


def search_persons(user: Any, query: str) -> list[Hit]:
    qs = Person.objects.restrict(user, VIEW).select_related("managing_unit")
    for w in _words(query):
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


def search(user: Any, query: str, limit: int = 50) -> list[Hit]:
    if not _words(query):
        return []
    hits = search_units(user, query) + search_persons(user, query)
    hits.sort(key=lambda h: h.rank)
    return hits[:limit]
