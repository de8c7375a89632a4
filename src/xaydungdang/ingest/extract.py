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

from . import gazetteer
from .gazetteer import COUNT_NOUNS, ORGANIZATIONS, SURNAMES, TITLE_HEADS, TITLE_START
from .normalize import headline

_WORD = re.compile(r"[^\W\d_]+")
HONORIFICS = {"Ông", "Bà", "Đồng", "Anh", "Chị"}
PLACES = gazetteer.PROVINCES

_PLACE_SUFFIX = (
    r"(?:Thành phố Hồ Chí Minh|thành phố Hồ Chí Minh|TP\. ?HCM|TPHCM|Tp\. HCM|Hà Nội|"
    r"thành phố Hà Nội|tỉnh [A-ZĐ]\w+(?: [A-ZĐ]\w+)*)"
)
_ORG_PATTERN = re.compile(
    r"(?:Ban Thường vụ |Ban Tổ chức |Ủy ban Kiểm tra |Văn phòng |Ban Tuyên giáo )"
    r"(?:Thành ủy|Tỉnh ủy)(?: " + _PLACE_SUFFIX + r")?"
    r"|(?:Thành ủy|Tỉnh ủy|Đảng bộ|Quận ủy|Huyện ủy) "
    + _PLACE_SUFFIX
    + r"|UBND (?:thành phố|tỉnh|TP) [A-ZĐ]\w+(?: [A-ZĐ]\w+)*"
)
_PREDICATES = re.compile(
    r"\s(?:chủ trì|phát biểu|cho biết|nhấn mạnh|đề nghị|đã|khẳng định|lưu ý|báo cáo|trao|nhận|"
    r"tham dự|làm việc|chúc mừng|yêu cầu|đánh giá|gợi mở|nêu|tin tưởng|cảm ơn|chỉ đạo|ghi nhận|"
    r"mong muốn|đặt vấn đề|tiếp tục|có|là|và|tại|dự(?! khuyết))\b"
)
_STOP = re.compile(r"(?:^|\s)(?:của|với|cho|tặng|do|gồm|đồng chí|Đồng chí|ông|bà|Ông|Bà)\s+(?=\S)")
# Lower-case words that may stand inside a title ("Phó Trưởng ban Thường trực", "Bí thư Đảng ủy
# xã", "Trưởng đoàn công tác"); any other lower-case word ends it ("… công bố quyết định").
TITLE_LOWER = {
    word
    for phrase in [*TITLE_HEADS, *ORGANIZATIONS]
    for word in phrase.split()
    if word[0].islower()
} | set(
    (
        "ban thường trực thành phố tỉnh xã phường huyện quận thị trấn dự khuyết trưởng khóa "
        "nhiệm kỳ đảng ủy chính trị nhân dân khảo sát công tác kiểm tra tổ chức trung ương "
        "viên bộ đoàn hội đồng nguyên thư chức vận giáo tuyên nội vụ tài chính sở nước "
        "đại biểu hành"
    ).split()
)

