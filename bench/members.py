"""Members at national scale: ``python -m bench.members N`` on its own SQLite database.

The run builds the synthetic national tree (34 provinces, about 3,300 communes, 55,000
grassroots organizations, 250,000 cells) on a new database, writes a member file of N rows
(kept between runs), imports it with the product's import and times that, then times the
product's own functions: the structure report of the nation, a province and a grassroots
organization; the member list page of a province, filtered and sorted by given name; the name
search without diacritics. ``--reuse`` times the database of an earlier run again, without
building or importing. With ``--baseline`` it also times the straightforward report (one ORM
GROUP BY per dimension over the subtree's members) and checks that both give the same figures.
The figures are printed as one JSON line at the end, for ``bench/__main__``.
"""

from __future__ import annotations

import csv
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xaydungdang.core.actors import SYSTEM_CLI

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"


def _setup(n: int, reuse: bool = False) -> Path:
    db = ROOT / "var" / f"bench-members-{n}.sqlite3"
    for suffix in ("", "-wal", "-shm") if not reuse else ():
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xaydungdang.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from xaydungdang.core import rules

    rules.load_baseline()
    return db


def _file(n: int, cells: list[str]) -> Path:
    """The member file of n rows (written once; the tree's codes are stable)."""
    import datetime as dt

    from xaydungdang.demo.members import synthetic

    path = ROOT / "var" / f"bench-members-{n}.csv"
    if not path.exists():
        rows = synthetic.member_table(random.Random(n), cells, n, dt.date.fromisoformat(TODAY))
        with path.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(r for _, r in rows)
    return path


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return sorted(samples)


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    return samples[int(0.95 * (len(samples) - 1))]


def straightforward(unit: Any) -> dict[str, dict[str, int]]:
    """One GROUP BY per dimension over the subtree's members (a join on the cell's path)."""
    from django.db.models import Count, F
    from django.db.models.functions import ExtractYear

    from xaydungdang.members.models import Member

    rows = Member.objects.filter(cell__path__startswith=unit.path, standing="member")
    out: dict[str, dict[str, int]] = {}
    columns: dict[str, Any] = {
        "gender": F("person__gender"),
        "birth_year": ExtractYear("birth_date"),
        "ethnicity": F("ethnicity"),
        "religion": F("religion"),
        "education": F("education"),
        "theory_level": F("theory_level"),
        "membership_type": F("membership_type"),
        "activity": F("activity"),
    }
    for dimension, column in columns.items():
        grouped = rows.values(v=column).annotate(n=Count("id")).order_by()
        out[dimension] = {str(r["v"]): r["n"] for r in grouped}
    out["total"] = {"all": rows.count()}
    return out


def _product(unit: Any) -> dict[str, dict[str, int]]:
    from xaydungdang.members.structure import tallies as aggregates

    return aggregates.to_json(aggregates.subtree(unit.pk))


def reports(units: dict[str, Any]) -> dict[str, Any]:
    from xaydungdang.members.structure.report import structure_report

    out = {}
    for label, unit in units.items():
        samples = timed(lambda u=unit: structure_report(None, u), runs=50)
        out[label] = {"median": median(samples), "p95": p95(samples)}
    return out


def pages(province: Any, names: list[str]) -> dict[str, Any]:
    """The list page of a province (through the web stack) and the name search."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from xaydungdang.core.text import fold

    admin = get_user_model().objects.create_superuser("bench", password="x")
    client = Client()
    client.force_login(admin)
    url = f"/dang-vien/don-vi/{province.pk}/"
    page = timed(lambda: client.get(url, {"loai": "full"}), runs=20)
    assert b"member-list" in client.get(url, {"loai": "full"}).content
    queries = [fold(n) for n in names] + [fold(n).split()[-1] for n in names]
    search = []
    for q in queries:
        start = time.perf_counter()
        response = client.get(f"/dang-vien/don-vi/{province.parent_id}/", {"q": q})
        search.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    search.sort()
    return {
        "list": {"median": median(page), "p95": p95(page)},
        "search": {"median": median(search), "p95": p95(search), "queries": len(queries)},
    }


def _load(n: int) -> tuple[float, float]:
    """Build the tree and import the member file; (tree seconds, import seconds)."""
    from xaydungdang.demo.members.national import national_tree
    from xaydungdang.members.services import imports

    start = time.perf_counter()
    holders = national_tree(1.0, say=lambda _m: None)
    tree_s = time.perf_counter() - start
    path = _file(n, [u.code or "" for u in holders])
    start = time.perf_counter()
    imported = imports.members_import(name=path.name, data=path, actor=SYSTEM_CLI, exclusive=True)
    import_s = time.perf_counter() - start
    assert imported == n
    os.sync()  # the import's pages reach the disk before anything else is timed
    return tree_s, import_s


def run(n: int, baseline: bool, reuse: bool = False) -> dict[str, Any]:
    """Load (unless ``reuse``: the database of an earlier run, its load not timed) and time."""
    _setup(n, reuse)
    from django.contrib.auth import get_user_model

    from xaydungdang.members.models import Member
    from xaydungdang.org.models import Unit

    tree_s, import_s = (0.0, 0.0) if reuse else _load(n)
    get_user_model().objects.filter(username="bench").delete()
    assert Member.objects.count() == n
    nation = Unit.objects.get(code="bchtw")
    province = Unit.objects.get(code="qg-10")
    grassroots = Unit.objects.filter(code__startswith="qg-10-000-", kind="grassroots_committee")
    units = {"nation": nation, "province": province, "grassroots": grassroots.first()}
    out: dict[str, Any] = {
        "members": n,
        "units": Unit.objects.count(),
        "tree_s": tree_s,
        "import_s": import_s,
        "province_members": _product(province)["total"]["all"],
        "report": reports(units),
    }
    assert _product(nation)["total"]["all"] == n
    picked = random.Random(1).sample(range(1, n + 1), 25)
    names = list(Member.objects.filter(pk__in=picked).values_list("person__full_name", flat=True))
    out |= pages(province, names)
    if baseline:
        assert straightforward(nation) == _product(nation), "the two reports differ"
        samples = timed(lambda: straightforward(nation), runs=3)
        out["straightforward_nation_ms"] = median(samples)
    return out


def main() -> None:
    n = int(sys.argv[1])
    result = run(n, "--baseline" in sys.argv, reuse="--reuse" in sys.argv)
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
