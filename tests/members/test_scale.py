"""National scale: the synthetic tree, ``xdd demo --members``, the bulk writer's large-load path
(indexes rebuilt, one audit record, all or nothing), the list's order and search, and a person's
change reaching the member's copies and counts."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from xaydungdang.core.access import AccessDenied
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.demo.members import synthetic
from xaydungdang.demo.members.national import holders, national_tree
from xaydungdang.members import selectors
from xaydungdang.members.models import Member
from xaydungdang.members.services import bulk, imports
from xaydungdang.members.structure import tallies as aggregates
from xaydungdang.members.structure.report import structure_report
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people

D = dt.date


def _indexes() -> set[str]:
    with connection.cursor() as cur:
        found = set()
        for model, _ in bulk.TABLES:
            found |= {name for name, _sql in bulk.Indexes._list(cur, model._meta.db_table)}
    return found


def test_the_national_tree_has_the_levels_and_is_built_once(root: Unit) -> None:
    made = national_tree(scale=0.004, say=lambda _m: None)
    provinces = Unit.objects.filter(parent=root, kind="provincial_committee")
    assert provinces.count() == 34
    assert set(provinces.values_list("name", flat=True)) >= {"Thành ủy Huế", "Tỉnh ủy An Giang"}
    kinds = Counter(Unit.objects.filter(code__startswith="qg-").values_list("kind", flat=True))
    assert kinds["commune_committee"] == 13  # 3,321 × 0.004
    assert (
        kinds["grassroots_cell"] >= 13 * 5 and kinds["subordinate_cell"] > kinds["grassroots_cell"]
    )
    commune = Unit.objects.filter(kind="commune_committee", code__startswith="qg-").first()
    assert commune is not None and commune.name.startswith(("Đảng bộ xã ", "Đảng bộ phường "))
    assert commune.path.startswith(commune.parent.path)  # type: ignore[union-attr]
    count = Unit.objects.count()
    assert [u.pk for u in national_tree(scale=0.004, say=lambda _m: None)] == [u.pk for u in made]
    assert Unit.objects.count() == count and holders(root) == made


def test_demo_members_are_realistic_counted_and_not_duplicated(db: None) -> None:
    out = StringIO()
    call_command("demo", "--members", "300", "--tree-scale", "0.002", stdout=out)
    assert "Đã nhập 300 đảng viên." in out.getvalue()
    members = Member.objects.select_related("person")
    assert members.count() == 300 and not members.exclude(is_demo=True).exists()
    families = Counter(m.person.full_name.split()[0] for m in members)
    assert families.most_common(1)[0][0] == "Nguyễn" and len(families) > 10
    assert all(
        m.birth_date <= m.admission_decision_date - dt.timedelta(days=18 * 365) for m in members
    )
    assert +aggregates.recount() == aggregates.stored()
    nation = Unit.objects.get(code="bchtw")
    report = structure_report(None, nation)
    assert report["total"] == 300 and 70 < report["breakdowns"]["gender"]["Nữ"] < 140
    call_command("demo", "--members", "300", "--tree-scale", "0.002", stdout=StringIO())
    assert Member.objects.count() == 300  # asked for 300: there are 300


@pytest.mark.django_db(transaction=True)
def test_an_exclusive_load_leaves_the_wal_only_for_the_load() -> None:
    def journal() -> str:
        with connection.cursor() as cur:
            cur.execute("PRAGMA journal_mode")
            return str(cur.fetchone()[0]).lower()

    with bulk.exclusive(True) as changed:
        if connection.vendor == "sqlite":
            assert changed and journal() == "truncate"
        else:
            assert not changed
    if connection.vendor == "sqlite":
        assert journal() == "wal"
        with bulk.exclusive(False) as changed:
            assert not changed and journal() == "wal"


def _table(cells: list[str], count: int, seed: int = 5) -> list[tuple[int, list[str]]]:
    return list(synthetic.member_table(random.Random(seed), cells, count, D(2026, 11, 22)))


def test_a_large_load_rebuilds_the_indexes_and_is_audited_once(
    root: Unit, monkeypatch: pytest.MonkeyPatch
) -> None:
    cells = [u.code or "" for u in national_tree(scale=0.002, say=lambda _m: None)]
    monkeypatch.setattr(bulk, "REBUILD_ABOVE", 20)
    before, records = _indexes(), ChangeRecord.objects.filter(object_type="members.member")
    made = imports.import_table(name="lon.csv", table=_table(cells, 60), rows_hint=60,
                                actor=SYSTEM_CLI)  # fmt: skip
    assert made == 60 == Member.objects.count() and _indexes() == before
    record = records.get()
    first, last = record.after["member_ids"]
    assert last - first + 1 == 60 and set(Member.objects.values_list("pk", flat=True)) == set(
        range(first, last + 1)
    )
    assert +aggregates.recount() == aggregates.stored()
    assert Member.objects.filter(events__kind="admission").count() == 60
    # A second large file with bad rows at its end: nothing written, indexes intact. The cells
    # were all read at the start; a ward is not a cell, and a dissolved cell takes nobody.
    ended = org.unit_create(
        spec=org.UnitSpec(
            name="Chi bộ Cũ",
            kind="grassroots_cell",
            parent=Unit.objects.get(code=cells[0]).parent,
            code="cb-cu",
        ),
        valid_from=None,
        actor=SYSTEM_CLI,
    )
    org.unit_dissolve(unit=ended, effective_date=D(2026, 1, 1), actor=SYSTEM_CLI)
    commune = Unit.objects.filter(kind="commune_committee", code__startswith="qg-").first()
    rows = _table(cells, 60, seed=6)  # other members: the first file's would be on file already
    rows[-1][1][2] = "31/02/1990"
    rows[-2][1][14], rows[-3][1][14] = commune.code, "cb-cu"
    with pytest.raises(ValidationError) as caught:
        imports.import_table(name="loi.csv", table=rows, rows_hint=600, actor=SYSTEM_CLI)
    assert caught.value.messages == [
        "Dòng 59: “Chi bộ Cũ” (cb-cu) đã kết thúc hoạt động ngày 01/01/2026.",
        f"Dòng 60: “{commune.name}” ({commune.code}) không phải chi bộ.",
        "Dòng 61: ngày sinh “31/02/1990” không hợp lệ (dd/mm/yyyy).",
    ]
    assert Member.objects.count() == 60 and _indexes() == before and records.count() == 1


@pytest.fixture
def listed(make_unit: Callable[..., Unit]) -> dict[str, Any]:
    province = make_unit("Tỉnh ủy Danh sách", code="tu-ds")
    cells = {}
    for code in ("cb-1", "cb-2"):
        spec = org.UnitSpec(
            name=f"Chi bộ {code}", kind="grassroots_cell", parent=province, code=code
        )
        cells[code] = org.unit_create(spec=spec, valid_from=None, actor=SYSTEM_CLI)
    names = [("Nguyễn Thị Hương", "cb-1"), ("Trần Văn Hưng", "cb-2"), ("Lê Hương", "cb-2"),
             ("Hương Văn An", "cb-1"), ("Phạm Thị Ánh", "cb-1")]  # fmt: skip
    table = [(1, list(imports.COLUMNS))] + [
        (i + 2, [name, "Nữ", "01/01/1980", "", "", "", "", "", "", "01/01/2010", "02/01/2010",
                 "", "", "", cell])
        for i, (name, cell) in enumerate(names)
    ]  # fmt: skip
    imports.import_table(name="ds.csv", table=table, rows_hint=5, actor=SYSTEM_CLI)
    return {"province": province, **cells}


def _names(page: Any) -> list[str]:
    return [m.person.full_name for m in page]


def test_the_list_orders_by_given_name_and_the_search_puts_the_exact_match_first(
    listed: dict[str, Any], superuser: Any
) -> None:
    province = listed["province"]
    page = selectors.member_page(superuser, province, selectors.Filters())
    assert _names(page) == ["Hương Văn An", "Phạm Thị Ánh", "Trần Văn Hưng", "Lê Hương",
                            "Nguyễn Thị Hương"]  # fmt: skip
    assert page.paginator.count == 5
    by_cell = selectors.member_page(superuser, province, selectors.Filters(by_cell=True))
    assert _names(by_cell) == ["Hương Văn An", "Phạm Thị Ánh", "Nguyễn Thị Hương",
                               "Trần Văn Hưng", "Lê Hương"]  # fmt: skip
    found = selectors.member_page(superuser, province, selectors.Filters(query="huong"))
    assert _names(found) == ["Hương Văn An", "Lê Hương", "Nguyễn Thị Hương"]
    exact = selectors.member_page(superuser, province, selectors.Filters(query="le huong"))
    assert _names(exact) == ["Lê Hương"]
    first = selectors.member_page(superuser, province, selectors.Filters(query="Hương Văn An"))
    assert _names(first)[0] == "Hương Văn An"
    cell = selectors.member_page(superuser, listed["cb-2"], selectors.Filters(query="HUNG"))
    assert _names(cell) == ["Trần Văn Hưng"] and cell.paginator.count == 1
    probationary = selectors.Filters(kind="probationary")
    assert selectors.member_page(superuser, province, probationary).paginator.count == 5
    assert (
        selectors.member_page(superuser, province, selectors.Filters(kind="full")).paginator.count
        == 0
    )


def test_a_search_ranks_the_exact_name_first_and_says_when_it_stopped(
    listed: dict[str, Any], superuser: Any, monkeypatch: pytest.MonkeyPatch, client: Any
) -> None:
    row = ["Lê Hương Giang", "Nữ", "01/01/1980", "", "", "", "", "", "", "01/01/2010",
           "02/01/2010", "", "", "", "cb-1"]  # fmt: skip
    imports.import_table(name="them.csv", table=[(1, list(imports.COLUMNS)), (2, row)],
                         rows_hint=1, actor=SYSTEM_CLI)  # fmt: skip
    province = listed["province"]
    found = selectors.member_page(superuser, province, selectors.Filters(query="le huong"))
    assert _names(found) == ["Lê Hương", "Lê Hương Giang"]  # by given name Giang comes first
    assert not found.paginator.object_list.capped
    monkeypatch.setattr(selectors, "CAP", 2)
    capped = selectors.member_page(superuser, province, selectors.Filters(query="h"))
    assert capped.paginator.object_list.capped and capped.paginator.count <= 4
    client.force_login(superuser)
    page = client.get(f"/dang-vien/don-vi/{province.pk}/", {"q": "h"}).content.decode()
    assert "đảng viên đầu tiên theo tên (còn nữa" in page


def test_a_change_of_the_person_reaches_the_member(listed: dict[str, Any]) -> None:
    member = Member.objects.select_related("person").get(person__full_name="Lê Hương")
    people.person_update(person=member.person, full_name="Lê Thị Hường", gender="male",
                         actor=SYSTEM_CLI)  # fmt: skip
    member.refresh_from_db()
    assert (member.folded_name, member.given_key) == ("le thi huong", "huong le thi huong")
    assert +aggregates.recount() == aggregates.stored()
    report = structure_report(None, listed["province"])
    assert report["breakdowns"]["gender"] == {"Nam": 1, "Nữ": 4}


def test_the_bulk_tree_service_checks_before_writing(
    root: Unit, scoped_user: Any, make_unit: Callable[..., Unit]
) -> None:
    count = Unit.objects.count()
    node = org.Node
    with pytest.raises(ValidationError, match="xuất hiện hai lần"):
        org.units_bulk_create(nodes=[node("a", "A", "commune_committee", root),
                                     node("a", "B", "commune_committee", root)],
                              valid_from=None, actor=SYSTEM_CLI)  # fmt: skip
    with pytest.raises(ValidationError, match="chưa có"):
        org.units_bulk_create(nodes=[node("b", "B", "subordinate_cell", "khong-co")],
                              valid_from=None, actor=SYSTEM_CLI)  # fmt: skip
    with pytest.raises(ValidationError, match="Trùng tên"):
        org.units_bulk_create(nodes=[node("c", "Chi bộ 1", "subordinate_cell", root),
                                     node("d", "Chi bộ 1", "subordinate_cell", root)],
                              valid_from=None, actor=SYSTEM_CLI)  # fmt: skip
    outsider = scoped_user("ngoai", make_unit("Tỉnh ủy Ngoài"))
    with pytest.raises(AccessDenied):
        org.units_bulk_create(nodes=[node("e", "E", "commune_committee", root)],
                              valid_from=None, actor=outsider)  # fmt: skip
    assert Unit.objects.count() == count + 1  # only the outsider's own unit
