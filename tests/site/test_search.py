"""Search ignores diacritics (đ→d too) and ranks exact matches first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth import get_user_model

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.site.search import match_rank, search


def test_match_rank_tiers() -> None:
    assert match_rank("Hòa", ["Hòa"]) == 0
    assert match_rank("hoa", ["Hòa"]) == 1
    assert match_rank("Hòa Bình", ["Hòa Bình Xanh"]) == 2
    assert match_rank("hoa binh", ["Hòa Bình Xanh"]) == 4
    assert match_rank("binh", ["Hòa Bình Xanh"]) == 5


def test_search_without_diacritics_finds_the_person(demo: dict[str, Unit]) -> None:
    admin = get_user_model().objects.get(username="btctw")
    hits = search(admin, "pham minh chinh")
    assert hits[0].label == "Phạm Minh Chính" and hits[0].kind == "person"
    assert search(admin, "dinh la thang")[0].label == "Đinh La Thăng"
    assert search(admin, "ĐINH LA")[0].label == "Đinh La Thăng"


def test_search_units_by_alias(demo: dict[str, Unit]) -> None:
    admin = get_user_model().objects.get(username="btctw")
    for query in ("TPHCM", "tp.hcm", "Thành phố Hồ Chí Minh", "thanh pho ho chi minh"):
        assert search(admin, query)[0].label == "Thành ủy Thành phố Hồ Chí Minh", query


def test_exact_match_ranks_first(make_unit: Callable[..., Unit], superuser: object) -> None:
    unit = make_unit("Đảng bộ xã Hòa Bình", kind="commune_committee")
    for name in ("Lê Văn Hoa", "Lê Văn Hòa", "Lê Văn Hóa", "Lê Văn Hoà Bình"):
        people.person_create(full_name=name, managing_unit=unit, actor=SYSTEM_CLI)
    assert search(superuser, "Lê Văn Hòa")[0].label == "Lê Văn Hòa"
    assert search(superuser, "Lê Văn Hóa")[0].label == "Lê Văn Hóa"
    assert search(superuser, "le van hoa")[0].label == "Lê Văn Hoa"
    assert {h.label for h in search(superuser, "le van hoa")} >= {"Lê Văn Hòa", "Lê Văn Hóa"}


def test_empty_and_odd_queries(demo: dict[str, Unit], client_for: Callable[..., object]) -> None:
    client = client_for("btctw")
    for q in ("", "   ", "%", "_", "' OR 1=1 --", "a" * 500, "\x00"):
        assert client.get("/tim-kiem/", {"q": q}).status_code == 200  # type: ignore[attr-defined]


def test_bad_dates_in_query_strings_do_not_break_pages(
    demo: dict[str, Unit], client_for: Callable[..., object]
) -> None:
    client = client_for("btctw")
    unit = demo["tu-hcm"]
    for day in ("32/13/2020", "abc", "2020-02-30"):
        page = client.get("/don-vi/", {"ngay": day})  # type: ignore[attr-defined]
        assert page.status_code == 200 and "không hợp lệ" in page.content.decode()
        page = client.get(f"/don-vi/{unit.pk}/", {"vao_ngay": day})  # type: ignore[attr-defined]
        assert page.status_code == 200 and "không hợp lệ" in page.content.decode()
    page = client.get(f"/don-vi/{unit.pk}/", {"vao_ngay": "20/08/2016"})  # type: ignore[attr-defined]
    assert "Đinh La Thăng" in page.content.decode()
    assert dt.date(2016, 8, 20)


def test_oversized_ids_answer_404_not_500(
    demo: dict[str, Unit], client_for: Callable[..., object]
) -> None:
    client = client_for("btctw")
    huge = "9" * 30
    for url in (
        f"/don-vi/{huge}/",
        f"/ca-nhan/{huge}/",
        f"/lich-su/unit/{huge}/",
        f"/ca-nhan/qua-trinh/{huge}/sua/",
    ):
        assert client.get(url).status_code == 404, url  # type: ignore[attr-defined]
    assert client.get("/don-vi/", {"goc": huge}).status_code == 404  # type: ignore[attr-defined]
    unit = demo["tu-hcm"]
    page = client.get(f"/don-vi/{unit.pk}/", {"vao_ngay": "01/01/2020", "chuc_danh": huge})  # type: ignore[attr-defined]
    assert page.status_code == 200


def test_documents_are_found_by_their_symbol_however_it_is_typed(demo: dict[str, Unit]) -> None:
    staff = get_user_model().objects.get(username="hanoi")  # a central resolution: public record
    for query in ("18-NQ/TW", "18/NQ-TW", "nq 18", "NQ 18", "18 nq tw"):
        hits = search(staff, query)
        assert hits and hits[0].kind == "document", query
        assert hits[0].label.startswith("Nghị quyết 18-NQ/TW"), (query, hits[0].label)


def test_the_unit_itself_ranks_before_the_bodies_inside_it(demo: dict[str, Unit]) -> None:
    staff = get_user_model().objects.get(username="btctw")
    units = [h.label for h in search(staff, "thanh uy ha noi") if h.kind == "unit"]
    assert units[0] == "Thành ủy Hà Nội"
    assert len(units) > 1  # the boards and committees inside it come after
