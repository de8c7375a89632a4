"""The targets of the "Lịch sử thay đổi" tab: each app registers its kinds on
``core.hooks.HISTORY_TARGETS``. A target reads its object through the scope choke point and
says which audit rows belong to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model, Q
from django.urls import reverse

from xaydungdang.core.access import VIEW

Target = Callable[[Any, int], tuple[Any, Q, str]]


def rows_of(obj: Model) -> Q:
    """The audit rows and business events of ``obj`` itself."""
    return Q(object_type=obj._meta.label_lower, object_id=str(obj.pk))


def rows_of_ids(model: type[Model], ids: Any) -> Q:
    return Q(object_type=model._meta.label_lower, object_id__in=[str(i) for i in ids])


def simple_target(model: Any, url_name: str) -> Target:
    """A target whose history is its own rows and whose page is ``url_name`` with its id."""

    def target(user: Any, pk: int) -> tuple[Any, Q, str]:
        obj = model.objects.restrict(user, VIEW).get(pk=pk)
        return obj, rows_of(obj), reverse(url_name, args=[pk])

    return target
