"""Reads of the org tree, all through the permission choke point."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Prefetch

from xaydungdang.core.access import VIEW
from xaydungdang.core.models import valid_on_q
from xaydungdang.core.text import text_sort_key

from .choices import KIND_RANK
from .models import Unit, UnitEvent, UnitEventLink, UnitVersion


@dataclasses.dataclass
class TreeNode:
    unit_id: int
    name: str
    short_name: str
    kind: str
    kind_label: str
    depth: int
    child_count: int = 0


def _order(version: UnitVersion) -> tuple[int, str]:
    return KIND_RANK.get(version.unit.kind, 99), text_sort_key(version.name)


def tree_as_of(user: Any, day: dt.date, root: Unit | None = None) -> list[TreeNode]:
    """The units visible to ``user`` that existed on ``day``, in tree order, with their names
    and parents as of that day. One query."""
    versions = (
        UnitVersion.objects.restrict(user, VIEW)
        .filter(valid_on_q(day), valid_on_q(day, "unit__"))
        .select_related("unit")
    )
    by_parent: dict[int | None, list[UnitVersion]] = defaultdict(list)
    present = {v.unit_id for v in versions}
    for v in versions:
        parent = v.parent_id if v.parent_id in present else None
        by_parent[parent].append(v)
    start = (
        [v for v in by_parent[None]]
        if root is None
        else [v for vs in by_parent.values() for v in vs if v.unit_id == root.pk]
    )
    out: list[TreeNode] = []
    stack = [(v, 0) for v in sorted(start, key=_order, reverse=True)]
    while stack:
        v, depth = stack.pop()
        kids = by_parent.get(v.unit_id, [])
        out.append(
            TreeNode(
                v.unit_id,
                v.name,
                v.short_name,
                v.unit.kind,
                v.unit.get_kind_display(),
                depth,
                len(kids),
            )
        )
        stack.extend((k, depth + 1) for k in sorted(kids, key=_order, reverse=True))
    return out


def names_on(pairs: set[tuple[int, dt.date | None]]) -> dict[tuple[int, dt.date | None], str]:
    """Names of units as of given days: {(unit_id, day): name}. One query."""
    versions = UnitVersion.objects.filter(unit_id__in={uid for uid, _ in pairs}).order_by(
        "unit_id", "valid_from"
    )
    by_unit: dict[int, list[UnitVersion]] = defaultdict(list)
    for v in versions:
        by_unit[v.unit_id].append(v)
    return {(uid, day): _name_at(by_unit.get(uid, []), day) for uid, day in pairs}


def _name_at(versions: list[UnitVersion], day: dt.date | None) -> str:
    if not versions:
        return ""
    if day is None:
        return versions[-1].name
    for v in versions:
        if v.is_valid_on(day):
            return v.name
    return (
        versions[0].name
        if versions[0].valid_from and day < versions[0].valid_from
        else (versions[-1].name)
    )


def unit_for(user: Any, pk: int, action: str = VIEW) -> Unit:
    """The unit, if ``user`` may see it (otherwise Unit.DoesNotExist, answered as 404)."""
    return Unit.objects.restrict(user, action).select_related("parent").get(pk=pk)


def children(user: Any, unit: Unit, day: dt.date) -> list[Unit]:
    ids = UnitVersion.objects.filter(valid_on_q(day), parent=unit).values("unit_id")
    kids = list(Unit.objects.restrict(user, VIEW).filter(pk__in=ids).filter(valid_on_q(day)))
    return sorted(kids, key=lambda u: (KIND_RANK.get(u.kind, 99), u.sort_key))


def unit_events(user: Any, unit: Unit) -> list[UnitEvent]:
    """The unit's change events, each with all its links (units the user may not see are
    shown without a link)."""
    links = Prefetch(
        "links", queryset=UnitEventLink.objects.select_related("unit").order_by("role", "unit_id")
    )
    events = (
        UnitEvent.objects.filter(links__unit=unit)
        .distinct()
        .select_related("rule_set")
        .prefetch_related(links)
        .order_by("-effective_date", "-id")
    )
    return list(events)


def versions_of(unit: Unit) -> list[UnitVersion]:
    return list(unit.versions.select_related("parent").order_by("valid_from", "id"))
