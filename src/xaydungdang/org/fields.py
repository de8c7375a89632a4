"""Form fields of org: a unit picked among those the user may act on."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from xaydungdang.core.access import CHANGE
from xaydungdang.ui.params import parse_id

from .models import Unit


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
        text = super().clean(value)
        if not text:
            return None
        qs = Unit.objects.restrict(self.user, self.action)
        ref = text.split(" ", 1)[0].strip()
        unit = qs.filter(code=ref).first() or (
            qs.filter(pk=parse_id(ref) or 0).first() if parse_id(ref) is not None else None
        )
        if unit is None:
            raise ValidationError(f"Không tìm thấy đơn vị “{text}” trong phạm vi được phân quyền.")
        return unit
