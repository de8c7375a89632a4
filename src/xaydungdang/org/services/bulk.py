"""Creating a whole tree of units at once (the national party tree of the synthetic data: about
300,000 units), with the same checks as ``unit_create`` made once per batch instead of once per
unit, and one establishing event for the batch."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction

from xaydungdang.core import audit
from xaydungdang.core.actors import Actor
from xaydungdang.core.text import fold, text_sort_key

from ..choices import EventKind, LinkRole
from ..models import Unit, UnitEvent, UnitEventLink, UnitVersion
from .common import check_kind, check_kind_allowed, clean_name, lock_tree, require_change, segment


@dataclasses.dataclass
class Node:
    """A unit to create: ``parent`` is the code of a node earlier in the list, or an existing
    unit."""

    code: str
    name: str
    kind: str
    parent: str | Unit | None


def _check(nodes: list[Node], valid_from: dt.date | None, actor: Actor) -> None:
    codes = [n.code for n in nodes]
    if len(set(codes)) != len(codes):
        twice = next(c for c, k in Counter(codes).items() if k > 1)
        raise ValidationError(f"Mã đơn vị “{twice}” xuất hiện hai lần.")
    taken = sorted(
        str(c)
        for i in range(0, len(codes), 5000)
        for c in Unit.objects.filter(code__in=codes[i : i + 5000]).values_list("code", flat=True)
    )
    if taken:
        raise ValidationError(f"Mã đơn vị “{taken[0]}” đã được dùng.")
    seen = set()
    for node in nodes:
        node.name = clean_name(node.name)
        if isinstance(node.parent, str) and node.parent not in seen:
            raise ValidationError(f"“{node.name}”: đơn vị cấp trên “{node.parent}” chưa có.")
        seen.add(node.code)
    siblings = Counter((_parent_key(n), n.name) for n in nodes)
    if any(k > 1 for k in siblings.values()):
        (above, name), _ = siblings.most_common(1)[0]
        raise ValidationError(f"Trùng tên “{name}” trong cùng đơn vị cấp trên {above}.")
    for kind in {n.kind for n in nodes}:
        check_kind(kind)
        check_kind_allowed(kind, valid_from)
    _check_existing_parents(nodes, actor)


def _check_existing_parents(nodes: list[Node], actor: Actor) -> None:
    parents = {n.parent.pk: n.parent for n in nodes if isinstance(n.parent, Unit)}
    for parent in parents.values():
        require_change(actor, parent)
        existing = set(parent.children.values_list("name", flat=True))
        clash = [n.name for n in nodes if n.parent == parent and n.name in existing]
        if clash:
            raise ValidationError(f"Đã có đơn vị “{clash[0]}” trực thuộc “{parent.name}”.")
    if any(n.parent is None for n in nodes):
        require_change(actor, None)


def _parent_key(node: Node) -> str:
    return node.parent.path if isinstance(node.parent, Unit) else str(node.parent)


def units_bulk_create(
    *,
    nodes: list[Node],
    valid_from: dt.date | None,
    decision_ref: str = "",
    is_demo: bool = False,
    actor: Actor,
) -> dict[str, Unit]:
    """Create every node, or none. Returns the new units by code."""
    _check(nodes, valid_from, actor)
    with transaction.atomic():
        lock_tree()
        next_id = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        made: dict[str, Unit] = {}
        for pk, node in enumerate(nodes, start=next_id):
            parent = made[node.parent] if isinstance(node.parent, str) else node.parent
            made[node.code] = Unit(
                pk=pk,
                code=node.code,
                name=node.name,
                kind=node.kind,
                parent=parent,
                path=(parent.path if parent else "") + segment(pk),
                valid_from=valid_from,
                search_text=fold(node.name),
                sort_key=text_sort_key(node.name)[:1200],
                is_demo=is_demo,
            )
        units = list(made.values())
        Unit.objects.bulk_create(units, batch_size=5000)
        _sync_sequence()
        UnitVersion.objects.bulk_create(
            (UnitVersion(unit=u, name=u.name, parent=u.parent, valid_from=valid_from)
             for u in units),
            batch_size=5000,
        )  # fmt: skip
        event = UnitEvent.objects.create(
            kind=EventKind.ESTABLISH, effective_date=valid_from, decision_ref=decision_ref
        )
        UnitEventLink.objects.bulk_create(
            (UnitEventLink(event=event, unit=u, role=LinkRole.SUBJECT) for u in units),
            batch_size=5000,
        )
        audit.record_created(
            actor=actor,
            objs=list[models.Model](units),
            after={"bulk": decision_ref or "tạo cây đơn vị"},
            scope_path=lambda u: u.path,
        )
    return made


def _sync_sequence() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute(
                "SELECT setval(pg_get_serial_sequence('org_unit', 'id'), "
                "(SELECT MAX(id) FROM org_unit))"
            )
