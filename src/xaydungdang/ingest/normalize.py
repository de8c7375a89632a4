"""Normalization of an article: NFC with one tone placement, page boilerplate dropped, and the
article's date found in its dateline or header. Offsets of every fact are against the text this
module returns."""

from __future__ import annotations

import datetime as dt
import re

from xaydungdang.core.text import nfc

BOILERPLATE = [
    r"Ý kiến bạn đọc",
    r"Tin khác",
    r"Các tin khác",
    r"Gửi bài này\s*In bài này",
    r"refresh",
    r"Tổng lượt bình luận",
    r"Thông báo",
    r"Video",
    r"Thống kê truy cập.*",
    r"Go top",
    r"Hiện tại không có bình chọn nào đang hoạt động\.?",
    # visitor counters ("Tổng lượt truy cập: 1.234"), not a line that starts "Tổng Bí thư …"
    r"•?\s*(?:Người trực tuyến|Khách|Thành viên|Tổng|Tổng lượt truy cập)\s*:?\s*[\d.,]+",
    r"\d+\s+Go top",
    r"-{5,}",
    r"https?://\S+",
]
_BOILER = re.compile(r"^\s*(?:" + "|".join(BOILERPLATE) + r")\s*$", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"(?:Thứ\s+\w+,\s*)?(?:ngày\s+)?(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})(?:/|\s+năm\s+)(\d{4})",
    re.IGNORECASE,
)


def _dedupe_caption(line: str) -> str:
    """A photo caption printed twice ("A B A B") is kept once."""
    half = len(line) // 2
    left, right = line[:half].strip(), line[half:].strip()
    return left if left and left == right else line


def clean_lines(text: str) -> list[str]:
    lines = []
    for raw in nfc(text).replace("\r\n", "\n").split("\n"):
        line = _dedupe_caption(raw.strip())
        if not line or _BOILER.match(line):
            continue
        lines.append(line)
    return lines


def normalize(text: str) -> str:
    """The article as one normalized text: a paragraph per line, boilerplate gone."""
    return "\n".join(clean_lines(text))


def article_date(text: str) -> dt.date | None:
    """The date in the article's header (first lines): "Thứ Hai, ngày 30 tháng 1 năm 2023",
    "Thứ Năm, 21/6/2018", "4/3/2017 21:16'". The latest such header date wins, since a page
    header may also print the day the page was viewed, which is later: the earliest wins."""
    found: list[dt.date] = []
    for line in clean_lines(text)[:6]:
        for m in _DATE_LINE.finditer(line):
            if m.start() > 30:
                continue  # a date inside a sentence ("Kết luận … ngày 22/9/2021") is not the header
            try:
                found.append(dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
            except ValueError:
                continue
    return min(found) if found else None


def headline(text: str) -> str:
    """The article's title: its first line of five words or more that is not a dated header
    ("Thứ Năm, 21/6/2018"); a trailing time stamp is dropped."""
    for line in text.split("\n")[:8]:
        line = re.sub(r"\s*\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}'?.*$", "", line).strip()
        if len(line.split()) >= 5 and not _DATE_LINE.match(line):
            return line[:300]
    return text.split("\n", 1)[0][:300] or "Bài viết"
