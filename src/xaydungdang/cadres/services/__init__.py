"""Every write to personnel decisions goes through these functions. An issued decision starts
or ends tenures through the people services; the link is kept as a ``DecisionEffect``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from xaydungdang.core import access, audit, rules
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.core.locking import locked, write
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import clean
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Basis, Person, Tenure, Title

from ..models import (
    ENDS_POST,
    STARTS_POST,
    DecisionEffect,
    DecisionKind,
    DecisionStatus,
    Effect,
    PersonnelDecision,
)

# The rule that dates a decision: the cadre-work rule set in force on the signing day.
RULE_KEY = "cadres.appointment_term_years"


def reference(decision: PersonnelDecision) -> str:
    """How a tenure cites its decision: "Quyết định số 12-QĐ/TW ngày 05/02/2021"."""
    number = f" số {decision.number}" if decision.number else ""
    return f"{decision.get_kind_display()}{number} ngày {vn_date(decision.signed_on)}"[:300]


def _check(decision: PersonnelDecision, ends: Sequence[Tenure]) -> None:
    if decision.kind not in DecisionKind.values:
        raise ValidationError("Loại quyết định không hợp lệ.")
    check_date(decision.signed_on, "tenure", "Ngày ký")
    check_date(decision.effective_on, "tenure", "Ngày có hiệu lực")
    if decision.kind in STARTS_POST and (decision.title is None or decision.unit is None):
        raise ValidationError("Quyết định này cần chức danh và đơn vị được giao.")
    if decision.kind == DecisionKind.NOMINATION and decision.title is None:
        raise ValidationError("Quyết định giới thiệu ứng cử cần chức danh ứng cử.")
    if decision.title is not None and decision.unit is not None:
        people.check_title_fits(decision.title, decision.unit)
    if decision.term_until and decision.term_until <= decision.effective_on:
        raise ValidationError("Thời hạn phải sau ngày có hiệu lực.")
    for tenure in ends:
        if tenure.person_id != decision.person_id:
            raise ValidationError("Chỉ kết thúc được chức danh của chính cán bộ trong quyết định.")
    # One number is one document of its issuer: it may name several persons (a collective
    # assignment), each once, all on the document's one signing day.
    taken = PersonnelDecision.objects.filter(issuer=decision.issuer, number=decision.number)
    taken = taken.exclude(pk=decision.pk)
    clash = taken.filter(person=decision.person) | taken.exclude(signed_on=decision.signed_on)
    if decision.number and clash.exists():
        raise ValidationError(
            f"{decision.issuer.name} đã có quyết định số {decision.number}; hãy kiểm tra lại số."
        )


def decision_issue(
    *,
    kind: str,
    person: Person,
    issuer: Unit,
    signed_on: dt.date,
    effective_on: dt.date | None = None,
    number: str = "",
    title: Title | None = None,
    unit: Unit | None = None,
    ends: Sequence[Tenure] = (),
    signer: Person | None = None,
    signer_name: str = "",
    signer_title: str = "",
    term_until: dt.date | None = None,
    source: str = "",
    note: str = "",
    status: str = DecisionStatus.ISSUED,
    actor: Actor,
) -> PersonnelDecision:
    """Record a decision of ``issuer`` about ``person``. Issued, it starts the post it names
    (kinds in STARTS_POST) and ends ``ends``, or for an exit (ENDS_POST) the person's open
    tenure of ``title`` in ``unit``, on ``effective_on``. A proposed one (read from an
    article) changes no tenure until ``decision_confirm``."""
    access.require(actor, access.CHANGE, issuer.path)
    if not Person.objects.restrict(actor, access.VIEW, public=False).filter(pk=person.pk).exists():
        raise access.AccessDenied("Không có quyền với cá nhân này.")
    if status not in DecisionStatus.values:
        raise ValidationError("Trạng thái quyết định không hợp lệ.")
    decision = PersonnelDecision(
        kind=kind,
        status=status,
        number=clean(number)[:60],
        signed_on=signed_on,
        effective_on=effective_on or signed_on,
        issuer=issuer,
        signer=signer,
        signer_name=clean(signer_name or (signer.full_name if signer else ""))[:200],
        signer_title=clean(signer_title)[:200],
        person=person,
        title=title,
        unit=unit,
        term_until=term_until,
        source=clean(source)[:300],
        note=note,
        rule_set=rules.resolve(RULE_KEY, signed_on).rule_set,
    )
    _check(decision, ends)
    decision.full_clean()
    with transaction.atomic():
        decision.save()
        audit.record(
            actor=actor, obj=decision, action="create", before=None, scope_path=issuer.path
        )
        if status == DecisionStatus.ISSUED:
            _apply(decision, ends, actor)
    return decision


def decision_confirm(
    *, decision: PersonnelDecision, ends: Sequence[Tenure] = (), actor: Actor
) -> PersonnelDecision:
    """A proposed decision is confirmed as issued: it now starts and ends its tenures."""
    access.require(actor, access.CHANGE, decision.issuer.path)
    with transaction.atomic():
        current = locked(decision)
        if current.status != DecisionStatus.PROPOSED:
            raise ValidationError("Quyết định này đã được ban hành.")
        _check(current, ends)
        before = audit.snapshot(current)
        write(current, {"status": DecisionStatus.ISSUED}, caller=decision)
        audit.record(
            actor=actor, obj=current, action="update", before=before, scope_path=current.issuer.path
        )
        _apply(current, ends, actor)
    return current


def _apply(decision: PersonnelDecision, ends: Sequence[Tenure], actor: Actor) -> None:
    day = decision.effective_on
    for tenure in ends:
        _end(decision, tenure, actor)
    if decision.kind in ENDS_POST and decision.title and decision.unit and not ends:
        open_one = _open_tenure(decision, day)
        if open_one is None:
            raise ValidationError(
                f"{decision.person} không giữ chức danh {decision.title} ở {decision.unit.name} "
                f"vào ngày {vn_date(day)}."
            )
        _end(decision, open_one, actor)
    if decision.kind in STARTS_POST:
        _start(decision, actor)


def _open_tenure(decision: PersonnelDecision, day: dt.date) -> Tenure | None:
    return (
        Tenure.objects.filter(
            person=decision.person, title=decision.title, unit=decision.unit, start__lt=day
        )
        .exclude(end__isnull=False, end__lt=day)
        .order_by("-start")
        .first()
    )


def _end(decision: PersonnelDecision, tenure: Tenure, actor: Actor) -> None:
    day = decision.effective_on
    if tenure.end is not None and tenure.end <= day and not tenure.attested_only:
        raise ValidationError(f"Quá trình “{tenure}” đã kết thúc từ {vn_date(tenure.end)}.")
    if tenure.start >= day:
        raise ValidationError(f"Quá trình “{tenure}” bắt đầu sau ngày {vn_date(day)}.")
    people.tenure_update(
        tenure=tenure,
        end=day,
        end_precision="day",
        end_basis=Basis.DECISION,
        end_reference=reference(decision),
        attested_only=False,
        actor=actor,
    )
    _effect(decision, tenure, Effect.END, actor)


def _start(decision: PersonnelDecision, actor: Actor) -> None:
    """Start the post, or take over the tenure that articles attested after that day (the
    decision gives it its true start), or for a reappointment keep the open tenure."""
    assert decision.title is not None and decision.unit is not None
    day = decision.effective_on
    same = Tenure.objects.filter(person=decision.person, title=decision.title, unit=decision.unit)
    ongoing = same.filter(start__lt=day).exclude(end__isnull=False, end__lte=day).first()
    if ongoing is not None and decision.kind == DecisionKind.REAPPOINTMENT:
        _effect(decision, ongoing, Effect.START, actor)
        return
    attested = same.filter(attested_only=True, start__gte=day).order_by("start").first()
    changes: dict[str, Any] = {
        "start": day,
        "start_precision": "day",
        "start_basis": Basis.DECISION,
        "start_reference": reference(decision),
        "end": None,
        "attested_only": False,
    }
    if attested is not None:
        tenure = people.tenure_update(tenure=attested, actor=actor, **changes)
    else:
        tenure = people.tenure_start(
            person=decision.person, title=decision.title, unit=decision.unit, actor=actor, **changes
        )
    _effect(decision, tenure, Effect.START, actor)


def _effect(decision: PersonnelDecision, tenure: Tenure, effect: str, actor: Actor) -> None:
    row = DecisionEffect.objects.create(decision=decision, tenure=tenure, effect=effect)
    audit.record(
        actor=actor, obj=row, action="create", before=None, scope_path=decision.issuer.path
    )
