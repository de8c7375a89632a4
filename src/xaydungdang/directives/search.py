"""Documents in the global search: by symbol however it is typed ("18-NQ/TW", "18/NQ-TW",
"nq 18"), or by the words of the title."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse

from xaydungdang.core.access import VIEW
from xaydungdang.core.dates import vn_date
from xaydungdang.core.text import fold
from xaydungdang.ui.search import CANDIDATES, Hit, match_rank, words

from .models import Document


def symbol_tokens(text: str) -> list[str]:
    """The letters and numbers of a symbol, in order: "18-NQ/TW" and "18/NQ-TW" are alike."""
    return [t for t in re.split(r"[^0-9a-z]+", fold(text)) if t]


def _symbol_rank(query_tokens: list[str], doc: Document) -> int | None:
    """0: the same symbol; 1: every part of the query is in it; None: not this document."""
    tokens = symbol_tokens(doc.symbol or f"{doc.number} {doc.get_doc_type_display()}")
    if tokens == query_tokens:
        return 0
    type_words = fold(doc.get_doc_type_display()).split()
    initials = "".join(w[0] for w in type_words)
    known = {*tokens, initials, *type_words}
    return 1 if all(t in known for t in query_tokens) else None


def ranked_documents(visible: QuerySet[Document], query: str) -> list[tuple[int, Document]]:
    """Documents of ``visible`` for ``query``, each with its rank (0: the same symbol; 1: the
    parts of the symbol; then by title words, from 1 for the exact title)."""
    tokens = symbol_tokens(query)
    numbers = [t for t in tokens if t.isdecimal()]
    found: list[tuple[int, Document]] = []
    if numbers:
        number = numbers[0]
        by_number = visible.filter(Q(number=number) | Q(symbol__startswith=f"{number}-"))
        for doc in by_number[:CANDIDATES]:
            rank = _symbol_rank(tokens, doc)
            if rank is not None:
                found.append((rank, doc))
    if not found:
        qs = visible
        for w in words(query):
            qs = qs.filter(folded__contains=w)
        found = [(match_rank(query, [doc.title]) + 1, doc) for doc in qs[:CANDIDATES]]
    return found


def search_documents(user: Any, query: str) -> list[Hit]:
    visible = Document.objects.restrict(user, VIEW).select_related("issuer")
    return [_hit(doc, rank) for rank, doc in ranked_documents(visible, query)]


def _hit(doc: Document, rank: int) -> Hit:
    day = f" ngày {vn_date(doc.issued_on)}" if doc.issued_on else ""
    return Hit(
        "document",
        f"{doc.reference}: {doc.title}"[:200],
        f"{doc.issuer.name}{day}",
        reverse("directives:document", args=[doc.pk]),
        (rank, doc.symbol or doc.number),
    )
