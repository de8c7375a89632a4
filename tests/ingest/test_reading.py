"""Reading real articles: one test per kind of error seen on published text, each on new
sentences written for the tests (not the measured cases, not the development sets)."""

from __future__ import annotations

import pytest

from xaydungdang.directives.docref import find_refs
from xaydungdang.ingest import extract, gazetteer
from xaydungdang.ingest.normalize import normalize
from xaydungdang.ingest.pipeline import run


def titles(text: str) -> dict[str, list[str]]:
    return {p.name: p.positions for p in extract.find_persons(normalize(text))}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Bộ trưởng Bộ Công Thương Phí Minh Hải trả lời chất vấn.",
            "Phí Minh Hải",
            "Bộ trưởng Bộ Công Thương",
        ),
        (
            "Đồng chí Kha Văn Lâm, Bí thư Đảng ủy Đảng Cộng sản Việt Nam khối doanh nghiệp "
            "tỉnh phát biểu.",
            "Kha Văn Lâm",
            "Bí thư Đảng ủy Đảng Cộng sản Việt Nam khối doanh nghiệp tỉnh",
        ),
        (
            "Hiệu trưởng Trường Đại học Y Dược Thái Bình Mẫn Văn Tiến trao bằng tốt nghiệp.",
            "Mẫn Văn Tiến",
            "Hiệu trưởng Trường Đại học Y Dược Thái Bình",
        ),
        (
            "Phó Trưởng Ban Tuyên giáo và Dân vận Trung ương Ngọ Thị Dung dự hội nghị.",
            "Ngọ Thị Dung",
            "Phó Trưởng Ban Tuyên giáo và Dân vận Trung ương",
        ),
    ],
)
def test_a_title_ends_where_the_organizations_name_ends(text: str, name: str, title: str) -> None:
    assert titles(text)[name] == [title]


def test_and_ends_a_title_only_where_the_name_of_the_organization_does_not_go_on() -> None:
    found = titles(
        "Bí thư Tỉnh ủy Ninh Văn Quý và Chủ tịch UBND tỉnh Vừ Thị Mai cùng dự lễ khánh thành."
    )
    assert found == {"Ninh Văn Quý": ["Bí thư Tỉnh ủy"], "Vừ Thị Mai": ["Chủ tịch UBND tỉnh"]}


def test_abbreviated_titles_are_read_whole() -> None:
    found = titles(
        "Đồng chí Hầu Văn Lý, UVTƯ Đảng, Phó Chủ tịch UBND TP Cần Thơ; đồng chí Quàng Văn Ơn, "
        "Ủy viên T.Ư Đảng, Chủ nhiệm UBKT Tỉnh ủy, Phó Trưởng Đoàn ĐBQH tỉnh dự."
    )
    assert found == {
        "Hầu Văn Lý": ["UVTƯ Đảng", "Phó Chủ tịch UBND TP Cần Thơ"],
        "Quàng Văn Ơn": ["Ủy viên T.Ư Đảng", "Chủ nhiệm UBKT Tỉnh ủy", "Phó Trưởng Đoàn ĐBQH tỉnh"],
    }
    assert "Ủy viên Trung ương" in gazetteer.ABBREVIATIONS["UVTƯ"]


def test_a_long_block_of_titles_and_a_title_before_the_comma_of_dong_chi() -> None:
    found = titles(
        "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, đồng chí Điêu Chính Tơi phát biểu. "
        "Ông Lộc Văn Bằng, Tỉnh ủy viên, Bí thư Huyện ủy, Chủ tịch HĐND huyện Bảo Lâm cho biết."
    )
    assert found == {
        "Điêu Chính Tơi": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
        "Lộc Văn Bằng": ["Tỉnh ủy viên", "Bí thư Huyện ủy", "Chủ tịch HĐND huyện Bảo Lâm"],
    }


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Ông Khúc Minh Tâm (Phó Chánh Văn phòng Tỉnh ủy) trình bày dự thảo.",
            "Khúc Minh Tâm",
            ["Phó Chánh Văn phòng Tỉnh ủy"],
        ),
        (
            "Bà Cầm Thị Xuân (61 tuổi, Bí thư Chi bộ bản Pá Khoang) kể lại.",
            "Cầm Thị Xuân",
            ["Bí thư Chi bộ bản Pá Khoang"],
        ),
        (
            "Đồng chí Đại tá Tòng Văn Hải, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh trao quà.",
            "Tòng Văn Hải",
            ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"],
        ),
        (
            "Bà Chu Thị Hạnh được bầu làm Phó Chủ tịch HĐND tỉnh khóa XI, nhiệm kỳ 2026–2031.",
            "Chu Thị Hạnh",
            ["Phó Chủ tịch HĐND tỉnh khóa XI, nhiệm kỳ 2026–2031"],
        ),
        (
            "Ông Quản Văn Tùng giữ chức Giám đốc Sở Xây dựng tỉnh Điện Biên.",
            "Quản Văn Tùng",
            ["Giám đốc Sở Xây dựng tỉnh Điện Biên"],
        ),
        (
            "Ông Lữ Thành Công – Bí thư Huyện ủy Tủa Chùa, tỉnh Điện Biên phát biểu.",
            "Lữ Thành Công",
            ["Bí thư Huyện ủy Tủa Chùa, tỉnh Điện Biên"],
        ),
        (
            "Bà Đào Thu Hà, Giám đốc Sở Y tế tỉnh Hà Giang (cũ) nhận nhiệm vụ mới.",
            "Đào Thu Hà",
            ["Giám đốc Sở Y tế tỉnh Hà Giang (cũ)"],
        ),
    ],
)
def test_titles_in_other_positions(text: str, name: str, expected: list[str]) -> None:
    assert titles(text)[name] == expected


