"""Titles around a person's name, read as a grammar: a head from the title catalogue ("Phó Bí
thư", "Bộ trưởng", "UVTƯ"), then the organization's name (its kind word, a proper name of
capitalized words, abbreviations and the lower-case words organizations use, "và" only where the
name goes on: "Ban Tuyên giáo và Dân vận Trung ương"), then a locative (", tỉnh Lai Châu") and a
term qualifier ("khóa XV", "nhiệm kỳ 2025–2030", "(cũ)").

A title may stand before the name ("Bí thư Tỉnh ủy Nguyễn Văn A"; "…, đồng chí A"), after it
(", …", " - …", "(…)", "(45 tuổi, …)", "giữ chức …", "được bầu làm …"), or before a list of names
("Các Phó Bí thư Tỉnh ủy gồm: ông A, ông B"; "4 phó trưởng ban: A, B và C")."""

from __future__ import annotations

import itertools
import re

from .gazetteer import (
    ORG_LOWER,
    ORGANIZATIONS,
    RANKS,
    TITLE_HEADS,
    TITLE_START,
    TITLE_START_ANY_CASE,
)
from .names import WORD

# Lower-case words that may stand inside a title ("Phó Trưởng ban Thường trực", "Bí thư Đảng ủy
# xã", "Hiệu trưởng Trường Đại học …"); any other lower-case word ends it ("… công bố …").
TITLE_LOWER = (
    {w for phrase in [*TITLE_HEADS, *ORGANIZATIONS] for w in phrase.split() if w[0].islower()}
    | ORG_LOWER
    | {"cũ"}
) - {"ký"}  # "Tổng Thư ký" is a head; "… Sở Nội vụ ký kết" ends the title
# Words allowed in a title only with their partner ("công tác", not "công bố").
_PAIRED = {
    "công": "tác",
    "khảo": "sát",
    "đại": "biểu",
    "kiểm": "tra",
    "tổ": "chức",
    "báo": "chí",
    "giao": "thông",
    "bầu": "cử",
}
RANK_TITLES = re.compile(
    r"^(?:nguyên\s+)?(?:Ủy viên|UVTƯ|UVTW|Bí thư Trung ương Đảng|Thường trực Ban Bí thư)"
)
_STOP = re.compile(
    r"(?:^|\s)(?:của|với|cho|tặng|do|gồm|đồng chí|Đồng chí|ông|bà|Ông|Bà|là|làm|chức)\s+(?=\S)"
)
_ADDRESS = re.compile(r"(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|" + "|".join(RANKS) + r")(?:\s+\S+)?")
_PREDICATES = re.compile(
    r"\s(?:chủ trì|phát biểu|cho biết|nhấn mạnh|đề nghị|đã|khẳng định|lưu ý|báo cáo|trao|nhận|"
    r"tham dự|làm việc|chúc mừng|yêu cầu|đánh giá|gợi mở|nêu|tin tưởng|cảm ơn|chỉ đạo|ghi nhận|"
    r"mong muốn|đặt vấn đề|tiếp tục|có|là|tại|dự(?! khuyết))\b"
)
# What may stand between a name and the titles after it.
_LEAD = re.compile(
    r"(?:\s*\(\s*\d{1,3}\s+tuổi\s*\))?"  # "(58 tuổi), nguyên …"
    r"\s*(?:,\s*(?:nay|hiện)\s+là|,|-|–|—|\((?:\s*\d{1,3}\s+tuổi\s*[,;]?)?|"
    r",?\s+(?:hiện\s+)?(?:giữ\s+chức(?:\s+vụ)?|"
    r"được\s+(?:bầu|bổ\s+nhiệm|điều\s+động|phân\s+công|giao|chỉ\s+định)(?:\s+giữ\s+chức|\s+làm)?|"
    r"(?:tân\s+)?làm))\s*"
)
_APPOINTED = re.compile(r"\s+(?:được|đã được|vừa được)\s")
# A clause ends at these; a full stop only before a space or the end ("T.Ư", "TP.HCM" go on),
# a parenthesis unless it says "(cũ)".
_CLAUSE_END = re.compile(r"[;\n]|(?<!\(cũ)\)|\.(?=\s|$)|\((?!cũ\))")
_CLAUSE_START = re.compile(r"[;:\n(]|\.(?=\s)")
_LOCATIVE = re.compile(r"(?:tỉnh|thành phố|TP\.?|huyện|quận|xã|phường|thị xã)\s+[^\W\d_]")
_QUALIFIER = re.compile(r"(?:khóa|khoá|nhiệm kỳ)\s+[\dIVXL]")


