"""Form pieces shared by the apps: Vietnamese dates, scoped forms, running a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError

T = TypeVar("T")
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


class VNDateField(forms.DateField):
    """A date typed as dd/mm/yyyy."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault(
            "widget",
            forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "size": 12}),
        )
        kwargs.setdefault(
            "error_messages", {"invalid": "Ngày không hợp lệ; hãy nhập theo dạng dd/mm/yyyy."}
        )
        super().__init__(**kwargs)


VERSION_FIELD = "version"


class VersionField(forms.CharField):
    """The version of the record an edit form was opened on (hidden); a stale submission is
    refused by the service (``core.locking.StaleVersion``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.HiddenInput)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


def carry_version(form: forms.Form, version: str) -> None:
    """Give ``form`` the hidden version field, opened on ``version``."""
    form.fields[VERSION_FIELD] = VersionField(initial=version)


class UserForm(forms.Form):
    """A form whose unit fields are limited to what the user may change."""

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            if hasattr(field, "user"):  # fields that read through the scope choke point
                field.user = user


def run_service(form: forms.Form, call: Callable[[], T]) -> T | None:
    """Call a service; its Vietnamese validation errors land on the form instead of a 500."""
    try:
        return call()
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return None
