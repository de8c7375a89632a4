"""The five seed articles, read through the ingest queue and accepted automatically (marked as
such), so that their facts carry their source sentences on the units' and persons' pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xaydungdang.core.actors import SYSTEM_DEMO
from xaydungdang.ingest import services
from xaydungdang.ingest.models import Article
from xaydungdang.org.models import Unit

SEEDS = Path(__file__).with_name("seeds")
# Publication dates where the page has no dated header (the others come from the header).
DATES = {
    "000_33e0a66a2d200971.txt": dt.date(2016, 8, 21),
    "003_c0a0d7798a8ef002.txt": dt.date(2022, 12, 12),
    "004_c49c3319614aa16e.txt": dt.date(2019, 1, 30),
}


def load(units: dict[str, Unit]) -> int:
    """Ingest each seed article once; returns how many proposals were accepted."""
    accepted = 0
    for path in sorted(SEEDS.glob("0*.txt")):
        if Article.objects.filter(file_name=path.name, is_demo=True).exists():
            continue
        article = services.article_submit(
            text=path.read_text(encoding="utf-8"),
            unit=units["btctw"],
            day=DATES.get(path.name),
            file_name=path.name,
            is_demo=True,
            actor=SYSTEM_DEMO,
        )
        accepted += services.article_auto_accept(article=article, actor=SYSTEM_DEMO)
    return accepted
