"""The member lifecycle as services: admission, recognition as full member, transfer,
exemption, removal, expulsion, death and readmission. Each step checks the rules in force on
its date (the dated rule registry), updates the member, keeps the structure-report counts in
the same transaction, writes a timeline event and an audit record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from xaydungdang.core import access, audit, locking, rules
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import fold, given_key, name_sort_key
from xaydungdang.members.choices import Activity, EventKind, MembershipType, Standing
from xaydungdang.members.events import MemberStep
from xaydungdang.members.models import Member, MemberEvent, SeniorityGap
from xaydungdang.members.services import admission
from xaydungdang.members.services.admission import add_months
from xaydungdang.members.structure import tallies as aggregates
from xaydungdang.members.validation import check_numbers, check_sheet
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person


@dataclasses.dataclass(frozen=True)
class Sheet:
    """The member data sheet's fields that admission takes."""

    birth_date: dt.date
    ethnicity: str = "01"
    religion: str = "none"
    hometown: str = ""
    general_education: str = "12/12"
    education: str = "none"
    theory_level: str = "none"
    card_number: str = ""
    dossier_number: str = ""


def _check_cell(cell: Unit, day: dt.date) -> None:
    if errors := admission.cell_errors(cell, day):
        raise ValidationError(admission.sentences(errors))


def _step(
    member: Member,
    kind: str,
    day: dt.date,
    *,
    before: tuple[str, dict[str, str] | None] | None,
    snapshot: dict[str, Any] | None,
    actor: Actor,
    rule_set: Any = None,
    fields: list[str] | None = None,
    **event: Any,
) -> MemberEvent:
    """Save the member (only ``fields`` when it exists: the locked copy), move the counts, write
    the timeline event and the audit record. Every step's date is checked against the
    registry's bounds first (a transfer dated 31/12/9999 would block every later step)."""
    check_date(day, "event", f"Ngày {EventKind(kind).label.lower()}")
    member.full_clean()
    if fields is None:
        member.save()
    else:
        member.save(update_fields=[*fields, "updated_at"])
    aggregates.change(before, aggregates.state(member))
    step = MemberEvent.objects.create(member=member, kind=kind, day=day, rule_set=rule_set, **event)
    business = MemberStep(
        member_id=member.pk,
        step=kind,
        step_label=step.get_kind_display(),
        name=str(member),
        day=day.isoformat(),
    )
    audit.emit(business, actor=actor, obj=member, scope_path=member.cell_path)
    audit.record(
        actor=actor,
        obj=member,
        action="create" if snapshot is None else "update",
        before=snapshot,
        scope_path=member.cell_path,
    )
    return step


def member_admit(
    *,
    person: Person,
    cell: Unit,
    sheet: Sheet,
    decision_date: dt.date,
    ceremony_date: dt.date,
    decision: str = "",
    is_demo: bool = False,
    actor: Actor,
) -> Member:
    """Admit ``person`` as a probationary member of ``cell``. Seniority counts from the decision
    date, probation from the ceremony date: both are kept."""
    access.require(actor, access.CHANGE, cell.path)
    if Member.objects.filter(person=person).exists():
        raise ValidationError("Cá nhân này đã có hồ sơ đảng viên; kết nạp lại dùng thủ tục riêng.")
    min_age = rules.resolve("members.admission_min_age_months", decision_date)
    errors = admission.date_errors(
        birth=sheet.birth_date,
        decision=decision_date,
        ceremony=ceremony_date,
        today=timezone.localdate(),
        min_age_months=int(min_age.value),
    ) + admission.cell_errors(cell, decision_date)
    if errors:
        raise ValidationError(admission.sentences(errors))
    check_sheet(sheet)
    member = Member(
        person=person,
        cell=cell,
        cell_path=cell.path,
        sort_key=name_sort_key(person.full_name),
        folded_name=fold(person.full_name),
        given_key=given_key(person.full_name),
        admission_decision_date=decision_date,
        admission_ceremony_date=ceremony_date,
        first_admission_decision_date=decision_date,
        is_demo=is_demo,
        **dataclasses.asdict(sheet),
    )
    check_numbers(member)
    with transaction.atomic():
        _step(
            member,
            EventKind.ADMISSION,
            decision_date,
            before=None,
            snapshot=None,
            actor=actor,
            rule_set=min_age.rule_set,
            to_unit=cell,
            decision=decision,
        )
    return member


