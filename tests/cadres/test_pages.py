"""The cadre pages: issuing a decision through the form (everything picked by name), the
career page with every part of the record, the cadre record in Word, and the list of post
holders of a subtree on a day with its Excel export."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable

import openpyxl
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from xaydungdang.cadres.models import PersonnelDecision
from xaydungdang.core.dates import vn_date
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person, Tenure


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("word/document.xml").decode()


def test_a_decision_issued_through_the_form_starts_the_post(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    hcm = client_for("hcm")
    cadre = Person.objects.get(full_name="Võ Thị Dung")
    form = {
        "kind": "appointment",
        "number": "1234-QĐ/TU",
        "signed_on": "02/09/2025",
        "issuer": "Thành ủy Thành phố Hồ Chí Minh",
        "person": "Võ Thị Dung",
        "title": "Ủy viên Ban Thường vụ",
        "unit": "Thành ủy Thành phố Hồ Chí Minh",
        "signer_name": "Trần Lưu Quang",
        "signer_title": "Bí thư Thành ủy",
    }
    page = hcm.post(reverse("cadres:decision_create"), form)
    assert page.status_code == 302, page.content.decode()[:3000]
    decision = PersonnelDecision.objects.get(number="1234-QĐ/TU")
    assert decision.effective_on.isoformat() == "2025-09-02"
    tenure = Tenure.objects.get(person=cadre, title__name="Ủy viên Ban Thường vụ")
    assert tenure.start_basis == "decision" and "1234-QĐ/TU" in tenure.start_reference
    career = hcm.get(reverse("cadres:career", args=[cadre.pk])).content.decode()
    assert "1234-QĐ/TU" in career and "02/09/2025 – nay" in career
    assert "Tóm tắt quá trình công tác" in career and "Quyết định nhân sự" in career


def test_a_bad_decision_form_says_why_and_writes_nothing(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    before = PersonnelDecision.objects.count()
    page = client_for("hcm").post(
        reverse("cadres:decision_create"),
        {
            "kind": "appointment",
            "signed_on": "31/02/2025",
            "issuer": "Thành ủy Hà Nội",
            "person": "Võ Thị Dung",
        },
    )
    body = page.content.decode()
    assert page.status_code == 200 and "errorlist" in body
    assert "Thành ủy Hà Nội" in body and "phạm vi được phân quyền" in body
    assert PersonnelDecision.objects.count() == before


def test_the_cadre_record_is_a_party_document_with_the_posts(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    person = Person.objects.get(full_name="Đinh La Thăng")
    answer = client_for("hcm").get(reverse("cadres:career_docx", args=[person.pk]))
    assert answer.status_code == 200
    assert answer["Content-Disposition"].endswith('.docx"')
    text = _docx_text(answer.content)
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "SƠ YẾU LÝ LỊCH",
        "ĐINH LA THĂNG",
        "TÓM TẮT QUÁ TRÌNH CÔNG TÁC",
        "04/02/2016 – 08/05/2017",
        "Nơi nhận",
    ):
        assert expected in text, expected


def test_holders_of_a_subtree_on_a_day_and_their_excel(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    hcm = client_for("hcm")
    unit = Unit.objects.get(code="tu-hcm")
    query = {"don_vi": unit.name, "vao_ngay": "15/03/2017"}
    page = hcm.get(reverse("cadres:holders"), query).content.decode()
    assert "Đinh La Thăng" in page and "Trần Lưu Quang" not in page
    export = hcm.get(reverse("cadres:holders"), {**query, "xuat": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    names = [row[1] for row in sheet.iter_rows(values_only=True)]
    assert "Đinh La Thăng" in names
    bad = hcm.get(reverse("cadres:holders"), {"don_vi": unit.name, "vao_ngay": "00/00/0000"})
    assert bad.status_code == 200 and "Đinh La Thăng" not in bad.content.decode()


def test_the_hub_links_the_sections(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    page = client_for("hanoi").get(reverse("cadres:index")).content.decode()
    assert reverse("cadres:decisions") in page and reverse("cadres:holders") in page


def test_a_rotation_through_the_pages_is_listed_with_its_warning(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    hcm = client_for("hcm")
    soon = timezone.localdate() + dt.timedelta(days=30)
    city = Unit.objects.get(code="tu-hcm")
    ward = Unit.objects.filter(path__startswith=city.path, kind="commune_committee").first()
    assert ward is not None
    form = {
        "person": "Võ Thị Dung",
        "from_unit": city.name,
        "to_unit": ward.name,
        "to_title": "Bí thư",
        "start": "01/08/2025",
        "planned_end": vn_date(soon),
        "purpose": "Rèn luyện thực tiễn ở cơ sở",
        "issuer": city.name,
        "number": "77-QĐ/TU",
    }
    answer = hcm.post(reverse("cadres:rotation_create"), form)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    listed = hcm.get(reverse("cadres:rotations")).content.decode()
    # 30 days left is within the warning period of the rule set of 01/08/2025.
    assert "Võ Thị Dung" in listed and vn_date(soon) in listed and "Sắp hết thời hạn" in listed
    assert (
        "Võ Thị Dung" not in client_for("hanoi").get(reverse("cadres:rotations")).content.decode()
    )