def test_after_an_age_a_parenthesis_or_a_pair_of_names_the_titles_still_count() -> None:
    assert titles(
        "Ông Lê Đình Cẩn (60 tuổi), nguyên Chánh Văn phòng Huyện ủy, nay là Chủ tịch Hội Cựu "
        "chiến binh huyện, phát biểu."
    ) == {"Lê Đình Cẩn": ["nguyên Chánh Văn phòng Huyện ủy", "Chủ tịch Hội Cựu chiến binh huyện"]}
    assert titles(
        "Bà Giáp Thị Nụ (Trưởng phòng Nội vụ huyện) được điều động giữ chức Phó Chánh Văn phòng "
        "Huyện ủy."
    ) == {"Giáp Thị Nụ": ["Trưởng phòng Nội vụ huyện", "Phó Chánh Văn phòng Huyện ủy"]}
    assert titles(
        "Ban Thường vụ chỉ định đồng chí Ma Văn Khiêm và đồng chí Bàn Thị Mây giữ chức Phó Bí thư "
        "Huyện ủy Na Hang."
    ) == {
        "Ma Văn Khiêm": ["Phó Bí thư Huyện ủy Na Hang"],
        "Bàn Thị Mây": ["Phó Bí thư Huyện ủy Na Hang"],
    }
    assert titles("Thiếu tá Hà Văn Đức - Chính trị viên Đồn Biên phòng Cô Ba dự.") == {
        "Hà Văn Đức": ["Chính trị viên Đồn Biên phòng Cô Ba"]
    }


def test_group_and_list_titles_give_each_person_their_own() -> None:
    assert titles("Các Phó Chủ tịch UBND tỉnh gồm: ông Mai Đức Hòa, bà Kiều Thu Trang.") == {
        "Mai Đức Hòa": ["Phó Chủ tịch UBND tỉnh"],
        "Kiều Thu Trang": ["Phó Chủ tịch UBND tỉnh"],
    }
    assert titles("Văn phòng có 3 phó chánh văn phòng: Tạ Đức Thọ, Lê Hà My và Ngô Gia Bảo.") == {
        "Tạ Đức Thọ": ["phó chánh văn phòng"],
        "Lê Hà My": ["phó chánh văn phòng"],
        "Ngô Gia Bảo": ["phó chánh văn phòng"],
    }
    found = titles(
        "Dự có các đồng chí: Hoàng Đình Khải, Phó Bí thư Tỉnh ủy; Lục Thị Hằng, Trưởng Ban "
        "Dân vận Tỉnh ủy; Nông Quốc Hưng, Giám đốc Sở Tư pháp."
    )
    assert found == {
        "Hoàng Đình Khải": ["Phó Bí thư Tỉnh ủy"],
        "Lục Thị Hằng": ["Trưởng Ban Dân vận Tỉnh ủy"],
        "Nông Quốc Hưng": ["Giám đốc Sở Tư pháp"],
    }


