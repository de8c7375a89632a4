"""The appointment procedure as data: the steps, quorum and threshold of the rule set in force
on the day a case opens, under the set before 377-QĐ/TW and the one after."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from xaydungdang.appointments import procedure
from xaydungdang.appointments import services as appointments
from xaydungdang.appointments.models import AppointmentCase, CaseStatus, CaseStep
from xaydungdang.cadres.models import DecisionEffect
from xaydungdang.core import hooks, rules
from xaydungdang.core.access import VIEW
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Basis, Tenure, Title

D = dt.date
# (opening day, rule set code): before and after 377-QĐ/TW of 08/10/2025.
PERIODS = [(D(2024, 3, 1), "bo-nhiem-truoc-377"), (D(2025, 11, 3), "bo-nhiem-377-2025")]


@pytest.fixture
def city(demo: dict[str, Unit]) -> Unit:
    return demo["tu-hcm"]


def _open(
    city: Unit, on: dt.date, kind: str = "tai-cho", name: str = "Ngô Văn Cử"
) -> AppointmentCase:
    person = people.person_create(full_name=name, managing_unit=city, actor=SYSTEM_CLI)
    title = Title.objects.get(name="Phó Bí thư")
    return appointments.case_open(
        person=person, title=title, unit=city, kind=kind, opened_on=on, actor=SYSTEM_CLI
    )


def _step(case: AppointmentCase, code: str, day: dt.date, **counts: int) -> CaseStep:
    counts = {"members_total": 9, "present": 9, "votes_for": 7, **counts}
    vote = appointments.Vote(held_on=day, **counts)
    return appointments.case_record_step(case=case, code=code, vote=vote, actor=SYSTEM_CLI)


def _run_all(case: AppointmentCase) -> dt.date:
    day = case.opened_on
    for s in procedure.of(case.rule_set, case.kind).steps:
        day += dt.timedelta(days=2)
        _step(case, s.code, day)
    return day


@pytest.mark.parametrize(("opened", "code"), PERIODS)
def test_a_case_keeps_the_rule_set_in_force_on_its_opening_day(
    city: Unit, opened: dt.date, code: str
) -> None:
    case = _open(city, opened)
    assert case.rule_set.code == code
    assert procedure.of(case.rule_set, "tai-cho").steps[0].code == "de-xuat"
    assert len(procedure.of(case.rule_set, "tai-cho").steps) == 5
    assert len(procedure.of(case.rule_set, "noi-khac").steps) == 3


@pytest.mark.parametrize(("opened", "code"), PERIODS)
def test_a_step_out_of_order_is_refused_naming_the_rule_set_and_the_next_step(
    city: Unit, opened: dt.date, code: str
) -> None:
    case = _open(city, opened)
    with pytest.raises(ValidationError) as err:
        _step(case, "bieu-quyet", opened + dt.timedelta(days=1))
    message = " ".join(err.value.messages)
    assert case.rule_set.name in message
    assert "Tập thể lãnh đạo thảo luận, đề xuất nhân sự" in message
    assert not case.steps.exists()
    _step(case, "de-xuat", opened + dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        _step(case, "de-xuat", opened + dt.timedelta(days=2))  # done already: not the next
    assert case.steps.count() == 1


@pytest.mark.parametrize(("opened", "code"), PERIODS)
def test_a_meeting_below_the_quorum_is_refused(city: Unit, opened: dt.date, code: str) -> None:
    case = _open(city, opened)
    day = opened + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as err:
        _step(case, "de-xuat", day, present=5, votes_for=5)  # 2/3 of 9 is 6
    message = " ".join(err.value.messages)
    assert "không đủ số có mặt" in message and "6/9" in message
    assert case.rule_set.name in message
    assert not case.steps.exists()
    assert _step(case, "de-xuat", day, present=6, votes_for=6).present == 6


@pytest.mark.parametrize(("opened", "code"), PERIODS)
def test_votes_for_below_the_threshold_of_those_summoned_are_refused(
    city: Unit, opened: dt.date, code: str
) -> None:
    case = _open(city, opened)
    day = opened + dt.timedelta(days=1)
    before = ChangeRecord.objects.count()
    with pytest.raises(ValidationError) as err:
        # 5 of the 8 present, but not more than half of the 10 summoned.
        _step(case, "de-xuat", day, members_total=10, present=8, votes_for=5)
    message = " ".join(err.value.messages)
    assert "chưa đạt ngưỡng" in message and "6/10" in message
    assert case.rule_set.name in message and "“Tập thể lãnh đạo thảo luận" in message
    assert ChangeRecord.objects.count() == before
    row = _step(case, "de-xuat", day, members_total=10, present=8, votes_for=6)
    assert (row.seq, row.votes_for) == (1, 6)


def test_a_later_rule_set_does_not_change_the_cases_opened_before_it(city: Unit) -> None:
    old = _open(city, D(2026, 1, 5))
    procedures = rules.resolve(procedure.RULE_KEY, D(2026, 1, 5)).value
    two_thirds = {"num": 2, "den": 3, "strict": False}
    stricter = {
        k: {**v, "steps": [{**s, "threshold": two_thirds} for s in v["steps"]]}
        for k, v in procedures.items()
    }
    rules.ruleset_create(
        code="bo-nhiem-thu", name="Quy trình thử 2/3", source="Quy định thử",
        effective_from=D(2026, 6, 1), rules={procedure.RULE_KEY: stricter}, actor=SYSTEM_CLI,
    )  # fmt: skip
    new = _open(city, D(2026, 6, 2), name="Đinh Thị Sau")
    assert new.rule_set.code == "bo-nhiem-thu"
    _step(old, "de-xuat", D(2026, 6, 3), votes_for=5)  # > 1/2 of 9 under the old set
    with pytest.raises(ValidationError) as err:
        _step(new, "de-xuat", D(2026, 6, 3), votes_for=5)  # 2/3 of 9 is 6
    assert "Quy trình thử 2/3" in " ".join(err.value.messages)
    assert _step(new, "de-xuat", D(2026, 6, 3), votes_for=6).seq == 1


@pytest.mark.parametrize(("opened", "code"), PERIODS)
def test_completion_issues_the_decision_which_starts_the_tenure(
    city: Unit, opened: dt.date, code: str
) -> None:
    case = _open(city, opened, kind="noi-khac")
    spec = appointments.DecisionSpec(issuer=city, signed_on=opened + dt.timedelta(days=30),
                                     number=f"9{opened.year}-QĐ/TU")  # fmt: skip
    _step(case, "de-xuat", opened + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as err:
        appointments.case_complete(case=case, decision=spec, actor=SYSTEM_CLI)
    assert "Trao đổi, lấy ý kiến" in " ".join(err.value.messages)
    assert not Tenure.objects.filter(person=case.person).exists()
    _step(case, "trao-doi-noi-cong-tac", opened + dt.timedelta(days=3))
    _step(case, "bieu-quyet", opened + dt.timedelta(days=5))
    done = appointments.case_complete(case=case, decision=spec, actor=SYSTEM_CLI)
    assert done.status == CaseStatus.COMPLETED and done.decision is not None
    tenure = Tenure.objects.get(person=case.person, title=case.title, unit=city)
    assert (tenure.start, tenure.end, tenure.start_basis) == (spec.signed_on, None, Basis.DECISION)
    assert DecisionEffect.objects.filter(decision=done.decision, tenure=tenure).exists()
    assert ChangeRecord.objects.filter(
        object_type="appointments.appointmentcase", object_id=str(case.pk), action="update"
    ).exists()
    with pytest.raises(ValidationError):
        _step(case, "bieu-quyet", opened + dt.timedelta(days=6))


def test_the_appointment_checks_refuse_a_case_with_their_reasons(
    city: Unit, monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_planned(person: object, title: object, unit: object, day: object, source: str) -> str:
        return "Chưa có trong quy hoạch chức danh này." if source == "internal" else ""

    monkeypatch.setattr(hooks.APPOINTMENT_CHECKS, "_registered", [(0, 0, not_planned)])
    with pytest.raises(ValidationError) as err:
        _open(city, D(2024, 3, 1))
    assert err.value.messages == ["Chưa có trong quy hoạch chức danh này."]
    assert not AppointmentCase.objects.exists()
    assert _open(city, D(2024, 3, 1), kind="noi-khac").kind_label.endswith("từ nơi khác")


def test_cases_are_scoped_and_bad_input_changes_nothing(city: Unit) -> None:
    case = _open(city, D(2024, 3, 1))
    hanoi = get_user_model().objects.get(username="hanoi")
    hcm = get_user_model().objects.get(username="hcm")
    assert not AppointmentCase.objects.restrict(hanoi, VIEW).filter(pk=case.pk).exists()
    assert AppointmentCase.objects.restrict(hcm, VIEW).filter(pk=case.pk).exists()
    with pytest.raises(PermissionDenied):
        _record_as(hanoi, case)
    with pytest.raises(ValidationError):
        _step(case, "de-xuat", D(2024, 3, 2), present=10)  # more present than summoned
    with pytest.raises(ValidationError):
        _step(case, "de-xuat", D(2024, 2, 1))  # before the case opened
    with pytest.raises(ValidationError):
        _open(city, D(2024, 3, 1), kind="khong-co")
    assert not case.steps.exists()
    appointments.case_cancel(case=case, day=D(2024, 3, 9), reason="Xin rút", actor=SYSTEM_CLI)
    case.refresh_from_db()
    assert case.status == CaseStatus.CANCELLED
    with pytest.raises(ValidationError):
        _step(case, "de-xuat", D(2024, 3, 10))


def _record_as(user: object, case: AppointmentCase) -> None:
    vote = appointments.Vote(held_on=D(2024, 3, 2), members_total=9, present=9, votes_for=9)
    appointments.case_record_step(case=case, code="de-xuat", vote=vote, actor=user)
