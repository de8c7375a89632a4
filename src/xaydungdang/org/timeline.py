"""What changed in the tree between two dates: the change events (established, renamed,
reparented, merged, split, dissolved) that took effect in the period, with their deciding
documents, read through the scope choke point."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count

from xaydungdang.core.access import VIEW, scope_for

from .choices import EventKind, LinkRole
from .models import Unit, UnitEvent, UnitEventLink
from .selectors import names_on

# Links listed per event; a bulk event (a whole synthetic tree established) shows its count.
MAX_LINKS = 12
MAX_EVENTS = 100
SHORT_LABELS = {
    EventKind.ESTABLISH: "thành lập",
    EventKind.RENAME: "đổi tên",
    EventKind.REPARENT: "chuyển trực thuộc",
    EventKind.MERGE: "hợp nhất",
    EventKind.SPLIT: "chia tách",
    EventKind.DISSOLVE: "giải thể",
}
# Which day's name a link shows: the one it had before the change, or the one it took.
_BEFORE_ROLES = {LinkRole.PREDECESSOR}
_BEFORE_KINDS = {EventKind.DISSOLVE}


@dataclasses.dataclass
class Part:
    role: str
    unit_id: int
    name: str
    visible: bool
    old_name: str = ""


@dataclasses.dataclass
class Change:
    event_id: int
    kind: str
    kind_label: str
    day: dt.date
    decision_ref: str
    parts: list[Part]
    more: int  # links not listed


def period(a: dt.date, b: dt.date) -> tuple[dt.date, dt.date]:
    """The period between two dates as (after, up to and including), whichever comes first."""
    return (a, b) if a <= b else (b, a)


def changes_between(user: Any, a: dt.date, b: dt.date) -> tuple[list[Change], bool]:
    """The change events the user may see that took effect after the earlier date and on or
    before the later one (what makes the tree of one day into the other's), newest first, and
    whether there were more than shown. Four queries at most."""
    lo, hi = period(a, b)
    events = list(
        UnitEvent.objects.restrict(user, VIEW)
        .filter(effective_date__gt=lo, effective_date__lte=hi)
        .annotate(n_links=Count("links"))
        .order_by("-effective_date", "-id")[: MAX_EVENTS + 1]
    )
    more = len(events) > MAX_EVENTS
    events = events[:MAX_EVENTS]
    small = [e.pk for e in events if e.n_links <= MAX_LINKS]
    links: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for event_id, unit_id, role in (
        UnitEventLink.objects.filter(event_id__in=small)
        .order_by("event_id", "role", "unit_id")
        .values_list("event_id", "unit_id", "role")
    ):
        links[event_id].append((unit_id, role))
    return [_change(e, links.get(e.pk, [])) for e in events], more


def _change(event: UnitEvent, links: list[tuple[int, str]]) -> Change:
    parts = [Part(role, uid, "", True) for uid, role in links]
    assert event.effective_date is not None
    return Change(
        event.pk,
        event.kind,
        event.get_kind_display(),
        event.effective_date,
        event.decision_ref,
        parts,
        event.n_links - len(parts),  # type: ignore[attr-defined]
    )


def name_parts(user: Any, changes: list[Change]) -> None:
    """Fill in the names of the units of each change as of the day that matters (a renamed
    unit gets both), and whether the user may open them. Two queries."""
    pairs: set[tuple[int, dt.date | None]] = set()
    for c in changes:
        before = c.day - dt.timedelta(days=1)
        for p in c.parts:
            pairs.add((p.unit_id, before if _shows_before(c.kind, p.role) else c.day))
            if c.kind == EventKind.RENAME:
                pairs.add((p.unit_id, before))
    names = names_on(pairs) if pairs else {}
    ids = {p.unit_id for c in changes for p in c.parts}
    visible = ids if scope_for(user, VIEW).everything else _visible(user, ids)
    for c in changes:
        before = c.day - dt.timedelta(days=1)
        for p in c.parts:
            p.name = names[(p.unit_id, before if _shows_before(c.kind, p.role) else c.day)]
            p.visible = p.unit_id in visible
            if c.kind == EventKind.RENAME:
                p.old_name = names[(p.unit_id, before)]


def _shows_before(kind: str, role: str) -> bool:
    return role in _BEFORE_ROLES or kind in _BEFORE_KINDS


def _visible(user: Any, ids: set[int]) -> set[int]:
    if not ids:
        return set()
    return set(Unit.objects.restrict(user, VIEW).filter(pk__in=ids).values_list("pk", flat=True))


def marks_for(user: Any, unit_ids: list[int], a: dt.date, b: dt.date) -> dict[int, list[str]]:
    """For the units of one level of the tree: the short labels of the changes each went
    through in the period (the badges beside their names). One query."""
    if not unit_ids:
        return {}
    lo, hi = period(a, b)
    rows = (
        UnitEventLink.objects.filter(
            unit_id__in=unit_ids, event__effective_date__gt=lo, event__effective_date__lte=hi
        )
        .order_by("event__effective_date", "event_id")
        .values_list("unit_id", "event__kind")
    )
    marks: dict[int, list[str]] = defaultdict(list)
    for unit_id, kind in rows:
        label = SHORT_LABELS.get(EventKind(kind), kind)
        if label not in marks[unit_id]:
            marks[unit_id].append(label)
    return marks
