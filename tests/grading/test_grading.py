"""Annual grading under the rule set of its year: four levels before 366-QĐ/TW, a score out
of 100 whose band gives the level after; one result per person per year; the distribution."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from xaydungdang.core import rules
from xaydungdang.core.access import VIEW
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.grading import report
from xaydungdang.grading import services as grading
from xaydungdang.grading.models import Grading, Level
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person


@pytest.fixture
def city(demo: dict[str, Unit]) -> Unit:
    return demo["tu-hcm"]


def _person(city: Unit, name: str = "Quách Văn Điểm") -> Person:
    return people.person_create(full_name=name, managing_unit=city, actor=SYSTEM_CLI)


def test_before_366_a_year_is_graded_in_four_levels_without_a_score(city: Unit) -> None:
    person = _person(city)
    with pytest.raises(ValidationError) as err:
        grading.grading_record(person=person, unit=city, year=2023, score=85, actor=SYSTEM_CLI)
    assert "4 mức" in err.value.messages[0] and "trước Quy định 366" in err.value.messages[0]
    with pytest.raises(ValidationError):
        grading.grading_record(person=person, unit=city, year=2023, actor=SYSTEM_CLI)
    row = grading.grading_record(
        person=person, unit=city, year=2023, level="good", actor=SYSTEM_CLI
    )
    assert (row.level, row.score, row.rule_set.code) == ("good", None, "danh-gia-truoc-366")


@pytest.mark.parametrize(
    ("score", "level"),
    [(100, "excellent"), (90, "excellent"), (89, "good"), (70, "good"), (69, "completed"),
     (50, "completed"), (49, "not_completed"), (0, "not_completed")],
)  # fmt: skip
def test_from_2025_the_score_band_gives_the_level(city: Unit, score: int, level: str) -> None:
    row = grading.grading_record(
        person=_person(city), unit=city, year=2025, score=score, actor=SYSTEM_CLI
    )
    assert (row.level, row.score, row.rule_set.code) == (level, score, "danh-gia-366-2025")


def test_a_score_is_required_and_must_agree_with_a_level_given(city: Unit) -> None:
    person = _person(city)
    for kwargs in ({"level": "good"}, {"score": 101}, {"score": 75, "level": "excellent"}):
        with pytest.raises(ValidationError):
            grading.grading_record(person=person, unit=city, year=2026, **kwargs, actor=SYSTEM_CLI)
    assert not Grading.objects.filter(person=person).exists()
    row = grading.grading_record(
        person=person, unit=city, year=2026, score=75, level="good", actor=SYSTEM_CLI
    )
    assert row.level == "good"


def test_one_grading_per_person_per_year_and_a_correction_is_audited(city: Unit) -> None:
    person = _person(city)
    row = grading.grading_record(person=person, unit=city, year=2024, level="good",
                                 actor=SYSTEM_CLI)  # fmt: skip
    with pytest.raises(ValidationError) as err:
        grading.grading_record(person=person, unit=city, year=2024, level="excellent",
                               actor=SYSTEM_CLI)  # fmt: skip
    assert "đã có kết quả xếp loại năm 2024" in err.value.messages[0]
    grading.grading_update(grading=row, level="excellent", actor=SYSTEM_CLI)
    row.refresh_from_db()
    assert row.level == "excellent"
    assert ChangeRecord.objects.filter(
        object_type="grading.grading", object_id=str(row.pk), action="update"
    ).exists()
    with pytest.raises(ValidationError):
        grading.grading_update(grading=row, score=95, actor=SYSTEM_CLI)  # 2024: no score


def test_a_later_scale_does_not_regrade_earlier_years(city: Unit) -> None:
    old = grading.grading_record(person=_person(city), unit=city, year=2025, score=85,
                                 actor=SYSTEM_CLI)  # fmt: skip
    bands = [{"level": "excellent", "min": 80}, {"level": "good", "min": 60},
             {"level": "completed", "min": 40}, {"level": "not_completed", "min": 0}]  # fmt: skip
    rules.ruleset_create(
        code="danh-gia-thu", name="Thang điểm thử", source="Quy định thử",
        effective_from=grading.scale(2025)[0].effective_from.replace(year=2026),
        rules={grading.RULE_KEY: {"kind": "points", "max": 100, "bands": bands}},
        actor=SYSTEM_CLI,
    )  # fmt: skip
    new = grading.grading_record(person=_person(city, "Lý Thị Mới"), unit=city, year=2026,
                                 score=85, actor=SYSTEM_CLI)  # fmt: skip
    old.refresh_from_db()
    assert (old.level, old.rule_set.code) == ("good", "danh-gia-366-2025")
    assert (new.level, new.rule_set.code) == ("excellent", "danh-gia-thu")


def test_the_distribution_of_a_unit_over_the_years_and_its_scope(city: Unit) -> None:
    results = [(2023, "good", None), (2023, "excellent", None), (2023, "good", None),
               (2025, "", 95), (2025, "", 40)]  # fmt: skip
    for i, (year, level, score) in enumerate(results):
        grading.grading_record(person=_person(city, f"Người Thứ {i}"), unit=city, year=year,
                               level=level, score=score, actor=SYSTEM_CLI)  # fmt: skip
    hcm = get_user_model().objects.get(username="hcm")
    hanoi = get_user_model().objects.get(username="hanoi")
    rows = report.distribution(hcm, city)
    assert [(r.year, r.counts, r.total) for r in rows] == [(2025, (1, 0, 0, 1), 2),
                                                          (2023, (1, 2, 0, 0), 3)]  # fmt: skip
    assert rows[1].shares() == ("33.3%", "66.7%", "0.0%", "0.0%")
    assert "366-QĐ/TW" in rows[0].rule_set and "4 mức" in rows[1].rule_set
    assert report.distribution(hanoi, city) == []
    assert not Grading.objects.restrict(hanoi, VIEW).exists()
    with pytest.raises(PermissionDenied):
        grading.grading_record(person=_person(city, "Ai Đó"), unit=city, year=2023,
                               level="good", actor=hanoi)  # fmt: skip
    assert list(Level.values) == ["excellent", "good", "completed", "not_completed"]
