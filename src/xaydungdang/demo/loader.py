"""``xdd demo``: load the seed articles' public facts through the services. Idempotent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction

from xaydungdang.cadres import services as cadres
from xaydungdang.core import rules
from xaydungdang.core.actors import SYSTEM_DEMO
from xaydungdang.core.models import RoleAssignment
from xaydungdang.core.services import role_grant
from xaydungdang.directives.models import Document, Task
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import TITLE_UNIT_KINDS, Person, Tenure, Title
from xaydungdang.programs.models import Event, Program

from . import articles as demo_articles
from . import careers, data
from . import directives as demo_directives
from . import programs as demo_programs

Say = Callable[[str], None]


def _units() -> dict[str, Unit]:
    units = {u.code: u for u in Unit.objects.filter(code__isnull=False) if u.code}
    for code, name, short, kind, parent, aliases in data.UNITS:
        if code in units:
            continue
        spec = org.UnitSpec(
            name=name,
            kind=kind,
            parent=units[parent] if parent else None,
            short_name=short,
            aliases=aliases,
            code=code,
            is_demo=True,
        )
        units[code] = org.unit_create(spec=spec, valid_from=None, actor=SYSTEM_DEMO)
    return units


def _ensure(
    units: dict[str, Unit], spec: tuple[str, str, str, str, dt.date], aliases: list[str]
) -> Unit:
    code, name, kind, parent, start = spec
    if code not in units:
        unit_spec = org.UnitSpec(
            name=name, kind=kind, parent=units[parent], code=code, is_demo=True, aliases=aliases
        )
        units[code] = org.unit_create(spec=unit_spec, valid_from=start, actor=SYSTEM_DEMO)
    return units[code]


def _merge_into(units: dict[str, Unit], codes: tuple[str, ...], day: dt.date) -> None:
    """Merge ``codes[1:]`` into ``codes[0]``, unless that was done already."""
    for code in codes:
        units[code].refresh_from_db()
    if units[codes[1]].valid_to is None:
        org.units_merge(
            units=[units[c] for c in codes],
            successor=units[codes[0]],
            effective_date=day,
            actor=SYSTEM_DEMO,
            decision_ref=data.MERGE_DECISION,
        )


def _restructure_2025(units: dict[str, Unit]) -> None:
    """District level abolished and provinces merged on 01/07/2025."""
    day = data.RESTRUCTURE_DAY
    district = _ensure(units, data.LEGACY_DISTRICT, ["Quận 1"])
    if district.valid_to is None:
        org.unit_dissolve(
            unit=district,
            effective_date=day,
            actor=SYSTEM_DEMO,
            decision_ref="Quy định 294-QĐ/TW: không còn cấp huyện từ 01/07/2025",
        )
    _ensure(units, data.NEW_WARD, ["Đảng bộ phường Sài Gòn", "phường Sài Gòn"])
    _merge_into(units, ("btc-hcm", "btc-bd", "btc-brvt"), day)
    _merge_into(units, ("tu-hcm", "tu-bd", "tu-brvt"), day)


def _titles() -> dict[str, Title]:
    titles = {t.name: t for t in Title.objects.all()}
    for name, template, rank in data.TITLES:
        if name not in titles:
            titles[name] = people.title_create(
                name=name,
                label_template=template,
                rank=rank,
                unit_kinds=TITLE_UNIT_KINDS.get(name, []),
                actor=SYSTEM_DEMO,
            )
    return titles


def _person(full_name: str, gender: str, home: Unit) -> Person:
    person = Person.objects.filter(full_name=full_name, managing_unit=home).first()
    if person is None:
        person = people.person_create(
            full_name=full_name,
            gender=gender,
            managing_unit=home,
            is_demo=True,
            note="Dữ liệu minh họa từ các bài báo nguồn.",
            actor=SYSTEM_DEMO,
        )
    return person


def _careers(units: dict[str, Unit], titles: dict[str, Title]) -> None:
    """The real posts, with their decisions and sources (public facts, ``careers.py``)."""
    for c in careers.CAREERS:
        person = _person(c.person, "unknown", units[c.home])
        title, unit = titles[c.title], units[c.unit]
        if Tenure.objects.filter(person=person, title=title, unit=unit, start=c.start.day).exists():
            continue
        if c.start.kind:
            _decide(c, c.start, person, title, unit, units)
        else:
            people.tenure_start(
                person=person,
                title=title,
                unit=unit,
                start=c.start.day,
                start_precision=c.start.precision,
                start_basis=c.start.basis,
                start_reference=c.start.reference,
                source=c.source[:300],
                note=f"Nguồn: {c.source}",
                actor=SYSTEM_DEMO,
            )
        if c.end is not None and c.end.kind:
            _decide(c, c.end, person, title, unit, units)
        elif c.end is not None:
            tenure = Tenure.objects.get(person=person, title=title, unit=unit, start=c.start.day)
            people.tenure_update(
                tenure=tenure,
                end=c.end.day,
                end_precision=c.end.precision,
                end_basis=c.end.basis,
                end_reference=c.end.reference,
                actor=SYSTEM_DEMO,
            )


def _decide(
    c: careers.Career,
    bound: careers.Bound,
    person: Person,
    title: Title,
    unit: Unit,
    units: dict[str, Unit],
) -> None:
    """A bound set by a personnel decision: recorded as the decision, which starts or ends the
    tenure through the cadre services (the decision's note keeps what the source says)."""
    cadres.decision_issue(
        kind=bound.kind,
        person=person,
        issuer=units[bound.issuer],
        signed_on=bound.day,
        number=bound.number,
        title=title,
        unit=unit,
        source=c.source[:300],
        note=f"{bound.reference}. Nguồn: {c.source}",
        actor=SYSTEM_DEMO,
    )


def _persons(units: dict[str, Unit], titles: dict[str, Title]) -> None:
    for full_name, gender, home, tenures in data.PERSONS:
        person = _person(full_name, gender, units[home])
        for title, unit, days in tenures:
            for day in sorted(days):
                people.tenure_attest(
                    person=person,
                    title=titles[title],
                    unit=units[unit],
                    day=day,
                    source=data.SRC[day],
                    actor=SYSTEM_DEMO,
                )


def _users(units: dict[str, Unit]) -> None:
    User = get_user_model()
    for username, display, role, unit_code, superuser in data.USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username, password=data.DEMO_PASSWORD, first_name=display
            )
            user.is_superuser = user.is_staff = superuser
            user.save()
        unit = units[unit_code] if unit_code else None
        if not RoleAssignment.objects.filter(user=user, role=role, unit=unit).exists():
            role_grant(user=user, role=role, unit=unit, actor=SYSTEM_DEMO)


def load(say: Say = print) -> None:
    rules.load_baseline()
    with transaction.atomic():
        units = _units()
        _restructure_2025(units)
        titles = _titles()
        _careers(units, titles)
        _persons(units, titles)
        _users(units)
        demo_directives.load(units)
        demo_programs.load(units)
        accepted = demo_articles.load(units)
    say(
        f"Dữ liệu minh họa: {Unit.objects.count()} đơn vị, {Person.objects.count()} cá nhân, "
        f"{Tenure.objects.count()} quá trình giữ chức danh, {Document.objects.count()} văn bản, "
        f"{Task.objects.count()} nhiệm vụ, {Program.objects.count()} chương trình phối hợp, "
        f"{Event.objects.count()} sự kiện; {accepted} dữ kiện từ các bài báo nguồn được tự động "
        "chấp nhận."
    )
