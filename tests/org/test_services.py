"""Org services: every dated change, bad input rejected in Vietnamese with nothing changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from xaydungdang.core.access import AccessDenied
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import BusinessEvent, ChangeRecord
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit, UnitEvent, UnitVersion

D = dt.date
MakeUnit = Callable[..., Unit]


def counts() -> tuple[int, int, int, int, int]:
    return (
        Unit.objects.count(),
        UnitVersion.objects.count(),
        UnitEvent.objects.count(),
        ChangeRecord.objects.count(),
        BusinessEvent.objects.count(),
    )


def rejected(call: Callable[[], object], fragment: str) -> None:
    """The call fails with a Vietnamese message containing ``fragment`` and writes nothing."""
    before = counts()
    with pytest.raises(ValidationError) as err:
        call()
    assert fragment in " ".join(err.value.messages)
    assert counts() == before


def test_create_files_the_unit_under_its_parent(make_unit: MakeUnit, root: Unit) -> None:
    hn = make_unit("Thành ủy Hà Nội", aliases=["Hà Nội", "Thành phố Hà Nội"])
    board = make_unit("Ban Tổ chức Thành ủy Hà Nội", parent=hn, kind="advisory_board")
    assert board.path.startswith(hn.path) and hn.path.startswith(root.path)
    assert len(board.path) == len(root.path) + 12
    assert "ha noi" in hn.search_text and "thanh pho ha noi" in hn.search_text
    assert hn.versions.get().name == "Thành ủy Hà Nội"


def test_create_rejects_bad_input(make_unit: MakeUnit, root: Unit) -> None:
    make_unit("Thành ủy Hà Nội")
    rejected(lambda: make_unit("   "), "không được để trống")
    rejected(lambda: make_unit("Thành ủy Hà Nội"), "Đã có đơn vị")
    rejected(lambda: make_unit("X", kind="không-có"), "không hợp lệ")
    hn2 = make_unit("Thành ủy Hải Phòng")
    org.unit_dissolve(unit=hn2, effective_date=D(2010, 1, 1), actor=SYSTEM_CLI)
    rejected(
        lambda: make_unit("Ban X", parent=hn2, valid_from=D(2012, 1, 1)),
        "không hoạt động vào ngày 01/01/2012",
    )


def test_name_is_normalized_on_the_way_in(make_unit: MakeUnit) -> None:
    unit = make_unit("  Uỷ ban   Kiểm tra  ", kind="inspection_commission")
    assert unit.name == "Ủy ban Kiểm tra"


def test_rename_keeps_the_old_name_in_history(make_unit: MakeUnit) -> None:
    unit = make_unit("Ban Kinh tế Trung ương", kind="advisory_board")
    org.unit_rename(
        unit=unit,
        name="Ban Chính sách, chiến lược Trung ương",
        effective_date=D(2025, 2, 1),
        actor=SYSTEM_CLI,
    )
    names = list(unit.versions.order_by("valid_from").values_list("name", "valid_to"))
    assert names == [
        ("Ban Kinh tế Trung ương", D(2025, 2, 1)),
        ("Ban Chính sách, chiến lược Trung ương", None),
    ]
    rejected(
        lambda: org.unit_rename(
            unit=unit, name="Ban Mới", effective_date=D(2025, 1, 1), actor=SYSTEM_CLI
        ),
        "Ngày hiệu lực phải sau 01/02/2025",
    )
    rejected(
        lambda: org.unit_rename(
            unit=unit, name=unit.name, effective_date=D(2026, 1, 1), actor=SYSTEM_CLI
        ),
        "trùng với tên hiện tại",
    )


def test_reparent_moves_the_subtree(make_unit: MakeUnit) -> None:
    a, b = make_unit("Đảng bộ A"), make_unit("Đảng bộ B")
    cell = make_unit("Chi bộ 1", parent=a, kind="grassroots_cell")
    org.unit_reparent(unit=cell, new_parent=b, effective_date=D(2020, 1, 1), actor=SYSTEM_CLI)
    cell.refresh_from_db()
    assert cell.parent == b and cell.path.startswith(b.path)
    assert list(cell.versions.values_list("parent__name", flat=True)) == ["Đảng bộ A", "Đảng bộ B"]
    rejected(
        lambda: org.unit_reparent(
            unit=b, new_parent=cell, effective_date=D(2021, 1, 1), actor=SYSTEM_CLI
        ),
        "cấp dưới của nó",
    )


def test_merge_into_a_new_unit_ends_the_predecessors(make_unit: MakeUnit, root: Unit) -> None:
    tg = make_unit("Ban Tuyên giáo Trung ương", kind="advisory_board")
    dv = make_unit("Ban Dân vận Trung ương", kind="advisory_board")
    sub = make_unit("Vụ Tuyên truyền", parent=tg, kind="advisory_board")
    new = org.units_merge(
        units=[tg, dv],
        effective_date=D(2025, 3, 1),
        actor=SYSTEM_CLI,
        new_unit=org.UnitSpec(
            name="Ban Tuyên giáo và Dân vận Trung ương", kind="advisory_board", parent=root
        ),
    )
    tg.refresh_from_db()
    dv.refresh_from_db()
    sub.refresh_from_db()
    assert tg.valid_to == dv.valid_to == D(2025, 3, 1) and new.valid_from == D(2025, 3, 1)
    assert sub.parent == new and sub.valid_to is None
    assert tg.path.startswith(new.path), "ended predecessors are filed under the successor"
    event = UnitEvent.objects.get(kind="merge")
    roles = sorted((link.role, link.unit.name) for link in event.links.all())
    assert roles[-1] == ("successor", "Ban Tuyên giáo và Dân vận Trung ương")
    assert [r for r, _ in roles].count("predecessor") == 2


def test_merge_rejects_bad_input(make_unit: MakeUnit) -> None:
    a, b = make_unit("Tỉnh ủy A"), make_unit("Tỉnh ủy B")
    make_unit("Ban Tổ chức", parent=a, kind="advisory_board")
    make_unit("Ban Tổ chức", parent=b, kind="advisory_board")
    rejected(
        lambda: org.units_merge(
            units=[a], successor=a, effective_date=D(2025, 7, 1), actor=SYSTEM_CLI
        ),
        "ít nhất hai",
    )
    rejected(
        lambda: org.units_merge(units=[a, b], effective_date=D(2025, 7, 1), actor=SYSTEM_CLI),
        "đúng một đơn vị kế thừa",
    )
    rejected(
        lambda: org.units_merge(
            units=[a, b], successor=a, effective_date=D(2025, 7, 1), actor=SYSTEM_CLI
        ),
        "trùng tên",
    )


def test_split_into_new_units(make_unit: MakeUnit) -> None:
    big = make_unit("Đảng bộ Lớn")
    cell = make_unit("Chi bộ 5", parent=big, kind="subordinate_cell")
    parts = [
        org.UnitSpec(name="Đảng bộ Bắc", kind="provincial_committee"),
        org.UnitSpec(name="Đảng bộ Nam", kind="provincial_committee"),
    ]
    north, south = org.unit_split(
        unit=big, parts=parts, effective_date=D(2008, 8, 1), actor=SYSTEM_CLI
    )
    big.refresh_from_db()
    cell.refresh_from_db()
    assert big.valid_to == D(2008, 8, 1) and cell.parent == north
    assert north.parent_id == big.parent_id and south.valid_from == D(2008, 8, 1)
    rejected(
        lambda: org.unit_split(
            unit=north,
            parts=[org.UnitSpec(name="X", kind="grassroots_cell")],
            effective_date=D(2009, 1, 1),
            actor=SYSTEM_CLI,
        ),
        "ít nhất hai",
    )


def test_dissolve_refuses_while_sub_units_are_active(make_unit: MakeUnit) -> None:
    unit = make_unit("Đảng bộ Khối")
    make_unit("Chi bộ 1", parent=unit, kind="subordinate_cell")
    rejected(
        lambda: org.unit_dissolve(unit=unit, effective_date=D(2025, 1, 24), actor=SYSTEM_CLI),
        "còn 1 đơn vị trực thuộc",
    )


def test_units_are_never_deleted(make_unit: MakeUnit) -> None:
    unit = make_unit("Đảng bộ C")
    org.unit_dissolve(unit=unit, effective_date=D(2020, 1, 1), actor=SYSTEM_CLI)
    assert Unit.objects.filter(pk=unit.pk, valid_to=D(2020, 1, 1)).exists()


def test_database_rejects_inverted_validity(make_unit: MakeUnit) -> None:
    unit = make_unit("Đảng bộ D")
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.filter(pk=unit.pk).update(valid_to=D(1999, 1, 1))


def test_scoped_user_cannot_change_outside_subtree(
    make_unit: MakeUnit, scoped_user: Callable[..., object]
) -> None:
    hn, hcm = make_unit("Thành ủy Hà Nội"), make_unit("Thành ủy TP.HCM")
    user = scoped_user("hn", hn)
    org.unit_create(
        spec=org.UnitSpec(name="Ban Tổ chức", kind="advisory_board", parent=hn),
        valid_from=None,
        actor=user,
    )
    before = counts()
    with pytest.raises(AccessDenied):
        org.unit_create(
            spec=org.UnitSpec(name="Ban Tổ chức", kind="advisory_board", parent=hcm),
            valid_from=None,
            actor=user,
        )
    with pytest.raises(AccessDenied):
        org.unit_rename(unit=hcm, name="Khác", effective_date=D(2024, 1, 1), actor=user)
    assert counts() == before
