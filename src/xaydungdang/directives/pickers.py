"""Documents in the pickers: by symbol however it is typed ("18-NQ/TW", "18/NQ-TW", "nq 18"),
or by the words of the title (``search.ranked_documents``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xaydungdang.core.dates import vn_date
from xaydungdang.core.text import fold
from xaydungdang.ui.pickers import Choice, ModelSource, only_match
from xaydungdang.ui.search import words

from .models import Document
from .search import ranked_documents


class DocumentSource(ModelSource):
    model = Document
    noun = "văn bản"

    def search(self, user: Any, action: str, query: str, limit: int) -> list[Choice]:
        if not words(query):
            return []
        visible = self.restricted(user, action).select_related("issuer")
        found = ranked_documents(visible, query)
        found.sort(key=lambda pair: (pair[0], -(pair[1].issued_on or dt.date.min).toordinal()))
        return [self.choice(doc) for _, doc in found[:limit]]

    def choice(self, doc: Document) -> Choice:
        day = f" ngày {vn_date(doc.issued_on)}" if doc.issued_on else ""
        detail = f"{doc.title[:160]} · {doc.issuer.name}{day}"
        return Choice(str(doc.pk), self.label(doc), detail)

    def label(self, obj: Any) -> str:
        return str(obj.reference)

    def resolve(self, user: Any, action: str, text: str) -> Document | None:
        """By its symbol as typed, its number in the register, or its exact reference or
        title, if only one document in scope has it."""
        text = text.strip()
        if not text:
            return None
        ranked = ranked_documents(self.restricted(user, action), text)
        same_symbol = [doc for rank, doc in ranked if rank == 0]
        if len(same_symbol) == 1 and not text.isdecimal():
            return same_symbol[0]
        if text.isdecimal():
            return self.get(user, action, text)  # type: ignore[no-any-return]
        key = fold(text)

        def name(doc: Document) -> str:
            return doc.reference if fold(doc.reference) == key else doc.title

        named = [doc for _, doc in ranked if fold(name(doc)) == key]
        return only_match(named, text, name)  # type: ignore[no-any-return]


def picker_sources() -> dict[str, Any]:
    return {"documents": DocumentSource()}
