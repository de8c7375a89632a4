"""The one registry of cross-app hooks (after Wagtail's hooks).

A lower app may not import a higher one. Where it must let later apps act or add to its pages
(a unit's subtree moved, a person changed, a section on the unit page, a search provider), it
calls a hook declared here, with its signature. Each app registers its implementations in its
own ``hooks.py``, which ``core`` imports once all apps are loaded (``autodiscover``). The order
of implementations is their ``order``, then the order of ``INSTALLED_APPS``.

Declaring every hook in this one module lets a reader of ``unit_dissolve`` see what runs:
``hooks.UNIT_END_CHECKS`` and the ``hooks.py`` files that register it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from django.utils.module_loading import autodiscover_modules

F = TypeVar("F", bound=Callable[..., Any])


@dataclasses.dataclass(eq=False)
class Hook(Generic[F]):
    """A named extension point with a declared signature ``F``."""

    name: str
    doc: str
    _registered: list[tuple[int, int, F]] = dataclasses.field(default_factory=list)

    def register(self, fn: F | None = None, *, order: int = 100) -> Any:
        """Register ``fn`` (usable as ``@HOOK.register`` or ``@HOOK.register(order=0)``)."""

        def add(f: F) -> F:
            if all(existing is not f for _, _, existing in self._registered):
                self._registered.append((order, len(self._registered), f))
                self._registered.sort(key=lambda entry: entry[:2])
            return f

        return add(fn) if fn is not None else add

    def __call__(self) -> list[F]:
        """The implementations, in order."""
        return [f for _, _, f in self._registered]


HOOKS: dict[str, Hook[Any]] = {}


def declare(name: str, doc: str) -> Hook[Any]:
    if name in HOOKS:
        raise ValueError(f"hook {name} declared twice")
    hook: Hook[Any] = Hook(name, doc)
    HOOKS[name] = hook
    return hook


# A function of no arguments returning (model, field): a column that copies a unit's path, so
# it is rewritten when the subtree moves.
PATH_COPIES: Hook[Callable[[], tuple[Any, str]]] = declare(
    "org.path_copies", "Các cột sao chép đường dẫn đơn vị"
)
# fn(old_prefix, new_prefix), inside the move's transaction: aggregates kept per subtree.
SUBTREE_MOVED: Hook[Callable[[str, str], None]] = declare(
    "org.subtree_moved", "Cây con của một đơn vị được chuyển"
)
# fn(unit, day) -> a Vietnamese reason why the unit cannot end on ``day``, or "".
UNIT_END_CHECKS: Hook[Callable[[Any, Any], str]] = declare(
    "org.unit_end_checks", "Kiểm tra trước khi một đơn vị kết thúc"
)
# fn(person, before_snapshot), inside the change's transaction.
PERSON_CHANGED: Hook[Callable[[Any, dict[str, Any] | None], None]] = declare(
    "people.person_changed", "Thông tin cá nhân thay đổi"
)
# fn(user, obj) -> ui.panels.Panel | None: a section of the object's page.
UNIT_PANELS: Hook[Callable[[Any, Any], Any]] = declare("panels.unit", "Mục trên trang đơn vị")
PERSON_PANELS: Hook[Callable[[Any, Any], Any]] = declare("panels.person", "Mục trên trang cá nhân")
DOCUMENT_PANELS: Hook[Callable[[Any, Any], Any]] = declare(
    "panels.document", "Mục trên trang văn bản"
)
EVENT_PANELS: Hook[Callable[[Any, Any], Any]] = declare("panels.event", "Mục trên trang sự kiện")
# fn(user, query) -> list[site.search.Hit]: the global search's providers.
SEARCH_PROVIDERS: Hook[Callable[[Any, str], list[Any]]] = declare(
    "site.search", "Nguồn của tìm kiếm chung"
)
# fn() -> dict[kind, fn(user, pk) -> (object, Q of its audit rows, page url)], the "Lịch sử
# thay đổi" tab's targets; the object is read through the scope choke point.
HISTORY_TARGETS: Hook[Callable[[], dict[str, Callable[[Any, int], tuple[Any, Any, str]]]]] = (
    declare("site.history", "Đối tượng có tab lịch sử thay đổi")
)

# fn() -> dict[source name, ui.pickers.PickerSource]: what a picker field can choose (units,
# persons, titles, documents), each searched and resolved through the scope choke point.
PICKER_SOURCES: Hook[Callable[[], dict[str, Any]]] = declare(
    "ui.pickers", "Nguồn chọn theo tên cho các ô chọn"
)

# fn() -> list of (order, label, url name): the sections of the cadre-work hub (planning,
# training, grading, appointment cases…), each registered by its own app.
CADRE_SECTIONS: Hook[Callable[[], list[tuple[int, str, str]]]] = declare(
    "cadres.sections", "Các mục của công tác cán bộ"
)
# fn(user, person) -> ui.record.RecordSection | None: a part of a cadre's record (sơ yếu
# lý lịch, mẫu 2C) and of the career page, read through the scope choke point.
CADRE_RECORD_SECTIONS: Hook[Callable[[Any, Any], Any]] = declare(
    "cadres.record_sections", "Các phần của sơ yếu lý lịch cán bộ"
)

# fn(person, title, unit, day, source) -> a Vietnamese reason why ``person`` may not be
# proposed for ``title`` in ``unit`` on ``day`` ("" if none); ``source`` is "internal" or
# "external" (R-CAD-3: planning, title standards, discipline…). Each app checks its own rule.
APPOINTMENT_CHECKS: Hook[Callable[[Any, Any, Any, Any, str], str]] = declare(
    "cadres.appointment_checks", "Điều kiện bổ nhiệm, giới thiệu ứng cử"
)


def autodiscover() -> None:
    """Import every app's ``hooks`` module (once all models are loaded)."""
    autodiscover_modules("hooks")
