"""Members in a real browser: open a member from the unit's list, recognize them as full, and
see the structure report change. (The file import of the issue's journey is not built yet.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from xaydungdang.demo.loader import load
from xaydungdang.members import services
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people

from .test_journey import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recognize_a_member_and_see_the_report_change(
    live_server: Any, page: Any, shots: Path
) -> None:
    load(say=lambda _: None)
    ward = Unit.objects.get(code="du-p-saigon")
    for name, gender in (("Nguyễn Thị Hoa", "female"), ("Trần Văn Minh", "male")):
        services.member_admit(
            person=people.person_create(
                full_name=name, gender=gender, managing_unit=ward, acting_user=None
            ),
            cell=ward,
            sheet=services.Sheet(birth_date=dt.date(1995, 4, 2), education="university"),
            decision_date=dt.date(2025, 8, 1),
            ceremony_date=dt.date(2025, 8, 15),
            acting_user=None,
        )
    base = live_server.url
    login(page, base, "hcm")
    hcm = Unit.objects.get(code="tu-hcm")
    page.goto(f"{base}/dang-vien/don-vi/{hcm.pk}/co-cau/")
    assert "2 đảng viên" in page.inner_text("#report-total")
    assert page.locator("section:has(h2:text-is('Loại đảng viên')) td", has_text="Dự bị").count()
    page.screenshot(path=str(shots / "40-co-cau-truoc.png"), full_page=True)

    page.goto(f"{base}/dang-vien/don-vi/{hcm.pk}/")
    page.click("#member-list a:text-is('Nguyễn Thị Hoa')")
    page.click("a:text-is('Công nhận chính thức')")
    page.fill("#id_day", "20/08/2026")
    page.fill("#id_decision", "125-QĐ/ĐU")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã công nhận đảng viên chính thức.")
    assert "Chính thức từ 15/08/2026" in page.inner_text("#membership-type")
    assert "Công nhận đảng viên chính thức" in page.inner_text("#timeline")
    page.screenshot(path=str(shots / "41-ho-so-dang-vien.png"), full_page=True)

    page.goto(f"{base}/dang-vien/don-vi/{hcm.pk}/co-cau/")
    kinds = page.inner_text("section:has(h2:text-is('Loại đảng viên'))")
    assert "Chính thức" in kinds and "Dự bị" in kinds
    page.screenshot(path=str(shots / "42-co-cau-sau.png"), full_page=True)
