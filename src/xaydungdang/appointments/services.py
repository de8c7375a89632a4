"""Every write to appointment cases goes through these functions. A case runs through the
steps of its rule set in order; a step below the quorum or the threshold is refused with the
rule set and the step named; a completed case issues the decision, which starts the tenure."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from xaydungdang.cadres import services as cadres
from xaydungdang.cadres.models import DecisionKind
from xaydungdang.core import access, audit, hooks
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.core.locking import locked, write
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import clean
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Title

from . import procedure
from .models import AppointmentCase, CaseStatus, CaseStep


def _require_person(actor: Actor, person: Person) -> None:
    if not Person.objects.restrict(actor, access.VIEW).filter(pk=person.pk).exists():
        raise access.AccessDenied("Không có quyền với cá nhân này.")


def _refusals(person: Person, title: Title, unit: Unit, day: dt.date, source: str) -> list[str]:
    found = (check(person, title, unit, day, source) for check in hooks.APPOINTMENT_CHECKS())
    return [reason for reason in found if reason]


def case_open(
    *,
    person: Person,
    title: Title,
    unit: Unit,
    kind: str,
    opened_on: dt.date,
    note: str = "",
    actor: Actor,
) -> AppointmentCase:
    """Open a case under the rule set in force on ``opened_on``; the apps' appointment checks
    (planning, standards, discipline…) may refuse it, each with its reason."""
    access.require(actor, access.CHANGE, unit.path)
    _require_person(actor, person)
    check_date(opened_on, "tenure", "Ngày mở hồ sơ")
    people.check_title_fits(title, unit)
    rule_set, kinds = procedure.kinds(opened_on)
    if kind not in kinds:
        known = ", ".join(f"“{p.label}”" for p in kinds.values())
        raise ValidationError(
            f"Loại hồ sơ không có trong {rule_set.name}; chọn một trong: {known}."
        )
    if reasons := _refusals(person, title, unit, opened_on, kinds[kind].source):
        raise ValidationError(reasons)
    same = AppointmentCase.objects.filter(
        person=person, title=title, unit=unit, status=CaseStatus.OPEN
    )
    if same.exists():
        raise ValidationError(f"{person} đã có hồ sơ đang thực hiện cho chức danh này.")
    case = AppointmentCase(
        person=person, title=title, unit=unit, kind=kind, kind_label=kinds[kind].label,
        opened_on=opened_on, rule_set=rule_set, note=note,
    )  # fmt: skip
    case.full_clean()
    with transaction.atomic():
        audit.save(case, actor=actor, before=None, scope_path=unit.path)
    return case


@dataclasses.dataclass(frozen=True)
class Vote:
    """What a step's meeting records."""

    held_on: dt.date
    members_total: int
    present: int
    votes_for: int | None = None
    minutes: str = ""


def _open_case(case: AppointmentCase) -> AppointmentCase:
    current = locked(case)
    if current.status != CaseStatus.OPEN:
        raise ValidationError(f"Hồ sơ này {current.get_status_display().lower()}.")
    return current


def _next_step(case: AppointmentCase) -> tuple[int, procedure.Step | None]:
    steps = procedure.of(case.rule_set, case.kind).steps
    done = case.steps.count()
    return done, (steps[done] if done < len(steps) else None)


def next_step(case: AppointmentCase) -> procedure.Step | None:
    """The step the case waits for, or None when every step is done."""
    return _next_step(case)[1]


def _check_counts(vote: Vote) -> None:
    if vote.members_total < 1:
        raise ValidationError("Số được triệu tập phải ít nhất là 1.")
    if vote.present > vote.members_total:
        raise ValidationError("Số có mặt không được lớn hơn số được triệu tập.")
    if vote.votes_for is not None and vote.votes_for > vote.present:
        raise ValidationError("Số phiếu đồng ý không được lớn hơn số có mặt.")


def _check_rules(case: AppointmentCase, step: procedure.Step, vote: Vote) -> None:
    rule = f"theo {case.rule_set.name} ({case.rule_set.source})"
    total = vote.members_total
    if not step.quorum.met(vote.present, total):
        raise ValidationError(
            f"Bước “{step.label}” không đủ số có mặt {rule}: cần {step.quorum.text()} số được "
            f"triệu tập, tức ít nhất {step.quorum.needed(total)}/{total}; có {vote.present}."
        )
    if step.threshold is None:
        return
    if vote.votes_for is None:
        raise ValidationError(f"Bước “{step.label}” cần số phiếu đồng ý.")
    if not step.threshold.met(vote.votes_for, total):
        raise ValidationError(
            f"Bước “{step.label}” chưa đạt ngưỡng {rule}: cần {step.threshold.text()} tổng số "
            f"được triệu tập, tức ít nhất {step.threshold.needed(total)}/{total} phiếu đồng ý; "
            f"có {vote.votes_for}."
        )


