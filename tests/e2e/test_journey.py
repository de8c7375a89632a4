"""The main journey in a real browser: log in, search without diacritics, open the person, see
the 2016–2019 tenure; then the tree as of a date before and after the 2025 merger."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from xaydungdang.demo.loader import load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo12345")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def pick(page: Any, field: str, typed: str, label: str) -> None:
    """Type part of a name into a picker and click the suggestion labelled ``label``."""
    page.wait_for_load_state()  # htmx listens once the page has loaded: typing before is lost
    page.fill(f"#id_{field}", typed)
    page.click(f"#id_{field}_results [role=option][data-label='{label}']")


def test_search_person_and_see_career(live_server: Any, page: Any, shots: Path) -> None:
    load(say=lambda _: None)
    base = live_server.url
    page.goto(f"{base}/")
    assert "/dang-nhap/" in page.url  # everything needs a login
    page.screenshot(path=str(shots / "01-dang-nhap.png"))
    login(page, base, "btctw")
    assert page.locator("h1").inner_text().startswith("Hệ thống quản lý")
    page.screenshot(path=str(shots / "02-trang-chu.png"), full_page=True)

    page.fill("header input[name=q]", "pham minh chinh")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/tim-kiem/**")
    first = page.locator("main table a").first
    assert first.inner_text() == "Phạm Minh Chính"
    page.screenshot(path=str(shots / "03-tim-kiem.png"), full_page=True)

    first.click()
    page.wait_for_selector("#career")
    career = page.locator("#career").inner_text()
    assert "20/08/2016 – 29/01/2019" in career
    assert "Trưởng Ban Tổ chức Trung ương" in career and "Ủy viên Bộ Chính trị" in career
    page.screenshot(path=str(shots / "04-ca-nhan.png"), full_page=True)

    page.goto(f"{base}/don-vi/")
    page.fill("#ngay", "30/06/2025")
    page.click("#asof button[type=submit]")
    page.wait_for_url("**ngay=30%2F06%2F2025**")
    assert "Tỉnh ủy Bình Dương" in page.locator("ul.tree").inner_text()
    page.screenshot(path=str(shots / "05-cay-to-chuc-30-06-2025.png"), full_page=True)
    page.fill("#ngay", "01/07/2025")
    page.click("#asof button[type=submit]")
    page.wait_for_url("**ngay=01%2F07%2F2025**")
    page.click("#tree summary:has(> a:text-is('Thành ủy Thành phố Hồ Chí Minh')) > .kind")
    page.wait_for_selector("#tree >> text=Đảng ủy phường Sài Gòn")  # loaded on demand
    tree = page.locator("ul.tree").inner_text()
    assert "Tỉnh ủy Bình Dương" not in tree and "Đảng ủy phường Sài Gòn" in tree
    page.screenshot(path=str(shots / "06-cay-to-chuc-01-07-2025.png"), full_page=True)


def test_scoped_user_meets_404_outside_its_subtree(
    live_server: Any, page: Any, shots: Path
) -> None:
    load(say=lambda _: None)
    from xaydungdang.core.actors import SYSTEM_CLI
    from xaydungdang.org.models import Unit
    from xaydungdang.people import services as people
    from xaydungdang.people.models import Person

    base = live_server.url
    login(page, base, "hanoi")
    hcm_cadre = people.person_create(
        full_name="Lê Thị Thu Hà", managing_unit=Unit.objects.get(code="tu-hcm"), actor=SYSTEM_CLI
    )
    response = page.goto(f"{base}/ca-nhan/{hcm_cadre.pk}/")
    assert response.status == 404
    page.goto(f"{base}/tim-kiem/?q=le+thi+thu+ha")
    assert "Không tìm thấy kết quả" in page.locator("main").inner_text()
    page.screenshot(path=str(shots / "07-ha-noi-khong-thay.png"), full_page=True)
    # A Politburo member is on the public record: his posts, not his file.
    central = Person.objects.get(full_name="Phạm Minh Chính")
    response = page.goto(f"{base}/ca-nhan/{central.pk}/")
    assert response.status == 200
    assert "Thông tin công khai" in page.locator("main").inner_text()
    page.screenshot(path=str(shots / "07b-ha-noi-thay-ho-so-cong-khai.png"), full_page=True)
