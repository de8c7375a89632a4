"""Forms of the lifecycle steps."""

from __future__ import annotations

from typing import Any

from django import forms

from xaydungdang.org.fields import UnitRefField
from xaydungdang.ui.forms import UserForm, VNDateField

from .choices import EventKind


class RecognizeForm(UserForm):
    day = VNDateField(label="Ngày quyết định công nhận")
    decision = forms.CharField(label="Số quyết định", max_length=200, required=False)


class TransferForm(UserForm):
    to_cell = UnitRefField(label="Chi bộ chuyển đến")
    day = VNDateField(label="Ngày chuyển")
    temporary = forms.BooleanField(label="Chuyển sinh hoạt tạm thời", required=False)


class LeaveForm(UserForm):
    kind = forms.ChoiceField(
        label="Loại",
        choices=[
            (EventKind.REMOVAL, EventKind.REMOVAL.label),
            (EventKind.EXPULSION, EventKind.EXPULSION.label),
            (EventKind.DEATH, EventKind.DEATH.label),
        ],
    )
    day = VNDateField(label="Ngày")
    decision = forms.CharField(label="Số quyết định", max_length=200, required=False)


class ImportForm(UserForm):
    upload = forms.FileField(label="Tệp đảng viên (.csv hoặc .xlsx)")
    update = forms.BooleanField(
        label="Cập nhật: bỏ qua các đảng viên đã có trên hệ thống (được nhập lại tệp đã nhập)",
        required=False,
    )


class BadgeAwardForm(UserForm):
    milestone = forms.TypedChoiceField(label="Mốc tuổi Đảng", coerce=int, choices=[])
    occasion = VNDateField(label="Dịp trao (3/2, 19/5, 2/9 hoặc 7/11)")
    decision = forms.CharField(label="Số quyết định", max_length=200, required=False)

    def __init__(self, *args: Any, milestones: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["milestone"].choices = [(m, f"{m} năm") for m in milestones]  # type: ignore[attr-defined]
