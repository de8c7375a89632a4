"""``make bench``: the benchmarks, on their own SQLite database (var/bench.sqlite3)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xaydungdang.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench import dashboard, ingest_speed, members_table, tree

    if "--tree" in sys.argv:
        tree.run(float(os.environ.get("BENCH_TREE_SCALE", "1")))
        return
    if "--members" in sys.argv:
        members_table.run(int(os.environ.get("BENCH_MEMBERS", "5600000")))
        return
    if "--ingest" not in sys.argv:
        dashboard.run(
            tasks=int(os.environ.get("BENCH_TASKS", "100000")), fresh="--fresh" in sys.argv
        )
    ingest_speed.run()
    if "--ingest" not in sys.argv:
        members_table.run(int(os.environ.get("BENCH_MEMBERS", "5600000")))


if __name__ == "__main__":
    main()
