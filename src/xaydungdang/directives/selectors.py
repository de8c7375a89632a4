"""Reads of documents and tasks, through the permission choke point."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q, QuerySet

from xaydungdang.core.access import VIEW, path_q
from xaydungdang.core.text import fold
from xaydungdang.org.models import Unit
from xaydungdang.ui.params import parse_id

from .choices import TaskStatus
from .models import Document, Task
from .rollup import Rollup, Thresholds, rollups_by_document, thresholds, warning

MAX_DEPTH = 6


@dataclasses.dataclass
class DocNode:
    document: Document
    depth: int
    tasks: list[tuple[Task, str]]
    own: Rollup
    total: Rollup = dataclasses.field(default_factory=Rollup)
    children: list[DocNode] = dataclasses.field(default_factory=list)


def document_for(user: Any, pk: int) -> Document:
    return Document.objects.restrict(user, VIEW).select_related("issuer", "implements").get(pk=pk)


def register(user: Any, params: dict[str, str]) -> QuerySet[Document]:
    """The register with its filters: type, issuer, term, year, and search."""
    qs = Document.objects.restrict(user, VIEW).select_related("issuer")
    if params.get("loai"):
        qs = qs.filter(doc_type=params["loai"])
    if (issuer := parse_id(params.get("co_quan", ""))) is not None:
        qs = qs.filter(issuer_id=issuer)
    if params.get("khoa"):
        qs = qs.filter(term=params["khoa"].strip().upper())
    if (year := parse_id(params.get("nam", ""))) is not None and 1 <= year <= 9999:
        qs = qs.filter(issued_on__year=year)
    for word in fold(params.get("q", "")).split():
        qs = qs.filter(folded__contains=word)
    return qs.order_by("-issued_on", "-id")


def descendants(documents: QuerySet[Document], root: Document) -> list[Document]:
    """The implementing documents under ``root``, level by level (one query a level), read
    from ``documents``: the user's restricted set on pages, every document for a review."""
    found: list[Document] = []
    level = [root.pk]
    for _ in range(MAX_DEPTH):
        docs = list(documents.filter(implements_id__in=level).order_by("issued_on", "id"))
        if not docs:
            break
        found.extend(docs)
        level = [d.pk for d in docs]
    return found


def implementation_tree(user: Any, root: Document, day: dt.date) -> tuple[DocNode, Thresholds]:
    """The directive, its implementing documents and their tasks, each with its roll-up; the
    root's total is the roll-up of every task below it."""
    visible = Document.objects.restrict(user, VIEW).select_related("issuer")
    docs = [root, *descendants(visible, root)]
    tasks_qs = Task.objects.restrict(user, VIEW).filter(document_id__in=[d.pk for d in docs])
    own = rollups_by_document(tasks_qs)
    limits = thresholds(day)
    by_doc: dict[int, list[tuple[Task, str]]] = defaultdict(list)
    for t in tasks_qs.select_related("lead_unit").order_by("ordinal", "id"):
        by_doc[t.document_id].append((t, warning(t, day, limits)))
    nodes = {d.pk: DocNode(d, 0, by_doc[d.pk], own.get(d.pk, Rollup())) for d in docs}
    for d in docs[1:]:
        nodes[d.implements_id].children.append(nodes[d.pk])  # type: ignore[index]
    _total(nodes[root.pk], 0)
    return nodes[root.pk], limits


def _total(node: DocNode, depth: int) -> Rollup:
    node.depth = depth
    node.total = Rollup()
    node.total.add(node.own)
    for child in node.children:
        node.total.add(_total(child, depth + 1))
    return node.total


def flatten(node: DocNode) -> list[DocNode]:
    out = [node]
    for child in node.children:
        out.extend(flatten(child))
    return out


def unit_tasks(
    user: Any, unit: Unit, day: dt.date, subtree: bool = False
) -> list[tuple[Task, str]]:
    """The tasks a unit leads (or its whole subtree leads), with their warnings: overdue
    first, then at risk, on track and done, each by deadline."""
    qs = Task.objects.restrict(user, VIEW).select_related("document", "lead_unit")
    qs = qs.filter(path_q("lead_path", (unit.path,))) if subtree else qs.filter(lead_unit=unit)
    limits = thresholds(day)
    tasks = list(qs.order_by("deadline", "id")[:1000])
    rows = [(t, warning(t, day, limits)) for t in tasks]
    return sorted(rows, key=lambda row: WARNING_ORDER.get(row[1], len(WARNING_ORDER)))


# The order of the task lists: what needs action first.
WARNING_ORDER = {w: i for i, w in enumerate(["overdue", "at_risk", "on_track", "done"])}
# The filters of the task list, as the dashboard's cards count them ("in time" leaves out
# stopped tasks, as the dashboard does).
WARNING_FILTERS = {
    "overdue": {"overdue"},
    "at_risk": {"at_risk"},
    "in_time": {"at_risk", "on_track"},
    "done": {"done"},
}


def filter_tasks(rows: list[tuple[Task, str]], key: str) -> list[tuple[Task, str]]:
    """The rows of one of ``WARNING_FILTERS``."""
    wanted = WARNING_FILTERS[key]
    return [
        (t, w)
        for t, w in rows
        if w in wanted and not (key == "in_time" and t.status == TaskStatus.STOPPED)
    ]


def visible_document_q(user: Any) -> Q:
    return Q(pk__in=Document.objects.restrict(user, VIEW).values("pk"))
