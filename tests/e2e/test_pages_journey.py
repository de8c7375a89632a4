"""The kit's pages in a real browser at 1280 px: the tree collapsed, one node opened on demand,
the date switch, the history tab, a 404 page, the menu, the task list and dashboard, a file
input. Screenshots go to test-artifacts/<database>/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.test_journey import login
from xaydungdang.demo.loader import load
from xaydungdang.org.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page: Any) -> None:
    """Nothing wider than the 1280 px window: no horizontal scroll."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280, width


def test_tree_history_and_error_pages(live_server: Any, page: Any, shots: Path) -> None:
    load(say=lambda _: None)
    base = live_server.url
    hcm = Unit.objects.get(code="tu-hcm")
    login(page, base, "btctw")
    nav = page.locator("header.top nav")
    assert "Đảng viên" in nav.inner_text()
    page.screenshot(path=str(shots / "20-menu-trang-chu.png"))
    tops = {round(b["y"]) for b in (a.bounding_box() for a in nav.locator("a").all()) if b}
    search = page.locator("header.top form.search").bounding_box()
    assert len(tops) == 1 and abs(search["y"] - min(tops)) < 20, "the menu fits one line"
    _fits(page)

    page.goto(f"{base}/don-vi/?ngay=01/07/2025")
    tree = page.locator("#tree")
    assert "Thành ủy Thành phố Hồ Chí Minh" in tree.inner_text()
    assert "Đảng ủy phường Sài Gòn" not in tree.inner_text(), "collapsed below the first level"
    _fits(page)
    page.screenshot(path=str(shots / "21-cay-thu-gon.png"), full_page=True)

    node = page.locator(f'details[hx-get^="/don-vi/{hcm.pk}/con/"]')
    node.locator("summary > .kind").click()  # beside the link, which would open the unit
    page.wait_for_selector("#tree >> text=Đảng ủy phường Sài Gòn")
    assert page.url.endswith("ngay=01/07/2025")  # opened in place, no navigation
    page.screenshot(path=str(shots / "22-cay-mo-mot-nut.png"), full_page=True)

    page.fill("#so_voi", "30/06/2025")
    page.click("#asof button[type=submit]")
    page.wait_for_selector("#changes")
    changes = page.locator("#changes").inner_text()
    assert "Hợp nhất, sáp nhập" in changes and "Quyết định 321-QĐ/TW" in changes
    _fits(page)
    page.screenshot(path=str(shots / "23-cay-so-sanh-ngay.png"), full_page=True)

    page.goto(f"{base}/lich-su/unit/{hcm.pk}/")
    assert "Trực thuộc" in page.locator("table.diff").first.inner_text()
    _fits(page)
    page.screenshot(path=str(shots / "24-lich-su-thay-doi.png"), full_page=True)

    page.goto(f"{base}/khong-co-trang-nay/")
    assert "Không tìm thấy trang" in page.locator("h1").inner_text()
    page.screenshot(path=str(shots / "25-loi-404.png"), full_page=True)

    bchtw = Unit.objects.get(code="bchtw")
    page.goto(f"{base}/van-ban/don-vi/{bchtw.pk}/tong-hop/")
    _fits(page)
    page.screenshot(path=str(shots / "26-bang-tong-hop.png"), full_page=True)
    page.click("#stats a.stat-card >> nth=4")  # "quá hạn"
    page.wait_for_url("**canh_bao=overdue**")
    _fits(page)
    page.screenshot(path=str(shots / "27-viec-qua-han.png"), full_page=True)

    page.goto(f"{base}/van-ban/")
    _fits(page)
    page.screenshot(path=str(shots / "28-so-van-ban.png"), full_page=True)

    page.goto(f"{base}/van-ban/moi/")
    assert page.locator(".file-pick .file-button").first.is_visible()
    assert page.locator(".file-pick .file-button").first.inner_text() == "Chọn tệp"
    page.screenshot(path=str(shots / "29-chon-tep.png"), full_page=True)
