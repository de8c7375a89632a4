"""The grading pages: record by names, a refused score shown on the form, the person page's
section, the unit's distribution page."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.grading.models import Grading
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people


def test_grading_pages(demo: dict[str, Unit], client_for: Callable[[str], Client]) -> None:
    city = demo["tu-hcm"]
    person = people.person_create(full_name="Tạ Văn Chấm", managing_unit=city, actor=SYSTEM_CLI)
    hcm = client_for("hcm")
    data = {"person": "Tạ Văn Chấm", "unit": "tu-hcm", "year": "2024", "score": "80"}
    refused = hcm.post(reverse("grading:create"), data).content.decode()
    assert "không chấm điểm" in refused and not Grading.objects.exists()
    data = {**data, "year": "2025", "score": "91"}
    assert hcm.post(reverse("grading:create"), data).status_code == 302
    row = Grading.objects.get(person=person)
    assert row.level == "excellent"
    page = hcm.get(reverse("people:person", args=[person.pk])).content.decode()
    assert 'id="person-gradings"' in page and "Hoàn thành xuất sắc nhiệm vụ" in page
    report = hcm.get(reverse("grading:unit_report", args=[city.pk])).content.decode()
    assert "2025" in report and "100.0%" in report
    unit_page = hcm.get(reverse("org:unit", args=[city.pk])).content.decode()
    assert reverse("grading:unit_report", args=[city.pk]) in unit_page
    assert client_for("hanoi").get(reverse("grading:edit", args=[row.pk])).status_code == 404
