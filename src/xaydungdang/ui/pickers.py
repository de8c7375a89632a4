"""Search-as-you-type pickers: a field where the user types part of a name and clicks one of the
suggestions, instead of typing an internal id or code.

A *source* (units, persons, titles, documents, …) lives in its app and is registered on
``core.hooks.PICKER_SOURCES``; the kit knows it only by name. Each source searches and resolves
through the scope choke point (``restrict(user, action)``), so a picker never suggests or accepts
what the user may not act on.

The widget is a text input that asks ``/chon/<source>/?q=…&action=…`` (``site``) for an HTML
list of suggestions with htmx, a hidden input that holds the chosen value, and the list. Without
JavaScript the visible text is submitted, and the source resolves it by code, number or exact
name. A multiple picker keeps the chosen items as checked checkboxes (uncheck to drop one), so
it too works without JavaScript; several codes can then be typed, separated by ``;``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, Protocol

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import reverse

from xaydungdang.core import hooks
from xaydungdang.core.access import ACTIONS, VIEW, parse_id
from xaydungdang.core.text import clean, fold

MAX_QUERY = 200  # characters of a query that are searched
LIMIT = 12  # suggestions shown
MAX_PICKS = 50  # items a multiple picker accepts
CHOSEN = "__chosen"  # suffix of the inputs that hold the chosen values


class Choice(NamedTuple):
    """One suggestion: the value the form submits, what the list shows, and a second line."""

    value: str
    label: str
    detail: str


class PickerSource(Protocol):
    """What a picker can choose. None of the methods raises on bad input."""

    noun: str  # "đơn vị", "cá nhân": used in labels and messages

    def search(self, user: Any, action: str, query: str, limit: int) -> list[Choice]:
        """Suggestions for ``query`` (diacritics ignored), the best first."""
        ...

    def resolve(self, user: Any, action: str, text: str) -> Any | None:
        """The object a typed text names: its code, its number or its exact name, if there is
        exactly one; otherwise None."""
        ...

    def get(self, user: Any, action: str, value: str) -> Any | None:
        """The object of a chosen suggestion's value, if the user may still act on it."""
        ...

    def label(self, obj: Any) -> str:
        """The text the input shows for ``obj`` (the same as its suggestion's label)."""
        ...


class ModelSource:
    """Helpers for a source over a model with a ``restrict`` manager: values are primary keys."""

    model: type[models.Model]
    noun = ""

    def restricted(self, user: Any, action: str) -> models.QuerySet[Any]:
        return self.model.objects.restrict(user, action)  # type: ignore[attr-defined]

    def get(self, user: Any, action: str, value: str) -> Any | None:
        pk = parse_id(value)
        return None if pk is None else self.restricted(user, action).filter(pk=pk).first()

    def label(self, obj: Any) -> str:
        return str(obj)


def only_match(found: list[Any], text: str, name: Callable[[Any], str]) -> Any | None:
    """The one object whose name is ``text``: among those whose name folds to the same, the
    ones spelled exactly so if any; None when there is none or more than one."""
    exact = [obj for obj in found if clean(name(obj)).casefold() == clean(text).casefold()]
    chosen = exact or found
    return chosen[0] if len(chosen) == 1 else None


class Guarded:
    """A registered source as the kit hands it out: every text is cleaned first (no control
    characters or NUL, which PostgreSQL refuses; at most ``MAX_QUERY`` characters) and an
    unknown action reads as viewing, so no source meets raw input."""

    def __init__(self, inner: PickerSource) -> None:
        self.inner = inner
        self.noun = inner.noun

    def search(
        self, user: Any, action: str, query: str, limit: int, within: str = ""
    ) -> list[Choice]:
        """``within``: the value another picker of the form holds (``narrowed_by``), for a
        source that narrows its suggestions by it (titles by the chosen unit's kind)."""
        text = query_text(query)
        if not text:
            return []
        within = query_text(within)
        if within and getattr(self.inner, "narrows", False):
            return self.inner.search(user, _action(action), text, limit, within=within)  # type: ignore[call-arg]
        return self.inner.search(user, _action(action), text, limit)

    def resolve(self, user: Any, action: str, text: str) -> Any | None:
        text = query_text(text)
        return self.inner.resolve(user, _action(action), text) if text else None

    def get(self, user: Any, action: str, value: str) -> Any | None:
        return self.inner.get(user, _action(action), query_text(value))

    def label(self, obj: Any) -> str:
        return self.inner.label(obj)


def _action(action: str) -> str:
    return action if action in ACTIONS else VIEW


def sources() -> dict[str, Guarded]:
    return {
        name: Guarded(src) for provide in hooks.PICKER_SOURCES() for name, src in provide().items()
    }


def source(name: str) -> Guarded:
    """The source registered as ``name``, or a 404."""
    found = sources().get(name)
    if found is None:
        raise Http404("Không tìm thấy nguồn chọn.")
    return found


def query_text(raw: str) -> str:
    """A query as searched: control characters dropped, NFC, at most ``MAX_QUERY`` characters."""
    return clean(raw[: MAX_QUERY * 4])[:MAX_QUERY]


def split_refs(text: str) -> list[str]:
    """Several typed references: one a line, or separated by ``;``."""
    return [p.strip() for p in text.replace(";", "\n").splitlines() if p.strip()]


class Picked(NamedTuple):
    """What a picker submits: the visible text and the chosen values."""

    text: str
    chosen: tuple[str, ...]


def as_picked(value: Any) -> Picked:
    if isinstance(value, Picked):
        return value
    if value is None:
        return Picked("", ())
    if isinstance(value, (list, tuple)):
        return Picked("; ".join(str(v) for v in value), ())
    return Picked(str(value), ())


