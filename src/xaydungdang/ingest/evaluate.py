"""Scoring extraction against hand annotations: precision, recall and F1 per kind of fact,
after a diacritic-preserving normalization of whitespace and punctuation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
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


def _read(path: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(gold, found) for each annotated excerpt of a JSONL file."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        text = gold.get("text") or (path.parent / gold["file"]).read_text(encoding="utf-8")
        day = dt.date.fromisoformat(gold["date"]) if gold.get("date") else None
        pairs.append((gold, run(text, day)))
    return pairs


def _score(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Score]:
    scores = {k: Score() for k in KINDS}
    for gold, result in pairs:
        found, wanted = _sets(result), _sets(gold)
        for kind in KINDS:
            if kind in gold or (kind == "person_titles" and "persons" in gold):
                scores[kind].add(wanted[kind], found[kind], contains=kind == "documents")
    return scores


def _title_errors(gold: dict[str, set[str]], found: dict[str, set[str]], out: Counter[str]) -> None:
    """Each wrong person–title pair by what went wrong: the person missed or spurious, the
    title cut short, run on, missing or spurious."""
    matched: set[str] = set()
    for pair in gold["person_titles"] - found["person_titles"]:
        name, title = pair.split(" | ", 1)
        mine = [f.split(" | ", 1)[1] for f in found["person_titles"] if f.startswith(name + " | ")]
        if name not in found["persons"]:
            out["cặp: thiếu vì không tìm thấy người"] += 1
        elif any(title.startswith(m) for m in mine):
            out["cặp: chức danh bị cắt ngắn"] += 1
            matched |= {f"{name} | {m}" for m in mine if title.startswith(m)}
        elif any(m.startswith(title) for m in mine):
            out["cặp: chức danh kéo dài quá"] += 1
            matched |= {f"{name} | {m}" for m in mine if m.startswith(title)}
        else:
            out["cặp: thiếu chức danh"] += 1
    for pair in found["person_titles"] - gold["person_titles"] - matched:
        if pair.split(" | ", 1)[0] not in gold["persons"]:
            out["cặp: của người không có trong chú giải"] += 1
        else:
            out["cặp: chức danh thừa"] += 1


def _errors(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, int]:
    out: Counter[str] = Counter()
    for gold_raw, result in pairs:
        gold, found = _sets(gold_raw), _sets(result)
        if "persons" in gold_raw:
            out["người: bỏ sót"] += len(gold["persons"] - found["persons"])
            out["người: nhận nhầm"] += len(found["persons"] - gold["persons"])
            _title_errors(gold, found, out)
        if "documents" in gold_raw:
            hit = Score()
            hit.add(gold["documents"], found["documents"], contains=True)
            out["văn bản: bỏ sót"] += hit.fn
            out["văn bản: nhận nhầm"] += hit.fp
    return {k: v for k, v in sorted(out.items()) if v}


def evaluate(path: Path) -> dict[str, dict[str, float | None]]:
    return {k: s.as_dict() for k, s in _score(_read(path)).items()}


def report(path: Path) -> dict[str, Any]:
    """The scores overall and per kind of error the excerpts were written for (their
    ``tags``), and the wrong facts counted by what went wrong."""
    pairs = _read(path)
    tags = sorted({t for gold, _ in pairs for t in gold.get("tags", [])})
    by_tag = {
        tag: {
            k: s.as_dict()["f1"]
            for k, s in _score([p for p in pairs if tag in p[0].get("tags", [])]).items()
            if k in ("persons", "person_titles", "documents")
        }
        for tag in tags
    }
    overall = {k: s.as_dict() for k, s in _score(pairs).items()}
    return {"overall": overall, "by_tag": by_tag, "errors": _errors(pairs)}