def probation_end(member: Member, at: Callable[[dt.date], rules.Resolved] | None = None) -> dt.date:
    """The end of the probation: the months of the rule in force on the ceremony date. ``at``
    is ``rules.resolver``'s function, for many members (the rules read once)."""
    day = member.admission_ceremony_date
    months = at(day) if at is not None else rules.resolve("members.probation_months", day)
    return add_months(day, int(months.value))


def _begin(
    caller: Member, actor: Actor, expected_version: str | None
) -> tuple[Member, Any, dict[str, Any] | None]:
    """The member read again under a row lock (inside the service's transaction), checked
    against the version the caller saw; the counts and the snapshot come from that copy."""
    member = locking.locked(caller, expected_version)
    access.require(actor, access.CHANGE, member.cell_path)
    return member, aggregates.state(member), audit.snapshot(member)


def _set(member: Member, changes: dict[str, Any]) -> list[str]:
    for field, value in changes.items():
        setattr(member, field, value)
    return list(changes)


def _done(caller: Member, member: Member, fields: list[str]) -> Member:
    locking.sync(caller, member, [*fields, "updated_at"])
    return caller


def member_recognize_full(
    *,
    member: Member,
    decided_on: dt.date,
    decision: str = "",
    actor: Actor,
    expected_version: str | None = None,
) -> Member:
    """Recognize a probationary member as full. The full date is the end of the probation, even
    when the decision comes later (R-ADM-9)."""
    caller = member
    with transaction.atomic():
        member, before, snapshot = _begin(caller, actor, expected_version)
        if (
            member.standing != Standing.MEMBER
            or member.membership_type != MembershipType.PROBATIONARY
        ):
            raise ValidationError(
                "Chỉ công nhận chính thức cho đảng viên dự bị đang trong danh sách."
            )
        end = probation_end(member)
        if decided_on < end:
            raise ValidationError(
                f"Chưa hết thời gian dự bị: dự bị đến hết ngày "
                f"{vn_date(end - dt.timedelta(days=1))}."
            )
        fields = _set(member, {"membership_type": MembershipType.FULL, "full_date": end})
        _step(
            member,
            EventKind.FULL_RECOGNITION,
            decided_on,
            before=before,
            snapshot=snapshot,
            actor=actor,
            rule_set=rules.resolve(
                "members.probation_months", member.admission_ceremony_date
            ).rule_set,
            fields=fields,
            decision=decision,
            note=f"Chính thức từ ngày {vn_date(end)}.",
        )
    return _done(caller, member, fields)


def member_transfer(
    *,
    member: Member,
    to_cell: Unit,
    day: dt.date,
    temporary: bool = False,
    actor: Actor,
    expected_version: str | None = None,
) -> Member:
    """Move a member's activity to ``to_cell`` (permanent), or attach them there (temporary:
    their official cell, and the counts, stay where they are)."""
    caller = member
    with transaction.atomic():
        member, before, snapshot = _begin(caller, actor, expected_version)
        access.require(actor, access.CHANGE, to_cell.path)
        if member.standing != Standing.MEMBER:
            raise ValidationError(
                "Đảng viên không còn trong danh sách, không thể chuyển sinh hoạt."
            )
        if to_cell.pk == member.cell_id:
            raise ValidationError("Chi bộ chuyển đến trùng với chi bộ hiện tại.")
        _check_cell(to_cell, day)
        from_cell = member.cell
        if temporary:
            changes: dict[str, Any] = {"activity": Activity.TEMPORARY_ELSEWHERE}
        else:
            changes = {"cell": to_cell, "cell_path": to_cell.path, "activity": Activity.ACTIVE}
        fields = _set(member, changes)
        kind = EventKind.TRANSFER_TEMPORARY if temporary else EventKind.TRANSFER_PERMANENT
        _step(
            member,
            kind,
            day,
            before=before,
            snapshot=snapshot,
            actor=actor,
            fields=fields,
            from_unit=from_cell,
            to_unit=to_cell,
        )
    return _done(caller, member, fields)


def member_exempt(
    *,
    member: Member,
    day: dt.date,
    reason: str,
    actor: Actor,
    expected_version: str | None = None,
) -> Member:
    """Exempt a member from duties and meetings (old age, poor health); the cell decides."""
    caller = member
    with transaction.atomic():
        member, before, snapshot = _begin(caller, actor, expected_version)
        if member.standing != Standing.MEMBER or member.activity == Activity.EXEMPTED:
            raise ValidationError("Đảng viên không ở trạng thái có thể miễn sinh hoạt.")
        if not reason.strip():
            raise ValidationError("Hãy nêu lý do miễn công tác và sinh hoạt đảng.")
        fields = _set(member, {"activity": Activity.EXEMPTED})
        _step(
            member,
            EventKind.EXEMPTION,
            day,
            before=before,
            snapshot=snapshot,
            actor=actor,
            fields=fields,
            note=reason,
        )
    return _done(caller, member, fields)


