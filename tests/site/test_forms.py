"""Every create and edit form calls its service: a happy path through each, as a user would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client

from xaydungdang.core.models import ChangeRecord
from xaydungdang.org.models import Unit, UnitEvent
from xaydungdang.people.models import Person, Tenure, Title


def post(client: Client, url: str, data: dict[str, str]) -> str:
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-1500:]
    return response["Location"]


def test_unit_forms(client_for: Callable[[str], Client], demo: dict[str, Unit]) -> None:
    client = client_for("hanoi")
    hn = demo["tu-hn"]
    post(
        client,
        f"/don-vi/{hn.pk}/them/",
        {
            "name": "Đảng ủy phường Hoàn Kiếm",
            "kind": "commune_committee",
            "valid_from": "01/07/2025",
            "aliases": "phường Hoàn Kiếm\nHoàn Kiếm",
            "code": "du-hoan-kiem",
        },
    )
    ward = Unit.objects.get(code="du-hoan-kiem")
    assert ward.valid_from == dt.date(2025, 7, 1) and ward.aliases.count() == 2
    post(
        client,
        f"/don-vi/{hn.pk}/them/",
        {"name": "Đảng ủy phường Cửa Nam", "kind": "commune_committee", "code": "du-cua-nam"},
    )
    post(
        client,
        f"/don-vi/{ward.pk}/sua/",
        {"short_name": "Phường Hoàn Kiếm", "aliases": "HK", "code": "du-hoan-kiem"},
    )
    post(
        client,
        f"/don-vi/{ward.pk}/doi-ten/",
        {"name": "Đảng bộ phường Hoàn Kiếm", "effective_date": "01/08/2025"},
    )
    post(
        client,
        f"/don-vi/{ward.pk}/them/",
        {"name": "Chi bộ khu phố 1", "kind": "grassroots_cell", "code": "cb-kp1"},
    )
    cell = Unit.objects.get(code="cb-kp1")
    post(
        client,
        f"/don-vi/{cell.pk}/chuyen/",
        {"new_parent": "du-cua-nam", "effective_date": "01/09/2025"},
    )
    post(
        client,
        f"/don-vi/{ward.pk}/hop-nhat/",
        {"others": "du-cua-nam", "effective_date": "01/01/2026"},
    )
    cell.refresh_from_db()
    assert cell.parent == ward, "sub-units of a merged unit move to the successor"
    post(
        client,
        f"/don-vi/{cell.pk}/chia-tach/",
        {
            "parts": "Chi bộ khu phố 1A\nChi bộ khu phố 1B",
            "kind": "grassroots_cell",
            "effective_date": "01/02/2026",
        },
    )
    part = Unit.objects.get(name="Chi bộ khu phố 1A")
    post(client, f"/don-vi/{part.pk}/giai-the/", {"effective_date": "01/03/2026"})
    kinds = set(
        UnitEvent.objects.filter(links__unit__in=[ward, cell, part]).values_list("kind", flat=True)
    )
    assert kinds == {"establish", "rename", "reparent", "merge", "split", "dissolve"}


def test_people_forms(client_for: Callable[[str], Client], demo: dict[str, Unit]) -> None:
    client = client_for("hanoi")
    where = post(
        client,
        "/ca-nhan/moi/",
        {
            "full_name": "Trần Sỹ Thanh",
            "gender": "male",
            "birth_year": "1971",
            "managing_unit": "tu-hn",
        },
    )
    person = Person.objects.get(full_name="Trần Sỹ Thanh")
    assert where.endswith(f"/ca-nhan/{person.pk}/")
    post(
        client,
        f"/ca-nhan/{person.pk}/sua/",
        {
            "full_name": "Trần Sỹ Thanh",
            "gender": "male",
            "birth_year": "1971",
            "managing_unit": "tu-hn",
            "note": "Ghi chú",
        },
    )
    secretary = Title.objects.get(name="Bí thư")
    post(
        client,
        "/ca-nhan/qua-trinh/moi/",
        {
            "person": str(person.pk),
            "title": str(secretary.pk),
            "unit": "tu-hn",
            "start": "05/06/2024",
            "source": "Quyết định của Bộ Chính trị",
        },
    )
    tenure = Tenure.objects.get(person=person)
    post(
        client,
        f"/ca-nhan/qua-trinh/{tenure.pk}/sua/",
        {"start": "06/06/2024", "source": "Quyết định"},
    )
    post(client, f"/ca-nhan/qua-trinh/{tenure.pk}/thoi-giu/", {"end": "15/03/2025"})
    tenure.refresh_from_db()
    assert (tenure.start, tenure.end) == (dt.date(2024, 6, 6), dt.date(2025, 3, 15))
    history = client.get(f"/lich-su/person/{person.pk}/").content.decode()
    assert "Thôi giữ chức danh" in history and "Năm sinh" in history and "birth_year" not in history


def test_title_forms_need_national_scope(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    client = client_for("btctw")
    post(
        client,
        "/ca-nhan/chuc-danh/moi/",
        {"name": "Phó Chủ tịch", "label_template": "{title} {unit}", "rank": "41"},
    )
    title = Title.objects.get(name="Phó Chủ tịch")
    post(
        client,
        f"/ca-nhan/chuc-danh/{title.pk}/sua/",
        {"name": "Phó Chủ tịch", "label_template": "{title} {unit}", "rank": "42"},
    )
    assert (
        ChangeRecord.objects.filter(object_type="people.title", object_id=str(title.pk)).count()
        == 2
    )
    assert client_for("hanoi").post("/ca-nhan/chuc-danh/moi/", {"name": "X"}).status_code == 404


def test_service_errors_show_on_the_form(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    client = client_for("hcm")
    hcm = demo["tu-hcm"]
    before = ChangeRecord.objects.count()
    page = client.post(f"/don-vi/{hcm.pk}/giai-the/", {"effective_date": "01/01/2026"})
    assert (
        page.status_code == 200
        and "còn" in page.content.decode()
        and "đơn vị trực thuộc" in page.content.decode()
    )
    page = client.post(
        f"/don-vi/{hcm.pk}/chuyen/", {"new_parent": "tu-hn", "effective_date": "01/01/2026"}
    )
    assert "Không tìm thấy đơn vị" in page.content.decode()
    assert ChangeRecord.objects.count() == before