def _check_day(case: AppointmentCase, vote: Vote) -> None:
    check_date(vote.held_on, "tenure", "Ngày họp")
    if vote.held_on > timezone.localdate():
        raise ValidationError("Ngày họp không được sau hôm nay.")
    last = case.steps.order_by("-seq").values_list("held_on", flat=True).first()
    first = last or case.opened_on
    if vote.held_on < first:
        raise ValidationError(
            f"Ngày họp {vn_date(vote.held_on)} trước bước trước ({vn_date(first)})."
        )


def case_record_step(*, case: AppointmentCase, code: str, vote: Vote, actor: Actor) -> CaseStep:
    """Record step ``code`` of the case: refused when it is not the next one of the case's rule
    set, when the quorum is not met or when the votes for are below the threshold."""
    access.require(actor, access.CHANGE, case.unit.path)
    _check_counts(vote)
    with transaction.atomic():
        current = _open_case(case)
        seq, step = _next_step(current)
        if step is None:
            raise ValidationError("Hồ sơ đã qua đủ các bước; hãy hoàn thành hồ sơ.")
        if code != step.code:
            raise ValidationError(
                f"Chưa đến bước này: theo {current.rule_set.name}, bước tiếp theo là "
                f"bước {seq + 1} “{step.label}”."
            )
        _check_day(current, vote)
        _check_rules(current, step, vote)
        user, name = audit.actor_of(actor)
        row = CaseStep(
            case=current, seq=seq + 1, code=step.code, label=step.label, held_on=vote.held_on,
            members_total=vote.members_total, present=vote.present,
            votes_for=vote.votes_for if step.threshold else None, minutes=vote.minutes,
            recorded_by_id=user, recorded_by_name=name[:150],
        )  # fmt: skip
        row.full_clean()
        audit.save(row, actor=actor, before=None, scope_path=current.unit.path)
        write(current, {}, caller=case)  # a new version: forms opened before are stale
    return row


@dataclasses.dataclass(frozen=True)
class DecisionSpec:
    """The decision a completed case issues."""

    issuer: Unit
    signed_on: dt.date
    number: str = ""
    effective_on: dt.date | None = None
    signer_name: str = ""
    signer_title: str = ""


def case_complete(
    *, case: AppointmentCase, decision: DecisionSpec, actor: Actor
) -> AppointmentCase:
    """Close a case whose steps are all done by issuing its appointment decision, which starts
    the tenure (``cadres.decision_issue``)."""
    access.require(actor, access.CHANGE, case.unit.path)
    with transaction.atomic():
        current = _open_case(case)
        seq, step = _next_step(current)
        if step is not None:
            raise ValidationError(
                f"Chưa hoàn thành được: theo {current.rule_set.name}, còn bước {seq + 1} "
                f"“{step.label}”."
            )
        last = current.steps.order_by("-seq").values_list("held_on", flat=True).first()
        if last and decision.signed_on < last:
            raise ValidationError(f"Ngày ký phải từ ngày họp của bước cuối ({vn_date(last)}).")
        issued = cadres.decision_issue(
            kind=DecisionKind.APPOINTMENT, person=current.person, issuer=decision.issuer,
            signed_on=decision.signed_on, effective_on=decision.effective_on,
            number=decision.number, title=current.title, unit=current.unit,
            signer_name=decision.signer_name, signer_title=decision.signer_title,
            source=f"Hồ sơ bổ nhiệm số {current.pk}", actor=actor,
        )  # fmt: skip
        before = audit.snapshot(current)
        changes = {
            "status": CaseStatus.COMPLETED,
            "decision": issued,
            "closed_on": issued.signed_on,
        }
        write(current, changes, caller=case)
        audit.record(actor=actor, obj=current, action="update", before=before,
                     scope_path=current.unit.path)  # fmt: skip
    return current


def case_cancel(
    *, case: AppointmentCase, day: dt.date, reason: str, actor: Actor
) -> AppointmentCase:
    """Stop an open case, with the reason (the steps done stay on record)."""
    access.require(actor, access.CHANGE, case.unit.path)
    reason = clean(reason)
    if not reason:
        raise ValidationError("Hãy nêu lý do dừng hồ sơ.")
    check_date(day, "tenure", "Ngày dừng")
    with transaction.atomic():
        current = _open_case(case)
        if day < current.opened_on:
            raise ValidationError(f"Ngày dừng trước ngày mở hồ sơ ({vn_date(current.opened_on)}).")
        before = audit.snapshot(current)
        note = f"{current.note}\nDừng hồ sơ: {reason}".strip()
        write(
            current, {"status": CaseStatus.CANCELLED, "closed_on": day, "note": note}, caller=case
        )
        audit.record(actor=actor, obj=current, action="update", before=before,
                     scope_path=current.unit.path)  # fmt: skip
    return current
