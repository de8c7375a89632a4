"""Documents in the pickers: by symbol however it is typed ("18-NQ/TW", "18/NQ-TW", "nq 18"),
or by the words of the title (``search.ranked_documents``); and their tasks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from xaydungdang.core.access import VIEW
from xaydungdang.core.dates import vn_date
from xaydungdang.core.text import fold
from xaydungdang.ui.pickers import Choice, ModelSource, only_match, query_text
from xaydungdang.ui.search import words

from .models import Document, Task
from .search import ranked_documents

TASK_CANDIDATES = 2000  # newest tasks whose content is folded for a search


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
        text = query_text(text)  # no control characters (PostgreSQL refuses NUL)
        if not text:
            return None
        ranked = ranked_documents(self.restricted(user, action), text)
        same_symbol = [doc for rank, doc in ranked if rank == 0]
        if len(same_symbol) == 1 and not text.isdecimal():
            return same_symbol[0]
        if text.isdecimal():
            return self.get(user, action, text)
        key = fold(text)

        def name(doc: Document) -> str:
            return doc.reference if fold(doc.reference) == key else doc.title

        named = [doc for _, doc in ranked if fold(name(doc)) == key]
        return only_match(named, text, name)


class TaskSource(ModelSource):
    """Tasks, by the words of their content (diacritics ignored) or by their document's symbol.

    Tasks keep no folded column: the content of the newest ``TASK_CANDIDATES`` tasks in scope
    is folded here, and the tasks of the documents the query names are added."""

    model = Task
    noun = "nhiệm vụ"

    def search(self, user: Any, action: str, query: str, limit: int) -> list[Choice]:
        wanted = words(query)
        if not wanted:
            return []
        scoped = self.restricted(user, action)
        rows = scoped.order_by("-pk").values_list("pk", "content")[:TASK_CANDIDATES]
        ids = [pk for pk, content in rows if all(w in fold(content) for w in wanted)]
        docs = DocumentSource().restricted(user, VIEW)
        named = [doc.pk for rank, doc in ranked_documents(docs, query) if rank <= 1][:5]
        found = scoped.filter(Q(pk__in=ids[:limit]) | Q(document_id__in=named))
        found = found.select_related("document").order_by("document_id", "ordinal", "pk")
        return [self.choice(t) for t in found[:limit]]

    def choice(self, task: Task) -> Choice:
        return Choice(str(task.pk), self.label(task), task.document.title[:160])

    def label(self, obj: Any) -> str:
        return f"{obj.document.reference}, nhiệm vụ {obj.ordinal}: {obj.content[:80]}"

    def resolve(self, user: Any, action: str, text: str) -> Task | None:
        """By number (typed names of tasks are too long to be exact)."""
        return self.get(user, action, text)


def picker_sources() -> dict[str, Any]:
    return {"documents": DocumentSource(), "tasks": TaskSource()}
