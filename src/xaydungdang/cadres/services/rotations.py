"""Rotation (luân chuyển): a cadre sent to another unit and post for a period. Starting one
issues the rotation decision, which starts the post at the receiving unit; ending one ends
that post. The warning before the planned end comes from the rule set of the start date."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from xaydungdang.core import access, audit, rules
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.core.locking import locked, write
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import clean
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Title

from ..models import DecisionKind, Effect, Rotation, RotationStatus
from . import decision_issue

WARNING_KEY = "cadres.rotation_warning_days"


def rotation_start(
    *,
    person: Person,
    from_unit: Unit,
    to_unit: Unit,
    to_title: Title,
    start: dt.date,
    planned_end: dt.date,
    purpose: str,
    issuer: Unit,
    number: str = "",
    from_title: Title | None = None,
    return_unit: Unit | None = None,
    return_title: Title | None = None,
    actor: Actor,
) -> Rotation:
    """Send ``person`` to ``to_unit`` as ``to_title`` from ``start`` to ``planned_end``."""
    access.require(actor, access.CHANGE, from_unit.path)
    purpose = clean(purpose)
    if not purpose:
        raise ValidationError("Hãy nêu mục đích luân chuyển.")
    check_date(start, "tenure", "Ngày bắt đầu luân chuyển")
    check_date(planned_end, "tenure", "Thời hạn luân chuyển")
    if planned_end <= start:
        raise ValidationError("Thời hạn luân chuyển phải sau ngày bắt đầu.")
    if to_unit.pk == from_unit.pk:
        raise ValidationError("Đơn vị đến phải khác đơn vị đang công tác.")
    if return_title is not None and return_unit is not None:
        people.check_title_fits(return_title, return_unit)
    with transaction.atomic():
        decision = decision_issue(
            kind=DecisionKind.ROTATION, person=person, issuer=issuer, signed_on=start,
            number=number, title=to_title, unit=to_unit, term_until=planned_end,
            note=purpose, actor=actor,
        )  # fmt: skip
        rotation = Rotation(
            person=person, from_unit=from_unit, from_title=from_title, to_unit=to_unit,
            to_title=to_title, start=start, planned_end=planned_end, purpose=purpose,
            return_unit=return_unit, return_title=return_title, decision=decision,
            rule_set=rules.resolve(WARNING_KEY, start).rule_set,
        )  # fmt: skip
        rotation.full_clean()
        audit.save(rotation, actor=actor, before=None, scope_path=from_unit.path)
    return rotation


def rotation_end(*, rotation: Rotation, ended_on: dt.date, actor: Actor) -> Rotation:
    """End an active rotation on ``ended_on``: the post it started ends that day."""
    check_date(ended_on, "tenure", "Ngày kết thúc luân chuyển")
    with transaction.atomic():
        current = locked(rotation)
        access.require(actor, access.CHANGE, current.from_unit.path)
        if current.status != RotationStatus.ACTIVE:
            raise ValidationError(
                f"Đợt luân chuyển này đã kết thúc từ {vn_date(current.ended_on)}."
            )
        if ended_on <= current.start:
            raise ValidationError(
                f"Ngày kết thúc phải sau ngày bắt đầu luân chuyển ({vn_date(current.start)})."
            )
        effect = current.decision.effects.filter(effect=Effect.START).select_related("tenure")
        for row in effect:
            if row.tenure.end is None or row.tenure.end > ended_on:
                people.tenure_update(tenure=row.tenure, end=ended_on, actor=actor)
        before = audit.snapshot(current)
        write(current, {"status": RotationStatus.ENDED, "ended_on": ended_on}, caller=rotation)
        audit.record(
            actor=actor, obj=current, action="update", before=before,
            scope_path=current.from_unit.path,
        )  # fmt: skip
    return rotation


def warning_days(rotation: Rotation) -> int:
    """How many days before its planned end a rotation is flagged, by its own rule set (the
    one in force on its start: a later rule set does not change it)."""
    for rule in rotation.rule_set.rules.all():
        if rule.key == WARNING_KEY:
            return int(rule.value)
    return int(rules.resolve(WARNING_KEY, rotation.start).value)


def active(user: object, day: dt.date) -> list[tuple[Rotation, bool]]:
    """The active rotations ``user`` may see, soonest end first, each with whether it ends
    within its warning period counted from ``day``."""
    rows: QuerySet[Rotation] = (
        Rotation.objects.restrict(user, access.VIEW)
        .filter(status=RotationStatus.ACTIVE)
        .select_related("person", "from_unit", "to_unit", "to_title", "rule_set")
        .prefetch_related("rule_set__rules")
        .order_by("planned_end", "id")
    )
    out = []
    for rotation in rows:
        out.append((rotation, (rotation.planned_end - day).days <= warning_days(rotation)))
    return out