def title_part(seg: str, head_pattern: re.Pattern[str] = TITLE_START) -> str:
    """The title at the start of ``seg``, up to the first word that cannot belong to one (the
    words of its head all can: "Tổng Thư ký")."""
    head = head_pattern.match(seg)
    words = list(WORD.finditer(seg, head.end() if head else 0))
    for i, m in enumerate(words):
        word = m.group()
        if word == "và" and not _and_goes_on(seg[m.end() :]):
            return seg[: m.start()].rstrip(" -–,")
        partner = _PAIRED.get(word)
        if word[0].islower() and (
            word not in TITLE_LOWER
            or (partner and (i + 1 == len(words) or words[i + 1].group() != partner))
        ):
            return seg[: m.start()].rstrip(" -–,(")
    return seg


def _and_goes_on(rest: str) -> bool:
    """ "và" inside an organization's name: a capitalized word follows that starts no title."""
    rest = rest.lstrip()
    return bool(rest) and rest[0].isupper() and not TITLE_START.match(rest)


def is_title(seg: str) -> bool:
    return bool(TITLE_START.match(seg)) and title_part(seg) == seg


def _clause_start(text: str, pos: int, after: int) -> int:
    """Where the titles before a name may begin: after the clause's punctuation, after the
    previous name, and after a "và" that joins two people (not one inside a name)."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, max(after, pos - 400), pos)]
    start = max(starts[-1] if starts else 0, after)
    for joined in reversed([m.start() for m in re.finditer(" và ", text[start:pos])]):
        rest = text[start + joined + 4 : pos]
        if TITLE_START.match(rest) or not _and_goes_on(rest):
            return start + joined + 4
    return start


def _attach(titles: list[str], seg: str) -> bool | None:
    """A locative (", tỉnh Lai Châu") or a term (", nhiệm kỳ 2021–2026") belongs to the title
    before it: True if the clause may go on after it, False if it ends there, None if ``seg``
    is neither."""
    if titles and (_LOCATIVE.match(seg) or _QUALIFIER.match(seg)):
        cut = _PREDICATES.search(seg)
        part = title_part(seg[: cut.start()].strip() if cut else seg)
        titles[-1] = f"{titles[-1]}, {part}"
        return part == seg
    return None


def _merged(segments: list[str]) -> list[str]:
    """Segments with each locative or term qualifier joined to the one before it."""
    out: list[str] = []
    for seg in segments:
        if out and (_LOCATIVE.match(seg) or _QUALIFIER.match(seg)):
            out[-1] = f"{out[-1]}, {seg}"
        else:
            out.append(seg)
    return out


def _whole_title(seg: str) -> bool:
    return all(is_title(p) or (i and title_part(p) == p) for i, p in enumerate(seg.split(", ")))


def _from(text: str, start: int, after: int) -> int:
    """Where the titles before a name begin; a name that starts a line may take the titles of
    the line above when that line is only titles ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy\n")."""
    begin = _clause_start(text, start, after)
    if begin == start and start > 0 and text[start - 1] == "\n":
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1]
        if above >= after and line and all(is_title(p.strip()) for p in line.split(",")):
            return above
    return begin


def title_before(text: str, start: int, after: int = 0) -> list[str]:
    segments = [s.strip() for s in text[_from(text, start, after) : start].split(",")]
    while segments and (not segments[-1] or _ADDRESS.fullmatch(segments[-1])):
        segments.pop()  # "…, đồng chí A"; "Chính ủy …, Thiếu tướng A"
    titles: list[str] = []
    for i, seg in enumerate(reversed(_merged(segments))):
        if _whole_title(seg):
            titles.insert(0, seg)
            continue
        stops = list(_STOP.finditer(seg))
        rest = seg[stops[-1].end() :] if stops else ""
        if rest and _whole_title(rest):
            after_cua = stops[-1].group().strip() == "của"
            if not (after_cua and i > 0 and not RANK_TITLES.match(rest)):
                titles.insert(0, rest)
        break
    return [t for t in titles if t]


