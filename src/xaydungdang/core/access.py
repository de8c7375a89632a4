"""The permission choke point: roles granted on an org unit cover its subtree.

Every list, detail, search and export reads through ``Model.objects.restrict(user, action)``.
A model says how its rows map to the org tree by declaring ``scope_paths`` (``ScopedModel``).
Forbidden and absent both answer 404 (``AccessDenied`` is turned into a 404 by the middleware).
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Generic, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from .actors import check as check_actor
from .actors import is_system

VIEW, CHANGE, MANAGE = "view", "change", "manage"
ACTIONS = (VIEW, CHANGE, MANAGE)
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset({VIEW}),
    "editor": frozenset({VIEW, CHANGE}),
    "manager": frozenset({VIEW, CHANGE, MANAGE}),
}
PATH_END = "~"  # sorts after every character a path segment uses


class AccessDenied(PermissionDenied):
    """The user may not see or change this; the web answers 404, as for an absent object."""


@dataclasses.dataclass(frozen=True)
class Scope:
    everything: bool
    prefixes: tuple[str, ...]

    def covers(self, path: str) -> bool:
        return self.everything or any(path.startswith(p) for p in self.prefixes)


NOTHING = Scope(False, ())
EVERYTHING = Scope(True, ())


def scope_for(user: Any, action: str) -> Scope:
    """The part of the org tree where ``user`` may do ``action`` (cached on the user object)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action}")
    if is_system(user):
        return EVERYTHING
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    if user.is_superuser:
        return EVERYTHING
    cache: dict[str, Scope] | None = getattr(user, "_xdd_scopes", None)
    if cache is None:
        cache = _load_scopes(user)
        user._xdd_scopes = cache
    return cache.get(action, NOTHING)


def home_unit_id(user: Any) -> int | None:
    """The unit the user works in (the broadest unit of their grants), or None for a user
    granted the whole system or nothing; read with the scopes, so mostly without a query."""
    if is_system(user) or not getattr(user, "is_authenticated", False) or user.is_superuser:
        return None
    if not hasattr(user, "_xdd_home_unit"):
        user._xdd_scopes = _load_scopes(user)
    return getattr(user, "_xdd_home_unit", None)


def _load_scopes(user: Any) -> dict[str, Scope]:
    from .models import RoleAssignment

    grants: dict[str, set[str]] = {a: set() for a in ACTIONS}
    everywhere: set[str] = set()
    rows = list(
        RoleAssignment.objects.filter(user=user).values_list("role", "unit__path", "unit_id")
    )
    # The user's own unit (the menu's "Đảng viên"): the broadest one granted on a unit.
    units = sorted((len(path), path, unit) for _, path, unit in rows if path is not None)
    user._xdd_home_unit = units[0][2] if units else None
    for role, path, _unit in rows:
        for action in ROLE_ACTIONS.get(role, ()):
            if path is None:
                everywhere.add(action)
            else:
                grants[action].add(path)
    return {a: EVERYTHING if a in everywhere else _minimal(grants[a]) for a in ACTIONS}


def _minimal(paths: set[str]) -> Scope:
    """Drop prefixes covered by shorter ones."""
    kept: list[str] = []
    for p in sorted(paths):
        if not any(p.startswith(k) for k in kept):
            kept.append(p)
    return Scope(False, tuple(kept))


def actor_scope(actor: Any, action: str) -> Scope:
    """The scope of a service's actor: a missing actor is refused, never read as nobody."""
    check_actor(actor)
    return scope_for(actor, action)


def path_q(field: str, prefixes: tuple[str, ...]) -> models.Q:
    """Rows whose ``field`` lies in one of the subtrees (an index-friendly range per prefix)."""
    q = models.Q(pk__in=[])
    for p in prefixes:
        q |= models.Q(**{f"{field}__gte": p, f"{field}__lt": p + PATH_END})
    return q


def require(user: Any, action: str, path: str) -> None:
    """Raise AccessDenied unless ``user`` may do ``action`` on the tree node at ``path``."""
    check_actor(user)
    if not scope_for(user, action).covers(path):
        raise AccessDenied("Không có quyền thực hiện thao tác này.")


M = TypeVar("M", bound=models.Model)


class RestrictedQuerySet(models.QuerySet[M], Generic[M]):
    def restrict(
        self, user: Any, action: str = VIEW, *, public: bool = True
    ) -> RestrictedQuerySet[M]:
        """The rows ``user`` may ``action``: the one choke point of every read for a user.
        ``public=False`` leaves out the public record (a data sheet's own fields, its history)."""
        scope = scope_for(user, action)
        if scope.everything:
            return self
        if not scope.prefixes:
            return self.none()
        q = self.model.scope_q(scope.prefixes)  # type: ignore[attr-defined]
        if action == VIEW and public:
            # The Party's public record is seen by every staff user, but only seen.
            public = self.model.scope_public_q()  # type: ignore[attr-defined]
            if public is not None:
                q |= public
        return self.filter(q)

    def get_or_404(self, pk: Any) -> M:
        """The row ``pk``, or a 404 that does not say whether it is absent or out of scope."""
        parsed = _as_id(pk)
        found = self.filter(pk=parsed).first() if parsed is not None else None
        if found is None:
            raise Http404(f"Không tìm thấy {self.model._meta.verbose_name}.")
        return found


MAX_ID_DIGITS = 12


def parse_id(text: str) -> int | None:
    """An id typed or sent as text: ASCII decimal digits of a bounded length, else None.

    ``str.isdigit()`` is true for "²", which ``int()`` rejects; every id read from outside
    goes through here."""
    text = (text or "").strip()
    if text.isascii() and text.isdecimal() and len(text) <= MAX_ID_DIGITS:
        return int(text)
    return None


def _as_id(pk: Any) -> int | None:
    if isinstance(pk, int) and not isinstance(pk, bool):
        return pk
    return parse_id(str(pk))


class ScopedModel(models.Model):
    """A model whose rows map to the org tree by the paths it declares.

    ``scope_paths`` names path columns (of the row or through relations, e.g.
    ``("lead_path", "document__issuer__path")``): a row is in a user's scope when one of them
    lies in the user's subtrees. A rule that paths cannot say (a link table, the bodies above)
    goes in ``scope_extra_q``; rows every staff user may view go in ``scope_public_q``.
    ``scope_shared`` makes a catalog every signed-in user sees.
    """

    scope_paths: ClassVar[tuple[str, ...]] = ()
    scope_shared: ClassVar[bool] = False

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def scope_q(cls, prefixes: tuple[str, ...]) -> models.Q:
        if cls.scope_shared:
            return models.Q()
        q = models.Q(pk__in=[])
        for field in cls.scope_paths:
            q |= path_q(field, prefixes)
        return q | cls.scope_extra_q(prefixes)

    @classmethod
    def scope_extra_q(cls, prefixes: tuple[str, ...]) -> models.Q:
        return models.Q(pk__in=[])

    @classmethod
    def scope_public_q(cls) -> models.Q | None:
        """Rows of the public record that every staff user may view, whatever their subtree
        (never change): the central bodies' leaders and unclassified documents. None: none."""
        return None
