"""The member lifecycle: each rule with the rule set in force on the date, badge arithmetic,
the counts kept equal to the rows (hypothesis), the commands and the permission scoping."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xaydungdang.core import access
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import BusinessEvent, ChangeRecord
from xaydungdang.members import services
from xaydungdang.members.models import Member, MemberEvent
from xaydungdang.members.services import badges
from xaydungdang.members.structure import tallies as aggregates
from xaydungdang.members.structure.report import snapshot_year_end, structure_report
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people

D = dt.date


_n = iter(range(10**6))


BORN, DECIDED = D(1990, 5, 1), D(2020, 3, 1)


def admit(
    cell: Unit,
    *,
    born: dt.date = BORN,
    decided: dt.date = DECIDED,
    ceremony: dt.date | None = None,
    gender: str = "male",
    **sheet: Any,
) -> Member:
    person = people.person_create(
        full_name=f"Nguyễn Văn Thử {next(_n)}",
        gender=gender,
        managing_unit=cell,
        actor=SYSTEM_CLI,
    )
    return services.member_admit(
        person=person,
        cell=cell,
        sheet=services.Sheet(birth_date=born, **sheet),
        decision_date=decided,
        ceremony_date=ceremony or decided + dt.timedelta(days=10),
        actor=SYSTEM_CLI,
    )


def assert_counts_match() -> None:
    assert +aggregates.recount() == aggregates.stored()


def test_admission_keeps_both_dates_and_checks_age(cells: dict[str, Unit]) -> None:
    member = admit(cells["cb-1"], decided=D(2020, 3, 1), ceremony=D(2020, 3, 20))
    assert (member.admission_decision_date, member.admission_ceremony_date) == (
        D(2020, 3, 1),
        D(2020, 3, 20),
    )
    assert member.membership_type == "probationary" and member.events.get().kind == "admission"
    with pytest.raises(ValidationError, match="đủ 18 tuổi"):
        admit(cells["cb-1"], born=D(2002, 3, 2), decided=D(2020, 3, 1))
    admit(cells["cb-1"], born=D(2002, 3, 1), decided=D(2020, 3, 1))  # 18 years to the day
    with pytest.raises(ValidationError, match="lễ kết nạp không được trước"):
        admit(cells["cb-1"], decided=D(2020, 3, 1), ceremony=D(2020, 2, 1))
    with pytest.raises(ValidationError, match="54 dân tộc"):
        admit(cells["cb-1"], ethnicity="99")
    with pytest.raises(ValidationError, match="Số lý lịch"):
        admit(cells["cb-1"], dossier_number="12345")
    with pytest.raises(ValidationError, match="chính thức"):
        admit(cells["cb-1"], card_number="12345678")  # no card before full membership
    assert_counts_match()


def test_full_recognition_after_twelve_months_from_the_ceremony(cells: dict[str, Unit]) -> None:
    member = admit(cells["cb-1"], decided=D(2020, 3, 1), ceremony=D(2020, 3, 20))
    with pytest.raises(ValidationError, match="Chưa hết thời gian dự bị"):
        services.member_recognize_full(member=member, decided_on=D(2021, 3, 19), actor=SYSTEM_CLI)
    services.member_recognize_full(member=member, decided_on=D(2021, 6, 1), actor=SYSTEM_CLI)
    member.refresh_from_db()
    assert member.membership_type == "full"
    assert member.full_date == D(2021, 3, 20)  # the end of probation, not the late decision
    step = member.events.get(kind="full_recognition")
    assert step.rule_set is not None and step.rule_set.code == "dang-vien-quy-dinh-24-2021"
    with pytest.raises(ValidationError, match="dự bị"):
        services.member_recognize_full(member=member, decided_on=D(2021, 7, 1), actor=SYSTEM_CLI)


def test_transfers_move_the_counts_and_keep_history(cells: dict[str, Unit]) -> None:
    member = admit(cells["cb-1"])
    services.member_transfer(
        member=member, to_cell=cells["cb-3"], day=D(2021, 1, 5), actor=SYSTEM_CLI
    )
    assert structure_report(None, cells["province"])["total"] == 0
    assert structure_report(None, cells["other"])["total"] == 1
    services.member_transfer(
        member=member, to_cell=cells["cb-2"], day=D(2021, 6, 1), temporary=True, actor=SYSTEM_CLI
    )
    member.refresh_from_db()
    assert member.cell == cells["cb-3"] and member.activity == "temporary_elsewhere"
    history = list(member.events.values_list("kind", "from_unit__code", "to_unit__code"))
    assert history[1:] == [
        ("transfer_permanent", "cb-1", "cb-3"),
        ("transfer_temporary", "cb-3", "cb-2"),
    ]
    with pytest.raises(ValidationError, match="trùng"):
        services.member_transfer(
            member=member, to_cell=cells["cb-3"], day=D(2022, 1, 1), actor=SYSTEM_CLI
        )
    assert_counts_match()


def test_removal_and_readmission_at_most_once(cells: dict[str, Unit]) -> None:
    member = admit(cells["cb-1"], decided=D(1990, 1, 10), born=D(1960, 1, 1))
    services.member_leave(member=member, kind="removal", day=D(2000, 1, 10), actor=SYSTEM_CLI)
    assert structure_report(None, cells["province"])["total"] == 0
    services.member_readmit(
        member=member,
        cell=cells["cb-2"],
        decision_date=D(2005, 1, 10),
        ceremony_date=D(2005, 2, 1),
        actor=SYSTEM_CLI,
    )
    member.refresh_from_db()
    assert member.readmitted and member.membership_type == "probationary"
    # Seniority: 10 years before the removal and the years since the readmission.
    assert badges.seniority_years(member, D(2025, 1, 10)) == 30
    services.member_leave(member=member, kind="expulsion", day=D(2010, 1, 1), actor=SYSTEM_CLI)
    with pytest.raises(ValidationError, match="một lần"):
        services.member_readmit(
            member=member,
            cell=cells["cb-2"],
            decision_date=D(2015, 1, 1),
            ceremony_date=D(2015, 1, 2),
            actor=SYSTEM_CLI,
        )
    assert_counts_match()


def test_death_and_exemption(cells: dict[str, Unit]) -> None:
    member = admit(cells["cb-1"])
    services.member_exempt(member=member, day=D(2022, 1, 1), reason="Tuổi cao", actor=SYSTEM_CLI)
    report = structure_report(None, cells["province"])
    assert report["breakdowns"]["activity"] == {"Miễn công tác và sinh hoạt": 1}
    services.member_leave(member=member, kind="death", day=D(2023, 1, 1), actor=SYSTEM_CLI)
    assert structure_report(None, cells["province"])["total"] == 0
    assert not member.gaps.exists()
    with pytest.raises(ValidationError, match="không còn trong danh sách"):
        services.member_leave(member=member, kind="removal", day=D(2023, 2, 1), actor=SYSTEM_CLI)


def test_badge_milestones_and_occasions(cells: dict[str, Unit]) -> None:
    due = admit(cells["cb-1"], born=D(1950, 1, 1), decided=D(1995, 3, 1))  # 30 years on 1/3/2025
    admit(cells["cb-1"], born=D(1950, 1, 1), decided=D(1995, 6, 1))  # after 19/5/2025: next time
    gapped = admit(cells["cb-2"], born=D(1940, 1, 1), decided=D(1985, 4, 1))
    services.member_leave(member=gapped, kind="removal", day=D(1990, 4, 1), actor=SYSTEM_CLI)
    services.member_readmit(
        member=gapped,
        cell=cells["cb-2"],
        decision_date=D(1995, 4, 1),
        ceremony_date=D(1995, 4, 2),
        actor=SYSTEM_CLI,
    )  # 5 years of gap: 40 years of age in the Party on 1/4/2030, 35 on 1/4/2025
    listed = badges.badges_due(SYSTEM_CLI, D(2025, 5, 19))
    assert [(b.member.pk, b.milestone) for b in listed] == [(due.pk, 30)]
    later = badges.badges_due(SYSTEM_CLI, D(2025, 9, 2))
    assert [b.milestone for b in later] == [30]
    assert badges.badges_due(SYSTEM_CLI, D(2030, 5, 19))[0].member == gapped
    with pytest.raises(ValidationError, match="không phải dịp"):
        badges.badges_due(SYSTEM_CLI, D(2025, 5, 20))


def test_report_scoping_and_snapshots(
    cells: dict[str, Unit], scoped_user: Callable[..., Any]
) -> None:
    admit(cells["cb-1"], gender="female", education="university", theory_level="intermediate")
    admit(cells["cb-3"], born=D(1950, 1, 1))
    nation = structure_report(None, Unit.objects.get(code="r"))
    assert nation["total"] == 2
    assert list(nation["breakdowns"]["gender"].items()) == [("Nam", 1), ("Nữ", 1)]
    province = structure_report(None, cells["province"])
    assert province["breakdowns"]["education"] == {"Đại học": 1}
    assert province["breakdowns"]["theory_level"] == {"Trung cấp": 1}
    assert province["breakdowns"]["ethnicity"] == {"Kinh": 1}
    outsider = scoped_user("ngoai", cells["other"])
    with pytest.raises(access.AccessDenied):
        structure_report(outsider, cells["province"])
    assert Member.objects.restrict(outsider).count() == 1
    with pytest.raises(ValidationError, match="Chưa có số liệu chốt"):
        structure_report(None, cells["province"], D(2023, 6, 1))
    snapshot_year_end(year=2022, actor=SYSTEM_CLI)
    admit(cells["cb-1"])
    past = structure_report(None, cells["province"], D(2023, 6, 1))
    assert (past["total"], past["as_of"]) == (1, "2022-12-31")
    assert structure_report(None, cells["province"])["total"] == 2


def test_every_step_is_audited_and_on_the_timeline(cells: dict[str, Unit]) -> None:
    before = ChangeRecord.objects.filter(object_type="members.member").count()
    member = admit(cells["cb-1"])
    services.member_transfer(
        member=member, to_cell=cells["cb-2"], day=D(2021, 1, 1), actor=SYSTEM_CLI
    )
    services.member_exempt(
        member=member, day=D(2022, 1, 1), reason="Sức khỏe yếu", actor=SYSTEM_CLI
    )
    assert ChangeRecord.objects.filter(object_type="members.member").count() == before + 3
    assert MemberEvent.objects.filter(member=member).count() == 3


def test_commands(cells: dict[str, Unit]) -> None:
    admit(cells["cb-1"])
    out = StringIO()
    call_command("structure-report", "--unit", "tu-t", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["total"] == 1 and report["unit"]["code"] == "tu-t"
    text = StringIO()
    call_command("structure-report", "--unit", "tu-t", stdout=text)
    assert "1 đảng viên" in text.getvalue() and "  Giới tính: Nam: 1" in text.getvalue()
    call_command("verify-aggregates", stdout=StringIO())
    Member.objects.update(religion="catholic")  # a write behind the services' back
    with pytest.raises(CommandError, match="không khớp"):
        call_command("verify-aggregates", stdout=StringIO(), stderr=StringIO())
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị"):
        call_command("structure-report", "--unit", "khong-co", stdout=StringIO())


STEPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["admit", "full", "move", "temp", "exempt", "remove", "expel", "die", "readmit"]
        ),
        st.integers(min_value=0, max_value=30),
        st.sampled_from(["cb-1", "cb-2", "cb-3"]),
    ),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_counts_equal_the_rows_after_random_lifecycles(
    cells: dict[str, Unit], steps: list[Any]
) -> None:
    day = D(2030, 1, 1)
    for action, pick, code in steps:
        members = list(Member.objects.select_related("person", "cell").order_by("pk"))
        member = members[pick % len(members)] if members else None
        day += dt.timedelta(days=400)
        with contextlib.suppress(ValidationError):  # a refused step must change nothing
            _run(action, member, cells[code], day)
    assert_counts_match()


def _run(action: str, member: Member | None, cell: Unit, day: dt.date) -> None:
    if action == "admit" or member is None:
        admit(cell, decided=day, born=D(1980, 1, 1))
    elif action == "full":
        services.member_recognize_full(member=member, decided_on=day, actor=SYSTEM_CLI)
    elif action in ("move", "temp"):
        services.member_transfer(
            member=member, to_cell=cell, day=day, temporary=action == "temp", actor=SYSTEM_CLI
        )
    elif action == "exempt":
        services.member_exempt(member=member, day=day, reason="Tuổi cao", actor=SYSTEM_CLI)
    elif action == "readmit":
        services.member_readmit(
            member=member, cell=cell, decision_date=day, ceremony_date=day, actor=SYSTEM_CLI
        )
    else:
        kind = {"remove": "removal", "expel": "expulsion", "die": "death"}[action]
        services.member_leave(member=member, kind=kind, day=day, actor=SYSTEM_CLI)


def test_counts_follow_a_unit_moved_in_the_tree(cells: dict[str, Unit]) -> None:
    admit(cells["cb-1"])
    admit(cells["cb-1"])
    org.unit_reparent(
        unit=cells["cb-1"],
        new_parent=cells["other"],
        effective_date=D(2025, 7, 1),
        actor=SYSTEM_CLI,
    )
    assert structure_report(None, cells["province"])["total"] == 0
    assert structure_report(None, cells["other"])["total"] == 2
    assert structure_report(None, Unit.objects.get(code="r"))["total"] == 2
    assert_counts_match()


def test_each_step_reaches_the_business_event_feed(cells: dict[str, Unit]) -> None:
    member = admit(cells["cb-1"])
    services.member_transfer(
        member=member, to_cell=cells["cb-3"], day=D(2021, 1, 5), actor=SYSTEM_CLI
    )
    events = BusinessEvent.objects.filter(
        object_type="members.member", object_id=str(member.pk)
    ).order_by("at", "id")
    assert [e.kind for e in events] == ["members.step", "members.step"]
    assert events.last().summary.endswith(f"{member} (05/01/2021)")  # type: ignore[union-attr]
    assert events.last().scope_path == cells["cb-3"].path  # type: ignore[union-attr]
