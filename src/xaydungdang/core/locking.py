"""Concurrency by construction: a service that changes a record reads it again inside its
transaction under a row lock, checks that it is still the version the caller saw, and writes
only the fields it changes.

The version is ``updated_at`` (microseconds). ``locked(obj)`` must run inside
``transaction.atomic()``: on PostgreSQL it takes ``SELECT … FOR UPDATE``; on SQLite the
connection opens every transaction with ``BEGIN IMMEDIATE`` (settings), so writers are
serialised before the read. The version expected is, in order: the ``expected`` argument (a
form's hidden field), the one a page set with ``expecting(...)``, else the version of the copy the
caller passed in (it read the record earlier, outside this transaction).
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone

M = TypeVar("M", bound=models.Model)

_expected: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "xdd_expected_version", default=None
)


class StaleVersion(ValidationError):
    """The record changed after the caller read it; nothing was changed."""


def version(obj: models.Model) -> str:
    """The version of ``obj`` as a form carries it: its ``updated_at`` with microseconds."""
    value = getattr(obj, "updated_at", None)
    return value.isoformat() if isinstance(value, dt.datetime) else ""


@contextmanager
def expecting(expected: str | None) -> Iterator[None]:
    """The version a submitted form was opened on, for the services called inside."""
    token = _expected.set(expected or None)
    try:
        yield
    finally:
        _expected.reset(token)


def _last_change(obj: models.Model) -> str:
    from .models import ChangeRecord

    name = (
        ChangeRecord.objects.filter(
            object_type=obj._meta.label_lower, object_id=str(obj.pk), action="update"
        )
        .order_by("-pk")
        .values_list("actor_name", flat=True)
        .first()
    )
    return name or "người dùng khác"


def stale_message(current: models.Model) -> str:
    when = getattr(current, "updated_at", None)
    at = timezone.localtime(when).strftime("%d/%m/%Y %H:%M") if when else ""
    return (
        f"Bản ghi đã được thay đổi lúc {at} bởi {_last_change(current)}; "
        "hãy mở lại trang để xem bản mới nhất."
    )


def check_version(current: models.Model, expected: str | None) -> None:
    """Refuse with ``StaleVersion`` when ``current`` is not the version ``expected``."""
    if expected and version(current) != expected:
        raise StaleVersion(stale_message(current), code="stale")


def locked(obj: M, expected: str | None = None) -> M:
    """``obj`` read again under a row lock, checked against the version the caller saw."""
    if not connection.in_atomic_block:
        raise RuntimeError("locked() runs inside transaction.atomic()")
    model = type(obj)
    current = model._default_manager.select_for_update().get(pk=obj.pk)
    check_version(current, expected or _expected.get() or version(obj))
    return current


def write(
    current: models.Model, changes: dict[str, Any], caller: models.Model | None = None
) -> None:
    """Set ``changes`` on the locked ``current`` and save those fields only (and the version);
    the caller's copy, when given, gets the same values and the new version."""
    for field, value in changes.items():
        setattr(current, field, value)
    fields = list(changes)
    if hasattr(current, "updated_at"):
        fields.append("updated_at")
    current.save(update_fields=fields)
    if caller is not None and caller is not current:
        sync(caller, current, [*changes, "updated_at"])


def sync(caller: models.Model, current: models.Model, fields: list[str]) -> None:
    """Copy ``fields`` of the saved ``current`` onto the caller's copy."""
    for field in fields:
        if hasattr(current, field):
            setattr(caller, field, getattr(current, field))