def test_each_former_post_keeps_nguyen() -> None:
    assert titles(
        "Ông Vương Đình Khang, nguyên Phó Bí thư Tỉnh ủy, nguyên Trưởng Ban Tổ chức Tỉnh ủy "
        "Lào Cai, tặng sách cho thư viện."
    ) == {
        "Vương Đình Khang": [
            "nguyên Phó Bí thư Tỉnh ủy",
            "nguyên Trưởng Ban Tổ chức Tỉnh ủy Lào Cai",
        ]
    }


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn đến thăm phường Lê Chân và đường Trần Khát Chân.",
        "Huyện Văn Chấn và huyện Lục Yên hoàn thành kế hoạch.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Đoàn Giám sát của HĐND tỉnh và Đoàn ĐBQH tỉnh làm việc tại Sở Tài chính.",
        "Trường THCS Chu Văn An đạt chuẩn quốc gia.",
    ],
)
def test_places_delegations_and_historical_names_are_not_persons(text: str) -> None:
    assert titles(text) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Đồng chí Thào Seo Sử, Bí thư Huyện ủy Si Ma Cai phát biểu.", "Thào Seo Sử"),
        ("Đồng chí Ksor H'Bơ Khăp, Phó Chủ tịch HĐND tỉnh dự.", "Ksor H'Bơ Khăp"),
        ("Đồng chí Y Nuê Byă, Phó Bí thư Huyện ủy Lắk phát biểu.", "Y Nuê Byă"),
        ("Tiếp ngài Sok Vannak, Tỉnh trưởng tỉnh Kampot, ông Lâm Hữu Tài cảm ơn.", "Sok Vannak"),
        ("Đoàn do đồng chí Khăm-phăn Xay-nha-vông dẫn đầu.", "Khăm-phăn Xay-nha-vông"),
        ("Thiếu tướng Sần Văn Páo, Phó Tư lệnh Quân khu 1 dự.", "Sần Văn Páo"),
        ("Đồng chí Danh Út, Phó Chủ tịch UBND tỉnh Kiên Giang dự lễ.", "Danh Út"),
    ],
)
def test_names_of_ethnic_minorities_and_foreign_delegations_are_found(text: str, name: str) -> None:
    assert name in titles(text)


def test_the_readers_references_are_its_parsers(db: None) -> None:
    text = (
        "Ban Thường vụ quán triệt Chỉ thị số 35 của Bộ Chính trị, Quy định 142 và Nghị quyết số 7 "
        "và 8-NQ/TU của Tỉnh ủy; thực hiện Nghị quyết 66 — NQ/TW, Quyết định số 72/QĐ/QUTW, "
        "Quyết định số 15-QĐ/ĐU/QUTW và Kết luận số 150-\nKL/TW."
    )
    normalized = normalize(text)
    read = [(d["code"], d["number"], d["raw"]) for d in run(text, None)["documents"]]
    parsed = [(r.symbol, r.number, r.raw) for r in find_refs(normalized)]
    assert read == parsed
    symbols = {r.symbol for r in find_refs(normalized)}
    assert {"7-NQ/TU", "8-NQ/TU", "66-NQ/TW", "72-QĐ/QUTW", "15-QĐ/ĐU/QUTW", "150-KL/TW"} <= symbols
    numbers = {(r.type, r.number) for r in find_refs(normalized) if not r.symbol}
    assert {("Chỉ thị", "35"), ("Quy định", "142")} <= numbers


def test_the_gazetteer_holds_the_provinces_before_and_after_2025() -> None:
    data = gazetteer.DATA
    assert len(data["provinces_2025"]) == 34 and len(set(data["provinces_before_2025"])) == 63
    for place in ("Bình Dương", "Hà Giang", "Thừa Thiên Huế", "Huế", "Đắk Nông"):
        assert place in gazetteer.PROVINCES
    assert "Bộ Nông nghiệp và Môi trường" in gazetteer.ORGANIZATIONS
    assert {"Giàng", "Ksor", "Điểu", "Sầm"} <= gazetteer.SURNAMES


def test_line_breaks_signature_blocks_and_career_paragraphs() -> None:
    assert titles("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy\nLò Minh Thuận phát biểu.") == {
        "Lò Minh Thuận": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]
    }
    # A name at the end of a line is not glued to the title that starts the next one.
    assert set(titles("Sáng nay, đồng chí Âu Văn Hào\nPhó Bí thư Tỉnh ủy phát biểu.")) == {
        "Âu Văn Hào"
    }
    signed = titles("Nơi nhận: như trên.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n(Đã ký)\nTriệu Văn Thọ")
    assert set(signed) == {"Triệu Văn Thọ"}
    assert titles("Trước đó, ông Hàn Minh Đạt từng giữ chức Bí thư Huyện ủy Bảo Yên.") == {
        "Hàn Minh Đạt": []
    }
