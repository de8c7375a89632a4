"""Explicit audit: every write leaves a change record in the same transaction, and the rows
survive the deletion of users."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import BusinessEvent, ChangeRecord
from xaydungdang.core.services import role_grant, role_revoke
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people

D = dt.date


def test_every_service_write_leaves_an_audit_record(
    make_unit: Callable[..., Unit], scoped_user: Callable[..., object], root: Unit
) -> None:
    actor = scoped_user("writer", None)
    hn = make_unit("Thành ủy Hà Nội")
    title = people.title_create(name="Bí thư", actor=actor)
    p = people.person_create(full_name="Hoàng Trung Hải", managing_unit=hn, actor=actor)

    writes: list[tuple[str, Callable[[], object]]] = [
        (
            "org.unit",
            lambda: org.unit_create(
                spec=org.UnitSpec(name="Ban Tổ chức", kind="advisory_board", parent=hn),
                valid_from=D(2001, 1, 1),
                actor=actor,
            ),
        ),
        (
            "org.unit",
            lambda: org.unit_update(
                unit=hn, short_name="TU Hà Nội", aliases=["Hà Nội"], actor=actor
            ),
        ),
        (
            "org.unit",
            lambda: org.unit_rename(
                unit=hn,
                name="Thành ủy thành phố Hà Nội",
                effective_date=D(2010, 1, 1),
                actor=actor,
            ),
        ),
        ("people.title", lambda: people.title_update(title=title, rank=3, actor=actor)),
        (
            "people.person",
            lambda: people.person_update(person=p, birth_year=1959, actor=actor),
        ),
        (
            "people.tenure",
            lambda: people.tenure_start(
                person=p, title=title, unit=hn, start=D(2016, 2, 1), actor=actor
            ),
        ),
    ]
    for object_type, write in writes:
        before = ChangeRecord.objects.count()
        obj = write()
        record = ChangeRecord.objects.order_by("-id").first()
        assert ChangeRecord.objects.count() == before + 1
        assert record is not None and record.object_type == object_type
        assert record.actor_name == "writer" and record.request_id
        assert record.object_id == str(obj.pk)  # type: ignore[attr-defined]
    update = ChangeRecord.objects.get(object_type="people.person", action="update")
    assert update.before["birth_year"] is None and update.after["birth_year"] == 1959
    assert ("birth_year", None, 1959) in update.changed_fields()
    assert BusinessEvent.objects.filter(kind="people.tenure_started").count() == 1
    assert BusinessEvent.objects.filter(kind="org.unit_renamed").count() == 1


def test_audit_survives_user_deletion(
    make_unit: Callable[..., Unit], scoped_user: Callable[..., object]
) -> None:
    user = scoped_user("tam", None)
    make_unit("Đảng bộ X")
    org.unit_create(
        spec=org.UnitSpec(name="Đảng bộ Y", kind="grassroots_committee"),
        valid_from=None,
        actor=user,
    )
    rows = ChangeRecord.objects.filter(actor_name="tam").count()
    assert rows >= 1
    get_user_model().objects.filter(username="tam").delete()
    assert ChangeRecord.objects.filter(actor_name="tam", actor__isnull=True).count() == rows


def test_role_grants_and_revokes_are_audited(make_unit: Callable[..., Unit]) -> None:
    unit = make_unit("Thành ủy Huế")
    user = get_user_model().objects.create_user(username="u1", password="pw-123456789")
    grant = role_grant(user=user, role="viewer", unit=unit, actor=SYSTEM_CLI)
    role_revoke(grant=grant, actor=SYSTEM_CLI)
    actions = list(
        ChangeRecord.objects.filter(object_type="core.roleassignment")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "delete"]


def test_web_write_records_the_request_id(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    client = client_for("hanoi")
    unit = demo["tu-hn"]
    response = client.post(
        f"/don-vi/{unit.pk}/them/",
        {"name": "Ban Nội chính Thành ủy Hà Nội", "kind": "advisory_board"},
        HTTP_X_REQUEST_ID="req-abc123",
    )
    assert response.status_code == 302
    record = ChangeRecord.objects.get(object_repr="Ban Nội chính Thành ủy Hà Nội")
    assert record.request_id == "req-abc123" and record.actor_name == "hanoi"
    assert (
        BusinessEvent.objects.get(object_type="org.unit", object_id=record.object_id).request_id
        == "req-abc123"
    )


@pytest.mark.parametrize(
    "payload",
    [
        {"name": "", "kind": "advisory_board"},
        {"name": "Ban A", "kind": "???"},
        {"name": "Ban A", "kind": "advisory_board", "valid_from": "31/02/2020"},
    ],
)
def test_bad_form_input_answers_in_vietnamese_and_changes_nothing(
    client_for: Callable[[str], Client], demo: dict[str, Unit], payload: dict[str, str]
) -> None:
    client = client_for("hanoi")
    before = (Unit.objects.count(), ChangeRecord.objects.count())
    response = client.post(f"/don-vi/{demo['tu-hn'].pk}/them/", payload)
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()
    assert (Unit.objects.count(), ChangeRecord.objects.count()) == before
