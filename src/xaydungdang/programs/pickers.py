"""Events in the pickers (evidence of a program item): by the words of their title, diacritics
ignored. Events keep no folded column: the titles of the newest ``CANDIDATES`` events in scope
are folded here."""

from __future__ import annotations

from typing import Any

from xaydungdang.core.dates import vn_date
from xaydungdang.core.text import fold
from xaydungdang.ui.pickers import Choice, ModelSource, only_match
from xaydungdang.ui.search import match_rank, words

from .models import Event

CANDIDATES = 2000


class EventSource(ModelSource):
    model = Event
    noun = "sự kiện"

    def search(self, user: Any, action: str, query: str, limit: int) -> list[Choice]:
        wanted = words(query)
        if not wanted:
            return []
        scoped = self.restricted(user, action)
        rows = scoped.order_by("-held_on", "-pk").values_list("pk", "title")[:CANDIDATES]
        ranked = sorted(
            (match_rank(query, [title]), i, pk)
            for i, (pk, title) in enumerate(rows)
            if all(w in fold(title) for w in wanted)
        )
        ids = [pk for _, _, pk in ranked[:limit]]
        events = {e.pk: e for e in scoped.filter(pk__in=ids)}
        return [self.choice(events[pk]) for pk in ids if pk in events]

    def choice(self, event: Event) -> Choice:
        return Choice(str(event.pk), self.label(event), event.place)

    def label(self, obj: Any) -> str:
        return f"{obj.title} ({vn_date(obj.held_on)})"

    def resolve(self, user: Any, action: str, text: str) -> Event | None:
        """By number, or by exact title (with or without its date) if only one event has it."""
        text = text.strip()
        if text.isdecimal():
            return self.get(user, action, text)
        title = text.rsplit(" (", 1)[0] if text.endswith(")") else text
        found = list(self.restricted(user, action).filter(title=title)[:20])
        return only_match(found, title, lambda e: e.title)


def picker_sources() -> dict[str, Any]:
    return {"events": EventSource()}
