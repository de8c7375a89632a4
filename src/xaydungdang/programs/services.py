"""Every write to programs, plans, items, events and reviews goes through these functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from xaydungdang.core import access, audit, locking
from xaydungdang.core.actors import Actor
from xaydungdang.core.actors import check as check_actor
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import clean
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person
from xaydungdang.people.selectors import titles_on

from .choices import EventKind, ItemStatus, ParticipantRole
from .events import ItemReviewed, ProgramSigned
from .models import Event, Participant, Program, ProgramItem, ProgramYear


def require_party(user: Any, program: Program) -> None:
    """Either party's staff may keep the program's records."""
    check_actor(user)
    scope = access.scope_for(user, access.CHANGE)
    if not (scope.covers(program.party_a.path) or scope.covers(program.party_b.path)):
        raise access.AccessDenied("Không có quyền với chương trình này.")


def program_create(
    *,
    title: str,
    party_a: Unit,
    party_b: Unit,
    start_year: int,
    end_year: int,
    signed_on: dt.date | None = None,
    note: str = "",
    is_demo: bool = False,
    actor: Actor,
) -> Program:
    program = Program(
        title=clean(title),
        party_a=party_a,
        party_b=party_b,
        start_year=start_year,
        end_year=end_year,
        signed_on=signed_on,
        note=note,
        is_demo=is_demo,
    )
    require_party(actor, program)
    if not program.title:
        raise ValidationError("Tên chương trình không được để trống.")
    if party_a.pk == party_b.pk:
        raise ValidationError("Hai bên của chương trình phải là hai đơn vị khác nhau.")
    if start_year > end_year or not 1945 <= start_year <= 2100:
        raise ValidationError("Giai đoạn của chương trình không hợp lệ.")
    if signed_on and signed_on.year > start_year:
        raise ValidationError("Ngày ký phải trước hoặc trong năm đầu của giai đoạn.")
    program.full_clean()
    with transaction.atomic():
        program.save()
        audit.record(
            actor=actor, obj=program, action="create", before=None, scope_path=party_b.path
        )
        audit.emit(
            ProgramSigned(program.pk, str(program)),
            actor=actor,
            obj=program,
            scope_path=party_b.path,
        )
    return program


def plan_create(*, program: Program, year: int, note: str = "", actor: Actor) -> ProgramYear:
    require_party(actor, program)
    if not program.start_year <= year <= program.end_year:
        raise ValidationError(
            f"Năm {year} nằm ngoài giai đoạn {program.start_year}–{program.end_year}."
        )
    if program.years.filter(year=year).exists():
        raise ValidationError(f"Chương trình đã có kế hoạch phối hợp năm {year}.")
    plan = ProgramYear(program=program, year=year, note=note)
    audit.save(plan, actor=actor, before=None, scope_path=program.party_b.path)
    return plan


def item_create(
    *,
    plan: ProgramYear,
    content: str,
    lead_a: Unit | None = None,
    lead_b: Unit | None = None,
    co_units: Iterable[Unit] = (),
    due_on: dt.date | None = None,
    number: int | None = None,
    status: str = ItemStatus.NOT_STARTED,
    actor: Actor,
) -> ProgramItem:
    require_party(actor, plan.program)
    content = clean(content)
    if not content:
        raise ValidationError("Nội dung phối hợp không được để trống.")
    if status not in ItemStatus.values:
        raise ValidationError("Trạng thái không hợp lệ.")
    if due_on and due_on.year != plan.year:
        raise ValidationError(f"Thời hạn phải trong năm {plan.year} của kế hoạch.")
    if number is None:
        number = (plan.items.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    elif plan.items.filter(number=number).exists():
        raise ValidationError(f"Kế hoạch năm {plan.year} đã có nội dung số {number}.")
    item = ProgramItem(
        plan=plan,
        number=number,
        content=content,
        lead_a=lead_a,
        lead_b=lead_b,
        due_on=due_on,
        status=status,
    )
    item.full_clean()
    with transaction.atomic():
        item.save()
        item.co_units.set(list(co_units))
        audit.record(
            actor=actor,
            obj=item,
            action="create",
            before=None,
            scope_path=plan.program.party_b.path,
        )
    return item


def item_set_status(
    *,
    item: ProgramItem,
    status: str,
    note: str = "",
    actor: Actor,
    expected_version: str | None = None,
) -> ProgramItem:
    """Move an item through the year: not started, in progress, done, not implemented, moved."""
    if status not in ItemStatus.values:
        raise ValidationError("Trạng thái không hợp lệ.")
    with transaction.atomic():
        current = locking.locked(item, expected_version)
        program = current.plan.program
        require_party(actor, program)
        if program.reviews.filter(
            status="final",
            period_start__year__lte=current.plan.year,
            period_end__year__gte=current.plan.year,
        ).exists():
            raise ValidationError(
                "Năm này đã có báo cáo hoàn thành; không sửa trạng thái được nữa."
            )
        before = audit.snapshot(current)
        locking.write(current, {"status": status, "status_note": clean(note)}, caller=item)
        audit.record(
            actor=actor,
            obj=current,
            action="update",
            before=before,
            scope_path=program.party_b.path,
        )
        audit.emit(
            ItemReviewed(
                current.pk, current.plan.year, current.number, current.get_status_display()
            ),
            actor=actor,
            obj=current,
            scope_path=program.party_b.path,
        )
    return item


def _evidence(item: ProgramItem) -> dict[str, list[int]]:
    return {
        "evidence_documents": sorted(item.evidence_documents.values_list("pk", flat=True)),
        "evidence_tasks": sorted(item.evidence_tasks.values_list("pk", flat=True)),
        "evidence_events": sorted(item.evidence_events.values_list("pk", flat=True)),
    }


def item_add_evidence(
    *,
    item: ProgramItem,
    documents: Iterable[Any] = (),
    tasks: Iterable[Any] = (),
    events: Iterable[Event] = (),
    actor: Actor,
) -> ProgramItem:
    """Link documents, tasks and events to an item as evidence of its status."""
    require_party(actor, item.plan.program)
    before = _evidence(item)
    with transaction.atomic():
        item.evidence_documents.add(*documents)
        item.evidence_tasks.add(*tasks)
        item.evidence_events.add(*events)
        audit.record(
            actor=actor,
            obj=item,
            action="update",
            before=before,
            after=_evidence(item),
            scope_path=item.plan.program.party_b.path,
        )
    return item


def event_create(
    *,
    kind: str,
    title: str,
    held_on: dt.date,
    units: list[Unit],
    place: str = "",
    summary: str = "",
    source: str = "",
    participants: Iterable[tuple[Person, str]] = (),
    programs: Iterable[Program] = (),
    documents: Iterable[Any] = (),
    is_demo: bool = False,
    actor: Actor,
) -> Event:
    """Record an event; each participant keeps the titles they held on ``held_on``."""
    if kind not in EventKind.values:
        raise ValidationError("Loại sự kiện không hợp lệ.")
    if not units:
        raise ValidationError("Hãy nêu ít nhất một đơn vị của sự kiện.")
    if not any(access.actor_scope(actor, access.CHANGE).covers(u.path) for u in units):
        raise access.AccessDenied("Không có quyền với các đơn vị này.")
    if held_on > timezone.localdate():
        raise ValidationError("Ngày của sự kiện không được sau ngày hôm nay.")
    check_date(held_on, "event", "Ngày của sự kiện")
    event = Event(
        kind=kind,
        title=clean(title),
        held_on=held_on,
        place=clean(place),
        summary=summary,
        source=clean(source),
        is_demo=is_demo,
    )
    if not event.title:
        raise ValidationError("Tên sự kiện không được để trống.")
    people = list(participants)
    for _, role in people:
        if role not in ParticipantRole.values:
            raise ValidationError("Vai trò tham dự không hợp lệ.")
    event.full_clean()
    with transaction.atomic():
        event.save()
        event.units.set(units)
        event.programs.set(list(programs))
        event.documents.set(list(documents))
        Participant.objects.bulk_create(
            Participant(event=event, person=p, role=role, titles=titles_on(p, held_on))
            for p, role in dict((p.pk, (p, r)) for p, r in people).values()
        )
        audit.record(actor=actor, obj=event, action="create", before=None, scope_path=units[0].path)
    return event
