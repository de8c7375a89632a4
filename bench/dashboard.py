"""Subtree dashboard at national scale: 100,000 tasks over 34 provinces and ~3,400 communes.

The data is bulk-inserted (not through the services: this measures reads). Printed: median and
p95 of the product's ``dashboard()`` for the nation and for one province, its query count, and
the ratio against the straightforward version that joins the unit table with
``lead_unit__path__startswith`` and classifies every task in Python.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from xaydungdang.core.access import PATH_END
from xaydungdang.directives.choices import TaskStatus, Warning
from xaydungdang.directives.dashboard import dashboard
from xaydungdang.directives.models import Document, Task
from xaydungdang.directives.rollup import thresholds, warning
from xaydungdang.org.models import Unit, UnitVersion
from xaydungdang.org.services.common import segment

PROVINCES, COMMUNES = 34, 100
TODAY = dt.date(2026, 11, 22)
RUNS = 15


def _unit(pk: int, name: str, kind: str, parent: Unit | None) -> Unit:
    return Unit(
        pk=pk,
        name=name,
        kind=kind,
        parent=parent,
        path=(parent.path if parent else "") + segment(pk),
        code=f"bench-{pk}",
    )


def build_tree() -> tuple[Unit, list[Unit], list[Unit]]:
    next_id = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    nation = _unit(next_id, "Ban Chấp hành Trung ương (bench)", "central_committee", None)
    provinces, communes = [], []
    for p in range(PROVINCES):
        next_id += 1
        prov = _unit(next_id, f"Tỉnh ủy {p + 1} (bench)", "provincial_committee", nation)
        provinces.append(prov)
        for c in range(COMMUNES):
            next_id += 1
            communes.append(
                _unit(next_id, f"Đảng ủy xã {p + 1}.{c + 1}", "commune_committee", prov)
            )
    Unit.objects.bulk_create([nation, *provinces, *communes], batch_size=2000)
    UnitVersion.objects.bulk_create(
        [
            UnitVersion(unit=u, name=u.name, parent=u.parent)
            for u in [nation, *provinces, *communes]
        ],
        batch_size=2000,
    )
    return nation, provinces, communes


def build_tasks(nation: Unit, leads: list[Unit], n: int) -> None:
    rnd = random.Random(20261122)
    plan = Document.objects.create(doc_type="plan", issuer=nation, title="Kế hoạch (bench)")
    statuses = [TaskStatus.DONE] * 4 + [TaskStatus.IN_PROGRESS] * 4 + [TaskStatus.NOT_STARTED] * 2
    rows = []
    for i in range(n):
        lead = rnd.choice(leads)
        status = rnd.choice(statuses)
        progress = (
            100
            if status == TaskStatus.DONE
            else (rnd.randrange(5, 95) if status == TaskStatus.IN_PROGRESS else None)
        )
        rows.append(
            Task(
                document=plan,
                ordinal=i + 1,
                content=f"Nhiệm vụ {i + 1}",
                lead_unit=lead,
                lead_path=lead.path,
                status=status,
                progress=progress,
                weight=rnd.randint(1, 3),
                deadline=TODAY + dt.timedelta(days=rnd.randint(-400, 400)),
            )
        )
    Task.objects.bulk_create(rows, batch_size=5000)


def ensure_data(n: int, fresh: bool) -> tuple[Unit, Unit]:
    nation = Unit.objects.filter(name="Ban Chấp hành Trung ương (bench)").first()
    if (
        nation is not None
        and not fresh
        and Task.objects.filter(lead_path__startswith=nation.path).count() == n
    ):
        return nation, Unit.objects.filter(parent=nation).order_by("pk").first()  # type: ignore[return-value]
    with transaction.atomic():
        Task.objects.all().delete()
        Document.objects.all().delete()
        UnitVersion.objects.all().delete()
        Unit.objects.filter(code__startswith="bench-").order_by("-pk").delete()
        nation, provinces, communes = build_tree()
        build_tasks(nation, communes + provinces, n)
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    return nation, provinces[0]


def timed(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, float, int]:
    fn()  # warm the cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        fn()
    samples.sort()
    return (
        statistics.median(samples),
        samples[int(0.95 * (len(samples) - 1))],
        len(ctx.captured_queries),
    )


def straightforward(unit: Unit) -> dict[str, int]:
    """The obvious version: a join with LIKE on the unit path, every task classified in Python."""
    limits = thresholds(TODAY)
    counts: dict[str, int] = dict.fromkeys(Warning.values, 0)
    for task in Task.objects.filter(lead_unit__path__startswith=unit.path):
        counts[warning(task, TODAY, limits)] += 1
    return counts


def run(tasks: int, fresh: bool) -> None:
    nation, province = ensure_data(tasks, fresh)
    print(
        f"Dữ liệu: {Task.objects.count():,} nhiệm vụ, {Unit.objects.count():,} đơn vị "
        f"({connection.vendor})"
    )
    board = dashboard(nation, TODAY)
    naive = straightforward(nation)
    assert board.total == sum(naive.values()) and board.overdue == naive[Warning.OVERDUE]
    assert board.done == naive[Warning.DONE] and board.at_risk == naive[Warning.AT_RISK]
    rows = []
    for label, unit, goal in (("cả nước", nation, 300.0), ("một tỉnh", province, 50.0)):
        med, p95, queries = timed(lambda u=unit: dashboard(u, TODAY))
        base, _, _ = timed(lambda u=unit: straightforward(u), runs=3)
        rows.append((label, med, p95, queries, goal, base))
    print(
        "| phạm vi | trung vị (ms) | p95 (ms) | số truy vấn | mục tiêu (ms) | đạt | "
        "cách thẳng (ms) | tỉ lệ |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for label, med, p95, queries, goal, base in rows:
        print(
            f"| {label} | {med:.1f} | {p95:.1f} | {queries} | ≤ {goal:.0f} | "
            f"{'có' if med <= goal else 'KHÔNG'} | {base:.0f} | {base / med:.1f}× |"
        )
    assert PATH_END == "~"
