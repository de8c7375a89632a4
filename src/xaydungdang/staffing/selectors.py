"""Reads of staffing: the actual headcount comes from tenures, never typed in; the reduction
target from the dated rule registry."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from fractions import Fraction

from xaydungdang.core import rules
from xaydungdang.core.models import RuleSet, valid_on_q
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Tenure
from xaydungdang.people.selectors import active_on_q

from .models import JobPosition, Quota
from .services import RULE_KEY


def positions_on(unit: Unit, day: dt.date) -> list[JobPosition]:
    """The catalogue of ``unit`` in force on ``day``."""
    return list(
        JobPosition.objects.filter(valid_on_q(day), unit=unit)
        .select_related("title")
        .order_by("kind", "name", "id")
    )


def _fill(unit: Unit, day: dt.date) -> tuple[list[Tenure], list[JobPosition]]:
    """(holders, vacant positions): each tenure covering ``day`` in ``unit`` fills one position
    of its title, oldest tenure first; positions of a title beyond its holders are vacant."""
    by_title: dict[int, list[JobPosition]] = defaultdict(list)
    vacant: list[JobPosition] = []
    for position in positions_on(unit, day):
        if position.title_id is None:
            vacant.append(position)  # no title to hold: nobody can be counted in it
        else:
            by_title[position.title_id].append(position)
    tenures = (
        Tenure.objects.filter(active_on_q(day), unit=unit, title_id__in=list(by_title))
        .select_related("person", "title")
        .order_by("start", "id")
    )
    holders: list[Tenure] = []
    for tenure in tenures:
        if by_title[tenure.title_id]:
            by_title[tenure.title_id].pop(0)
            holders.append(tenure)
    vacant += [p for rest in by_title.values() for p in rest]
    return holders, sorted(vacant, key=lambda p: (p.kind, p.name, p.pk))


def headcount(unit: Unit, day: dt.date) -> list[Tenure]:
    """The tenures that fill one of ``unit``'s positions on ``day`` (len() is the headcount)."""
    return _fill(unit, day)[0]


def vacancies(unit: Unit, day: dt.date) -> list[JobPosition]:
    """The positions of ``unit`` in force on ``day`` that nobody holds."""
    return _fill(unit, day)[1]


@dataclasses.dataclass(frozen=True)
class Target:
    rule_set: RuleSet
    base_year: int | None  # None: the rule set in force has no reduction target
    target_year: int | None
    percent: Fraction | None
    base: int | None  # the quota of the base year, None when none was given
    number: int | None  # the most the unit may have by the target year


def target(unit: Unit, kind: str, day: dt.date) -> Target:
    """The reduction target in force on ``day`` for ``unit``'s quota of ``kind``: the base year's
    quota less at least the rule's percentage (a part of a person counts as a whole one)."""
    found = rules.resolve(RULE_KEY, day)
    value = found.value
    if not value.get("base_year") or kind not in value["percent"]:
        return Target(found.rule_set, None, None, None, None, None)
    percent = Fraction(str(value["percent"][kind]))
    base_year = int(value["base_year"])
    base = (
        Quota.objects.filter(unit=unit, year=base_year, kind=kind)
        .values_list("number", flat=True)
        .first()
    )
    number = None
    if base is not None:
        cut = -(-base * percent // 100)  # at least the percentage: round the cut up
        number = base - int(cut)
    return Target(found.rule_set, base_year, int(value["target_year"]), percent, base, number)
