"""Appointment journey in a real browser: open a case by names, record its steps with votes,
see a vote below the threshold refused with the rule named, complete the case with its
decision, and see the new tenure and the case on the person's page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.demo.loader import load
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people

from .test_journey import login, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HCM = "Thành ủy Thành phố Hồ Chí Minh"


def submit(page: Any, done: str) -> None:
    page.click("main button[type=submit]")
    page.wait_for_selector(f"text={done}")


def record(page: Any, day: str, votes: str) -> None:
    page.fill("#id_held_on", day)
    page.fill("#id_members_total", "9")
    page.fill("#id_present", "9")
    page.fill("#id_votes_for", votes)
    page.fill("#id_minutes", "Biên bản hội nghị (dữ liệu minh họa)")
    page.click("#step-form button[type=submit]")


def test_appointment_case_journey(live_server: Any, page: Any, shots: Path) -> None:
    load(say=lambda _: None)
    city = Unit.objects.get(code="tu-hcm")
    person = people.person_create(
        full_name="Trịnh Văn Bổ", managing_unit=city, birth_year=1975, actor=SYSTEM_CLI
    )
    base = live_server.url
    login(page, base, "hcm")
    page.goto(f"{base}/can-bo/")
    page.click("text=Hồ sơ bổ nhiệm (quy trình bổ nhiệm)")
    page.click("text=Mở hồ sơ bổ nhiệm")
    pick(page, "person", "trinh van bo", "Trịnh Văn Bổ")
    pick(page, "title", "pho bi thu", "Phó Bí thư")
    pick(page, "unit", "thanh uy thanh pho ho chi minh", HCM)
    page.select_option("#id_kind", "noi-khac")
    page.fill("#id_opened_on", "04/03/2024")
    page.screenshot(path=str(shots / "50-mo-ho-so-bo-nhiem.png"), full_page=True)
    submit(page, "Đã mở hồ sơ bổ nhiệm.")
    assert "trước Quy định 377-QĐ/TW" in page.inner_text("main")

    record(page, "06/03/2024", "4")  # 4 of 9 summoned: not more than half
    page.wait_for_selector(".errorlist")
    error = page.inner_text(".errorlist")
    assert "chưa đạt ngưỡng" in error and "5/9" in error and "377-QĐ/TW" in error
    page.screenshot(path=str(shots / "51-duoi-nguong.png"), full_page=True)
    page.goto(f"{base}{page.url.split(base)[1].replace('buoc/', '')}")
    for day, votes in (("06/03/2024", "7"), ("11/03/2024", "8"), ("14/03/2024", "9")):
        record(page, day, votes)
        page.wait_for_selector("text=Đã ghi nhận bước.")
    assert page.locator("#steps-done tr").count() == 4
    page.screenshot(path=str(shots / "52-cac-buoc.png"), full_page=True)

    page.click("#complete")
    page.fill("#id_number", "412-QĐ/TU")
    page.fill("#id_signed_on", "18/03/2024")
    page.fill("#id_signer_name", "Người ký (dữ liệu minh họa)")
    submit(page, "Đã ban hành quyết định bổ nhiệm.")
    assert "Đã hoàn thành" in page.inner_text("#case-status")
    assert "412-QĐ/TU" in page.inner_text("#case-decision")

    page.click(f"main a:text-is('{person.full_name}')")
    career = page.inner_text("#career")
    assert "Phó Bí thư" in career and "18/03/2024" in career and "412-QĐ/TU" in career
    assert "Đã hoàn thành" in page.inner_text("#appointment-cases")
    page.screenshot(path=str(shots / "53-qua-trinh-sau-bo-nhiem.png"), full_page=True)
