"""Who performs a write: a signed-in user, or a named system actor.

Every service takes ``actor: Actor`` with no default. ``None`` is never an actor: a caller that
forgets to say who acts gets a ``TypeError``, not an unchecked write. A system actor (the demo
loader, an import from the command line, a data migration) is trusted by name and recorded by
name in the audit.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


@dataclasses.dataclass(frozen=True)
class SystemActor:
    """A named part of the system that writes without a signed-in user."""

    code: str
    label: str
    is_authenticated: ClassVar[bool] = False
    is_active: ClassVar[bool] = True
    is_superuser: ClassVar[bool] = False
    pk: ClassVar[None] = None

    @property
    def audit_name(self) -> str:
        return f"hệ thống ({self.label})"

    def __str__(self) -> str:
        return self.audit_name


SYSTEM_DEMO = SystemActor("demo", "dữ liệu minh họa")
SYSTEM_IMPORT = SystemActor("import", "nhập dữ liệu")
SYSTEM_CLI = SystemActor("cli", "lệnh quản trị")
SYSTEM_MIGRATION = SystemActor("migration", "chuyển đổi dữ liệu")
SYSTEM_JOB = SystemActor("job", "công việc nền")
SYSTEM_ACTORS = (SYSTEM_DEMO, SYSTEM_IMPORT, SYSTEM_CLI, SYSTEM_MIGRATION, SYSTEM_JOB)

Actor: TypeAlias = "AbstractBaseUser | AnonymousUser | SystemActor"


def is_system(actor: Any) -> bool:
    return isinstance(actor, SystemActor)


def check(actor: Any) -> None:
    """Refuse a missing actor: a programming error, never a silent trusted write."""
    if actor is None:
        raise TypeError("A service needs an explicit actor (a user or a named system actor).")
    if not (is_system(actor) or hasattr(actor, "is_authenticated")):
        raise TypeError(f"Not an actor: {actor!r}")


def user_of(actor: Any) -> Any:
    """The signed-in user behind ``actor`` for a ``created_by`` column, or None for the system."""
    return actor if getattr(actor, "is_authenticated", False) else None
