"""Two lifecycle steps of one member posted at once: exactly one wins, the counts stay equal to
a recount (two real connections, in threads; SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.members import services
from xaydungdang.members.models import Member, MemberEvent
from xaydungdang.members.structure import tallies as aggregates
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people

from ..races import assert_one_wins, race

D = dt.date
pytestmark = pytest.mark.django_db(transaction=True)


def _member(cell: Unit) -> Member:
    person = people.person_create(
        full_name="Trần Thị Đua", gender="female", managing_unit=cell, actor=SYSTEM_CLI
    )
    return services.member_admit(
        person=person,
        cell=cell,
        sheet=services.Sheet(birth_date=D(1990, 5, 1)),
        decision_date=D(2020, 3, 1),
        ceremony_date=D(2020, 3, 10),
        actor=SYSTEM_CLI,
    )


def _copies(member: Member) -> tuple[Member, Member]:
    """Two users' copies, both read before either posts (as two open forms)."""
    return Member.objects.get(pk=member.pk), Member.objects.get(pk=member.pk)


def test_two_transfers_of_one_member(cells: dict[str, Unit]) -> None:
    member = _member(cells["cb-1"])
    first, second = _copies(member)
    assert_one_wins(
        race(
            lambda: services.member_transfer(
                member=first, to_cell=cells["cb-2"], day=D(2024, 1, 1), actor=SYSTEM_CLI
            ),
            lambda: services.member_transfer(
                member=second, to_cell=cells["cb-3"], day=D(2024, 1, 1), actor=SYSTEM_CLI
            ),
        )
    )
    assert MemberEvent.objects.filter(member=member, kind="transfer_permanent").count() == 1
    assert +aggregates.recount() == aggregates.stored()


def test_removal_against_death(cells: dict[str, Unit]) -> None:
    member = _member(cells["cb-1"])
    first, second = _copies(member)
    assert_one_wins(
        race(
            lambda: services.member_leave(
                member=first, kind="removal", day=D(2024, 1, 1), actor=SYSTEM_CLI
            ),
            lambda: services.member_leave(
                member=second, kind="death", day=D(2024, 1, 2), actor=SYSTEM_CLI
            ),
        )
    )
    assert MemberEvent.objects.filter(member=member, kind__in=["removal", "death"]).count() == 1
    assert +aggregates.recount() == aggregates.stored()


def test_a_stale_copy_is_refused_even_one_after_the_other(cells: dict[str, Unit]) -> None:
    member = _member(cells["cb-1"])
    first, second = _copies(member)
    services.member_transfer(
        member=first, to_cell=cells["cb-2"], day=D(2024, 1, 1), actor=SYSTEM_CLI
    )
    with pytest.raises(ValidationError, match="Bản ghi đã được thay đổi lúc"):
        services.member_leave(member=second, kind="death", day=D(2024, 2, 1), actor=SYSTEM_CLI)
    second.refresh_from_db()
    assert second.standing == "member" and second.cell_id == cells["cb-2"].pk
    assert +aggregates.recount() == aggregates.stored()
