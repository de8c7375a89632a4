"""Every date on every page reads dd/mm/yyyy: "01/07/2025", never "01/7/2025" or "1/7/2025".

The test walks the demo's pages as the central board's reader (links followed from the home
page, GET only) and fails on a date whose day or month has one digit. Quoted source text (the
articles themselves and the sentences facts were read from) is left out: it is what the
newspaper wrote. So are the pages of one article (its review, where each fact shows the words
read, such as "Kết luận số 14-KL/TW ngày 22/9/2021", and its history, which holds its text).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from urllib.parse import urldefrag, urljoin

from django.test import Client
from openpyxl import load_workbook

SHORT_DATE = re.compile(r"(?<![\d/])(?:\d/\d{1,2}|\d{2}/\d)/\d{4}\b")
QUOTED = re.compile(
    r'<(div|td|span|blockquote|p)[^>]*class="[^"]*(?:article-text|source-sentence|quote)[^"]*"'
    r"[^>]*>.*?</\1>",
    re.S,
)
HREF = re.compile(r'href="([/?][^"]*)"')
SKIP = ("/dang-xuat/", "/quan-tri/", "/static/", "/tai-ve", "/tep/", "/word/", "/pdf/")
MAX_PAGES = 400
QUOTING_PAGES = re.compile(r"^/(doc-bai/\d+/|lich-su/article/)")


def short_dates(html: str) -> list[str]:
    return SHORT_DATE.findall(QUOTED.sub("", html))


def test_the_pattern() -> None:
    assert short_dates("ngày 01/7/2025, 1/07/2025 và 26/5/2025") == [
        "01/7/2025",
        "1/07/2025",
        "26/5/2025",
    ]
    assert short_dates("01/07/2025 · 20/08/2016 – 29/01/2019 · 2016–2019 · 18-NQ/TW") == []
    assert short_dates('<div class="article-text">Ngày 5/3/2024</div>') == []


def _crawl(client: Client, start: str) -> tuple[dict[str, str], dict[str, bytes]]:
    """The pages reached from ``start`` (html by url) and the Excel files they link to."""
    pages: dict[str, str] = {}
    books: dict[str, bytes] = {}
    queue = [start]
    while queue and len(pages) + len(books) < MAX_PAGES:
        url = urldefrag(queue.pop(0))[0].replace("&amp;", "&")
        if url in pages or url in books or any(s in url for s in SKIP):
            continue
        response = client.get(url)
        kind = response.get("Content-Type", "")
        if response.status_code == 200 and "spreadsheet" in kind:
            books[url] = response.content
        pages[url] = html = response.content.decode() if "html" in kind else ""
        links = (urljoin(url, h.replace("&amp;", "&")) for h in HREF.findall(html))
        queue.extend(u for u in links if u not in pages)
    return pages, books


def _short_cells(content: bytes) -> list[str]:
    """Date cells without the dd/mm/yyyy format, and text cells holding a short date."""
    bad = []
    for row in load_workbook(io.BytesIO(content)).active.iter_rows():
        for cell in row:
            if cell.is_date and cell.number_format.upper() != "DD/MM/YYYY":
                bad.append(f"{cell.coordinate}: {cell.number_format}")
            elif isinstance(cell.value, str) and SHORT_DATE.search(cell.value):
                bad.append(f"{cell.coordinate}: {cell.value}")
    return bad


def test_every_page_and_export_writes_dates_in_full(client_for: Callable[[str], Client]) -> None:
    client = client_for("btctw")
    pages, books = _crawl(client, "/")
    for url in ("/don-vi/?ngay=01/07/2025&so_voi=30/06/2025", "/don-vi/?ngay=30/06/2025"):
        pages[url] = client.get(url).content.decode()
    assert len([p for p in pages.values() if p]) > 40, "the walk should reach the main pages"
    assert books, "the walk should reach the Excel exports"
    found = {
        url: dates
        for url, html in pages.items()
        if (dates := short_dates(html)) and not QUOTING_PAGES.match(url)
    }
    found.update({url: cells for url, content in books.items() if (cells := _short_cells(content))})
    assert found == {}, {u: found[u] for u in list(found)[:6]}
