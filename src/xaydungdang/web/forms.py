"""Form pieces shared by the apps: Vietnamese dates, unit pickers, running a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError

from xaydungdang.core.access import CHANGE

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


class UnitRefField(forms.CharField):
    """A unit given by its code or number, among those the user may change."""

    def __init__(self, *, action: str = CHANGE, **kwargs: Any) -> None:
        self.action = action
        self.user: Any = None
        kwargs.setdefault("max_length", 60)
        kwargs.setdefault("help_text", "Nhập mã hoặc số hiệu đơn vị (xem trên trang đơn vị).")
        kwargs.setdefault("widget", forms.TextInput(attrs={"list": "unit-suggestions"}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Any:
        from xaydungdang.org.models import Unit

        text = super().clean(value)
        if not text:
            return None
        qs = Unit.objects.restrict(self.user, self.action)
        ref = text.split(" ", 1)[0].strip()
        unit = qs.filter(code=ref).first() or (
            qs.filter(pk=int(ref)).first() if ref.isdigit() else None
        )
        if unit is None:
            raise ValidationError(f"Không tìm thấy đơn vị “{text}” trong phạm vi được phân quyền.")
        return unit


class UserForm(forms.Form):
    """A form whose unit fields are limited to what the user may change."""

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field, UnitRefField):
                field.user = user


def run_service(form: forms.Form, call: Callable[[], T]) -> T | None:
    """Call a service; its Vietnamese validation errors land on the form instead of a 500."""
    try:
        return call()
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return None
