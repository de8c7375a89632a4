"""The reference parser: a table of real shapes, no false positives, and round trips."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from xaydungdang.directives.docref import ABBREVIATIONS, TYPE_WORDS, DocRef, find_refs, format_ref

N = None
# text, expected (type, number, symbol, issuer, date, term) for each reference, in order
TABLE = [
    (
        "Nghị quyết số 18-NQ/TW ngày 25/10/2017, Hội nghị lần thứ 6 Ban Chấp hành Trung ương",
        [("Nghị quyết", "18", "18-NQ/TW", "TW", "2017-10-25", N)],
    ),
    (
        "thực hiện tốt Kế hoạch 04-KH/TW, ngày 16-11-2016 của Bộ Chính trị về tăng cường",
        [("Kế hoạch", "04", "04-KH/TW", "TW", "2016-11-16", N)],
    ),
    ("Quy định 08- QĐi/TW", [("Quy định", "08", "08-QĐi/TW", "TW", N, N)]),
    ("Chỉ thị 36 - CT/TW", [("Chỉ thị", "36", "36-CT/TW", "TW", N, N)]),
    (
        "Đề cập đến Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị về chủ trương",
        [("Kết luận", "14", "14-KL/TW", "TW", "2021-09-22", N)],
    ),
    (
        "thực hiện Nghị quyết 23 của Ban Chấp hành Trung ương Đảng khóa IX về phát huy",
        [("Nghị quyết", "23", N, "TW", N, "IX")],
    ),
    (
        "nghỉ việc theo Nghị định 178/2024/NĐ-CP của Chính phủ",
        [("Nghị định", "178", "178/2024/NĐ-CP", "CP", N, N)],
    ),
    (
        "Quyết định 1755/QĐ-UBND ngày 5.3.2024",
        [("Quyết định", "1755", "1755/QĐ-UBND", "UBND", "2024-03-05", N)],
    ),
    ("Luật số 06/2022/QH15", [("Luật", "06", "06/2022/QH15", "QH15", N, N)]),
    (
        "Kế hoạch 04-KH/TW ngày 16 tháng 11 năm 2016",
        [("Kế hoạch", "04", "04-KH/TW", "TW", "2016-11-16", N)],
    ),
    (
        "gắn với việc thực hiện Nghị quyết Trung ương 4 khóa XI, XII và Chỉ thị 05-CT/TW "
        "của Bộ Chính trị",
        [
            ("Nghị quyết", N, N, "TW", N, "XI"),
            ("Nghị quyết", N, N, "TW", N, "XII"),
            ("Chỉ thị", "05", "05-CT/TW", "TW", N, N),
        ],
    ),
    (
        "Nghị quyết 16 của Bộ Chính trị về định hướng phát triển",
        [("Nghị quyết", "16", N, "TW", N, N)],
    ),
    (
        "Chương trình hành động số 10, tạo chuyển biến",
        [("Chương trình hành động", "10", N, N, N, N)],
    ),
    (
        "Hướng dẫn 01-HD/TW ngày 28/9/2021 và Hướng dẫn số 06-HD/TW ngày 09/6/2025",
        [
            ("Hướng dẫn", "01", "01-HD/TW", "TW", "2021-09-28", N),
            ("Hướng dẫn", "06", "06-HD/TW", "TW", "2025-06-09", N),
        ],
    ),
    (
        "Công văn 10072-CV/BTCTW gửi các tỉnh ủy",
        [("Công văn", "10072", "10072-CV/BTCTW", "BTCTW", N, N)],
    ),
    ("theo 45-KH/BTCTW", [("Kế hoạch", "45", "45-KH/BTCTW", "BTCTW", N, N)]),
    ("Nghị quyết 18-NQ/TW ngày 31/02/2017", [("Nghị quyết", "18", "18-NQ/TW", "TW", N, N)]),
]
NOT_REFERENCES = [
    "hai cơ quan đã cơ bản hoàn thành 7/10 nội dung",
    "chương trình phối hợp giai đoạn 2017-2020",
    "Ngày 20/8, Đoàn công tác của Ban Tổ chức Trung ương",
    "Nghị quyết Đại hội Đảng bộ Thành phố lần thứ X",
    "Thứ Năm, 21/6/2018",
]


def fields(ref: DocRef) -> tuple[str | None, ...]:
    return (ref.type, ref.number, ref.symbol, ref.issuer, ref.date, ref.term)


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[t[:40] for t, _ in TABLE])
def test_table_of_real_shapes(text: str, expected: list[tuple[str | None, ...]]) -> None:
    refs = find_refs(text)
    assert [fields(r) for r in refs] == expected
    for r in refs:
        assert text[r.start : r.end] == r.raw


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_figures_and_dates_are_not_references(text: str) -> None:
    assert find_refs(text) == []


def test_references_come_in_text_order() -> None:
    text = "Căn cứ Chỉ thị 05-CT/TW, Nghị quyết 18-NQ/TW và Nghị định 178/2024/NĐ-CP"
    assert [r.symbol for r in find_refs(text)] == ["05-CT/TW", "18-NQ/TW", "178/2024/NĐ-CP"]


def test_docref_command_prints_one_json_per_reference(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("docref", "Nghị quyết số 18-NQ/TW ngày 25/10/2017 và Kế hoạch 04-KH/TW")
    lines = capsys.readouterr().out.strip().splitlines()
    assert json.loads(lines[0]) == {
        "type": "Nghị quyết",
        "number": "18",
        "symbol": "18-NQ/TW",
        "issuer": "TW",
        "date": "2017-10-25",
        "term": None,
        "raw": "Nghị quyết số 18-NQ/TW ngày 25/10/2017",
    }
    assert json.loads(lines[1])["symbol"] == "04-KH/TW" and len(lines) == 2


PARTY_TYPES = [t for t in TYPE_WORDS if t not in ("Luật", "Nghị định", "Thông tư")]
numbers = st.integers(1, 99999).map(str)
dates = st.none() | st.dates(
    min_value=__import__("datetime").date(1930, 1, 1),
    max_value=__import__("datetime").date(2030, 12, 31),
).map(lambda d: d.isoformat())
terms = st.none() | st.sampled_from(["IX", "X", "XI", "XII", "XIII", "XIV"])


@st.composite
def party_refs(draw: st.DrawFn) -> DocRef:
    number, abbr = draw(numbers), draw(st.sampled_from(sorted(ABBREVIATIONS)))
    issuer = draw(st.sampled_from(["TW", "TU", "BTCTW", "UBKTTW", "VPTW", "ĐU", "BTGDVTU"]))
    return DocRef(
        draw(st.sampled_from(PARTY_TYPES)),
        number,
        f"{number}-{abbr}/{issuer}",
        issuer,
        draw(dates),
        draw(terms),
        "",
    )


@st.composite
def plain_refs(draw: st.DrawFn) -> DocRef:
    return DocRef(
        draw(st.sampled_from(PARTY_TYPES)),
        draw(numbers),
        None,
        draw(st.sampled_from(["TW", None])),
        draw(dates),
        draw(terms),
        "",
    )


@st.composite
def state_refs(draw: st.DrawFn) -> DocRef:
    number, year = draw(numbers), draw(st.integers(1990, 2030))
    kind, abbr = draw(
        st.sampled_from([("Nghị định", "NĐ"), ("Quyết định", "QĐ"), ("Thông tư", "TT")])
    )
    issuer = draw(st.sampled_from(["CP", "TTg", "BNV", "UBND"])).upper()
    return DocRef(kind, number, f"{number}/{year}/{abbr}-{issuer}", issuer, draw(dates), None, "")


@given(party_refs() | plain_refs() | state_refs())
def test_format_then_parse_gives_the_same_fields(ref: DocRef) -> None:
    text = f"Căn cứ {format_ref(ref)}; các đơn vị thực hiện."
    parsed = find_refs(text)
    assert len(parsed) == 1, (text, parsed)
    assert fields(parsed[0]) == fields(ref)
