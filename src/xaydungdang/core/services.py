"""Services of core: granting and revoking roles."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from . import access, actors, audit
from .actors import Actor
from .models import RoleAssignment


def _require_manage(actor: Actor, unit: Any) -> None:
    actors.check(actor)
    scope = access.scope_for(actor, access.MANAGE)
    if unit is None and not scope.everything:
        raise access.AccessDenied("Chỉ quản trị toàn hệ thống mới cấp quyền toàn hệ thống.")
    if unit is not None:
        access.require(actor, access.MANAGE, unit.path)


def role_grant(*, user: Any, role: str, unit: Any, actor: Actor) -> RoleAssignment:
    """Grant ``role`` on ``unit``'s subtree (or the whole system when ``unit`` is None)."""
    _require_manage(actor, unit)
    if role not in access.ROLE_ACTIONS:
        raise ValidationError(f"Vai trò “{role}” không tồn tại.")
    existing = RoleAssignment.objects.filter(user=user, role=role, unit=unit).first()
    if existing:
        return existing
    grant = RoleAssignment(user=user, role=role, unit=unit)
    grant.full_clean()
    with transaction.atomic():
        grant.save()
        audit.record(
            actor=actor,
            obj=grant,
            action="create",
            before=None,
            scope_path=unit.path if unit else "",
        )
    user.__dict__.pop("_xdd_scopes", None)
    return grant


def role_revoke(*, grant: RoleAssignment, actor: Actor) -> None:
    _require_manage(actor, grant.unit)
    with transaction.atomic():
        before = audit.snapshot(grant)
        audit.record(
            actor=actor,
            obj=grant,
            action="delete",
            before=before,
            scope_path=grant.unit.path if grant.unit else "",
        )
        grant.delete()
