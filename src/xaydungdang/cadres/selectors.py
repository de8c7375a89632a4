"""Reads of cadre work for a user, each through the scope choke point."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xaydungdang.core.access import VIEW, RestrictedQuerySet, path_q
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person, Tenure
from xaydungdang.people.selectors import active_on_q

from .models import PersonnelDecision


def decisions(user: Any) -> RestrictedQuerySet[PersonnelDecision]:
    return PersonnelDecision.objects.restrict(user, VIEW).select_related(
        "person", "title", "unit", "issuer"
    )


def decisions_of(user: Any, person: Person) -> list[PersonnelDecision]:
    """The decisions about ``person`` that ``user`` may see, newest first."""
    return list(decisions(user).filter(person=person).order_by("-effective_on", "-id"))


def holders_in(user: Any, unit: Unit, day: dt.date) -> list[Tenure]:
    """Who held a title on ``day`` anywhere in ``unit``'s subtree, senior titles first, then
    by unit and by given name (the Vietnamese order)."""
    rows = (
        Tenure.objects.restrict(user, VIEW)
        .filter(active_on_q(day), path_q("unit__path", (unit.path,)))
        .select_related("person", "title", "unit")
        .order_by("unit__path", "title__rank", "person__sort_key")
    )
    return list(rows)
