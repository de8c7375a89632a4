"""Extraction speed: KB of normalized article text per second on one core, linking excluded
(the organization gazetteer is loaded once, as a long-running worker would)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from xaydungdang.ingest import extract
from xaydungdang.ingest.normalize import normalize
from xaydungdang.ingest.pipeline import surface_forms

SEEDS = Path(__file__).resolve().parents[1] / "src" / "xaydungdang" / "demo" / "seeds"


def run() -> None:
    texts = [normalize(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("0*.txt"))]
    if not texts:
        print(
            "Không tìm thấy bài mẫu trong src/xaydungdang/demo/seeds: bỏ qua đo tốc độ đọc văn bản."
        )
        return
    forms, _ = surface_forms(None)
    corpus = texts * 40
    size = sum(len(t.encode("utf-8")) for t in corpus) / 1024
    start = time.perf_counter()
    for text in corpus:
        extract.find_persons(text, forms)
        extract.find_organizations(text, forms)
        extract.documents(text)
        extract.find_dates(text, dt.date(2020, 1, 1))
        extract.find_figures(text)
        extract.event_type(text)
    seconds = time.perf_counter() - start
    print(
        f"Đọc văn bản: {size:.0f} KB trong {seconds:.2f} s = {size / seconds:.0f} KB/s "
        f"(mục tiêu ≥ 200 KB/s; {len(forms)} tên đơn vị trong từ điển)"
    )
