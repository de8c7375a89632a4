"""Explicit audit, written by the services in their own transaction (never by signals).

``record`` writes a ChangeRecord (before/after JSON); ``emit`` writes a typed BusinessEvent.
The request id comes from the web middleware, or is made up for a command-line run.
"""

from __future__ import annotations

import contextvars
import dataclasses
import datetime as dt
import decimal
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.fields.files import FieldFile

from . import actors
from .models import BusinessEvent, ChangeRecord

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "xdd_request_id", default=None
)

SYSTEM_ACTOR = "hệ thống"


def request_id() -> str:
    rid = _request_id.get()
    if rid is None:
        rid = f"cli-{uuid.uuid4().hex[:12]}"
        _request_id.set(rid)
    return rid


@contextmanager
def request_context(rid: str) -> Iterator[None]:
    token = _request_id.set(rid)
    try:
        yield
    finally:
        _request_id.reset(token)


def object_type(obj: models.Model) -> str:
    return obj._meta.label_lower


def _jsonable(value: Any) -> Any:
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def snapshot(obj: models.Model | None) -> dict[str, Any] | None:
    """The concrete fields of ``obj`` as JSON-safe values (foreign keys by id)."""
    if obj is None:
        return None
    data = {f.attname: _jsonable(getattr(obj, f.attname)) for f in obj._meta.concrete_fields}
    data.pop("updated_at", None)
    data.pop("created_at", None)
    return data


def check_fields(changes: dict[str, Any], allowed: set[str]) -> None:
    """An update service takes only the fields it knows."""
    if unknown := set(changes) - allowed:
        raise ValidationError(f"Không sửa được trường: {', '.join(sorted(unknown))}.")


def apply_changes(obj: models.Model, changes: dict[str, Any]) -> dict[str, Any] | None:
    """Set ``changes`` on ``obj`` and return its snapshot from before, for ``record``."""
    before = snapshot(obj)
    for field, value in changes.items():
        setattr(obj, field, value)
    return before


def _actor(user: Any) -> tuple[Any, str]:
    """The user row and the name an audit record keeps; a system actor is kept by its name."""
    actors.check(user)
    if isinstance(user, actors.SystemActor):
        return None, user.audit_name
    if not getattr(user, "is_authenticated", False):
        return None, SYSTEM_ACTOR
    return user, user.get_username()


def record(
    *,
    actor: Any,
    obj: models.Model,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None = None,
    scope_path: str = "",
) -> ChangeRecord:
    """Record a create/update/delete of ``obj``; call it inside the service's transaction."""
    user, name = _actor(actor)
    return ChangeRecord.objects.create(
        actor=user,
        actor_name=name,
        request_id=request_id(),
        object_type=object_type(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        action=action,
        before=before,
        after=None if action == "delete" else (after or snapshot(obj)),
        scope_path=scope_path,
    )


def record_created(
    *,
    actor: Any,
    objs: list[models.Model],
    after: dict[str, Any],
    scope_path: str | Callable[[Any], str],
) -> None:
    """One "create" record per object of a bulk write (an import), in one statement; the scope
    is one path for all, or a function of the object."""
    scope = scope_path if callable(scope_path) else (lambda _obj: scope_path)
    user, name = _actor(actor)
    rid = request_id()
    ChangeRecord.objects.bulk_create(
        (
            ChangeRecord(
                actor=user,
                actor_name=name,
                request_id=rid,
                object_type=object_type(obj),
                object_id=str(obj.pk),
                object_repr=str(obj)[:300],
                action="create",
                before=None,
                after=after,
                scope_path=scope(obj),
            )
            for obj in objs
        ),
        batch_size=2000,
    )


def save(
    obj: models.Model,
    *,
    actor: Any,
    before: dict[str, Any] | None,
    scope_path: str = "",
    update_fields: list[str] | None = None,
) -> ChangeRecord:
    """Save ``obj`` and record it in one transaction: a create when ``before`` is None."""
    with transaction.atomic():
        obj.save(update_fields=update_fields)
        action = "create" if before is None else "update"
        return record(actor=actor, obj=obj, action=action, before=before, scope_path=scope_path)


@dataclasses.dataclass(frozen=True)
class Event:
    """Base of the typed business events: subclasses declare ``kind``, ``label`` and fields."""

    kind: ClassVar[str] = ""
    label: ClassVar[str] = ""

    def summary(self) -> str:
        return self.label

    def payload(self) -> dict[str, Any]:
        return {k: _jsonable(v) for k, v in dataclasses.asdict(self).items()}


EVENT_KINDS: dict[str, type[Event]] = {}


def event_kind(cls: type[Event]) -> type[Event]:
    """Register a typed event class (a decorator)."""
    if cls.kind in EVENT_KINDS:
        raise ValueError(f"duplicate event kind {cls.kind}")
    EVENT_KINDS[cls.kind] = cls
    return cls


def emit(event: Event, *, actor: Any, obj: models.Model, scope_path: str = "") -> BusinessEvent:
    if type(event).kind not in EVENT_KINDS:
        raise ValueError(f"unregistered event kind {type(event).kind}")
    user, name = _actor(actor)
    return BusinessEvent.objects.create(
        kind=event.kind,
        actor=user,
        actor_name=name,
        request_id=request_id(),
        object_type=object_type(obj),
        object_id=str(obj.pk),
        summary=event.summary()[:500],
        payload=event.payload(),
        scope_path=scope_path,
    )


def event_label(kind: str) -> str:
    cls = EVENT_KINDS.get(kind)
    return cls.label if cls else kind


def actor_of(user: Any) -> tuple[int | None, str]:
    """The actor's user id and name as an audit record stores them (bulk writers)."""
    actor, name = _actor(user)
    return (actor.pk if actor is not None else None), name
