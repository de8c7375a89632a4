"""The pieces of the global search that every provider shares: a hit and its rank.

Providers live in their apps (``org.search``, ``people.search``, ``directives.search``) and are
registered on ``core.hooks.SEARCH_PROVIDERS``; ``site.search`` merges them.
"""

from __future__ import annotations

import dataclasses

from xaydungdang.core.text import clean, fold

CANDIDATES = 200  # rows read per provider before ranking


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


def words(query: str) -> list[str]:
    return [w for w in fold(query).split(" ") if w]