EXITS: dict[str, str] = {
    EventKind.REMOVAL: Standing.REMOVED,
    EventKind.EXPULSION: Standing.EXPELLED,
    EventKind.DEATH: Standing.DECEASED,
}


def member_leave(
    *,
    member: Member,
    kind: str,
    day: dt.date,
    decision: str = "",
    actor: Actor,
    expected_version: str | None = None,
) -> Member:
    """Removal (xóa tên), expulsion (khai trừ, recorded here) or death. Removal and expulsion
    open a seniority gap that a readmission closes."""
    if kind not in EXITS:
        raise ValidationError("Loại ra khỏi danh sách không hợp lệ.")
    caller = member
    with transaction.atomic():
        member, before, snapshot = _begin(caller, actor, expected_version)
        if member.standing != Standing.MEMBER:
            raise ValidationError("Đảng viên đã không còn trong danh sách.")
        if day < member.admission_decision_date:
            raise ValidationError("Ngày không được trước ngày quyết định kết nạp.")
        fields = _set(member, {"standing": EXITS[kind], "standing_since": day})
        if kind != EventKind.DEATH:
            SeniorityGap.objects.create(member=member, start=day, reason=EventKind(kind).label)
        _step(
            member,
            kind,
            day,
            before=before,
            snapshot=snapshot,
            actor=actor,
            fields=fields,
            from_unit=member.cell,
            decision=decision,
        )
    return _done(caller, member, fields)


def member_readmit(
    *,
    member: Member,
    cell: Unit,
    decision_date: dt.date,
    ceremony_date: dt.date,
    decision: str = "",
    actor: Actor,
    expected_version: str | None = None,
) -> Member:
    """Readmit a removed or expelled member, at most as often as the rules allow (once): a new
    probation; seniority counts from the first admission minus the gap."""
    caller = member
    with transaction.atomic():
        member, before, snapshot = _begin(caller, actor, expected_version)
        access.require(actor, access.CHANGE, cell.path)
        limit = rules.resolve("members.readmission_max", decision_date)
        if member.standing not in (Standing.REMOVED, Standing.EXPELLED):
            raise ValidationError("Chỉ kết nạp lại người đã bị xóa tên hoặc khai trừ.")
        if member.readmitted and int(limit.value) <= 1:
            raise ValidationError(f"Chỉ được kết nạp lại một lần ({limit.rule_set.name}).")
        if member.standing_since and decision_date <= member.standing_since:
            raise ValidationError("Ngày kết nạp lại phải sau ngày ra khỏi danh sách.")
        if ceremony_date < decision_date:
            raise ValidationError("Ngày lễ kết nạp không được trước ngày quyết định kết nạp.")
        _check_cell(cell, decision_date)
        fields = _set(
            member,
            {
                "standing": Standing.MEMBER,
                "standing_since": decision_date,
                "membership_type": MembershipType.PROBATIONARY,
                "full_date": None,
                "activity": Activity.ACTIVE,
                "readmitted": True,
                "cell": cell,
                "cell_path": cell.path,
                "admission_decision_date": decision_date,
                "admission_ceremony_date": ceremony_date,
            },
        )
        member.gaps.filter(end__isnull=True).update(end=decision_date)
        _step(
            member,
            EventKind.READMISSION,
            decision_date,
            before=before,
            snapshot=snapshot,
            actor=actor,
            rule_set=limit.rule_set,
            fields=fields,
            to_unit=cell,
            decision=decision,
        )
    return _done(caller, member, fields)


def person_changed(person: Person, before: dict[str, Any] | None) -> None:
    """A member's person was changed through the people services: keep the member's copies of
    the name and, when the gender changed, the counts by gender."""
    member = Member.objects.filter(person=person).first()
    if member is None:
        return
    member.person = person
    old = before or {}
    if old.get("full_name", person.full_name) != person.full_name:
        Member.objects.filter(pk=member.pk).update(
            folded_name=fold(person.full_name),
            given_key=given_key(person.full_name),
            sort_key=name_sort_key(person.full_name),
        )
    if old.get("gender", person.gender) != person.gender:
        path, values = aggregates.state(member)
        was = None if values is None else {**values, "gender": old["gender"] or "unknown"}
        aggregates.change((path, was), (path, values))
