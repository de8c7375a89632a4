"""The organization tree page on the full synthetic tree (``xdd demo --members 1 --tree-scale 1``:
about 288,000 units). Printed: the size, median and p95 time and query count of the national
page, of the page with the date switch, of a province reader's page, and of the fragment that
opens the largest province, all through Django's test client (rendering included, no network).
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import RoleAssignment
from xaydungdang.core.services import role_grant
from xaydungdang.demo.members.national import national_tree
from xaydungdang.org.models import Unit, UnitVersion

RUNS = 15
GOAL_BYTES = 100_000
GOAL_MS = 300.0


def _client(username: str, unit: Unit | None) -> Client:
    users = get_user_model().objects
    user = users.filter(username=username).first()
    if user is None:
        user = users.create_user(username=username, password="bench-12345678")
    if not RoleAssignment.objects.filter(user=user).exists():
        role_grant(user=user, role="viewer", unit=unit, actor=SYSTEM_CLI)
    client = Client()
    client.force_login(user)
    return client


def _measure(client: Client, url: str) -> dict[str, Any]:
    client.get(url)  # warm-up: templates, hooks, the scopes' first read
    times, size, queries = [], 0, 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
        size, queries = len(response.content), len(ctx.captured_queries)
    times.sort()
    return {
        "median": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "bytes": size,
        "queries": queries,
    }


def run(scale: float = 1.0) -> None:
    national_tree(scale, say=print)
    count = Unit.objects.count()
    largest = (
        UnitVersion.objects.filter(valid_to__isnull=True, unit__kind="provincial_committee")
        .values("unit_id")
        .annotate(n=Count("unit__children"))
        .order_by("-n")
        .first()
    )
    assert largest is not None
    province = Unit.objects.get(pk=largest["unit_id"])
    nation = _client("bench-tree", None)
    rows = [
        ("Cả nước, thu gọn", nation, "/don-vi/"),
        ("Cả nước, so sánh 30/06/2025 với 01/07/2025", nation,
         "/don-vi/?ngay=01/07/2025&so_voi=30/06/2025"),
        (f"Người xem một tỉnh ({province.name})", _client("bench-tree-province", province),
         "/don-vi/"),
        (f"Mở một nút: {province.name}, {largest['n']} trực thuộc", nation,
         f"/don-vi/{province.pk}/con/"),
    ]  # fmt: skip
    print(f"Dữ liệu: {count:,} đơn vị ({connection.vendor})")
    print("| trang | kích thước (KB) | trung vị (ms) | p95 (ms) | số truy vấn | đạt |")
    print("|---|---|---|---|---|---|")
    for label, client, url in rows:
        m = _measure(client, url)
        ok = m["bytes"] <= GOAL_BYTES and m["median"] <= GOAL_MS
        print(
            f"| {label} | {m['bytes'] / 1000:,.1f} | {m['median']:.1f} | {m['p95']:.1f} "
            f"| {m['queries']} | {'có' if ok else 'KHÔNG'} |"
        )
