"""Runs the member benchmarks in their own processes (each on its own database) and prints
the table of bench/RESULTS.md: the product at full size, the straightforward report at 200,000
members, and the ratio of the two scaled linearly, all measured in this run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

GOALS = [  # (label, key, goal in ms)
    ("Báo cáo cơ cấu, cả nước (trung vị)", ("report", "nation", "median"), 5.0),
    ("Báo cáo cơ cấu, một tỉnh (trung vị)", ("report", "province", "median"), 2.0),
    ("Báo cáo cơ cấu, một tổ chức cơ sở (trung vị)", ("report", "grassroots", "median"), 1.0),
    ("Nhập từ CSV, số liệu tổng hợp dựng xong", ("import_s",), 120_000.0),
    ("Trang danh sách một tỉnh, lọc, xếp theo tên (trung vị)", ("list", "median"), 100.0),
    ("Tìm theo tên không dấu, toàn quốc (p95)", ("search", "p95"), 50.0),
]


def _run(n: int, *flags: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.members", str(n), *flags],
        check=True, capture_output=True, text=True, env=dict(os.environ),
    )  # fmt: skip
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def _get(result: dict, key: tuple[str, ...]) -> float:
    value = result
    for k in key:
        value = value[k]
    return float(value) * (1000 if key == ("import_s",) else 1)  # type: ignore[arg-type]


def run(members: int, small: int = 200_000) -> None:
    base = _run(small, "--baseline")
    full = _run(members)
    print(f"Dữ liệu: {full['members']:,} đảng viên, {full['units']:,} đơn vị (sqlite); một tỉnh "
          f"có {full['province_members']:,} đảng viên; cây {full['tree_s']:.0f} s")  # fmt: skip
    print("| phép đo | kết quả (ms) | mục tiêu (ms) | đạt |")
    print("|---|---|---|---|")
    for label, key, goal in GOALS:
        value = _get(full, key)
        print(f"| {label} | {value:,.2f} | ≤ {goal:,.0f} | {'có' if value <= goal else 'KHÔNG'} |")
    straight = base["straightforward_nation_ms"] * members / small
    nation = _get(full, ("report", "nation", "median"))
    print(
        f"Cách thẳng (ORM, một GROUP BY mỗi chiều) ở {small:,} đảng viên: "
        f"{base['straightforward_nation_ms']:,.0f} ms; quy tuyến tính ra {members:,}: "
        f"{straight:,.0f} ms; báo cáo của sản phẩm cả nước: {nation:.2f} ms; "
        f"tỉ lệ {straight / nation:,.0f}×"
    )
    print(f"Ở {small:,} đảng viên, hai cách cho cùng số liệu; sản phẩm: "
          f"{_get(base, ('report', 'nation', 'median')):.2f} ms.")  # fmt: skip
