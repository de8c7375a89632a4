"""Hostile input never answers 500 and, when refused, changes nothing: every URL pattern of the
permission matrix, with hostile values in each GET parameter the views read and in each field
of the forms the pages show (issue "Integrity", defect 7). Property-based (hypothesis), with
bounded examples per page so the walk stays within about a minute."""

from __future__ import annotations

import io
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.site.test_permissions import MATRIX, hcm_objects, url_of
from xaydungdang.core.models import ChangeRecord

HOSTILE = [
    "²",
    "١٢",
    "9" * 40,
    "-1",
    "0",
    "a\x00b",
    "x" * 5000,
    "00/00/0000",
    "31/02/2025",
    "01/01/0001",
    "31/12/9999",
    "",
    '=HYPERLINK("http://x")',
    "'; DROP TABLE x; --",
]
GET_PARAMS = [
    "goc", "ngay", "vao_ngay", "chuong_trinh", "van_ban", "thuc_hien", "co_quan", "nam", "loai",
    "khoa", "q", "trang", "trang_thai", "dang_tich", "xep", "dip", "moc", "don_vi", "nguoi",
    "xuat", "ca_cap_duoi",
]  # fmt: skip
SKIP = {"logout", "login", "admin"}  # Django's own views


def _files() -> list[tuple[str, bytes]]:
    from openpyxl import Workbook

    book, out = Workbook(), io.BytesIO()
    book.save(out)
    xlsx = out.getvalue()
    return [
        ("rong.xlsx", b""),
        ("hong.xlsx", b"PK\x03\x04" + b"\x00" * 40),
        ("xml-hong.xlsx", xlsx.replace(b"<sheetData", b"<sheetData><row><c", 1)),
        ("hong.docx", b"PK\x03\x04broken"),
        ("rong.csv", b""),
        ("nhi-phan.csv", b"\xff\xfe\x00\x00" * 10),
        ("bai.txt", "²".encode() * 10),
    ]


class _Forms(HTMLParser):
    """The fields of the POST forms of a page: name -> (kind, the value shown, the options)."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, tuple[str, str, list[str]]] = {}
        self.in_post = False
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.in_post = a.get("method", "").lower() == "post"
        elif not self.in_post or not a.get("name") or a["name"] == "csrfmiddlewaretoken":
            return
        elif tag == "input" and a.get("type") not in ("submit", "button"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                self.fields.setdefault(a["name"], (kind, "", []))
                return
            self.fields[a["name"]] = (kind, a.get("value", ""), [])
        elif tag == "select":
            self.select = a["name"]
            self.fields[a["name"]] = ("select", "", [])
        elif tag == "option" and self.select:
            kind, value, options = self.fields[self.select]
            options.append(a.get("value", ""))
            if "selected" in a or not value:
                self.fields[self.select] = (kind, a.get("value", ""), options)
        elif tag == "textarea":
            self.textarea = a["name"]
            self.fields[a["name"]] = ("textarea", "", [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_post = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            kind, value, options = self.fields[self.textarea]
            self.fields[self.textarea] = (kind, value + data, options)


def _fields(html: str) -> dict[str, tuple[str, str, list[str]]]:
    parser = _Forms()
    parser.feed(html)
    return parser.fields


def _walk(client: Client, url: str) -> None:
    page = client.get(url)
    assert page.status_code < 500, url
    html = page.status_code == 200 and "html" in page.get("Content-Type", "")
    fields = _fields(page.content.decode(errors="replace")) if html else {}
    names = sorted(fields)
    files = _files()

    @settings(
        max_examples=6,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        params=st.dictionaries(st.sampled_from(GET_PARAMS), st.sampled_from(HOSTILE), max_size=4),
        hostile=st.dictionaries(
            st.sampled_from(names or ["_"]), st.sampled_from(HOSTILE), min_size=1, max_size=3
        ),
        upload=st.sampled_from(files),
    )
    def probe(params: dict[str, str], hostile: dict[str, str], upload: tuple[str, bytes]) -> None:
        answer = client.get(url, params)
        assert answer.status_code < 500, (url, params)
        if not fields:
            return
        data: dict[str, Any] = {}
        for name, (kind, value, _options) in fields.items():
            if kind == "file":
                data[name] = SimpleUploadedFile(upload[0], upload[1])
            elif kind not in ("checkbox", "radio") or value:
                data[name] = value
        data.update({k: v for k, v in hostile.items() if k in fields and fields[k][0] != "file"})
        before = ChangeRecord.objects.count()
        answer = client.post(url, data)
        assert answer.status_code < 500, (url, data)
        if answer.status_code == 200:  # the form again, with its errors: nothing written
            assert ChangeRecord.objects.count() == before, (url, data)

    probe()


WALKED = sorted(n for n in MATRIX if n not in SKIP)


@pytest.mark.parametrize("chunk", range(4))
def test_hostile_values_never_answer_500_nor_write_on_refusal(
    chunk: int, client_for: Callable[[str], Client]
) -> None:
    objects = hcm_objects()
    client = client_for("hcm")
    client.raise_request_exception = True  # a 500 fails the test with its traceback
    for name in WALKED[chunk::4]:
        _walk(client, url_of(name, objects))
