"""Rules that read a normalized Vietnamese article into candidate facts, each with its span.

Persons and their titles follow the shapes of official news: a comma-separated list of titles
before the name ("Ủy viên Bộ Chính trị, Bí thư Thành ủy Nguyễn Văn Nên") or after it ("Phạm Minh
Chính, Ủy viên Bộ Chính trị, …"; "Võ Văn Thưởng - Ủy viên Bộ Chính trị"). After "của", a list of
several posts names several people, so only the post next to the name is given to it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from xaydungdang.directives.docref import find_refs

from . import gazetteer, names, titles
from .gazetteer import COUNT_NOUNS, ORGANIZATIONS
from .normalize import headline

# Party committees, their boards and people's committees, with a province of the gazetteer (so
# that a name after it stays a name: "UBND tỉnh Vừ Thị Mai" is not the province of Vừ Thị).
_PROVINCE = "|".join(sorted(map(re.escape, gazetteer.PROVINCES), key=len, reverse=True))
_PLACE = (
    r"(?:Thành phố Hồ Chí Minh|thành phố Hồ Chí Minh|TP\. ?HCM|TPHCM|Tp\. HCM|"
    rf"(?:(?:tỉnh|thành phố|TP\.?) )?(?:{_PROVINCE}))"
)
_ORG_PATTERN = re.compile(
    r"(?:Ban Thường vụ |Ban Tổ chức |Ủy ban Kiểm tra |Văn phòng |Ban Tuyên giáo )"
    rf"(?:Thành ủy|Tỉnh ủy)(?: {_PLACE})?"
    rf"|(?:Thành ủy|Tỉnh ủy|Đảng bộ|Quận ủy|Huyện ủy) {_PLACE}"
    rf"|UBND (?:thành phố|tỉnh|TP) (?:{_PROVINCE})(?!\w)"
)
_DAY_CUE = re.compile(r"(?:ngày|Ngày|sáng|Sáng|chiều|Chiều|tối|Tối|trưa|Trưa|hôm|Hôm)\s+$")
_DATE = re.compile(r"(?<![\d/])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?(?![\d/])")
_FIGURE = re.compile(
    r"(?<![\w/.-])(\d{1,6})(?:/(\d{1,6}))?\s+("
    + "|".join(sorted(map(re.escape, COUNT_NOUNS), key=len, reverse=True))
    + r")(?!\w)(?!\s+\d{4})"
)
EVENT_CUES = [
    ("signing", r"ký kết"),
    ("review_conference", r"sơ kết|tổng kết"),
    ("survey_visit", r"đoàn khảo sát|khảo sát"),
    ("award_ceremony", r"trao (?:tặng )?(?:Bằng|Huân|Huy|Cờ|Kỷ niệm chương|Danh hiệu)"),
    ("appointment", r"bổ nhiệm"),
    ("admission", r"kết nạp"),
    ("discipline", r"kỷ luật"),
    ("working_session", r"làm việc với"),
    ("conference", r"[Hh]ội nghị"),
]


@dataclasses.dataclass
class PersonFact:
    name: str
    positions: list[str]
    spans: list[tuple[int, int]]


def _spans(matches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, earliest first and longest at equal starts."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(matches, key=lambda se: (se[0], -se[1])):
        if not out or s >= out[-1][1]:
            out.append((s, e))
    return out


def find_organizations(text: str, names: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Organization names: the tree's surface forms through one Aho-Corasick pass, whole words
    only, plus the grammar of party committees and their boards."""
    found = [(m.start(), m.end()) for m in _ORG_PATTERN.finditer(text)]
    automaton = gazetteer.automaton(frozenset({*ORGANIZATIONS, *names}))
    for end, size in automaton.iter(text):
        start = end - size + 1
        if (start == 0 or not text[start - 1].isalnum()) and (
            end + 1 == len(text) or not text[end + 1].isalnum()
        ):
            found.append((start, end + 1))
    return _spans(found)


_SIGNATURE = re.compile(r"^(?:T/M|TM\.|KT\.|\(?[Đđ]ã ký\)?$|[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ ]{6,}$)")


