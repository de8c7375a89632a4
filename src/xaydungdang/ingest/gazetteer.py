"""Word lists the extraction rules use, read from ``fixtures/gazetteer.json`` (data, not code):
surnames, title heads, organization names and words, provinces old and new, places named like
persons, abbreviations. Organization names also come from the org tree (names, short names,
aliases), which holds the communes."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import ahocorasick

DATA = json.loads((Path(__file__).parent / "fixtures" / "gazetteer.json").read_text("utf-8"))

SURNAMES = set(DATA["surnames"]["kinh"]) | set(DATA["surnames"]["minority"])
FOREIGN_SURNAMES = set(DATA["surnames"]["foreign"])
# Ê Đê names put the family name last: "Y Nuê Byă", "H'Hen Niê".
EDE_FAMILY = set(DATA["surnames"]["ede_last"])
# Heads of titles; the pattern tries the longest first ("Phó Bí thư Thường trực" before "Phó Bí
# thư" before "Bí thư").
TITLE_HEADS: list[str] = DATA["title_heads"]
TITLE_START = re.compile(
    r"^(?:nguyên\s+)?(?:"
    + "|".join(re.escape(h) for h in sorted(TITLE_HEADS, key=len, reverse=True))
    + r")(?![\w])"
)
TITLE_START_ANY_CASE = re.compile(TITLE_START.pattern, re.IGNORECASE)  # "4 phó trưởng ban: …"
# Organizations that are not always in the org tree: central bodies, ministries, fronts.
ORGANIZATIONS: list[str] = DATA["central_bodies"]
ORG_LOWER = set(DATA["org_lower_words"].split())
ABBREVIATIONS: dict[str, str] = DATA["abbreviations"]
RANKS: list[str] = DATA["ranks"]
NOT_GIVEN_AFTER_DOAN = set(DATA["not_given_after_doan"])
# Provinces and centrally-run cities after the 2025 merger and before it, and older names still
# met in articles: a place, never a person ("Thái Nguyên", "Hà Tĩnh").
PROVINCES: list[str] = list(
    dict.fromkeys([*DATA["provinces_2025"], *DATA["provinces_before_2025"], *DATA["older_places"]])
)
# Districts, wards, streets and schools named like persons (often after historical figures).
PERSON_LIKE_PLACES: list[str] = DATA["person_like_places"]
LOCATIVE_CUES: list[str] = DATA["locative_cues"]
COUNT_NOUNS = [
    "nội dung",
    "nhiệm vụ",
    "đề án",
    "Đề án",
    "tập thể",
    "năm",
    "đột phá",
    "Chương trình",
    "chương trình",
    "cá nhân",
    "đơn vị",
    "đảng viên",
    "tổ chức",
    "xã",
    "phường",
    "tỉnh",
    "thành phố",
    "cán bộ",
    "người",
    "văn bản",
    "kế hoạch",
    "hội nghị",
    "lớp",
    "đoàn",
]


@functools.lru_cache(maxsize=8)
def automaton(names: frozenset[str]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton over ``names`` (three characters or more); each match yields
    its length. Built once per set of names: the tree changes rarely, articles come often."""
    machine = ahocorasick.Automaton()
    for name in names:
        if len(name) >= 3:
            machine.add_word(name, len(name))
    if not len(machine):
        machine.add_word("\x00\x00\x00", 3)
    machine.make_automaton()
    return machine
