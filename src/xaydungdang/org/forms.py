"""Forms of the org pages; each valid form is handed to a service."""

from __future__ import annotations

from typing import Any

from django import forms

from xaydungdang.ui.forms import UserForm, VNDateField

from .choices import UnitKind
from .fields import UnitRefField, UnitsRefField


def split_lines(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", "\n").splitlines() if p.strip()]


class UnitCreateForm(UserForm):
    name = forms.CharField(label="Tên đơn vị", max_length=255)
    short_name = forms.CharField(label="Tên ngắn", max_length=120, required=False)
    kind = forms.ChoiceField(label="Loại đơn vị", choices=UnitKind.choices)
    valid_from = VNDateField(label="Ngày thành lập", required=False)
    aliases = forms.CharField(
        label="Tên gọi khác (mỗi dòng một tên)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    code = forms.CharField(label="Mã đơn vị", max_length=60, required=False)
    decision_ref = forms.CharField(label="Văn bản quyết định", max_length=200, required=False)


class UnitEditForm(UserForm):
    short_name = forms.CharField(label="Tên ngắn", max_length=120, required=False)
    aliases = forms.CharField(
        label="Tên gọi khác (mỗi dòng một tên)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    code = forms.CharField(label="Mã đơn vị", max_length=60, required=False)


class RenameForm(UserForm):
    name = forms.CharField(label="Tên mới", max_length=255)
    short_name = forms.CharField(label="Tên ngắn mới", max_length=120, required=False)
    effective_date = VNDateField(label="Ngày hiệu lực")
    decision_ref = forms.CharField(label="Văn bản quyết định", max_length=200, required=False)


class ReparentForm(UserForm):
    new_parent = UnitRefField(label="Đơn vị cấp trên mới")
    effective_date = VNDateField(label="Ngày hiệu lực")
    decision_ref = forms.CharField(label="Văn bản quyết định", max_length=200, required=False)


class MergeForm(UserForm):
    others = UnitsRefField(
        label="Các đơn vị hợp nhất cùng",
        error_messages={"required": "Hãy nêu ít nhất một đơn vị."},
    )
    new_name = forms.CharField(
        label="Tên đơn vị mới (để trống nếu hợp nhất vào đơn vị này)",
        max_length=255,
        required=False,
    )
    new_kind = forms.ChoiceField(
        label="Loại đơn vị mới", choices=[("", "—"), *UnitKind.choices], required=False
    )
    effective_date = VNDateField(label="Ngày hiệu lực")
    decision_ref = forms.CharField(label="Văn bản quyết định", max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_name") and not data.get("new_kind"):
            self.add_error("new_kind", "Hãy chọn loại của đơn vị mới.")
        return data


class SplitForm(UserForm):
    parts = forms.CharField(
        label="Tên các đơn vị sau chia tách (mỗi dòng một tên)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    kind = forms.ChoiceField(label="Loại các đơn vị mới", choices=UnitKind.choices)
    keep_original = forms.BooleanField(
        label="Đơn vị hiện tại vẫn tiếp tục hoạt động", required=False
    )
    effective_date = VNDateField(label="Ngày hiệu lực")
    decision_ref = forms.CharField(label="Văn bản quyết định", max_length=200, required=False)


class DissolveForm(UserForm):
    effective_date = VNDateField(label="Ngày giải thể, kết thúc hoạt động")
    decision_ref = forms.CharField(label="Văn bản quyết định", max_length=200, required=False)