def _byline_spans(text: str) -> list[tuple[int, int]]:
    """Photo credits "(Ảnh: …)" and a last line that is only a short name, unless it closes a
    signature block ("T/M BAN THƯỜNG VỤ / BÍ THƯ / (Đã ký) / Nguyễn Văn A"): that is a person."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\((?:Ảnh|Nguồn)[^)]*\)", text)]
    lines = text.rstrip().rsplit("\n", 3)
    last = lines[-1]
    signed = any(_SIGNATURE.search(line) for line in lines[:-1])
    if 0 < len(last.split()) <= 4 and not last.rstrip().endswith(".") and not signed:
        start = text.rstrip().rfind(last)
        spans.append((start, start + len(last)))
    return spans


def find_persons(text: str, org_names: Iterable[str] = ()) -> list[PersonFact]:
    orgs = find_organizations(text, org_names)
    skip = _byline_spans(text)
    spans = [
        span for span in names.find_names(text, orgs) if not any(a <= span[0] < b for a, b in skip)
    ]
    grouped = titles.group_titles(text, spans)
    shared = titles.shared_after(text, spans)
    persons: dict[str, PersonFact] = {}
    previous_end = 0
    for s, e in spans:
        name = text[s:e]
        fact = persons.setdefault(name, PersonFact(name, [], []))
        fact.spans.append((s, e))
        before, previous_end = titles.title_before(text, s, previous_end), e
        group = [grouped[(s, e)]] if (s, e) in grouped else []
        after = titles.title_after(text, e) or shared.get((s, e), [])
        for title in group + before + after:
            if title not in fact.positions:
                fact.positions.append(title)
    return list(persons.values())


_DATE_WORDS = re.compile(r"(?<!\d)(\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?(?!\d)")


def _date_iso(day: int, month: int, year: str | None, article_day: dt.date | None) -> str | None:
    y = int(year) if year else (article_day.year if article_day else None)
    try:
        found = dt.date(y, month, day) if y else None
    except ValueError:
        return None
    if found and not year and article_day and found > article_day:
        try:
            found = found.replace(year=found.year - 1)  # "ngày 23/12" in a January article
        except ValueError:
            return None
    return found.isoformat() if found else None


def find_dates(text: str, article_day: dt.date | None) -> list[dict[str, Any]]:
    """Dates written "20/8", "20/8/2016" or "20 tháng 8 năm 2016". A day and month without a
    year count only after a cue ("ngày", "sáng", …): "7/10 nội dung" is a figure."""
    out = []
    matches = sorted([*_DATE.finditer(text), *_DATE_WORDS.finditer(text)], key=lambda m: m.start())
    for m in matches:
        cue = bool(_DAY_CUE.search(text[max(0, m.start() - 8) : m.start()]))
        if not m.group(3) and not cue:
            continue
        iso = _date_iso(int(m.group(1)), int(m.group(2)), m.group(3), article_day)
        out.append({"raw": m.group(0), "iso": iso, "span": [m.start(), m.end()], "cue": cue})
    return out


def find_figures(text: str) -> list[dict[str, Any]]:
    """Counts and fractions with their nouns: "27 đề án", "7/10 nội dung"."""
    out = []
    for m in _FIGURE.finditer(text):
        of = f"/{m.group(2)}" if m.group(2) else ""
        out.append(
            {
                "raw": f"{m.group(1)}{of} {m.group(3)}",
                "value": int(m.group(1)),
                "of": int(m.group(2)) if m.group(2) else None,
                "noun": m.group(3),
                "span": [m.start(), m.start() + len(m.group(1)) + len(of) + 1 + len(m.group(3))],
            }
        )
    return out


def event_type(text: str) -> str | None:
    """The kind of event: by the cues of the title line first, then of the lead."""
    for head in (headline(text), text[:800]):
        for kind, cue in EVENT_CUES:
            if re.search(cue, head, re.IGNORECASE):
                return kind
    return None


def documents(text: str) -> list[dict[str, Any]]:
    return [
        {
            "type": r.type,
            "code": r.symbol,
            "number": r.number,
            "date": r.date,
            "term": r.term,
            "raw": r.raw,
            "span": [r.start, r.end],
        }
        for r in find_refs(text)
    ]
