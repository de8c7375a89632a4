"""The article as segments for the review page: plain text and marked facts, in order."""

from __future__ import annotations

import dataclasses
from typing import Any

from .models import Proposal

# Extraction kinds without a proposal of their own, with their labels.
EXTRA = {"dates": "Ngày", "figures": "Số liệu", "organizations": "Tổ chức"}


@dataclasses.dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""
    label: str = ""
    seq: int | None = None


Mark = tuple[int, int, str, str, int | None]


def _marks(article_extraction: dict[str, Any], proposals: list[Proposal]) -> list[Mark]:
    marks: list[Mark] = [
        (p.span_start, p.span_end, p.kind, p.get_kind_display(), p.seq)
        for p in proposals
        if p.span_end > p.span_start and p.kind != "event"
    ]
    for key, label in EXTRA.items():
        for fact in article_extraction.get(key, []):
            start, end = fact["span"]
            marks.append((start, end, key.rstrip("s"), label, None))
    return sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]), m[4] is None))


def segments(text: str, extraction: dict[str, Any], proposals: list[Proposal]) -> list[Segment]:
    """Non-overlapping marks win by start, then length, then having a proposal."""
    out: list[Segment] = []
    at = 0
    for start, end, kind, label, seq in _marks(extraction, proposals):
        if start < at or end > len(text):
            continue
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], kind, label, seq))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out
