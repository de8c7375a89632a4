"""Staffing: a quota stays within what the parent's quota leaves (and the refusal says by how
much); the reduction target comes from the rule set in force; the headcount and the vacancies
come from the tenures covering the day."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.exceptions import ValidationError

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Title
from xaydungdang.staffing import selectors
from xaydungdang.staffing import services as staffing
from xaydungdang.staffing.models import JobPosition, Quota

D = dt.date
_names = itertools.count(1)


@pytest.fixture
def city(demo: dict[str, Unit]) -> Unit:
    return demo["tu-hcm"]


def _child(parent: Unit) -> Unit:
    spec = org.UnitSpec(
        name=f"Đảng bộ thử {next(_names)}", kind="grassroots_committee", parent=parent
    )
    return org.unit_create(spec=spec, valid_from=D(2000, 1, 1), actor=SYSTEM_CLI)


def _quota(unit: Unit, number: int, year: int = 2025, kind: str = "party") -> Quota:
    return staffing.quota_set(
        unit=unit, year=year, kind=kind, number=number, decision_number="01-QĐ/TU",
        decision_date=D(year, 1, 5), actor=SYSTEM_CLI,
    )  # fmt: skip


def _position(unit: Unit, title: str, name: str) -> JobPosition:
    start = D(2020, 1, 1)
    return staffing.position_create(
        unit=unit, name=name, kind="leadership", valid_from=start,
        title=Title.objects.get(name=title), grade_from="Chuyên viên chính",
        grade_to="Chuyên viên cao cấp", decision_number="05-QĐ/TU",
        decision_date=start - dt.timedelta(days=10), actor=SYSTEM_CLI,
    )  # fmt: skip


def test_a_quota_cannot_exceed_what_the_parents_quota_leaves(city: Unit) -> None:
    a, b = _child(city), _child(city)
    _quota(city, 100)
    _quota(a, 60)
    with pytest.raises(ValidationError) as err:
        _quota(b, 45)
    message = err.value.messages[0]
    assert "Vượt 5 người" in message and "tối đa 40" in message
    assert not Quota.objects.filter(unit=b).exists()
    assert _quota(b, 40).number == 40
    # Another year or kind is not limited by the 2025 Party quota.
    assert _quota(b, 500, year=2024).number == 500
    assert _quota(b, 500, kind="state").number == 500
    # Changing a unit's own quota counts it once, not twice.
    assert _quota(a, 60).number == 60
    with pytest.raises(ValidationError) as err:
        _quota(a, 61)
    assert "Vượt 1 người" in err.value.messages[0]


def test_a_quota_cannot_fall_below_what_the_children_were_given(city: Unit) -> None:
    a = _child(city)
    _quota(city, 100)
    _quota(a, 70)
    with pytest.raises(ValidationError) as err:
        _quota(city, 50)
    assert "nhiều hơn 50 là 20 người" in err.value.messages[0]
    assert Quota.objects.get(unit=city, year=2025, kind="party").number == 100


def test_a_quota_change_is_audited_and_keeps_its_rule_set(city: Unit) -> None:
    quota = _quota(city, 100)
    assert quota.rule_set.code == "tinh-gian-kl40-2022"
    assert _quota(city, 90, year=2019).rule_set.code == "tinh-gian-nq39-2015"
    _quota(city, 95)
    quota.refresh_from_db()
    assert quota.number == 95
    records = ChangeRecord.objects.filter(object_type="staffing.quota", object_id=str(quota.pk))
    assert list(records.order_by("pk").values_list("action", flat=True)) == ["create", "update"]


def test_the_target_comes_from_the_rule_set_in_force(city: Unit) -> None:
    _quota(city, 1001, year=2021)
    _quota(city, 250, year=2021, kind="public_service")
    _quota(city, 2000, year=2015)
    later = selectors.target(city, "party", D(2024, 1, 1))
    assert (later.rule_set.code, later.base_year, later.target_year) == (
        "tinh-gian-kl40-2022", 2021, 2026,
    )  # fmt: skip
    assert (later.base, later.number) == (1001, 950)  # a cut of 5% of 1001 is 51, rounded up
    assert selectors.target(city, "public_service", D(2024, 1, 1)).number == 225
    earlier = selectors.target(city, "party", D(2018, 1, 1))
    assert (earlier.rule_set.code, earlier.base_year, earlier.target_year) == (
        "tinh-gian-nq39-2015", 2015, 2021,
    )  # fmt: skip
    assert (earlier.base, earlier.number) == (2000, 1800)
    assert selectors.target(city, "state", D(2024, 1, 1)).number is None  # no 2021 quota
    assert selectors.target(city, "party", D(2010, 1, 1)).number is None  # no target yet


def test_headcount_and_vacancies_come_from_the_tenures_of_the_day(city: Unit) -> None:
    deputy = Title.objects.get(name="Phó Bí thư")
    first = _position(city, "Phó Bí thư", "Phó Bí thư thứ nhất")
    second = _position(city, "Phó Bí thư", "Phó Bí thư thứ hai")
    standing = _position(city, "Ủy viên Ban Thường vụ", "Ủy viên Ban Thường vụ")
    person_a = people.person_create(full_name="Lâm Văn Biên", managing_unit=city, actor=SYSTEM_CLI)
    person_b = people.person_create(full_name="Mạc Thị Chế", managing_unit=city, actor=SYSTEM_CLI)
    people.tenure_start(person=person_a, title=deputy, unit=city, start=D(2021, 1, 1),
                        end=D(2024, 1, 1), actor=SYSTEM_CLI)  # fmt: skip
    people.tenure_start(person=person_b, title=deputy, unit=city, start=D(2023, 6, 1),
                        actor=SYSTEM_CLI)  # fmt: skip
    on_2023 = D(2023, 9, 1)
    assert {t.person for t in selectors.headcount(city, on_2023)} == {person_a, person_b}
    assert selectors.vacancies(city, on_2023) == [standing]
    on_2024 = D(2024, 3, 1)
    assert [t.person for t in selectors.headcount(city, on_2024)] == [person_b]
    vacant = selectors.vacancies(city, on_2024)  # one deputy post is free again
    assert len(vacant) == 2 and standing in vacant and len({first, second} & set(vacant)) == 1
    # Before the catalogue existed nobody is counted, whatever the tenures.
    assert selectors.headcount(city, D(2019, 6, 1)) == []


def test_an_abolished_position_leaves_the_catalogue_on_its_date(city: Unit) -> None:
    position = _position(city, "Ủy viên Ban Thường vụ", "Ủy viên Ban Thường vụ")
    staffing.position_abolish(position=position, valid_to=D(2025, 7, 1),
                              decision_number="30-QĐ/TU", decision_date=D(2025, 6, 20),
                              actor=SYSTEM_CLI)  # fmt: skip
    assert position in selectors.vacancies(city, D(2025, 6, 30))
    assert position not in selectors.vacancies(city, D(2025, 7, 1))
    with pytest.raises(ValidationError) as err:
        staffing.position_abolish(position=position, valid_to=D(2025, 8, 1),
                                  decision_number="31-QĐ/TU", decision_date=D(2025, 7, 20),
                                  actor=SYSTEM_CLI)  # fmt: skip
    assert "đã bãi bỏ từ ngày 01/07/2025" in err.value.messages[0]
