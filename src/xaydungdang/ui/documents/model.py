"""A Party document as plain data, and the texts its layout prints (Hướng dẫn 36-HD/VPTW,
domain.md R-DOC-6). Both writers (Word and PDF) read the texts from here, so they cannot
disagree on wording: only on how the page is drawn."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from xaydungdang.core.text import fold

PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"
ARCHIVE = "Lưu VP."
MAX_SLUG = 80  # file fields hold 100 characters, folders included
_TRAILING = " \t,;."


@dataclasses.dataclass(frozen=True)
class Heading:
    """A section heading of the body ("I. KẾT QUẢ ĐẠT ĐƯỢC"), printed bold."""

    text: str


@dataclasses.dataclass(frozen=True)
class Paragraph:
    """Body text: justified, first line indented."""

    text: str


@dataclasses.dataclass(frozen=True)
class Table:
    """A simple grid: one header row, then rows of text cells of the same width."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        if any(len(row) != len(self.header) for row in self.rows):
            raise ValueError("every row of a table must have as many cells as its header")


Block = Heading | Paragraph | Table


@dataclasses.dataclass(frozen=True)
class Signature:
    """The signing block: authority lines ("T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN"), then the
    signer's title ("PHÓ TRƯỞNG BAN") and name. An empty name leaves the place to sign."""

    authority: tuple[str, ...] = ()
    title: str = ""
    name: str = ""


@dataclasses.dataclass(frozen=True)
class PartyDocument:
    """``issuer``: the superior body if any, then the issuing body (the last line, bold), as
    names in normal case ("Thành ủy Hà Nội", "Ban Tổ chức"). ``number``: "12-BC/BTCTU", empty
    while the document is a draft. ``file_stem``: words for the file name when the type and
    subject do not say enough."""

    issuer: tuple[str, ...]
    place: str
    date: dt.date | None
    doc_type: str
    subject: str
    body: tuple[Block, ...]
    signature: Signature
    number: str = ""
    recipients: tuple[str, ...] = ()
    file_stem: str = ""

    def __post_init__(self) -> None:
        if not self.issuer or not self.doc_type.strip():
            raise ValueError("a Party document needs an issuing body and a type")


_COLLECTIVE = re.compile(
    r"^(Ban Chấp hành Trung ương|Bộ Chính trị|Ban Bí thư|Ban Thường vụ|Ban Chỉ đạo|"
    r"Ủy ban Kiểm tra|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Chi bộ)\b"
)


def issuer_for(body: str, superior: str = "") -> tuple[str, ...]:
    """The issuer lines of a body that works under a committee: the committee, then the body
    without the committee's name it repeats ("Ban Tổ chức Thành ủy Hà Nội" under "Thành ủy
    Hà Nội" is "Ban Tổ chức"; "Ban Tổ chức Trung ương" under "Ban Chấp hành Trung ương Đảng"
    is "Ban Tổ chức" under "Ban Chấp hành Trung ương")."""
    if not superior:
        return (body,)
    raw = superior.strip()
    short = re.sub(r"\s+Đảng$", "", raw)
    tails = {raw, short, *(re.sub(r"^Ban Chấp hành\s+", "", t) for t in (raw, short))}
    own = body.strip()
    for tail in sorted(tails, key=len, reverse=True):  # the longest repeat goes first
        if fold(own).endswith(" " + fold(tail)):
            own = own[: len(own) - len(tail)].strip()
            break
    return (short, own)


def signing_body(name: str) -> str:
    """The collective as the "T/M" line names it: "Thành ủy Hà Nội" signs "T/M THÀNH ỦY",
    "Ban Thường vụ Thành ủy Hà Nội" signs "T/M BAN THƯỜNG VỤ"."""
    found = _COLLECTIVE.match(name.strip())
    return found.group(1) if found else name.strip()


def collective_signature(body: str, title: str, name: str) -> Signature:
    """A collective body signs on its behalf (thay mặt): "T/M BAN THƯỜNG VỤ" over "BÍ THƯ"
    or "PHÓ BÍ THƯ"; a deputy signs under the same line, with no K/T."""
    return Signature((f"T/M {signing_body(body).upper()}",), title.upper(), name)


def head_signature(title: str, name: str) -> Signature:
    """A body under one head (an advisory board): the head signs with the bare title; a
    deputy signs in the head's stead (ký thay): "K/T TRƯỞNG BAN" over "PHÓ TRƯỞNG BAN"."""
    head = re.sub(r"^Phó\s+|\s+Thường trực$", "", title.strip(), flags=re.IGNORECASE)
    if fold(head) == fold(title):
        return Signature((), title.upper(), name)
    return Signature((f"K/T {head.upper()}",), title.upper(), name)


def issuer_lines(doc: PartyDocument) -> list[tuple[str, bool]]:
    """The left block's body names in capitals, each with whether it is bold (only the
    issuing body, the last one)."""
    last = len(doc.issuer) - 1
    return [(name.upper(), i == last) for i, name in enumerate(doc.issuer)]


def number_line(doc: PartyDocument) -> str:
    return f"Số {doc.number}" if doc.number else "Số …"


def date_line(doc: PartyDocument) -> str:
    """ "Hà Nội, ngày 05 tháng 01 năm 2019": day and month always on two digits."""
    day = doc.date
    if day is None:
        return f"{doc.place}, ngày … tháng … năm …"
    return f"{doc.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def type_line(doc: PartyDocument) -> str:
    return doc.doc_type.strip().upper()


def subject_line(doc: PartyDocument) -> str:
    """The subject without a leading repeat of the type word ("Báo cáo sơ kết …" under
    "BÁO CÁO" reads "sơ kết …"), starting in lower case as Party documents write it, unless
    its first word is an abbreviation or a name in capitals."""
    words = doc.subject.split()
    type_words = doc.doc_type.split()
    n = len(type_words)
    if n and fold(" ".join(words[:n])) == fold(" ".join(type_words)):
        words = words[n:]
    if words and words[0][1:] == words[0][1:].lower():
        words[0] = words[0][:1].lower() + words[0][1:]
    return " ".join(words)


def recipient_lines(doc: PartyDocument) -> list[str]:
    """ "- Ban Bí thư," one a line, then the file copy last: the document's own "Lưu …" line,
    or "- Lưu VP." when it has none."""
    names = [r.strip().lstrip("-–•").strip().rstrip(_TRAILING) for r in doc.recipients]
    kept = [n for n in names if n and not fold(n).startswith("luu ")]
    archive = next((n for n in names if fold(n).startswith("luu ")), "")
    return [f"- {n}," for n in kept] + [f"- {archive}." if archive else f"- {ARCHIVE}"]


def filename(doc: PartyDocument, ext: str) -> str:
    """An ASCII name that says what the file is: "bao-cao-so-ket-2018-….docx"."""
    stem = doc.file_stem or f"{doc.doc_type} {subject_line(doc)}"
    slug = re.sub(r"[^a-z0-9]+", "-", fold(stem)).strip("-")
    if len(slug) > MAX_SLUG:  # long subjects: cut at a word; the name stays readable
        slug = slug[: MAX_SLUG + 1].rsplit("-", 1)[0]
    return f"{slug or 'van-ban'}.{ext.lstrip('.')}"
