"""Persons and titles in the pickers.

Persons are searched by their folded name: the exact name, then names starting with the query
(both ranges of the ``folded_name`` index), then, if that is not enough, names containing every
word. Each shows the unit that keeps the file and the birth year, which tell namesakes apart.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from xaydungdang.core.access import VIEW, parse_id
from xaydungdang.core.text import fold
from xaydungdang.org.models import Unit
from xaydungdang.ui.pickers import Choice, ModelSource, only_match, query_text
from xaydungdang.ui.search import CANDIDATES, match_rank, words

from .models import Person, Title

SEARCH_END = "\U0010ffff"  # after every character: the end of a prefix range


class PersonSource(ModelSource):
    model = Person
    noun = "cá nhân"

    def search(self, user: Any, action: str, query: str, limit: int) -> list[Choice]:
        folded = fold(query)
        if not words(query):
            return []
        scoped = self.restricted(user, action).select_related("managing_unit")
        prefix = Q(folded_name__gte=folded, folded_name__lt=folded + SEARCH_END)
        found = list(scoped.filter(prefix).order_by("folded_name", "pk")[:CANDIDATES])
        if len(found) < limit:
            qs = scoped.exclude(prefix)
            for w in words(query):
                qs = qs.filter(folded_name__contains=w)
            found += list(qs.order_by("sort_key")[: limit - len(found)])
        found.sort(key=lambda p: (match_rank(query, [p.full_name]), p.sort_key, p.pk))
        return [self.choice(p) for p in found[:limit]]

    def choice(self, person: Person) -> Choice:
        year = f" · sinh năm {person.birth_year}" if person.birth_year else ""
        detail = f"Hồ sơ tại {person.managing_unit.name}{year}"
        return Choice(str(person.pk), person.full_name, detail)

    def resolve(self, user: Any, action: str, text: str) -> Person | None:
        """By number, or by exact name if only one person in scope has it."""
        text = query_text(text)  # no control characters (PostgreSQL refuses NUL)
        if not text:
            return None
        if text.isdecimal():
            return self.get(user, action, text)
        found = list(self.restricted(user, action).filter(folded_name=fold(text))[:20])
        return only_match(found, text, lambda p: p.full_name)


class TitleSource(ModelSource):
    model = Title
    noun = "chức danh"
    narrows = True  # by the unit chosen in the same form: only the titles of its kind

    def search(
        self, user: Any, action: str, query: str, limit: int, within: str = ""
    ) -> list[Choice]:
        if not words(query):
            return []
        qs = self.restricted(user, action)
        for w in words(query):
            qs = qs.filter(folded__contains=w)
        found = sorted(qs[:CANDIDATES], key=lambda t: (match_rank(query, [t.name]), t.rank, t.name))
        unit = self._unit(user, within)
        if unit is not None:
            found = [t for t in found if t.fits(unit.kind)]
        return [Choice(str(t.pk), t.name, t.description[:120]) for t in found[:limit]]

    @staticmethod
    def _unit(user: Any, within: str) -> Unit | None:
        pk = parse_id(within)
        return None if pk is None else Unit.objects.restrict(user, VIEW).filter(pk=pk).first()

    def resolve(self, user: Any, action: str, text: str) -> Title | None:
        text = query_text(text)  # no control characters (PostgreSQL refuses NUL)
        if text.isdecimal():
            return self.get(user, action, text)
        found = list(self.restricted(user, action).filter(folded=fold(text))[:20])
        return only_match(found, text, lambda t: t.name)


def picker_sources() -> dict[str, Any]:
    return {"persons": PersonSource(), "titles": TitleSource()}
