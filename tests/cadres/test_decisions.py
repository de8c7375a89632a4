"""Personnel decisions start and end tenures through the people services, keep the rule set
in force on their date, take over a tenure that articles attested, and refuse bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from xaydungdang.cadres import services as cadres
from xaydungdang.cadres.models import DecisionEffect, DecisionStatus, PersonnelDecision
from xaydungdang.core import access
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Tenure, Title
from xaydungdang.people.selectors import who_held

D = dt.date


@pytest.fixture
def secretary(db: None) -> Title:
    return people.title_create(name="Bí thư", unit_kinds=["provincial_committee"], actor=SYSTEM_CLI)


@pytest.fixture
def city(make_unit: Callable[..., Unit]) -> Unit:
    return make_unit("Thành ủy Cần Thơ")


@pytest.fixture
def cadre(city: Unit) -> Person:
    return people.person_create(full_name="Trần Văn Bình", managing_unit=city, actor=SYSTEM_CLI)


def appoint(
    cadre: Person, title: Title, unit: Unit, day: dt.date, **kw: object
) -> PersonnelDecision:
    return cadres.decision_issue(
        kind=kw.pop("kind", "appointment"),  # type: ignore[arg-type]
        person=cadre,
        issuer=unit.parent,  # type: ignore[arg-type]
        signed_on=day,
        title=title,
        unit=unit,
        actor=SYSTEM_CLI,
        **kw,  # type: ignore[arg-type]
    )


def test_appointment_starts_an_open_tenure_based_on_the_decision(
    cadre: Person, secretary: Title, city: Unit
) -> None:
    decision = appoint(cadre, secretary, city, D(2021, 2, 5), number="12-QĐ/TW")
    tenure = Tenure.objects.get(person=cadre)
    assert (tenure.start, tenure.end, tenure.start_basis) == (D(2021, 2, 5), None, "decision")
    assert tenure.start_reference == "Bổ nhiệm số 12-QĐ/TW ngày 05/02/2021"
    assert DecisionEffect.objects.get(tenure=tenure).decision == decision
    held = who_held(SYSTEM_CLI, city, D(2024, 1, 1), secretary)
    assert [t.person for t in held.holders] == [cadre]


def test_a_decision_keeps_the_rule_set_in_force_on_its_date(
    cadre: Person, secretary: Title, city: Unit
) -> None:
    old = appoint(cadre, secretary, city, D(2021, 2, 5))
    relief = cadres.decision_issue(
        kind="relief",
        person=cadre,
        issuer=city.parent,
        signed_on=D(2025, 11, 1),  # type: ignore[arg-type]
        title=secretary,
        unit=city,
        actor=SYSTEM_CLI,
    )
    assert old.rule_set.code == "can-bo-truoc-80"
    assert relief.rule_set.code == "can-bo-377-2025"
    tenure = Tenure.objects.get(person=cadre)
    assert (tenure.end, tenure.end_basis) == (D(2025, 11, 1), "decision")


def test_an_attested_tenure_is_taken_over_by_the_decision(
    cadre: Person, secretary: Title, city: Unit
) -> None:
    people.tenure_attest(
        person=cadre, title=secretary, unit=city, day=D(2023, 6, 1), source="Bài", actor=SYSTEM_CLI
    )
    appoint(cadre, secretary, city, D(2022, 1, 10))
    tenure = Tenure.objects.get(person=cadre)
    assert (tenure.start, tenure.end, tenure.attested_only) == (D(2022, 1, 10), None, False)
    assert tenure.attestations.count() == 1


def test_relief_of_a_post_not_held_is_refused_and_writes_nothing(
    cadre: Person, secretary: Title, city: Unit
) -> None:
    with pytest.raises(ValidationError, match="không giữ chức danh"):
        cadres.decision_issue(
            kind="dismissal",
            person=cadre,
            issuer=city.parent,
            signed_on=D(2024, 1, 1),  # type: ignore[arg-type]
            title=secretary,
            unit=city,
            actor=SYSTEM_CLI,
        )
    assert not PersonnelDecision.objects.exists()


def test_a_number_is_unique_per_issuer(cadre: Person, secretary: Title, city: Unit) -> None:
    appoint(cadre, secretary, city, D(2021, 2, 5), number="12-QĐ/TW")
    with pytest.raises(ValidationError, match="đã có quyết định số 12-QĐ/TW"):
        appoint(cadre, secretary, city, D(2026, 2, 5), number="12-QĐ/TW", kind="reappointment")


def test_one_numbered_decision_may_name_several_persons_on_its_one_day(
    cadre: Person, secretary: Title, city: Unit
) -> None:
    deputy_title = people.title_create(
        name="Phó Bí thư", unit_kinds=["provincial_committee"], actor=SYSTEM_CLI
    )
    other = people.person_create(full_name="Lê Thị Hoa", managing_unit=city, actor=SYSTEM_CLI)
    appoint(cadre, secretary, city, D(2021, 2, 5), number="01-QĐNS/TW")
    appoint(other, deputy_title, city, D(2021, 2, 5), number="01-QĐNS/TW")
    assert PersonnelDecision.objects.filter(number="01-QĐNS/TW").count() == 2
    with pytest.raises(ValidationError, match="đã có quyết định số 01-QĐNS/TW"):
        appoint(other, secretary, city, D(2022, 3, 1), number="01-QĐNS/TW", kind="reappointment")


def test_a_proposed_decision_changes_no_tenure_until_confirmed(
    cadre: Person, secretary: Title, city: Unit
) -> None:
    decision = appoint(cadre, secretary, city, D(2021, 2, 5), status=DecisionStatus.PROPOSED)
    assert not Tenure.objects.exists()
    cadres.decision_confirm(decision=decision, actor=SYSTEM_CLI)
    assert Tenure.objects.get(person=cadre).start_basis == "decision"
    with pytest.raises(ValidationError, match="đã được ban hành"):
        cadres.decision_confirm(decision=decision, actor=SYSTEM_CLI)


def test_an_out_of_scope_board_cannot_issue(
    cadre: Person,
    secretary: Title,
    city: Unit,
    make_unit: Callable[..., Unit],
    scoped_user: Callable[..., object],
) -> None:
    other = make_unit("Thành ủy Huế")
    user = scoped_user("hue", other)
    with pytest.raises(access.AccessDenied):
        cadres.decision_issue(
            kind="appointment",
            person=cadre,
            issuer=city,
            signed_on=D(2021, 2, 5),
            title=secretary,
            unit=city,
            actor=user,  # type: ignore[arg-type]
        )
    assert not PersonnelDecision.objects.exists()


def test_the_demo_posts_start_and_end_by_their_real_decisions(demo: dict[str, Unit]) -> None:
    """The seed officials' posts cite the decisions behind them: the Politburo's of 09/05/2017
    relieves Đinh La Thăng and designates Nguyễn Thiện Nhân, on the same day."""
    tenure = Tenure.objects.get(person__full_name="Đinh La Thăng", unit=demo["tu-hcm"])
    effects = {e.effect: e.decision for e in DecisionEffect.objects.filter(tenure=tenure)}
    assert effects["start"].kind == "designation" and effects["start"].issuer == demo["bct"]
    assert tenure.start_reference == "Chỉ định số 01-QĐNS/TW ngày 04/02/2016"
    collective = PersonnelDecision.objects.filter(number="01-QĐNS/TW")
    assert {d.person.full_name for d in collective} == {"Đinh La Thăng", "Phạm Minh Chính"}
    assert effects["end"].kind == "relief" and effects["end"].signed_on == D(2017, 5, 9)
    successor = who_held(SYSTEM_CLI, demo["tu-hcm"], D(2017, 5, 10), tenure.title).holders
    assert [t.person.full_name for t in successor] == ["Nguyễn Thiện Nhân"]
    assert successor[0].start_reference == "Chỉ định ngày 09/05/2017"
