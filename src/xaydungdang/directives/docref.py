"""Find and parse references to Party and State documents in running Vietnamese text.

Shapes handled (see tests/directives/test_docref.py for the table):
- Party symbols ``18-NQ/TW``, tolerant of spaces and dashes (``08- QĐi/TW``, ``45 – NQ/TW``),
  of a slash after the number and of issuers in several parts (``123/QĐ/QUTW``,
  ``15-QĐ/ĐU/QUTW``), and of a line break inside the symbol;
- one symbol shared by several numbers (``Nghị quyết số 12 và 13-NQ/TU``: two references);
- State symbols ``178/2024/NĐ-CP``, ``1755/QĐ-UBND``;
- a type word before them (``Nghị quyết số …``) and a date after (``ngày 25/10/2017``,
  ``ngày 16-11-2016``, ``ngày 22.9.2021``, ``ngày 16 tháng 11 năm 2016``);
- references without a symbol: ``Nghị quyết 23 của Ban Chấp hành Trung ương Đảng khóa IX``,
  ``Kết luận số 14 của Bộ Chính trị``, ``Nghị quyết Trung ương 4 khóa XI, XII``.

Run it on the raw text (NFC): tokenizers split ``18-NQ/TW`` into pieces.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from xaydungdang.core.dates import vn_date

# The type words, longest first so that "Chương trình hành động" wins over "Chương trình".
TYPE_WORDS = [
    "Chương trình hành động",
    "Chương trình",
    "Nghị quyết",
    "Kết luận",
    "Chỉ thị",
    "Quy định",
    "Quy chế",
    "Quyết định",
    "Kế hoạch",
    "Hướng dẫn",
    "Thông báo",
    "Thông tri",
    "Đề án",
    "Báo cáo",
    "Tờ trình",
    "Công văn",
    "Luật",
    "Nghị định",
    "Thông tư",
]
# Abbreviations in symbols → type, used only when no type word stands before the symbol.
ABBREVIATIONS = {
    "NQ": "Nghị quyết",
    "KL": "Kết luận",
    "CT": "Chỉ thị",
    "QĐi": "Quy định",
    "QĐNS": "Quyết định",  # personnel decisions of the Politburo and Secretariat
    "QĐ": "Quyết định",
    "QC": "Quy chế",
    "HD": "Hướng dẫn",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "CTHĐ": "Chương trình hành động",
    "TB": "Thông báo",
    "TT": "Thông tri",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "ĐA": "Đề án",
    "CV": "Công văn",
    "NĐ": "Nghị định",
}
STATE_ABBREVIATIONS = {
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "TT": "Thông tư",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
}
# Bodies named after "của" → issuer symbol.
BODIES = [
    (r"Ban Chấp hành Trung ương(?: Đảng)?", "TW"),
    (r"Bộ Chính trị", "TW"),
    (r"Ban Bí thư", "TW"),
    (r"Trung ương(?: Đảng)?", "TW"),
    (r"Ban Tổ chức Trung ương", "BTCTW"),
    (r"Thành ủy|Tỉnh ủy", "TU"),
    (r"Chính phủ", "CP"),
    (r"Quốc hội", "QH"),
]

_TYPE = "|".join(TYPE_WORDS)
_ABBR = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_ROMAN = r"[IVXL]{1,6}"
_SEP = r"\s*[-–—‑]\s*"
_DATE = (
    r"(?:,?\s*ngày\s+"
    r"(?P<d>\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(?P<m>\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(?P<y>\d{4}))?"
)
# The issuer of a Party symbol: "TW", "TU", "BTCTW", "ĐU-QUTW" or, in several parts, "ĐU/QUTW".
_ISSUER = r"[A-ZĐ][A-ZĐ0-9]*(?:[-/][A-ZĐ][A-ZĐ0-9]*)*"
_BODY = "|".join(f"(?:{b})" for b, _ in BODIES)
_OF_BODY = rf"(?:\s+(?:của|do)\s+(?P<body>{_BODY}))?"
_TERM = rf"(?:\s+kh[oó]a\s+(?P<term>{_ROMAN}(?:\s*,\s*{_ROMAN})*)(?![\w]))?"

PARTY = re.compile(
    rf"(?:(?P<type>{_TYPE})\s+(?:số\s+)?)?"
    rf"(?P<number>\d{{1,5}})(?:{_SEP}|/)(?P<abbr>{_ABBR})\s*/\s*(?P<issuer>{_ISSUER})"
    rf"(?![\w/]){_DATE}{_OF_BODY}{_TERM}"
)
STATE = re.compile(
    rf"(?:(?P<type>{_TYPE})\s+(?:số\s+)?)?"
    r"(?P<number>\d{1,5})/(?:(?P<year>\d{4})/)?(?P<abbr>[A-ZĐ]{1,4})-(?P<issuer>[A-ZĐ]{1,8}\d{0,3})"
    rf"(?![\w/-]){_DATE}"
)
LAW = re.compile(
    rf"(?:(?P<type>{_TYPE})\s+(?:số\s+)?)?"
    r"(?P<number>\d{1,5})/(?P<year>\d{4})/(?P<issuer>(?:UBTV)?QH\d{1,2})(?![\w/-])" + _DATE
)
# "số 12 và 13-NQ/TU", "số 12, 13 và 14-NQ/TW": the numbers before the one that has the symbol.
SHARED = re.compile(
    rf"(?P<type>{_TYPE})\s+(?:số\s+)?(?P<numbers>\d{{1,5}}(?:\s*,\s*\d{{1,5}})*)\s+và\s+"
    rf"(?P<number>\d{{1,5}}){_SEP}(?P<abbr>{_ABBR})\s*/\s*(?P<issuer>{_ISSUER})"
    rf"(?![\w/]){_DATE}{_OF_BODY}{_TERM}"
)
NO_SYMBOL = re.compile(
    rf"(?P<type>{_TYPE})"
    rf"(?:\s+(?P<plenum>Trung ương\s+\d{{1,2}})|\s+(?:số\s+)?(?P<number>\d{{1,5}}))"
    rf"(?![\d/.,-]\d|-|\w){_DATE}{_OF_BODY}{_TERM}"
)


@dataclasses.dataclass(frozen=True)
class DocRef:
    type: str | None
    number: str | None
    symbol: str | None
    issuer: str | None
    date: str | None
    term: str | None
    raw: str
    start: int = dataclasses.field(default=0, compare=False)
    end: int = dataclasses.field(default=0, compare=False)

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data.pop("start")
        data.pop("end")
        return data


def _date(m: re.Match[str]) -> str | None:
    if not m.group("d"):
        return None
    try:
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def _body_issuer(body: str | None) -> str | None:
    if not body:
        return None
    for pattern, symbol in BODIES:
        if re.fullmatch(pattern, body):
            return symbol
    return None


def _terms(m: re.Match[str]) -> list[str | None]:
    term = m.groupdict().get("term")
    return [t.strip() for t in term.split(",")] if term else [None]


def _party(m: re.Match[str]) -> Iterator[DocRef]:
    abbr, issuer = m.group("abbr"), m.group("issuer")
    symbol = f"{m.group('number')}-{abbr}/{issuer}"
    doc_type = m.group("type") or ABBREVIATIONS.get(abbr)
    for term in _terms(m):
        yield DocRef(
            doc_type,
            m.group("number"),
            symbol,
            issuer,
            _date(m),
            term,
            m.group(0),
            m.start(),
            m.end(),
        )


def _shared(m: re.Match[str]) -> Iterator[DocRef]:
    """One reference per number, each with the symbol they share, all spanning the phrase."""
    abbr, issuer = m.group("abbr"), m.group("issuer")
    numbers = [n.strip() for n in m.group("numbers").split(",")] + [m.group("number")]
    for number in numbers:
        for term in _terms(m):
            symbol = f"{number}-{abbr}/{issuer}"
            yield DocRef(
                m.group("type"), number, symbol, issuer, _date(m), term, m.group(0), m.start(),
                m.end(),
            )  # fmt: skip


def _state(m: re.Match[str]) -> Iterator[DocRef]:
    year = f"{m.group('year')}/" if m.group("year") else ""
    symbol = f"{m.group('number')}/{year}{m.group('abbr')}-{m.group('issuer')}"
    doc_type = m.group("type") or STATE_ABBREVIATIONS.get(m.group("abbr"))
    yield DocRef(
        doc_type,
        m.group("number"),
        symbol,
        m.group("issuer"),
        _date(m),
        None,
        m.group(0),
        m.start(),
        m.end(),
    )


def _law(m: re.Match[str]) -> Iterator[DocRef]:
    symbol = f"{m.group('number')}/{m.group('year')}/{m.group('issuer')}"
    yield DocRef(
        m.group("type") or ("Nghị quyết" if m.group("issuer").startswith("UBTV") else "Luật"),
        m.group("number"),
        symbol,
        m.group("issuer"),
        _date(m),
        None,
        m.group(0),
        m.start(),
        m.end(),
    )


def _no_symbol(m: re.Match[str]) -> Iterator[DocRef]:
    plenum = m.group("plenum")
    issuer = "TW" if plenum else _body_issuer(m.group("body"))
    for term in _terms(m):
        yield DocRef(
            m.group("type"),
            m.group("number"),
            None,
            issuer,
            _date(m),
            term,
            m.group(0),
            m.start(),
            m.end(),
        )


def find_refs(text: str) -> list[DocRef]:
    """Every document reference in ``text``, in text order (overlapping shapes resolved by
    taking the first that starts earliest and is longest)."""
    text = unicodedata.normalize("NFC", text)
    found: list[tuple[int, int, list[DocRef]]] = []
    shapes = (
        (SHARED, _shared),
        (PARTY, _party),
        (STATE, _state),
        (LAW, _law),
        (NO_SYMBOL, _no_symbol),
    )
    for pattern, build in shapes:
        for m in pattern.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), list(build(m))))
    found.sort(key=lambda f: (f[0], f[1]))
    out: list[DocRef] = []
    taken_until = -1
    for start, neg_len, refs in found:
        if start < taken_until:
            continue
        out.extend(refs)
        taken_until = start - neg_len
    return out


def format_ref(ref: DocRef) -> str:
    """Write a reference the way documents cite it (inverse of ``find_refs`` for its fields)."""
    parts = [ref.type or ""]
    if ref.symbol:
        parts.append(f"số {ref.symbol}")
    elif ref.number:
        parts.append(f"số {ref.number}")
    if ref.date:
        parts.append(f"ngày {vn_date(dt.date.fromisoformat(ref.date))}")
    text = " ".join(p for p in parts if p)
    if not ref.symbol and ref.issuer == "TW":
        text += " của Ban Chấp hành Trung ương Đảng"
    if ref.term:
        text += f" khóa {ref.term}"
    return text
