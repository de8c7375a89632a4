"""The tree page stays small however big the tree: it opens one level below its top, and the
fragment of a node holds only that node's direct children within the reader's scope."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from xaydungdang.demo.members.national import national_tree
from xaydungdang.org.models import Unit, UnitVersion

PAGE_LIMIT = 100_000  # bytes, the bound that holds for the national tree of 288,000 units
LI = re.compile(r"<li[ >]")


@pytest.fixture
def big_tree(demo: dict[str, Unit]) -> dict[str, Unit]:
    national_tree(scale=0.01, say=lambda _: None)  # about 3,000 units under the 34 provinces
    return demo


def _child_ids(body: str) -> set[int]:
    """The units a fragment lists at its top level (each item opens with a unit link)."""
    return {int(m) for m in re.findall(r"<li><(?:details[^>]*><summary|span class=\"leaf\")><a "
                                       r"href=\"/don-vi/(\d+)/\"", body)}  # fmt: skip


def test_national_page_is_small_and_collapsed(
    big_tree: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    assert Unit.objects.count() > 2500
    response = client_for("btctw").get("/don-vi/")
    body = response.content.decode()
    assert response.status_code == 200 and len(response.content) < PAGE_LIMIT
    root = big_tree["bchtw"]
    top = UnitVersion.objects.filter(parent=root, valid_to__isnull=True).count()
    assert len(LI.findall(body)) <= 1 + top + top  # the root, its children, their placeholders
    assert "Thành ủy Hà Nội" in body and "Tỉnh ủy Lai Châu" in body
    assert "Chi bộ xóm 1" not in body and "Đảng bộ xã" not in body
    lai_chau = Unit.objects.get(name="Tỉnh ủy Lai Châu")
    communes = UnitVersion.objects.filter(parent=lai_chau).count()
    assert f"{communes} trực thuộc" in body  # the count of children without loading them
    assert f'hx-get="{reverse("org:children", args=[lai_chau.pk])}?ngay=' in body


def test_fragment_lists_direct_children_only(
    big_tree: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    lai_chau = Unit.objects.get(name="Tỉnh ủy Lai Châu")
    response = client_for("btctw").get(reverse("org:children", args=[lai_chau.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    direct = set(Unit.objects.filter(parent=lai_chau).values_list("pk", flat=True))
    assert direct and _child_ids(body) == direct
    assert "Chi bộ" not in re.sub(r"Chi bộ Trường|Chi bộ Trạm|Chi bộ Quân", "", body)


def test_fragment_keeps_to_the_scope_and_the_day(
    big_tree: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    hcm, hanoi = big_tree["tu-hcm"], big_tree["tu-hn"]
    url = reverse("org:children", args=[hcm.pk])
    assert client_for("hanoi").get(url).status_code == 404
    assert client_for("hcm").get(reverse("org:children", args=[hanoi.pk])).status_code == 404
    before = client_for("hcm").get(url, {"ngay": "30/06/2025"}).content.decode()
    after = client_for("hcm").get(url, {"ngay": "01/07/2025"}).content.decode()
    assert "Quận ủy Quận 1" in before and "Đảng ủy phường Sài Gòn" not in before
    assert "Đảng ủy phường Sài Gòn" in after and "Quận ủy Quận 1" not in after
    shown = _child_ids(after)
    assert shown and all(Unit.objects.get(pk=pk).path.startswith(hcm.path) for pk in shown), (
        "only units within the reader's scope"
    )


def test_scoped_reader_sees_own_top(
    big_tree: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    body = client_for("hcm").get("/don-vi/", {"ngay": "30/06/2025"}).content.decode()
    assert "Thành ủy Thành phố Hồ Chí Minh" in body and "Tỉnh ủy Bình Dương" in body
    assert "Thành ủy Hà Nội" not in body and "Bộ Chính trị" not in body


@pytest.mark.parametrize("goc", ["²", "١٢", "abc", "-1", ""])
def test_root_parameter_that_is_no_number_is_ignored(
    goc: str, client_for: Callable[[str], Client]
) -> None:
    assert client_for("btctw").get("/don-vi/", {"goc": goc}).status_code == 200


@pytest.mark.parametrize("goc", ["999999", "9" * 30])
def test_root_that_is_no_unit_answers_404(goc: str, client_for: Callable[[str], Client]) -> None:
    assert client_for("btctw").get("/don-vi/", {"goc": goc}).status_code == 404


def test_date_switch_shows_the_changes_and_their_documents(
    client_for: Callable[[str], Client],
) -> None:
    response = client_for("btctw").get("/don-vi/", {"ngay": "01/07/2025", "so_voi": "30/06/2025"})
    body = response.content.decode()
    changes = body[body.index('id="changes"') : body.index("</section>")]
    assert "Hợp nhất, sáp nhập" in changes and "Tỉnh ủy Bình Dương" in changes
    assert "Quyết định 321-QĐ/TW" in changes and "Giải thể" in changes
    assert "Đảng ủy phường Sài Gòn" in changes
    assert 'class="badge change">hợp nhất<' in body  # HCMC, in the tree, carries its change
    quiet = client_for("btctw").get("/don-vi/", {"ngay": "01/01/2020", "so_voi": "01/06/2020"})
    assert "Không có thay đổi nào" in quiet.content.decode()
    bad = client_for("btctw").get("/don-vi/", {"so_voi": "31/02/2020"})
    assert bad.status_code == 200 and "không hợp lệ" in bad.content.decode()