class PickerInput(forms.Widget):
    """The text input, the hidden chosen value(s) and the suggestion list (see the module doc)."""

    template_name = "ui/widgets/picker.html"
    many = False

    class Media:
        # htmx itself is loaded once by the base template, for every page
        js = [forms.Script("ui/pickers.js", defer=True)]

    def __init__(self, source_name: str, action: str, attrs: dict[str, Any] | None = None):
        super().__init__(attrs)
        self.source_name = source_name
        self.action = action
        self.user: Any = None
        self.narrowed_by = ""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Picked:
        text = data.get(name) or ""
        getter = getattr(data, "getlist", None)
        chosen = getter(name + CHOSEN) if getter else data.get(name + CHOSEN)
        if not isinstance(chosen, (list, tuple)):
            chosen = [chosen]
        return Picked(str(text), tuple(str(v) for v in chosen if v)[:MAX_PICKS])

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and name + CHOSEN not in data

    def _items(self, value: Any) -> tuple[str, list[Choice]]:
        """The text to show and the chosen items, from bound data, an object or a code."""
        src = source(self.source_name)
        if isinstance(value, models.Model):
            return src.label(value), [Choice(str(value.pk), src.label(value), "")]
        if isinstance(value, (list, tuple)) and all(isinstance(v, models.Model) for v in value):
            return "", [Choice(str(v.pk), src.label(v), "") for v in value]
        picked = as_picked(value)
        items = []
        for v in picked.chosen:
            obj = src.get(self.user, self.action, v)
            if obj is not None:
                items.append(Choice(str(obj.pk), src.label(obj), ""))
        if not picked.chosen and picked.text and not self.many:  # an initial code or number
            obj = src.resolve(self.user, self.action, query_text(picked.text))
            if obj is not None:
                return src.label(obj), [Choice(str(obj.pk), src.label(obj), "")]
        return picked.text, items

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, None, attrs)
        text, items = self._items(value)
        widget = context["widget"]
        widget["text"] = text
        widget["items"] = items
        widget["chosen"] = items[0].value if items and not self.many else ""
        widget["many"] = self.many
        widget["noun"] = source(self.source_name).noun
        widget["url"] = reverse("pick", args=[self.source_name]) + f"?action={self.action}"
        if self.narrowed_by:
            widget["url"] += f"&within={self.narrowed_by}{CHOSEN}"
        return context


class MultiPickerInput(PickerInput):
    many = True


class PickerField(forms.Field):
    """One object of a source, among those the user may ``action``; cleans to it (or None)."""

    widget_class: type[PickerInput] = PickerInput
    default_help = "Gõ một phần tên (không dấu cũng được) rồi chọn trong danh sách, hoặc gõ mã."

    def __init__(
        self, source_name: str, *, action: str = VIEW, narrowed_by: str = "", **kwargs: Any
    ) -> None:
        self.source_name = source_name
        self.action = action
        kwargs.setdefault("widget", self.widget_class(source_name, action))
        if narrowed_by:  # the suggestions follow what the form's ``narrowed_by`` picker holds
            kwargs["widget"].attrs["hx-include"] = f"[name='{narrowed_by}{CHOSEN}']"
            kwargs["widget"].narrowed_by = narrowed_by
        kwargs.setdefault("help_text", self.default_help)
        super().__init__(**kwargs)
        self._user: Any = None

    @property
    def user(self) -> Any:
        return self._user

    @user.setter
    def user(self, user: Any) -> None:  # set by ui.forms.UserForm
        self._user = user
        self.widget.user = user

    @property
    def source(self) -> PickerSource:
        return source(self.source_name)

    def _resolve(self, text: str) -> Any:
        text = query_text(text)
        obj = self.source.resolve(self._user, self.action, text)
        if obj is None:
            raise ValidationError(
                f"Không tìm thấy {self.source.noun} “{text}” trong phạm vi được phân quyền "
                "(hoặc có nhiều kết quả trùng tên). Hãy gõ một phần tên rồi chọn trong danh "
                "sách, hoặc gõ mã."
            )
        return obj

    def to_python(self, value: Any) -> Any:
        if isinstance(value, models.Model):
            return value
        picked = as_picked(value)
        text = query_text(picked.text)
        if not text:
            return None
        if picked.chosen:
            obj = self.source.get(self._user, self.action, picked.chosen[0])
            # the text still shows the chosen item: the user did not type something else since
            if obj is not None and fold(self.source.label(obj)) == fold(text):
                return obj
        return self._resolve(text)


class MultiPickerField(PickerField):
    """Several objects of a source; cleans to a list (in the order chosen, no duplicates)."""

    widget_class = MultiPickerInput
    default_help = (
        "Gõ một phần tên (không dấu cũng được) rồi chọn trong danh sách; chọn được nhiều. "
        "Có thể gõ mã, cách nhau bằng dấu chấm phẩy."
    )

    def to_python(self, value: Any) -> list[Any]:
        if isinstance(value, (list, tuple)) and all(isinstance(v, models.Model) for v in value):
            return list(value)
        picked = as_picked(value)
        found: list[Any] = []
        for v in picked.chosen:
            obj = self.source.get(self._user, self.action, v)
            if obj is None:
                raise ValidationError(f"Một {self.source.noun} đã chọn không còn trong phạm vi.")
            found.append(obj)
        errors = []
        for ref in split_refs(picked.text)[:MAX_PICKS]:
            try:
                found.append(self._resolve(ref))
            except ValidationError as exc:
                errors.append(exc)
        if errors:
            raise ValidationError(errors)
        unique: dict[Any, Any] = {}
        for obj in found:
            unique.setdefault(obj.pk, obj)
        return list(unique.values())