# Words allowed in a title only with their partner ("công tác", not "công bố").
_PAIRED = {"công": "tác", "khảo": "sát", "đại": "biểu", "kiểm": "tra", "tổ": "chức"}
RANK_TITLES = re.compile(
    r"^(?:nguyên\s+)?(?:Ủy viên|Bí thư Trung ương Đảng|Thường trực Ban Bí thư)"
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


_LOCALITY = re.compile(
    r"(?<!\w)(?:xã|phường|thị trấn|thị xã|thôn|ấp|bản|làng|khu phố)\s+"
    r"((?:[A-ZĐ][^\W\d_]*)(?:\s[A-ZĐ][^\W\d_]*)*)"
)


def _masked(text: str, orgs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans where no person's name starts: organizations, known places, and the names of
    communes and villages ("xã Hồng Thái Tây" is not Mr Thái Tây)."""
    places = [(m.start(), m.end()) for p in PLACES for m in re.finditer(re.escape(p), text)]
    places += [(m.start(1), m.end(1)) for m in _LOCALITY.finditer(text)]
    return orgs + places


def find_names(text: str, masks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names: runs of capitalized syllables ending in 2–4 words that start with a surname."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    runs: list[list[tuple[int, int, str]]] = []
    for w in words:
        if w[2][0].isupper() and not any(s <= w[0] < e for s, e in masks):
            if runs and runs[-1] and text[runs[-1][-1][1] : w[0]] == " ":
                runs[-1].append(w)
            else:
                runs.append([w])
        else:
            runs.append([])
    found = []
    for run in runs:
        while run and run[0][2] in HONORIFICS:
            run = run[1:]
        for i, w in enumerate(run):
            size = len(run) - i
            if w[2] in SURNAMES and 2 <= size <= 4 and all(len(x[2]) > 1 for x in run[i:]):
                found.append((w[0], run[-1][1]))
                break
    return found


def _clause_start(text: str, pos: int, after: int) -> int:
    """Where the titles before a name may begin: after the clause's punctuation, after the
    previous name, and after "và" (which joins two people)."""
    start = max(max(text.rfind(ch, 0, pos) for ch in ".;:\n(") + 1, after)
    joined = text.rfind(" và ", start, pos)
    return joined + 4 if joined >= 0 else start


def _title_part(seg: str) -> str:
    """The title at the start of ``seg``, up to the first word that cannot belong to one."""
    words = list(_WORD.finditer(seg))
    for i, m in enumerate(words):
        word = m.group()
        partner = _PAIRED.get(word)
        if word[0].islower() and (
            word not in TITLE_LOWER
            or (partner and (i + 1 == len(words) or words[i + 1].group() != partner))
        ):
            return seg[: m.start()].rstrip(" -–")
    return seg


def _is_title(seg: str) -> bool:
    return bool(TITLE_START.match(seg)) and _title_part(seg) == seg


def _title_before(text: str, start: int, after: int = 0) -> list[str]:
    segments = text[_clause_start(text, start, after) : start].split(",")
    titles: list[str] = []
    for i, seg in enumerate(reversed(segments)):
        seg = seg.strip()
        if _is_title(seg):
            titles.insert(0, seg)
            continue
        stops = list(_STOP.finditer(seg))
        rest = seg[stops[-1].end() :] if stops else ""
        if rest and _is_title(rest):
            after_cua = stops[-1].group().strip() == "của"
            if not (after_cua and i > 0 and not RANK_TITLES.match(rest)):
                titles.insert(0, rest)
        break
    return [t for t in titles if t]


def _title_after(text: str, end: int) -> list[str]:
    rest = text[end:]
    lead = re.match(r"\s*(?:,|-|–)\s*", rest)
    if not lead:
        return []
    clause_end = min(
        (i for i in (rest.find(c, lead.end()) for c in ";.\n(") if i >= 0), default=len(rest)
    )
    titles = []
    for seg in rest[lead.end() : clause_end].split(","):
        seg = seg.strip()
        if not TITLE_START.match(seg):
            break
        cut = _PREDICATES.search(seg)
        title = _title_part(seg[: cut.start()].strip() if cut else seg)
        titles.append(title)
        if cut or title != seg:
            break
    return titles


def _byline_spans(text: str) -> list[tuple[int, int]]:
    """Photo credits "(Ảnh: …)" and a last line that is only a short name."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\((?:Ảnh|Nguồn)[^)]*\)", text)]
    last = text.rstrip().rsplit("\n", 1)[-1]
    if 0 < len(last.split()) <= 4 and not last.rstrip().endswith("."):
        start = text.rstrip().rfind(last)
        spans.append((start, start + len(last)))
    return spans


_LIST_GAP = re.compile(r"\s*(?:,|;|và|,\s*và)\s*")
_GROUP_TITLE = re.compile(r"[Cc]ác\s+(?:đồng chí\s+)?(?P<title>[^,;.()\n]+?)\s*:?\s*$")


def _group_titles(text: str, names: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """A group title before a list of names applies to each name: "các đồng chí Phó Bí thư
    Thành ủy: Nguyễn Văn A, Trần Thị B và Lê Văn C"."""
    groups: list[list[tuple[int, int]]] = []
    for span in names:
        if groups and _LIST_GAP.fullmatch(text[groups[-1][-1][1] : span[0]]):
            groups[-1].append(span)
        else:
            groups.append([span])
    out = {}
    for group in groups:
        start = group[0][0]
        head = _GROUP_TITLE.search(text[max(0, start - 160) : start])
        if head and TITLE_START.match(head.group("title")):
            out.update({span: head.group("title") for span in group})
    return out


def find_persons(text: str, org_names: Iterable[str] = ()) -> list[PersonFact]:
    orgs = find_organizations(text, org_names)
    skip = _byline_spans(text)
    names = [
        span
        for span in find_names(text, _masked(text, orgs))
        if not any(a <= span[0] < b for a, b in skip)
    ]
    grouped = _group_titles(text, names)
    persons: dict[str, PersonFact] = {}
    previous_end = 0
    for s, e in names:
        name = text[s:e]
        fact = persons.setdefault(name, PersonFact(name, [], []))
        fact.spans.append((s, e))
        before, previous_end = _title_before(text, s, previous_end), e
        group = [grouped[(s, e)]] if (s, e) in grouped else []
        for title in group + before + _title_after(text, e):
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