def title_after(text: str, end: int) -> list[str]:
    """The titles after a name; then, if the clause goes on with an appointment ("… được điều
    động làm …"), the titles of that too."""
    rest = text[end : end + 600]
    lead = _LEAD.match(rest)
    if not lead:
        return []
    stop = _CLAUSE_END.search(rest, lead.end())
    clause = rest[lead.end() : stop.start() if stop else len(rest)]
    titles: list[str] = []
    for seg in clause.split(","):
        seg = _NOW.sub("", seg.strip())  # "…, nay là Trưởng Ban …"
        attached = _attach(titles, seg)
        if attached is not None:
            if attached:
                continue
            break
        if not TITLE_START.match(seg):
            break
        cut = _PREDICATES.search(seg)
        title = title_part(seg[: cut.start()].strip() if cut else seg)
        titles.append(title)
        if cut or title != seg:
            break
    if titles:
        last = clause.find(titles[-1].rsplit(", ", 1)[-1])
        after = end + lead.end() + last + len(titles[-1].rsplit(", ", 1)[-1]) if last >= 0 else 0
        if after and _APPOINTED.match(text, after):
            titles += title_after(text, after)
        elif rest[lead.end() - 1 : lead.end()] == "(" and stop and stop.group() == ")":
            titles += title_after(text, end + stop.end())  # "(…) được điều động giữ chức …"
    return titles


_NOW = re.compile(r"^(?:nay|hiện)\s+là\s+")
_AND = re.compile(r"\s+và\s+(?:(?:đồng chí|ông|bà)\s+)?")
_BY_VERB = re.compile(r"\s+(?:giữ\s+chức|được\s|làm\s|cùng\s+giữ\s+chức)")


def shared_after(text: str, spans: list[tuple[int, int]]) -> dict[tuple[int, int], list[str]]:
    """ "A và B giữ chức X": the titles after the second name belong to both."""
    out: dict[tuple[int, int], list[str]] = {}
    for (s1, e1), (s2, e2) in reversed(list(itertools.pairwise(spans))):
        if _AND.fullmatch(text[e1:s2]) and _BY_VERB.match(text, e2):
            out[(s1, e1)] = out.get((s2, e2)) or title_after(text, e2)
    return out


# Between two names of a list: a comma, "và" or ";", perhaps after the first one's own titles
# ("A (Phó Chủ tịch HĐND tỉnh) và B", "A, Phó Chủ tịch UBND tỉnh; B").
_LIST_GAP = re.compile(
    r"(?:\s*\([^()\n]{0,120}\)|,[^;()\n]{0,120}(?=;))?"
    r"\s*(?:,|;|và|,\s*và)\s*(?:(?:ông|bà|đồng chí)\s+)?"
)
_GROUP_TITLE = re.compile(
    r"(?:[Cc]ác|\d{1,2}|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu)\s+(?:đồng chí\s+)?(?:giữ chức\s+)?"
    r"(?P<title>[^,;.()\n:]+?)\s*,?\s*(?:gồm(?:\s+có)?|là)?\s*:?\s*(?:(?:ông|bà|đồng chí)\s+)?$"
)


def _group_head(text: str, start: int) -> str | None:
    head = _GROUP_TITLE.search(text[max(0, start - 160) : start])
    if not head:
        return None
    title = head.group("title")
    found = TITLE_START_ANY_CASE.match(title)
    return title if found and title_part(title, TITLE_START_ANY_CASE) == title else None


def group_titles(text: str, names: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """A group title before a list of names applies to each name: "các đồng chí Phó Bí thư
    Thành ủy: A, B và C", "Các Phó Bí thư Tỉnh ủy gồm: ông A, ông B", "4 phó trưởng ban: …"."""
    groups: list[list[tuple[int, int]]] = []
    for span in names:
        if groups and _LIST_GAP.fullmatch(text[groups[-1][-1][1] : span[0]]):
            groups[-1].append(span)
        else:
            groups.append([span])
    out = {}
    for group in groups:
        title = _group_head(text, group[0][0])
        if title:
            out.update({span: title for span in group})
    return out
