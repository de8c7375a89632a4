"""Forms of the cadre pages; each valid form is handed to a service."""

from __future__ import annotations

from typing import Any

from django import forms

from xaydungdang.core.access import CHANGE, VIEW
from xaydungdang.org.fields import UnitRefField
from xaydungdang.people.fields import PersonRefField, TitleRefField
from xaydungdang.ui.forms import UserForm, VNDateField

from .models import DecisionKind


class DecisionForm(UserForm):
    kind = forms.ChoiceField(label="Loại quyết định", choices=DecisionKind.choices)
    number = forms.CharField(label="Số, ký hiệu", max_length=60, required=False)
    signed_on = VNDateField(label="Ngày ký")
    effective_on = VNDateField(label="Ngày có hiệu lực (để trống: ngày ký)", required=False)
    issuer = UnitRefField(label="Cơ quan ban hành", action=CHANGE)
    signer_name = forms.CharField(label="Người ký (họ tên)", max_length=200, required=False)
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=200, required=False)
    person = PersonRefField(label="Cán bộ")
    title = TitleRefField(label="Chức danh", required=False, narrowed_by="unit")
    unit = UnitRefField(label="Đơn vị được giao (hoặc thôi giữ chức)", required=False)
    term_until = VNDateField(label="Thời hạn đến", required=False)
    source = forms.CharField(label="Nguồn", max_length=300, required=False)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("effective_on") is None and data.get("signed_on") is not None:
            data["effective_on"] = data["signed_on"]
        return data


class DayUnitForm(UserForm):
    """The list of post holders: a unit picked by name and a day."""

    don_vi = UnitRefField(label="Đơn vị", action=VIEW)
    vao_ngay = VNDateField(label="Vào ngày", required=False)


class RotationForm(UserForm):
    person = PersonRefField(label="Cán bộ")
    from_unit = UnitRefField(label="Đơn vị đang công tác", action=CHANGE)
    from_title = TitleRefField(label="Chức danh đang giữ", required=False, narrowed_by="from_unit")
    to_unit = UnitRefField(label="Đơn vị đến", action=VIEW)
    to_title = TitleRefField(label="Chức danh được giao", narrowed_by="to_unit")
    start = VNDateField(label="Từ ngày")
    planned_end = VNDateField(label="Thời hạn đến")
    purpose = forms.CharField(label="Mục đích luân chuyển", widget=forms.Textarea)
    issuer = UnitRefField(label="Cơ quan ra quyết định", action=CHANGE)
    number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    return_unit = UnitRefField(label="Dự kiến bố trí khi về (đơn vị)", action=VIEW, required=False)
    return_title = TitleRefField(
        label="Chức danh dự kiến khi về", required=False, narrowed_by="return_unit"
    )


class RotationEndForm(UserForm):
    ended_on = VNDateField(label="Ngày kết thúc luân chuyển")
