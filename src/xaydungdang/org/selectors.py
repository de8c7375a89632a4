"""Reads of the org tree, all through the permission choke point."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from xaydungdang.core.access import VIEW, path_q, scope_for
from xaydungdang.core.models import valid_on_q
from xaydungdang.core.text import text_sort_key

from .choices import KIND_RANK, UnitKind
from .models import Unit, UnitEvent, UnitEventLink, UnitVersion


@dataclasses.dataclass
class TreeNode:
    """A unit as of a day, with how many direct children it had then; ``children`` is None
    until they are loaded (the tree opens one level at a time)."""

    unit_id: int
    name: str
    short_name: str
    kind: str
    kind_label: str
    depth: int
    child_count: int = 0
    parent_id: int | None = None
    children: list[TreeNode] | None = None
    changes: list[str] = dataclasses.field(default_factory=list)


def _order(node: TreeNode) -> tuple[int, str]:
    return KIND_RANK.get(node.kind, 99), text_sort_key(node.name)


def _on_day(user: Any, day: dt.date) -> QuerySet[UnitVersion]:
    """Versions the user may see that hold on ``day``, of units that exist on it."""
    return (
        UnitVersion.objects.restrict(user, VIEW)
        .filter(valid_on_q(day), valid_on_q(day, "unit__"))
        .order_by()
    )


def _level(user: Any, day: dt.date, where: Q, depth: int) -> list[TreeNode]:
    """One level of the tree: the versions matching ``where``, each with its count of direct
    children on ``day`` (a correlated count, so one query for the level)."""
    kids = (
        _on_day(user, day)
        .filter(parent_id=OuterRef("unit_id"))
        .values("parent_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    rows = (
        _on_day(user, day)
        .filter(where)
        .annotate(kids=Coalesce(Subquery(kids), 0))
        .values_list("unit_id", "name", "short_name", "unit__kind", "kids", "parent_id")
    )
    labels = dict(UnitKind.choices)
    nodes = [
        TreeNode(uid, name, short, kind, labels.get(kind, kind), depth, kids, parent)
        for uid, name, short, kind, kids, parent in rows
    ]
    return sorted(nodes, key=_order)


def _roots_q(user: Any) -> Q:
    """Visible units whose parent is the top or lies outside the user's scope."""
    scope = scope_for(user, VIEW)
    if scope.everything:
        return Q(parent__isnull=True)
    return Q(parent__isnull=True) | ~path_q("parent__path", scope.prefixes)


def tree_as_of(user: Any, day: dt.date, root: Unit | None = None) -> list[TreeNode]:
    """The top of the tree ``user`` may see as of ``day`` (the units with no visible parent, or
    ``root``), with their direct children loaded and every deeper level left to
    ``tree_children``. Names and parents are those of the day. Two queries."""
    top = _level(user, day, Q(unit_id=root.pk) if root else _roots_q(user), 0)
    by_parent: dict[int | None, list[TreeNode]] = defaultdict(list)
    for node in tree_children(user, day, [n.unit_id for n in top if n.child_count], 1):
        by_parent[node.parent_id].append(node)
    for node in top:
        if node.child_count:
            node.children = by_parent.get(node.unit_id, [])
    return top


def tree_children(user: Any, day: dt.date, parent_ids: list[int], depth: int) -> list[TreeNode]:
    """The direct children on ``day`` of the given units, within the user's scope. One
    query."""
    return _level(user, day, Q(parent_id__in=parent_ids), depth) if parent_ids else []


def tree_flat(nodes: list[TreeNode]) -> list[TreeNode]:
    """The loaded nodes in tree order (depth first)."""
    out: list[TreeNode] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children or []))
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
