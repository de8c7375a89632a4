"""One search over every provider registered on ``core.hooks.SEARCH_PROVIDERS`` (units,
persons, documents, …). Diacritics are ignored (đ→d too); exact matches rank first."""

from __future__ import annotations

from typing import Any

from xaydungdang.core import hooks
from xaydungdang.ui.search import Hit, match_rank, words

__all__ = ["Hit", "match_rank", "search"]


def search(user: Any, query: str, limit: int = 50) -> list[Hit]:
    if not words(query):
        return []
    hits = [hit for provider in hooks.SEARCH_PROVIDERS() for hit in provider(user, query)]
    hits.sort(key=lambda h: h.rank)
    return hits[:limit]
