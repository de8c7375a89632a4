"""How the service contract calls the planning services on the demo data: ``hcm`` may,
``hanoi`` may not."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.people.models import Title
from xaydungdang.planning import services as planning
from xaydungdang.planning.models import PlanningPool

D = dt.date


def _pool_kw(w: Any) -> dict[str, Any]:
    title = Title.objects.get(name="Phó Bí thư")
    return dict(title=title, unit=w.city, term_start=2035, term_end=2040, decided_on=D(2026, 3, 1))


def _pool(w: Any) -> Any:
    """The pool, made once (a case builds its arguments once for each actor)."""
    kw = _pool_kw(w)
    found = PlanningPool.objects.filter(title=kw["title"], unit=w.city, term_start=2035).first()
    return found or planning.pool_create(**kw, actor=SYSTEM_CLI)


def _entry(w: Any) -> Any:
    return planning.pool_add_person(
        pool=_pool(w), person=w.person(), added_on=D(2026, 3, 1), actor=SYSTEM_CLI
    )


CASES = {
    "pool_create": ("hcm", _pool_kw),
    "pool_add_person": (
        "hcm", lambda w: dict(pool=_pool(w), person=w.person(), added_on=D(2026, 3, 2)),
    ),
    "pool_remove_person": (
        "hcm", lambda w: dict(entry=_entry(w), removed_on=D(2026, 6, 1), reason="Rà soát hằng năm"),
    ),
}  # fmt: skip
