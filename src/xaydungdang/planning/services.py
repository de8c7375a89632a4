"""Every write to planning pools goes through these functions: create a pool, add a person
(checked against the registry's limits on the day), remove a person with a reason."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from xaydungdang.core import access, audit
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.core.locking import locked, write
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import clean
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Title

from . import limits
from .models import PlanningPool, PoolEntry


def pool_create(
    *,
    title: Title,
    unit: Unit,
    term_start: int,
    term_end: int,
    decided_on: dt.date,
    decision_number: str = "",
    note: str = "",
    actor: Actor,
) -> PlanningPool:
    """A pool for ``title`` in ``unit`` for a term, approved on ``decided_on``."""
    access.require(actor, access.CHANGE, unit.path)
    if term_end <= term_start:
        raise ValidationError("Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.")
    check_date(decided_on, "tenure", "Ngày phê duyệt")
    people.check_title_fits(title, unit)
    if PlanningPool.objects.filter(title=title, unit=unit, term_start=term_start).exists():
        raise ValidationError(
            f"Đã có quy hoạch chức danh {title} của {unit.name} nhiệm kỳ {term_start}–{term_end}."
        )
    pool = PlanningPool(
        title=title,
        unit=unit,
        term_start=term_start,
        term_end=term_end,
        decided_on=decided_on,
        decision_number=clean(decision_number)[:60],
        note=note,
        rule_set=limits.rule_set_on(decided_on),
    )
    pool.full_clean()
    with transaction.atomic():
        audit.save(pool, actor=actor, before=None, scope_path=unit.path)
    return pool


def pool_add_person(
    *,
    pool: PlanningPool,
    person: Person,
    added_on: dt.date,
    added_decision: str = "",
    ethnic_minority: bool = False,
    actor: Actor,
) -> PoolEntry:
    """Put ``person`` in the pool on ``added_on``, within the limits in force that day."""
    access.require(actor, access.CHANGE, pool.unit.path)
    if not Person.objects.restrict(actor, access.VIEW).filter(pk=person.pk).exists():
        raise access.AccessDenied("Không có quyền với cá nhân này.")
    check_date(added_on, "tenure", "Ngày đưa vào quy hoạch")
    if added_on < pool.decided_on:
        raise ValidationError(
            f"Ngày đưa vào quy hoạch phải từ ngày phê duyệt {vn_date(pool.decided_on)}."
        )
    with transaction.atomic():
        current = locked(pool)  # additions to one pool run one at a time
        Person.objects.select_for_update().get(pk=person.pk)  # and those of one person
        if PoolEntry.objects.filter(pool=current, person=person, removed_on__isnull=True).exists():
            raise ValidationError(f"{person} đã có trong quy hoạch này.")
        limits.check_add(current, person, added_on)
        entry = PoolEntry(
            pool=current,
            person=person,
            added_on=added_on,
            added_decision=clean(added_decision)[:120],
            ethnic_minority=ethnic_minority,
            rule_set=limits.rule_set_on(added_on),
        )
        entry.full_clean()
        audit.save(entry, actor=actor, before=None, scope_path=current.unit.path)
    return entry


def pool_remove_person(
    *, entry: PoolEntry, removed_on: dt.date, reason: str, actor: Actor
) -> PoolEntry:
    """Take a person out of the pool (the yearly review, over age, discipline…), with why."""
    pool = entry.pool
    access.require(actor, access.CHANGE, pool.unit.path)
    reason = clean(reason)[:300]
    if not reason:
        raise ValidationError("Hãy nêu lý do đưa ra khỏi quy hoạch.")
    check_date(removed_on, "tenure", "Ngày đưa ra khỏi quy hoạch")
    with transaction.atomic():
        current = locked(entry)
        if current.removed_on is not None:
            raise ValidationError(
                f"{current.person} đã được đưa ra khỏi quy hoạch "
                f"ngày {vn_date(current.removed_on)}."
            )
        if removed_on < current.added_on:
            raise ValidationError(
                f"Ngày đưa ra phải từ ngày đưa vào quy hoạch {vn_date(current.added_on)}."
            )
        before = audit.snapshot(current)
        write(current, {"removed_on": removed_on, "removed_reason": reason}, caller=entry)
        audit.record(
            actor=actor, obj=current, action="update", before=before, scope_path=pool.unit.path
        )
    return current
