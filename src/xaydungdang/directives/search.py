"""Documents in the global search: by symbol however it is typed ("18-NQ/TW", "18/NQ-TW",
"nq 18"), or by the words of the title."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q
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


def search_documents(user: Any, query: str) -> list[Hit]:
    visible = Document.objects.restrict(user, VIEW).select_related("issuer")
    tokens = symbol_tokens(query)
    numbers = [t for t in tokens if t.isdecimal()]
    hits = []
    if numbers:
        number = numbers[0]
        found = visible.filter(Q(number=number) | Q(symbol__startswith=f"{number}-"))
        for doc in found[:CANDIDATES]:
            rank = _symbol_rank(tokens, doc)
            if rank is not None:
                hits.append(_hit(doc, rank))
    if not hits:
        qs = visible
        for w in words(query):
            qs = qs.filter(folded__contains=w)
        hits = [_hit(doc, match_rank(query, [doc.title]) + 1) for doc in qs[:CANDIDATES]]
    return hits


def _hit(doc: Document, rank: int) -> Hit:
    day = f" ngày {vn_date(doc.issued_on)}" if doc.issued_on else ""
    return Hit(
        "document",
        f"{doc.reference}: {doc.title}"[:200],
        f"{doc.issuer.name}{day}",
        reverse("directives:document", args=[doc.pk]),
        (rank, doc.symbol or doc.number),
    )
