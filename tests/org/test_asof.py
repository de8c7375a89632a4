"""The tree as of a date, across the 2025 merger and the end of the district level."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org import selectors
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.org.selectors import TreeNode

D = dt.date


def tree_as_of(user: object, day: dt.date) -> list[TreeNode]:
    """The whole tree, every level opened as a reader would, in tree order."""
    top = selectors.tree_as_of(user, day)
    level = [n for n in selectors.tree_flat(top) if n.depth == 1]
    while level:
        kids = selectors.tree_children(user, day, [n.unit_id for n in level if n.child_count], 0)
        for node in level:
            node.children = [k for k in kids if k.parent_id == node.unit_id]
            for k in node.children:
                k.depth = node.depth + 1
        level = [k for n in level for k in n.children or []]
    return selectors.tree_flat(top)


def names(nodes: list) -> list[str]:
    return [n.name for n in nodes]


def test_tree_before_and_after_the_2025_merger(demo: dict[str, Unit]) -> None:
    admin = get_user_model().objects.get(username="quantri")
    before = tree_as_of(admin, D(2025, 6, 30))
    after = tree_as_of(admin, D(2025, 7, 1))
    for gone in (
        "Tỉnh ủy Bình Dương",
        "Tỉnh ủy Bà Rịa - Vũng Tàu",
        "Quận ủy Quận 1",
        "Ban Tổ chức Tỉnh ủy Bình Dương",
    ):
        assert gone in names(before) and gone not in names(after)
    assert "Đảng ủy phường Sài Gòn" in names(after) and "Đảng ủy phường Sài Gòn" not in names(
        before
    )
    assert "Thành ủy Thành phố Hồ Chí Minh" in names(
        before
    ) and "Thành ủy Thành phố Hồ Chí Minh" in names(after)


def test_tree_order_and_depth(demo: dict[str, Unit]) -> None:
    admin = get_user_model().objects.get(username="quantri")
    nodes = tree_as_of(admin, D(2019, 1, 29))
    by_name = {n.name: n for n in nodes}
    assert by_name["Ban Chấp hành Trung ương Đảng"].depth == 0
    assert by_name["Bộ Chính trị"].depth == 1 and by_name["Ban Tổ chức Thành ủy Hà Nội"].depth == 2
    central = names(nodes)
    assert (
        central.index("Bộ Chính trị")
        < central.index("Ban Bí thư")
        < central.index("Thành ủy Hà Nội")
    )


def test_as_of_uses_the_name_and_parent_of_the_day(demo: dict[str, Unit]) -> None:
    admin = get_user_model().objects.get(username="quantri")
    board = demo["btc-hn"]
    org.unit_rename(
        unit=board,
        name="Ban Tổ chức Thành ủy thành phố Hà Nội",
        effective_date=D(2026, 3, 1),
        actor=SYSTEM_CLI,
    )
    assert "Ban Tổ chức Thành ủy Hà Nội" in names(tree_as_of(admin, D(2026, 2, 28)))
    assert "Ban Tổ chức Thành ủy thành phố Hà Nội" in names(tree_as_of(admin, D(2026, 3, 1)))


def test_scoped_tree_shows_only_the_subtree(demo: dict[str, Unit]) -> None:
    hanoi = get_user_model().objects.get(username="hanoi")
    visible = names(tree_as_of(hanoi, D(2019, 1, 29)))
    assert visible[0] == "Thành ủy Hà Nội"
    assert "Thành ủy Thành phố Hồ Chí Minh" not in visible and "Bộ Chính trị" not in visible


def test_merged_units_history_stays_with_the_successor(demo: dict[str, Unit]) -> None:
    hcm = get_user_model().objects.get(username="hcm")
    past = names(tree_as_of(hcm, D(2020, 1, 1)))
    assert "Tỉnh ủy Bình Dương" in past, "HCMC staff keep access to merged predecessors' history"
