"""Rotations start and end posts through the decision services, keep the rule set of their
start, are flagged before their end by that rule set's warning period, and refuse bad input
and a second ending."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from xaydungdang.cadres.models import PersonnelDecision, Rotation, RotationStatus
from xaydungdang.cadres.services import rotations
from xaydungdang.core.access import AccessDenied
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import RoleAssignment
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Tenure, Title

from ..races import assert_one_wins, race

D = dt.date


@pytest.fixture
def units(make_unit: Callable[..., Unit]) -> dict[str, Unit]:
    city = make_unit("Thành ủy Đà Nẵng", code="tu-dn")
    return {
        "city": city,
        "board": make_unit("Ban Tổ chức Thành ủy Đà Nẵng", parent=city, kind="advisory_board"),
        "ward": make_unit("Đảng ủy phường Hải Châu", parent=city, kind="commune_committee"),
    }


@pytest.fixture
def secretary(db: None) -> Title:
    return people.title_create(name="Bí thư Đảng ủy", actor=SYSTEM_CLI)


@pytest.fixture
def cadre(units: dict[str, Unit]) -> Person:
    return people.person_create(
        full_name="Lê Minh Hoàng", managing_unit=units["board"], actor=SYSTEM_CLI
    )


def send(cadre: Person, units: dict[str, Unit], title: Title, start: dt.date, **kw: object):
    return rotations.rotation_start(
        person=cadre, from_unit=units["board"], to_unit=units["ward"], to_title=title,
        start=start, planned_end=kw.pop("planned_end", start.replace(year=start.year + 2)),
        purpose=kw.pop("purpose", "Rèn luyện thực tiễn ở cơ sở"), issuer=units["city"],
        actor=SYSTEM_CLI, **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def test_a_rotation_starts_the_post_and_ending_it_ends_the_post(
    cadre: Person, units: dict[str, Unit], secretary: Title
) -> None:
    rotation = send(cadre, units, secretary, D(2024, 3, 1), number="15-QĐ/TU")
    tenure = Tenure.objects.get(person=cadre, unit=units["ward"])
    assert (tenure.start, tenure.end, tenure.start_basis) == (D(2024, 3, 1), None, "decision")
    assert rotation.decision.kind == "rotation" and rotation.decision.term_until == D(2026, 3, 1)
    rotations.rotation_end(rotation=rotation, ended_on=D(2025, 9, 1), actor=SYSTEM_CLI)
    tenure.refresh_from_db()
    rotation.refresh_from_db()
    assert tenure.end == D(2025, 9, 1)
    assert (rotation.status, rotation.ended_on) == (RotationStatus.ENDED, D(2025, 9, 1))
    with pytest.raises(ValidationError, match="đã kết thúc"):
        rotations.rotation_end(rotation=rotation, ended_on=D(2025, 10, 1), actor=SYSTEM_CLI)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"purpose": "  "}, "mục đích"),
        ({"planned_end": D(2024, 2, 1)}, "phải sau ngày bắt đầu"),
        ({"planned_end": D(9999, 12, 31)}, "Thời hạn luân chuyển"),
    ],
)
def test_bad_input_changes_nothing(
    cadre: Person, units: dict[str, Unit], secretary: Title, change: dict, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        send(cadre, units, secretary, D(2024, 3, 1), **change)
    assert not Rotation.objects.exists() and not PersonnelDecision.objects.exists()
    assert not Tenure.objects.filter(person=cadre).exists()


def test_the_warning_period_is_that_of_the_rule_set_of_the_start(
    cadre: Person, units: dict[str, Unit], secretary: Title
) -> None:
    day = D(2026, 6, 1)
    ends = day + dt.timedelta(days=75)
    older = send(cadre, units, secretary, D(2024, 3, 1), planned_end=ends)  # 80-QĐ/TW: 60 days
    other = people.person_create(
        full_name="Nguyễn Thị Lan", managing_unit=units["board"], actor=SYSTEM_CLI
    )
    newer = send(other, units, secretary, D(2026, 1, 5), planned_end=ends)  # 377-QĐ/TW: 90 days
    assert older.rule_set.code == "can-bo-80-2022" and newer.rule_set.code == "can-bo-377-2025"
    flagged = {r.pk: due for r, due in rotations.active(SYSTEM_CLI, day)}
    assert flagged == {older.pk: False, newer.pk: True}
    assert {r.pk: due for r, due in rotations.active(SYSTEM_CLI, ends)} == {
        older.pk: True,
        newer.pk: True,
    }


def test_rotations_are_seen_within_scope_only(
    cadre: Person, units: dict[str, Unit], secretary: Title, make_unit: Callable[..., Unit]
) -> None:
    rotation = send(cadre, units, secretary, D(2024, 3, 1))
    outsider = make_unit("Tỉnh ủy Quảng Nam", code="tu-qn")
    user = get_user_model().objects.create_user(username="qn", password="pw-123456789")
    RoleAssignment.objects.create(user=user, unit=outsider, role="manager")
    assert rotations.active(user, D(2025, 1, 1)) == []
    with pytest.raises(AccessDenied):
        rotations.rotation_end(rotation=rotation, ended_on=D(2025, 1, 1), actor=user)
    rotation.refresh_from_db()
    assert rotation.status == RotationStatus.ACTIVE


@pytest.mark.django_db(transaction=True)
def test_two_endings_race(cadre: Person, units: dict[str, Unit], secretary: Title) -> None:
    rotation = send(cadre, units, secretary, D(2024, 3, 1))
    first, second = Rotation.objects.get(pk=rotation.pk), Rotation.objects.get(pk=rotation.pk)
    assert_one_wins(
        race(
            lambda: rotations.rotation_end(
                rotation=first, ended_on=D(2025, 1, 1), actor=SYSTEM_CLI
            ),
            lambda: rotations.rotation_end(
                rotation=second, ended_on=D(2025, 6, 1), actor=SYSTEM_CLI
            ),
        )
    )
    assert Tenure.objects.get(person=cadre, unit=units["ward"]).end in (
        D(2025, 1, 1),
        D(2025, 6, 1),
    )
