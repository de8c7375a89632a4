"""Reads of persons and tenures, all through the permission choke point."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import Q

from xaydungdang.core.access import VIEW
from xaydungdang.org.choices import KIND_RANK
from xaydungdang.org.models import Unit
from xaydungdang.org.selectors import names_on

from .models import Person, Tenure, Title


@dataclasses.dataclass
class CareerRow:
    tenure: Tenure
    label: str
    unit_name: str
    unit_visible: bool


def person_for(user: Any, pk: int, action: str = VIEW) -> Person:
    return Person.objects.restrict(user, action).select_related("managing_unit").get(pk=pk)


def active_on_q(day: dt.date) -> Q:
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gt=day))


def holders(user: Any, unit: Unit, day: dt.date, title: Title | None = None) -> list[Tenure]:
    """Who held ``title`` (or any title) in ``unit`` on ``day``."""
    qs = Tenure.objects.restrict(user, VIEW).filter(active_on_q(day), unit=unit)
    if title is not None:
        qs = qs.filter(title=title)
    return list(
        qs.select_related("person", "title").order_by(
            "title__rank", "start", "person__sort_key", "id"
        )
    )


def career(user: Any, person: Person) -> list[CareerRow]:
    """The person's tenures in time order, each named with the unit's name at its start."""
    tenures = list(
        Tenure.objects.restrict(user, VIEW)
        .filter(person=person)
        .select_related("title", "unit")
        .order_by("start", "title__rank", "id")
    )
    names = names_on({(t.unit_id, t.start) for t in tenures})
    visible = set(
        Unit.objects.restrict(user, VIEW)
        .filter(pk__in={t.unit_id for t in tenures})
        .values_list("pk", flat=True)
    )
    rows = []
    for t in tenures:
        unit_name = names.get((t.unit_id, t.start)) or t.unit.name
        rows.append(CareerRow(t, t.title.label(unit_name), unit_name, t.unit_id in visible))
    return rows


def titles_on(person: Person, day: dt.date) -> str:
    """The titles ``person`` held on ``day``, as people write them, most senior first."""
    tenures = list(
        Tenure.objects.filter(active_on_q(day), person=person)
        .select_related("title", "unit")
        .order_by("title__rank", "id")
    )
    tenures.sort(key=lambda t: (KIND_RANK.get(t.unit.kind, 99), t.title.rank))
    names = names_on({(t.unit_id, day) for t in tenures})
    return ", ".join(t.title.label(names.get((t.unit_id, day)) or t.unit.name) for t in tenures)
