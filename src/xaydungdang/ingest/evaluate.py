"""Scoring extraction against hand annotations: precision, recall and F1 per kind of fact,
after a diacritic-preserving normalization of whitespace and punctuation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from xaydungdang.core.text import nfc

from .pipeline import run

_PUNCT = re.compile(r"^[\s.,;:!?\"'“”()\[\]-]+|[\s.,;:!?\"'“”()\[\]-]+$")
KINDS = ("persons", "person_titles", "organizations", "documents", "dates", "event_type")


def norm(text: str) -> str:
    return _PUNCT.sub("", re.sub(r"\s+", " ", nfc(text))).replace("–", "-")


@dataclasses.dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[str], found: set[str], contains: bool = False) -> None:
        def hit(x: str, pool: set[str]) -> bool:
            return x in pool or (contains and any(x in y or y in x for y in pool))

        self.tp += sum(1 for g in gold if hit(g, found))
        self.fn += sum(1 for g in gold if not hit(g, found))
        self.fp += sum(1 for f in found if not hit(f, gold))

    def as_dict(self) -> dict[str, float | None]:
        if not self.tp + self.fp + self.fn:
            return {"precision": None, "recall": None, "f1": None, "gold": 0}
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "gold": self.tp + self.fn,
        }


def _sets(result: dict[str, Any]) -> dict[str, set[str]]:
    persons = result.get("persons", [])
    return {
        "persons": {norm(p["name"]) for p in persons},
        "person_titles": {
            f"{norm(p['name'])} | {norm(t)}" for p in persons for t in p.get("positions", [])
        },
        "organizations": {
            norm(o["name"] if isinstance(o, dict) else o) for o in result.get("organizations", [])
        },
        "documents": {
            norm(d["raw"] if isinstance(d, dict) else d) for d in result.get("documents", [])
        },
        "dates": {norm(d["raw"] if isinstance(d, dict) else d) for d in result.get("dates", [])},
        "event_type": {result["event_type"]} if result.get("event_type") else set(),
    }


def evaluate(path: Path) -> dict[str, dict[str, float | None]]:
    scores = {k: Score() for k in KINDS}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        text = gold.get("text") or (path.parent / gold["file"]).read_text(encoding="utf-8")
        day = dt.date.fromisoformat(gold["date"]) if gold.get("date") else None
        found, wanted = _sets(run(text, day)), _sets(gold)
        for kind in KINDS:
            if kind in gold or (kind == "person_titles" and "persons" in gold):
                scores[kind].add(wanted[kind], found[kind], contains=kind == "documents")
    return {k: s.as_dict() for k, s in scores.items()}
