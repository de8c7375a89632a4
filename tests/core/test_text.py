"""Vietnamese text utilities: examples from real usage and hypothesis properties."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from xaydungdang.core.dates import vn_date
from xaydungdang.core.text import clean, fold, name_sort_key, nfc, split_name, text_sort_key

VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


@st.composite
def vi_word(draw: st.DrawFn) -> str:
    letters = draw(st.lists(st.sampled_from(VI_LETTERS), min_size=1, max_size=7))
    tone = draw(st.sampled_from(TONES))
    word = "".join(letters)
    return unicodedata.normalize("NFC", word[0] + tone + word[1:])


vi_name = st.lists(vi_word(), min_size=1, max_size=4).map(" ".join)
any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


def test_tone_placement_variants_are_unified() -> None:
    assert nfc("hoà") == nfc("hòa") == "hòa"
    assert nfc("khoá XI") == "khóa XI"
    assert nfc("Uỷ viên Bộ Chính trị") == "Ủy viên Bộ Chính trị"
    assert nfc("Thuỷ") == "Thủy" and nfc("khoẻ") == "khỏe"
    # closed syllables and "qu" keep their tone where it is
    assert nfc("Hoàng") == "Hoàng" and nfc("quý") == "quý" and nfc("hoài") == "hoài"


def test_nfc_composes_decomposed_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Phạm Minh Chính")
    assert decomposed != "Phạm Minh Chính"
    assert nfc(decomposed) == "Phạm Minh Chính"


def test_fold_strips_diacritics_and_maps_d() -> None:
    assert fold("Đinh La Thăng") == "dinh la thang"
    assert fold("  Phạm   Minh Chính ") == "pham minh chinh"
    assert fold("Thành ủy TP.HCM") == "thanh uy tp.hcm"
    assert fold("ĐẢNG ỦY") == "dang uy"


def test_split_name_in_vietnamese_order() -> None:
    assert split_name("Nguyễn Văn Nên") == ("Nguyễn", ["Văn"], "Nên")
    assert split_name("Ngô Thị Thanh Hằng") == ("Ngô", ["Thị", "Thanh"], "Hằng")
    assert split_name("Anh") == ("", [], "Anh")


def test_names_sort_by_given_name_then_middle_then_family() -> None:
    names = [
        "Nguyễn Văn Nên",
        "Phạm Minh Chính",
        "Trần Văn Anh",
        "Vũ Anh",
        "Lê Ánh",
        "Bùi Đức",
        "Lê Dũng",
        "Đinh La Thăng",
        "Trương Thị Mai",
        "Võ Thị Dung",
        "Anh",
    ]
    assert sorted(names, key=name_sort_key) == [
        "Anh",
        "Vũ Anh",
        "Trần Văn Anh",
        "Lê Ánh",
        "Phạm Minh Chính",
        "Võ Thị Dung",
        "Lê Dũng",
        "Bùi Đức",
        "Trương Thị Mai",
        "Nguyễn Văn Nên",
        "Đinh La Thăng",
    ]


def test_vietnamese_letter_and_tone_order() -> None:
    # a < ă < â < b … d < đ; tones: none, huyền, hỏi, ngã, sắc, nặng (ICU vi order)
    words = ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ", "Băng", "Bâng", "Da", "Đa", "Ơn", "Ôn", "On"]
    assert sorted(words, key=text_sort_key) == [
        "Ba",
        "Bà",
        "Bả",
        "Bã",
        "Bá",
        "Bạ",
        "Băng",
        "Bâng",
        "Da",
        "Đa",
        "On",
        "Ôn",
        "Ơn",
    ]


def test_case_is_a_tertiary_difference() -> None:
    assert sorted(["an", "An", "Ăn", "ăn"], key=text_sort_key) == ["an", "An", "ăn", "Ăn"]


@given(any_text)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(any_text)
def test_nfc_is_idempotent(text: str) -> None:
    assert nfc(nfc(text)) == nfc(text)


@given(vi_name)
def test_fold_ignores_normalization_form(name: str) -> None:
    assert fold(unicodedata.normalize("NFD", name)) == fold(name)
    assert "đ" not in fold(name) and fold(name) == fold(name).lower()


@given(vi_name, vi_name)
def test_sort_key_equal_only_for_equal_names(a: str, b: str) -> None:
    assert (name_sort_key(a) == name_sort_key(b)) == (clean(a) == clean(b))


@given(vi_name, vi_name, vi_name)
def test_sort_key_is_a_total_order(a: str, b: str, c: str) -> None:
    ka, kb, kc = name_sort_key(a), name_sort_key(b), name_sort_key(c)
    assert sum([ka < kb, ka == kb, ka > kb]) == 1  # trichotomy
    if ka <= kb and kb <= kc:
        assert ka <= kc  # transitivity
    assert sorted([a, b, c], key=name_sort_key) == sorted([c, b, a], key=name_sort_key)


@given(vi_word(), vi_word(), vi_word())
def test_given_name_decides_before_family_name(given_a: str, given_b: str, family: str) -> None:
    a, b = f"{family} {given_a}", f"Zzz {given_b}"
    if text_sort_key(given_a) < text_sort_key(given_b):
        assert name_sort_key(a) < name_sort_key(b)


def test_dates_always_have_two_digit_day_and_month_and_four_digit_year() -> None:
    assert vn_date(dt.date(1, 1, 1)) == "01/01/0001"
    assert vn_date(dt.date(2017, 3, 5)) == "05/03/2017"
    assert vn_date(None, "—") == "—"
