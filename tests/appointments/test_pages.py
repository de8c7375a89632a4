"""The appointment pages: open a case by names, record steps, a refusal below the threshold
shown on the form, completion, the person page's panel and the hub's section."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from xaydungdang.appointments.models import AppointmentCase, CaseStatus
from xaydungdang.core import locking
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Tenure


def _step(client: Client, case: AppointmentCase, code: str, day: str, votes: int) -> str:
    case.refresh_from_db()
    data = {"held_on": day, "members_total": "9", "present": "9",
            "votes_for": str(votes), "minutes": "Biên bản họp"}  # fmt: skip
    data["version"] = locking.version(case)
    response = client.post(reverse("appointments:step", args=[case.pk]), data, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    if "Đã ghi nhận bước." in page:
        assert case.steps.order_by("-seq").values_list("code", flat=True).first() == code
    return page


def test_a_case_runs_through_its_pages(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    city = demo["tu-hcm"]
    person = people.person_create(full_name="Lưu Văn Trang", managing_unit=city, actor=SYSTEM_CLI)
    hcm = client_for("hcm")
    data = {"person": "Lưu Văn Trang", "title": "Phó Bí thư", "unit": "tu-hcm",
            "kind": "noi-khac", "opened_on": "02/03/2024"}  # fmt: skip
    response = hcm.post(reverse("appointments:open"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case = AppointmentCase.objects.get(person=person)
    page = hcm.get(reverse("appointments:case", args=[case.pk])).content.decode()
    assert "Quy trình bổ nhiệm, giới thiệu ứng cử trước Quy định 377-QĐ/TW" in page
    assert 'id="step-form"' in page
    refused = _step(hcm, case, "de-xuat", "05/03/2024", 4)
    assert "chưa đạt ngưỡng" in refused and "5/9" in refused
    assert not case.steps.exists()
    case.refresh_from_db()
    opened_version = locking.version(case)
    _step(hcm, case, "de-xuat", "05/03/2024", 6)
    stale = {"held_on": "06/03/2024", "members_total": "9", "present": "9", "votes_for": "9",
             "version": opened_version}  # fmt: skip
    page = hcm.post(reverse("appointments:step", args=[case.pk]), stale).content.decode()
    assert "mở lại trang" in page and case.steps.count() == 1
    _step(hcm, case, "trao-doi-noi-cong-tac", "08/03/2024", 7)
    done = _step(hcm, case, "bieu-quyet", "12/03/2024", 8)
    assert "12/03/2024" in done and 'id="complete"' in done
    case.refresh_from_db()
    data = {"issuer": "tu-hcm", "number": "321-QĐ/TU", "signed_on": "15/03/2024",
            "version": locking.version(case)}  # fmt: skip
    response = hcm.post(reverse("appointments:complete", args=[case.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert Tenure.objects.filter(person=person, unit=city, end__isnull=True).exists()
    person_page = hcm.get(reverse("people:person", args=[person.pk])).content.decode()
    assert 'id="appointment-cases"' in person_page and "321-QĐ/TU" in person_page
    assert reverse("appointments:list") in hcm.get(reverse("cadres:index")).content.decode()
    history = hcm.get(reverse("history", args=["appointment_case", case.pk]))
    assert history.status_code == 200
    assert client_for("hanoi").get(reverse("appointments:case", args=[case.pk])).status_code == 404
