"""Extraction speed: KB of normalized article text per second on one core, linking excluded
(the organization gazetteer is loaded once, as a long-running worker would). Measured twice:
with the demo tree's surface forms, and with a national-scale gazetteer (3,321 communes in three
forms each, as after the 2025 merger) to show that Aho-Corasick keeps the rate. A third figure,
linking (matching the facts to the records), is timed apart, per article."""

from __future__ import annotations

import datetime as dt
import random
import re
import time
from pathlib import Path

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.ingest import extract, link
from xaydungdang.ingest.normalize import normalize
from xaydungdang.ingest.pipeline import run as read_article
from xaydungdang.ingest.pipeline import surface_forms

SEEDS = Path(__file__).resolve().parents[1] / "src" / "xaydungdang" / "demo" / "seeds"
SYLLABLES = "An Bình Hòa Phú Thạnh Long Tân Mỹ Hưng Lộc Phước Thuận Đông Tây Nam Bắc Trung".split()


def national_forms(count: int = 3321) -> list[str]:
    """Synthetic commune names ("xã Phú Thạnh Đông"), each as the commune, its Party committee
    and its People's Committee: about 10,000 surface forms."""
    rng = random.Random(7)
    names = {" ".join(rng.sample(SYLLABLES, 3)) for _ in range(count * 2)}
    forms = []
    for name in sorted(names)[:count]:
        forms += [f"xã {name}", f"Đảng ủy xã {name}", f"Ủy ban nhân dân xã {name}"]
    return forms


def _extract_rate(texts: list[str], forms: list[str]) -> tuple[float, float]:
    corpus = texts * 40
    size = sum(len(t.encode("utf-8")) for t in corpus) / 1024
    extract.find_organizations("", forms)  # builds the automaton once, outside the timing
    start = time.perf_counter()
    for text in corpus:
        extract.find_persons(text, forms)
        extract.find_organizations(text, forms)
        extract.documents(text)
        extract.find_dates(text, dt.date(2020, 1, 1))
        extract.find_figures(text)
        extract.event_type(text)
    seconds = time.perf_counter() - start
    return size, seconds


def _naive_organizations(text: str, names: list[str]) -> list[tuple[int, int]]:
    """The straightforward version: one regex search per name (what the first part did)."""
    found = []
    for name in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            found.append((m.start(), m.end()))
    return found


def _gazetteer_ratio(texts: list[str], forms: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    for text in texts:
        extract.find_organizations(text, forms)
    fast = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        _naive_organizations(text, forms)
    return fast, time.perf_counter() - start


def _linking_ms(raw: list[str]) -> float:
    day = dt.date(2022, 12, 23)
    _, by_fold = surface_forms(day)
    results = [read_article(text, day) for text in raw]
    start = time.perf_counter()
    for result in results:
        link.propose(result, day, by_fold, actor=SYSTEM_CLI)
    return (time.perf_counter() - start) * 1000 / len(results)


def run() -> None:
    raw = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt"))]
    texts = [normalize(t) for t in raw]
    forms, _ = surface_forms(None)
    national = forms + national_forms()
    for label, gazetteer in (("cây hiện có", forms), ("quy mô toàn quốc", national)):
        size, seconds = _extract_rate(texts, gazetteer)
        print(
            f"Đọc văn bản ({label}, {len(gazetteer)} tên đơn vị): {size:.0f} KB trong "
            f"{seconds:.2f} s = {size / seconds:.0f} KB/s (mục tiêu ≥ 200 KB/s)"
        )
    fast, naive = _gazetteer_ratio(texts, national)
    print(
        f"Tìm tên đơn vị ({len(national)} tên, 5 bài): Aho-Corasick {fast * 1000:.1f} ms, "
        f"mỗi tên một biểu thức {naive * 1000:.0f} ms: nhanh hơn {naive / fast:.0f} lần"
    )
    print(f"Đối chiếu với dữ liệu (không tính vào tốc độ đọc): {_linking_ms(raw):.1f} ms mỗi bài")
