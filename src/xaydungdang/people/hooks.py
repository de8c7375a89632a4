"""What people adds to the lower apps and the site: the unit page's holders, the veto of a
unit's end, persons in the search, persons and titles in the pickers, and the history of
persons, tenures and titles."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse

from xaydungdang.core import hooks
from xaydungdang.core.access import VIEW
from xaydungdang.ui.history import Target, rows_of, rows_of_ids

from . import panels, pickers
from .models import Person, Tenure, Title
from .search import search_persons
from .services import open_tenures_check

hooks.UNIT_END_CHECKS.register(open_tenures_check)
hooks.UNIT_PANELS.register(panels.unit_holders_panel, order=0)
hooks.SEARCH_PROVIDERS.register(search_persons, order=10)
hooks.PICKER_SOURCES.register(pickers.picker_sources)


def _person(user: Any, pk: int) -> tuple[Any, Q, str]:
    person = Person.objects.restrict(user, VIEW, public=False).get(pk=pk)
    tenures = Tenure.objects.restrict(user, VIEW, public=False).filter(person=person)
    rows = rows_of(person) | rows_of_ids(Tenure, tenures.values_list("pk", flat=True))
    return person, rows, reverse("people:person", args=[pk])


def _tenure(user: Any, pk: int) -> tuple[Any, Q, str]:
    tenure = Tenure.objects.restrict(user, VIEW, public=False).select_related("person").get(pk=pk)
    return tenure, rows_of(tenure), reverse("people:person", args=[tenure.person_id])


def _title(user: Any, pk: int) -> tuple[Any, Q, str]:
    title = Title.objects.restrict(user, VIEW).get(pk=pk)
    return title, rows_of(title), reverse("people:titles")


@hooks.HISTORY_TARGETS.register
def history_targets() -> dict[str, Target]:
    return {"person": _person, "tenure": _tenure, "title": _title}
