"""Directive journey in a real browser: open 18-NQ/TW, add a task to a unit, post progress,
and see the roll-up and the dashboard change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from xaydungdang.demo.loader import load
from xaydungdang.directives.models import Document, Task
from xaydungdang.org.models import Unit

from .test_journey import login, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def stat(page: Any, label: str) -> int:
    card = page.locator("#stats .card", has_text=label).first
    return int(card.locator(".stat").inner_text())


def test_task_progress_rolls_up(live_server: Any, page: Any, shots: Path) -> None:
    load(say=lambda _: None)
    base = live_server.url
    hanoi = Unit.objects.get(code="tu-hn").pk
    login(page, base, "btctw")

    page.goto(f"{base}/van-ban/don-vi/{hanoi}/tong-hop/")
    done_before, total_before = stat(page, "hoàn thành"), stat(page, "nhiệm vụ")

    page.goto(f"{base}/van-ban/?q=18-NQ/TW")
    page.click("#register a:text('18-NQ/TW')")
    page.wait_for_selector("#impl-tree")
    rollup_before = page.locator("#rollup").inner_text()
    assert "72,5%" in rollup_before
    page.screenshot(path=str(shots / "10-nghi-quyet-18.png"), full_page=True)

    page.click("#impl-tree a:text('Kế hoạch của Thành ủy Hà Nội')")
    page.click("text=Giao nhiệm vụ")
    page.fill("#id_content", "Hoàn thiện vị trí việc làm các ban đảng Thành ủy")
    page.fill("#id_lead_unit", "ban to chuc ha noi")
    page.wait_for_selector("#id_lead_unit_results [role=option]")
    page.screenshot(path=str(shots / "11a-chon-don-vi.png"), full_page=True)
    page.click("#id_lead_unit_results [role=option][data-label='Ban Tổ chức Thành ủy Hà Nội']")
    pick(page, "coordinating", "ubnd ha noi", "Ủy ban nhân dân thành phố Hà Nội")
    assert page.input_value("#id_lead_unit") == "Ban Tổ chức Thành ủy Hà Nội"
    page.fill("#id_deadline", "31/12/2026")
    page.fill("#id_weight", "2")
    page.screenshot(path=str(shots / "11-giao-nhiem-vu.png"), full_page=True)
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã giao nhiệm vụ.")
    task = Task.objects.get(content="Hoàn thiện vị trí việc làm các ban đảng Thành ủy")
    assert task.lead_unit.code == "btc-hn"
    assert [u.code for u in task.coordinating_units.all()] == ["ubnd-hn"]

    page.click("#impl-tree a:text('Hoàn thiện vị trí việc làm')")
    page.click("text=Báo cáo tiến độ")
    page.fill("#id_percent", "100")
    page.fill("#id_text", "Đã ban hành quyết định phê duyệt vị trí việc làm")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=Đã ghi nhận báo cáo tiến độ.")
    assert "100,0%" in page.locator("#task-progress").inner_text()

    doc = Document.objects.get(symbol="18-NQ/TW")
    page.goto(f"{base}/van-ban/{doc.pk}/")
    rollup_after = page.locator("#rollup").inner_text()
    # before: 435 weighted points over a weight of 6; the new task adds 2 × 100 over 2
    assert rollup_after != rollup_before and "79,4%" in rollup_after  # (435 + 200) / (6 + 2)
    page.screenshot(path=str(shots / "12-tien-do-chung.png"), full_page=True)

    page.goto(f"{base}/van-ban/don-vi/{hanoi}/tong-hop/")
    assert stat(page, "nhiệm vụ") == total_before + 1
    assert stat(page, "hoàn thành") == done_before + 1
    page.screenshot(path=str(shots / "13-bang-tong-hop.png"), full_page=True)
