"""Persons, titles, tenures: constraints, concurrency of titles, as-of queries, career."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Tenure, Title
from xaydungdang.people.selectors import career, holders

D = dt.date


@pytest.fixture
def secretary(db: None) -> Title:
    return people.title_create(name="Bí thư", actor=SYSTEM_CLI)


@pytest.fixture
def hanoi(make_unit: Callable[..., Unit]) -> Unit:
    return make_unit("Thành ủy Hà Nội")


def person(unit: Unit, name: str = "Hoàng Trung Hải") -> Person:
    return people.person_create(full_name=name, managing_unit=unit, actor=SYSTEM_CLI)


def test_person_keys_are_derived(hanoi: Unit) -> None:
    p = person(hanoi, "  Ngô Thị   Thanh Hằng ")
    assert p.full_name == "Ngô Thị Thanh Hằng" and p.folded_name == "ngo thi thanh hang"
    assert p.sort_key


def test_person_bad_input_changes_nothing(hanoi: Unit) -> None:
    before = (Person.objects.count(), ChangeRecord.objects.count())
    for kwargs, fragment in [
        ({"full_name": " "}, "không được để trống"),
        ({"full_name": "A", "birth_year": 1700}, "1880"),
        ({"full_name": "A", "gender": "x"}, "Giới tính"),
    ]:
        with pytest.raises(ValidationError) as err:
            people.person_create(managing_unit=hanoi, actor=SYSTEM_CLI, **kwargs)
        assert fragment in " ".join(err.value.messages)
    assert (Person.objects.count(), ChangeRecord.objects.count()) == before


def test_concurrent_titles_and_who_held(hanoi: Unit, secretary: Title, superuser: object) -> None:
    chair = people.title_create(name="Chủ tịch", actor=SYSTEM_CLI)
    p = person(hanoi)
    people.tenure_start(
        person=p, title=secretary, unit=hanoi, start=D(2016, 2, 6), actor=SYSTEM_CLI
    )
    people.tenure_start(
        person=p, title=chair, unit=hanoi, start=D(2016, 3, 1), end=D(2017, 1, 1), actor=SYSTEM_CLI
    )
    admin = superuser
    assert [t.title.name for t in holders(admin, hanoi, D(2016, 6, 1))] == ["Bí thư", "Chủ tịch"]
    assert [t.title.name for t in holders(admin, hanoi, D(2017, 1, 1))] == ["Bí thư"]
    assert holders(admin, hanoi, D(2016, 2, 5)) == []
    assert [t.person for t in holders(admin, hanoi, D(2016, 6, 1), secretary)] == [p]


def test_tenure_rules(hanoi: Unit, secretary: Title) -> None:
    p = person(hanoi)
    people.tenure_start(
        person=p,
        title=secretary,
        unit=hanoi,
        start=D(2016, 1, 1),
        end=D(2020, 1, 1),
        actor=SYSTEM_CLI,
    )
    before = (Tenure.objects.count(), ChangeRecord.objects.count())
    cases = [
        ({"start": D(2021, 1, 1), "end": D(2020, 1, 1)}, "phải sau ngày bắt đầu"),
        ({"start": D(2019, 1, 1)}, "đã giữ chức danh này"),
        ({"start": D(2000, 6, 1), "end": D(2016, 6, 1)}, "đã giữ chức danh này"),
        ({"start": D(1990, 1, 1), "end": D(1995, 1, 1)}, "chỉ hoạt động từ 01/01/2000"),
    ]
    for kwargs, fragment in cases:
        with pytest.raises(ValidationError) as err:
            people.tenure_start(person=p, title=secretary, unit=hanoi, actor=SYSTEM_CLI, **kwargs)
        assert fragment in " ".join(err.value.messages)
    assert (Tenure.objects.count(), ChangeRecord.objects.count()) == before
    # back to back is not an overlap
    people.tenure_start(
        person=p, title=secretary, unit=hanoi, start=D(2020, 1, 1), actor=SYSTEM_CLI
    )


def test_database_enforces_start_before_end(hanoi: Unit, secretary: Title) -> None:
    p = person(hanoi)
    with pytest.raises(IntegrityError), transaction.atomic():
        Tenure.objects.create(
            person=p, title=secretary, unit=hanoi, start=D(2020, 1, 1), end=D(2020, 1, 1)
        )


def test_unit_cannot_end_under_open_tenures(hanoi: Unit, secretary: Title) -> None:
    p = person(hanoi)
    tenure = people.tenure_start(
        person=p, title=secretary, unit=hanoi, start=D(2016, 1, 1), actor=SYSTEM_CLI
    )
    with pytest.raises(ValidationError) as err:
        org.unit_dissolve(unit=hanoi, effective_date=D(2025, 7, 1), actor=SYSTEM_CLI)
    assert "còn 1 người giữ chức danh" in err.value.messages[0]
    people.tenure_end(tenure=tenure, end=D(2025, 7, 1), actor=SYSTEM_CLI)
    org.unit_dissolve(unit=hanoi, effective_date=D(2025, 7, 1), actor=SYSTEM_CLI)
    with pytest.raises(ValidationError):
        people.tenure_end(tenure=tenure, end=D(2025, 8, 1), actor=SYSTEM_CLI)


def test_career_names_units_as_they_were_then(
    hanoi: Unit, secretary: Title, superuser: object
) -> None:
    p = person(hanoi)
    people.tenure_start(
        person=p,
        title=secretary,
        unit=hanoi,
        start=D(2016, 1, 1),
        end=D(2018, 1, 1),
        actor=SYSTEM_CLI,
    )
    org.unit_rename(
        unit=hanoi, name="Thành ủy thành phố Hà Nội", effective_date=D(2019, 1, 1), actor=SYSTEM_CLI
    )
    people.tenure_start(
        person=p, title=secretary, unit=hanoi, start=D(2020, 1, 1), actor=SYSTEM_CLI
    )
    labels = [row.label for row in career(superuser, p)]
    assert labels == ["Bí thư Thành ủy Hà Nội", "Bí thư Thành ủy thành phố Hà Nội"]


def test_demo_career_of_pham_minh_chinh(demo: dict[str, Unit]) -> None:
    btctw_user = get_user_model().objects.get(username="btctw")
    p = Person.objects.get(full_name="Phạm Minh Chính")
    rows = career(btctw_user, p)
    labels = {r.label for r in rows}
    assert labels == {
        "Ủy viên Bộ Chính trị",
        "Bí thư Trung ương Đảng",
        "Trưởng Ban Tổ chức Trung ương",
    }
    spans = {r.label: (r.tenure.start, r.tenure.end) for r in rows}
    # The head of the board has the decided dates; the other posts what the articles attest.
    assert spans["Trưởng Ban Tổ chức Trung ương"] == (D(2016, 2, 4), D(2021, 4, 8))
    assert spans["Ủy viên Bộ Chính trị"] == (D(2016, 8, 20), D(2019, 1, 30))
    head = Title.objects.get(name="Trưởng ban")
    on_2022 = holders(btctw_user, demo["btctw"], D(2022, 12, 23), head)
    assert [t.person.full_name for t in on_2022] == ["Trương Thị Mai"]


def test_title_template_is_validated(db: None) -> None:
    with pytest.raises(ValidationError):
        people.title_create(name="Sai mẫu", label_template="{chuc_vu}", actor=SYSTEM_CLI)
    with pytest.raises(ValidationError):
        people.title_create(name="Sai mẫu", label_template="Trưởng {unit} {x}", actor=SYSTEM_CLI)
