"""Units in the pickers: searched by name, short name or alias without diacritics, shown with the
path of their ancestors ("Chi bộ 3 – Đảng bộ phường Bến Nghé – Thành ủy TP.HCM")."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from xaydungdang.core.access import parse_id
from xaydungdang.core.text import fold
from xaydungdang.ui.pickers import Choice, ModelSource, only_match, query_text
from xaydungdang.ui.search import CANDIDATES, match_rank, words

from .choices import UnitKind
from .models import Unit, UnitAlias
from .services.common import SEGMENT

SEP = " | "  # between the folded parts of Unit.search_text
PATH_DEPTH = 4  # ancestors shown after the unit's own name


def exact_q(folded: str) -> Q:
    """Units one of whose names (name, short name, alias), folded, is ``folded``."""
    return (
        Q(search_text=folded)
        | Q(search_text__startswith=folded + SEP)
        | Q(search_text__endswith=SEP + folded)
        | Q(search_text__contains=SEP + folded + SEP)
        | Q(pk__in=UnitAlias.objects.filter(folded=folded).values("unit_id"))
    )


def ancestor_ids(path: str) -> list[int]:
    """The ids of the unit's ancestors, nearest first (the segments of its path)."""
    ids = [int(path[i : i + SEGMENT], 36) for i in range(0, len(path), SEGMENT)]
    return ids[-2::-1]


def shown_ancestors(path: str) -> list[int]:
    """The ancestors a suggestion shows: the nearest few, without the tree's root when the
    unit lies deeper (every path would end with it)."""
    ids = ancestor_ids(path)
    return (ids[:-1] if len(ids) > 1 else ids)[:PATH_DEPTH]


def _rank(query: str, unit: Unit) -> tuple[int, int, int, str]:
    texts = [unit.name, unit.short_name, *unit.search_text.split(SEP)]
    ended = 0 if unit.valid_to is None else 1
    # the unit itself before the bodies inside it: a shorter path first
    return match_rank(query, [t for t in texts if t]), ended, len(unit.path), unit.sort_key


class UnitSource(ModelSource):
    model = Unit
    noun = "đơn vị"

    def search(self, user: Any, action: str, query: str, limit: int) -> list[Choice]:
        folded = fold(query)
        if not words(query):
            return []
        scoped = self.restricted(user, action)
        exact = list(scoped.filter(exact_q(folded)).order_by("sort_key")[:limit])
        qs = scoped
        for w in words(query):
            qs = qs.filter(search_text__contains=w)
        seen = {u.pk for u in exact}
        rest = [u for u in qs.order_by("sort_key")[:CANDIDATES] if u.pk not in seen]
        units = sorted(exact, key=lambda u: _rank(query, u)) + sorted(
            rest, key=lambda u: _rank(query, u)
        )
        return self.choices(units[:limit])

    def choices(self, units: list[Unit]) -> list[Choice]:
        """Each unit with the path of its ancestors' names, read in one query."""
        chains = {u.pk: shown_ancestors(u.path) for u in units}
        wanted = {a for chain in chains.values() for a in chain}
        rows = Unit.objects.filter(pk__in=wanted).values_list("pk", "name", "short_name")
        names = {pk: short or name for pk, name, short in rows}
        out = []
        for u in units:
            path = " – ".join(names[a] for a in chains[u.pk] if a in names)
            facts = [UnitKind(u.kind).label if u.kind in UnitKind.values else u.kind]
            facts += [f"mã {u.code}"] if u.code else []
            facts += ["đã kết thúc"] if u.valid_to is not None else []
            detail = f"{path} · {', '.join(facts)}" if path else ", ".join(facts)
            out.append(Choice(str(u.pk), u.name, detail))
        return out

    def resolve(self, user: Any, action: str, text: str) -> Unit | None:
        """By code, by number, or by exact name if only one unit in scope has it (an active
        one before an ended one)."""
        text = query_text(text)  # no control characters (PostgreSQL refuses NUL)
        if not text:
            return None
        scoped = self.restricted(user, action)
        ref = text.split(" ", 1)[0]
        unit = scoped.filter(code=ref).first() or scoped.filter(code=text).first()
        if unit is None and (pk := parse_id(text)) is not None:
            unit = scoped.filter(pk=pk).first()
        if unit is not None:
            return unit
        named = scoped.filter(exact_q(fold(text))).order_by("pk")
        found = list(named.filter(valid_to__isnull=True)[:20]) or list(named[:20])
        return only_match(found, text, lambda u: u.name)


def picker_sources() -> dict[str, Any]:
    return {"units": UnitSource()}
