"""Reads of persons and tenures, all through the permission choke point."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import Q

from xaydungdang.core.access import CHANGE, VIEW
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


def may_change(user: Any, person: Person) -> bool:
    """Whether ``user`` may change ``person``'s file: asked once per page, whatever the number
    of panels that need it (kept on the person object read for that request)."""
    cache: dict[int, bool] = person.__dict__.setdefault("_xdd_may_change", {})
    key = id(user)
    if key not in cache:
        cache[key] = Person.objects.restrict(user, CHANGE).filter(pk=person.pk).exists()
    return cache[key]


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


@dataclasses.dataclass
class Neighbour:
    """The nearest record before or after the asked day, when no tenure covers it."""

    tenure: Tenure
    day: dt.date  # the last day known before, or the first day known after
    attested: bool  # the day is a source's date, not a decision's


@dataclasses.dataclass
class WhoHeld:
    day: dt.date
    holders: list[Tenure]
    before: list[Neighbour]
    after: list[Neighbour]

    @property
    def known(self) -> bool:
        return bool(self.holders or self.before or self.after)


def who_held(user: Any, unit: Unit, day: dt.date, title: Title | None = None) -> WhoHeld:
    """Who held ``title`` (or any title) in ``unit`` on ``day``: the tenures covering it; for a
    title that none covers, the nearest records before and after, so that a gap in the sources
    is never answered as "nobody"."""
    qs = Tenure.objects.restrict(user, VIEW).filter(unit=unit).select_related("person", "title")
    if title is not None:
        qs = qs.filter(title=title)
    rows = list(qs.order_by("title__rank", "start", "person__sort_key", "id"))  # one query
    covering = [t for t in rows if t.start <= day and (t.end is None or t.end > day)]
    held = {t.title_id for t in covering}
    before: dict[int, Neighbour] = {}
    after: dict[int, Neighbour] = {}
    for t in rows:
        if t.title_id in held:
            continue
        if t.end is not None and t.end <= day:
            last = t.end - dt.timedelta(days=1) if t.end_basis == "article" else t.end
            near = Neighbour(t, last, t.end_basis == "article")
            if t.title_id not in before or near.day >= before[t.title_id].day:
                before[t.title_id] = near
        elif t.start > day:
            near = Neighbour(t, t.start, t.start_basis == "article")
            if t.title_id not in after or near.day < after[t.title_id].day:
                after[t.title_id] = near
    rank = lambda n: (n.tenure.title.rank, n.tenure.title.name)  # noqa: E731
    return WhoHeld(
        day, covering, sorted(before.values(), key=rank), sorted(after.values(), key=rank)
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
