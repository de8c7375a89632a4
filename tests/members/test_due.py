"""What falls due: recognition after probation (with the rule of the ceremony date) and the
Huy hiệu Đảng awarded once per milestone; their page and form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from tests.members.test_lifecycle import admit
from xaydungdang.core import rules
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.members import due
from xaydungdang.members.models import BadgeAward
from xaydungdang.members.services import badges
from xaydungdang.org.models import Unit

D = dt.date


def test_the_probation_list_uses_the_rule_of_the_ceremony_date(cells: dict[str, Unit]) -> None:
    from django.contrib.auth import get_user_model

    from xaydungdang.members.services import lifecycle as services

    rules.ruleset_create(
        code="thu-du-bi-18", name="Thử: dự bị 18 tháng", source="thử nghiệm",
        effective_from=D(2026, 1, 1), rules={"members.probation_months": 18}, actor=SYSTEM_CLI
    )  # fmt: skip
    today = D(2027, 7, 1)
    overdue = admit(cells["cb-1"], decided=D(2025, 12, 1), ceremony=D(2025, 12, 10))  # 12 months
    soon = admit(cells["cb-2"], decided=D(2026, 1, 5), ceremony=D(2026, 1, 10))  # 18: 10/7/2027
    not_yet = admit(cells["cb-1"], decided=D(2026, 2, 20), ceremony=D(2026, 3, 1))  # 1/9/2027
    recognized = admit(cells["cb-1"], decided=D(2024, 1, 1), ceremony=D(2024, 1, 2))
    services.member_recognize_full(member=recognized, decided_on=D(2025, 1, 3), actor=SYSTEM_CLI)
    assert list(due.probations(None, cells["province"], today)) == []  # no user sees nothing
    admin = get_user_model().objects.create_superuser("quan-tri", password="x")
    listed = due.probations(admin, cells["province"], today)
    rows = due.probation_rows(list(listed), today)
    assert [(r.member, r.ends) for r in rows] == [
        (overdue, D(2026, 12, 10)),
        (soon, D(2027, 7, 10)),
    ]
    assert rows[0].overdue_days == 203 and rows[1].days_left == 9
    assert not_yet not in listed and recognized not in listed
    assert [m.pk for m in due.probations(admin, cells["cb-2"], today)] == [soon.pk]


def test_a_badge_is_awarded_once_when_due(cells: dict[str, Unit]) -> None:
    member = admit(cells["cb-1"], born=D(1950, 1, 1), decided=D(1995, 3, 1))  # 30 years 1/3/2025
    assert [b.member for b in badges.badges_due(SYSTEM_CLI, D(2025, 5, 19))] == [member]
    with pytest.raises(ValidationError, match="không phải dịp"):
        badges.badge_award(member=member, milestone=30, occasion=D(2025, 5, 20), actor=SYSTEM_CLI)
    with pytest.raises(ValidationError, match="các mốc 30, 40, 45"):
        badges.badge_award(member=member, milestone=35, occasion=D(2025, 5, 19), actor=SYSTEM_CLI)
    with pytest.raises(ValidationError, match="mới có 29 năm tuổi Đảng, chưa đủ 30 năm"):
        badges.badge_award(member=member, milestone=30, occasion=D(2025, 2, 3), actor=SYSTEM_CLI)
    award = badges.badge_award(
        member=member, milestone=30, occasion=D(2025, 5, 19), decision="123-QĐ/TU",
        actor=SYSTEM_CLI,
    )  # fmt: skip
    assert award.rule_set is not None and member.events.filter(kind="badge").count() == 1
    assert ChangeRecord.objects.filter(object_type="members.badgeaward").count() == 1
    assert badges.badges_due(SYSTEM_CLI, D(2025, 5, 19)) == []  # awarded: no longer due
    with pytest.raises(ValidationError, match="đã được trao Huy hiệu 30 năm"):
        badges.badge_award(member=member, milestone=30, occasion=D(2025, 9, 2), actor=SYSTEM_CLI)
    assert BadgeAward.objects.count() == 1


def test_badge_occasions_follow_the_rules(db: None) -> None:
    assert badges.next_occasion(D(2026, 11, 8)) == D(2027, 2, 3)
    assert badges.next_occasion(D(2026, 11, 7)) == D(2026, 11, 7)
    assert badges.previous_occasion(D(2027, 2, 3)) == D(2026, 11, 7)


def test_the_due_page_lists_and_the_form_records(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    from xaydungdang.org import services as org

    cell = org.unit_create(
        spec=org.UnitSpec(name="Chi bộ Khu phố 9", kind="grassroots_cell",
                          parent=demo["tu-hcm"], code="kp9"),
        valid_from=None, actor=SYSTEM_CLI,
    )  # fmt: skip
    today = timezone.localdate()
    occasion = badges.next_occasion(today)
    veteran = admit(cell, born=D(1940, 1, 1), decided=occasion.replace(year=occasion.year - 40))
    late = admit(cell, decided=today.replace(year=today.year - 2), ceremony=None)
    client = client_for("hcm")
    page = client.get(f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/den-han/").content.decode()
    assert late.person.full_name in page and "Quá hạn" in page
    assert veteran.person.full_name in page and "40 năm tuổi Đảng" in page
    bad = client.get(f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/den-han/", {"dip": "31/02/2026"})
    assert "Ngày không hợp lệ" in bad.content.decode()
    other = client.get(f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/den-han/", {"dip": "20/05/2026"})
    assert "không phải dịp trao Huy hiệu Đảng" in other.content.decode()
    url = f"/dang-vien/{veteran.pk}/huy-hieu/"
    response = client.post(url, {"milestone": "40", "occasion": occasion.strftime("%d/%m/%Y"),
                                 "decision": "9-QĐ/TU"})  # fmt: skip
    assert response.status_code == 302
    assert veteran.badges.get().milestone == 40
    again = client.post(url, {"milestone": "40", "occasion": occasion.strftime("%d/%m/%Y")})
    assert "đã được trao Huy hiệu 40 năm" in again.content.decode()
    detail = client.get(f"/dang-vien/{veteran.pk}/").content.decode()
    assert "Trao Huy hiệu Đảng" in detail and "Huy hiệu 40 năm tuổi Đảng" in detail


def test_the_due_page_does_not_grow_with_its_rows(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    from tests.conftest import queries_of
    from xaydungdang.org import services as org

    cell = org.unit_create(
        spec=org.UnitSpec(name="Chi bộ Khu phố 8", kind="grassroots_cell",
                          parent=demo["tu-hcm"], code="kp8"),
        valid_from=None, actor=SYSTEM_CLI,
    )  # fmt: skip
    client = client_for("hcm")
    url = f"/dang-vien/don-vi/{demo['tu-hcm'].pk}/den-han/"
    late = timezone.localdate().replace(year=timezone.localdate().year - 2)
    admit(cell, decided=late)
    one = queries_of(client, url)
    for _ in range(3):
        admit(cell, decided=late)
    assert queries_of(client, url) == one
