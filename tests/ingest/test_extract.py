"""Extraction rules, each shown on Vietnamese sentences written for the tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from xaydungdang.ingest import extract
from xaydungdang.ingest.normalize import article_date, normalize
from xaydungdang.ingest.pipeline import run
from xaydungdang.org.models import Unit


def titles(text: str) -> dict[str, list[str]]:
    return {p.name: p.positions for p in extract.find_persons(text)}


def test_titles_before_the_name_belong_to_one_person() -> None:
    text = (
        "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương "
        "Lê Minh An phát biểu."
    )
    assert titles(text) == {
        "Lê Minh An": [
            "Ủy viên Bộ Chính trị",
            "Bí thư Trung ương Đảng",
            "Trưởng Ban Tổ chức Trung ương",
        ]
    }


def test_titles_after_the_name_with_commas_or_a_dash() -> None:
    assert titles(
        "Hội nghị có đồng chí Trần Thị Bích, Ủy viên Trung ương Đảng, Phó Bí thư "
        "Thường trực Tỉnh ủy Nghệ An; đồng chí Hồ Văn Sơn."
    ) == {
        "Trần Thị Bích": ["Ủy viên Trung ương Đảng", "Phó Bí thư Thường trực Tỉnh ủy Nghệ An"],
        "Hồ Văn Sơn": [],
    }
    assert titles("Đồng chí Võ Văn Thưởng - Ủy viên Bộ Chính trị chủ trì.") == {
        "Võ Văn Thưởng": ["Ủy viên Bộ Chính trị"]
    }


def test_a_title_is_cut_before_the_verb() -> None:
    assert titles("Đồng chí Đỗ Quang Minh, Trưởng Đoàn khảo sát chủ trì cuộc làm việc.") == {
        "Đỗ Quang Minh": ["Trưởng Đoàn khảo sát"]
    }


def test_former_titles_keep_their_mark() -> None:
    assert titles("Ông Phạm Văn Sáu, nguyên Bí thư Tỉnh ủy Lào Cai dự lễ.") == {
        "Phạm Văn Sáu": ["nguyên Bí thư Tỉnh ủy Lào Cai"]
    }


def test_after_cua_two_posts_name_two_people() -> None:
    text = (
        "Tiếp thu ý kiến chỉ đạo của Trưởng Ban Tổ chức Trung ương, Bí thư Thành ủy Hà Nội "
        "Hoàng Trung Hải khẳng định quyết tâm."
    )
    assert titles(text) == {"Hoàng Trung Hải": ["Bí thư Thành ủy Hà Nội"]}


def test_and_separates_people() -> None:
    text = (
        "Trưởng Ban Tổ chức Trung ương Lê Minh An và Bí thư Tỉnh ủy Quảng Ninh "
        "Nguyễn Xuân Ký chủ trì."
    )
    assert titles(text) == {
        "Lê Minh An": ["Trưởng Ban Tổ chức Trung ương"],
        "Nguyễn Xuân Ký": ["Bí thư Tỉnh ủy Quảng Ninh"],
    }


def test_bylines_and_photo_credits_are_not_persons() -> None:
    text = normalize("Bí thư Tỉnh ủy Lê Văn Tâm phát biểu. (Ảnh: Nguyễn Hùng)\n\nTrần Minh")
    assert set(titles(text)) == {"Lê Văn Tâm"}


def test_places_are_not_persons_nor_is_ho_chi_minh_as_a_historical_reference() -> None:
    assert titles("Đoàn công tác làm việc tại Hà Nội và Thành phố Hồ Chí Minh.") == {}
    # President Hồ Chí Minh is cited, not reported on: no record of today's officials.
    assert titles("Học tập tư tưởng của Chủ tịch Hồ Chí Minh.") == {}


def test_dates_take_the_year_from_the_article_and_fractions_are_figures() -> None:
    text = "Chiều 29/1, hai cơ quan sơ kết; đã hoàn thành 7/10 nội dung, còn 3 nội dung."
    dates = extract.find_dates(text, dt.date(2019, 1, 30))
    assert [(d["raw"], d["iso"]) for d in dates] == [("29/1", "2019-01-29")]
    assert [(f["raw"], f["value"], f["of"], f["noun"]) for f in extract.find_figures(text)] == [
        ("7/10 nội dung", 7, 10, "nội dung"),
        ("3 nội dung", 3, None, "nội dung"),
    ]
    late = extract.find_dates("Hội nghị ngày 23/12 đã tổng kết.", dt.date(2023, 1, 30))
    assert late[0]["iso"] == "2022-12-23"


def test_years_in_dates_are_not_figures() -> None:
    text = "Thứ Hai, ngày 30 tháng 1 năm 2023; sau 5 năm thực hiện"
    start = text.index("5 năm")
    assert extract.find_figures(text) == [
        {"raw": "5 năm", "value": 5, "of": None, "noun": "năm", "span": [start, start + 5]}
    ]


def test_normalization_drops_boilerplate_and_finds_the_date() -> None:
    raw = (
        "Thứ Năm, 21/6/2018\nTiêu đề\n4/3/2017 21:16' Gửi bài này In bài này\nNội dung.\n"
        "Ảnh A Ảnh A\nÝ kiến bạn đọc\nTin khác\nHoà bình"
    )
    text = normalize(raw)
    assert "Ý kiến bạn đọc" not in text and "Tin khác" not in text
    assert "Ảnh A" in text and "Ảnh A Ảnh A" not in text and "Hòa bình" in text
    assert article_date(raw) == dt.date(2017, 3, 4)


def test_event_type_and_chairs(db: None) -> None:
    result = run(
        "Ngày 20/8, hai bên ký kết chương trình phối hợp. Bí thư Tỉnh ủy Lê Văn Tâm "
        "chủ trì buổi làm việc.",
        dt.date(2020, 8, 21),
    )
    assert result["event_type"] == "signing"
    assert result["events"][0]["chairs"] == ["Lê Văn Tâm"]
    assert result["events"][0]["date"] == "2020-08-20"


def test_units_resolve_as_of_the_article_date(demo: dict[str, Unit]) -> None:
    text = "Ban Thường vụ Thành ủy TPHCM và Tỉnh ủy Bình Dương làm việc với Ban Tổ chức TW."
    before = {o["name"]: o["unit_id"] for o in run(text, dt.date(2020, 1, 1))["organizations"]}
    after = {o["name"]: o["unit_id"] for o in run(text, dt.date(2025, 8, 1))["organizations"]}
    assert before["Ban Thường vụ Thành ủy TPHCM"] == demo["btv-hcm"].pk
    assert before["Ban Tổ chức TW"] == demo["btctw"].pk
    assert before["Tỉnh ủy Bình Dương"] == demo["tu-bd"].pk
    assert "Tỉnh ủy Bình Dương" not in after or after["Tỉnh ủy Bình Dương"] is None


def test_documents_come_through_the_reference_parser(db: None) -> None:
    result = run(
        "Thực hiện Nghị quyết 23 của Ban Chấp hành Trung ương Đảng khóa IX và "
        "Kết luận số 14-KL/TW ngày 22/9/2021.",
        dt.date(2022, 1, 1),
    )
    assert [(d["type"], d["code"], d["term"]) for d in result["documents"]] == [
        ("Nghị quyết", None, "IX"),
        ("Kết luận", "14-KL/TW", None),
    ]


def test_extract_command_prints_the_contract(
    tmp_path: Path, db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "bai.txt"
    article.write_text(
        "Chiều 29/1, Bí thư Tỉnh ủy Lê Văn Tâm chủ trì hội nghị sơ kết; hoàn thành 7/10 nội dung.",
        encoding="utf-8",
    )
    call_command("extract", str(article), "--date", "2019-01-30")
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {
        "persons",
        "organizations",
        "documents",
        "dates",
        "figures",
        "event_type",
        "events",
    }
    assert data["persons"][0]["name"] == "Lê Văn Tâm" and data["dates"][0]["iso"] == "2019-01-29"
    assert data["figures"][0]["of"] == 10 and data["event_type"] == "review_conference"


def test_evaluate_command_scores_a_set(
    tmp_path: Path, db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = {
        "text": "Bí thư Tỉnh ủy Lê Văn Tâm và Phó Bí thư Tỉnh ủy Hà Minh Đức dự.",
        "persons": [
            {"name": "Lê Văn Tâm", "positions": ["Bí thư Tỉnh ủy"]},
            {"name": "Trần Văn Lạ", "positions": []},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("evaluate-extraction", str(path))
    rows = {r["kind"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows["persons"]["precision"] == 0.5 and rows["persons"]["recall"] == 0.5
    assert rows["person_titles"]["precision"] == 0.5 and rows["person_titles"]["recall"] == 1.0
    assert rows["documents"]["f1"] is None


def test_a_group_title_applies_to_every_name_in_its_list() -> None:
    text = (
        "Dự hội nghị có các đồng chí Phó Bí thư Tỉnh ủy Thanh Hóa: Lại Thế Nguyên, "
        "Trịnh Tuấn Sinh và Đỗ Minh Tuấn."
    )
    assert titles(text) == {
        "Lại Thế Nguyên": ["Phó Bí thư Tỉnh ủy Thanh Hóa"],
        "Trịnh Tuấn Sinh": ["Phó Bí thư Tỉnh ủy Thanh Hóa"],
        "Đỗ Minh Tuấn": ["Phó Bí thư Tỉnh ủy Thanh Hóa"],
    }


def test_a_plain_list_of_names_gets_no_group_title() -> None:
    text = "Tham dự có đồng chí Lại Thế Nguyên, Trịnh Tuấn Sinh và Đỗ Minh Tuấn."
    assert titles(text) == {"Lại Thế Nguyên": [], "Trịnh Tuấn Sinh": [], "Đỗ Minh Tuấn": []}


def test_a_title_ends_at_the_first_word_that_cannot_belong_to_it() -> None:
    text = (
        "Đồng chí Hà Văn Lực, Phó Trưởng Ban Thường trực Ban Tổ chức Tỉnh ủy công bố quyết "
        "định bổ nhiệm đồng chí Lục Thị Mai."
    )
    assert titles(text) == {
        "Hà Văn Lực": ["Phó Trưởng Ban Thường trực Ban Tổ chức Tỉnh ủy"],
        "Lục Thị Mai": [],
    }


def test_alternate_member_and_a_title_after_do() -> None:
    assert titles(
        "Ông Lò Văn Pấng, Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy "
        "Điện Biên trao quà."
    ) == {
        "Lò Văn Pấng": [
            "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng",
            "Bí thư Tỉnh ủy Điện Biên",
        ]
    }
    assert titles("Đoàn công tác do Tổng Bí thư, Chủ tịch nước Mạc Đăng Khoa dẫn đầu.") == {
        "Mạc Đăng Khoa": ["Tổng Bí thư", "Chủ tịch nước"]
    }


def test_provinces_and_communes_are_not_persons() -> None:
    text = (
        "Tỉnh Thái Nguyên khen thưởng ông Đỗ Văn Hòa, Bí thư Đảng ủy xã Hồng Thái Tây, "
        "và Ksor Phước Hà."
    )
    assert set(titles(text)) == {"Đỗ Văn Hòa", "Ksor Phước Hà"}


def test_dates_in_words_and_law_symbols_of_the_standing_committee() -> None:
    dates = extract.find_dates("Thứ Bảy, ngày 12 tháng 7 năm 2025. Chiều 11 tháng 7,", None)
    assert [d["iso"] for d in dates] == ["2025-07-12", None]
    dated = extract.find_dates("Chiều 11 tháng 7, hội nghị", dt.date(2025, 7, 12))
    assert dated[0]["iso"] == "2025-07-11"
    (ref,) = extract.documents("theo Nghị quyết số 35/2023/UBTVQH15 của Ủy ban Thường vụ")
    assert (ref["type"], ref["code"]) == ("Nghị quyết", "35/2023/UBTVQH15")


def test_the_event_kind_comes_from_the_title_line_first() -> None:
    text = "Trao Huân chương Lao động cho Ban Tổ chức\nHội nghị tổng kết công tác năm 2018."
    assert extract.event_type(text) == "award_ceremony"
    assert extract.event_type("Chiều 11/7, hội nghị triển khai quyết định.") == "conference"


@pytest.mark.parametrize("name", ["unseen-1.jsonl", "unseen-2.jsonl"])
def test_scores_on_the_annotated_sets_stay_above_the_goals(
    name: str, demo: dict[str, Unit]
) -> None:
    """A regression guard: both sets were scored blind first (bench/RESULTS.md), then the rules
    were corrected on their errors, so these are no longer unseen."""
    from xaydungdang.ingest.evaluate import evaluate

    scores = evaluate(Path(__file__).resolve().parents[2] / "bench" / "ingest" / name)
    assert scores["persons"]["f1"] >= 0.95  # type: ignore[operator]
    assert scores["person_titles"]["f1"] >= 0.85  # type: ignore[operator]
    assert scores["documents"]["f1"] >= 0.95  # type: ignore[operator]
