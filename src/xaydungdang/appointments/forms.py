"""Forms of the appointment pages; each valid form is handed to a service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from xaydungdang.org.fields import UnitRefField
from xaydungdang.people.fields import PersonRefField, TitleRefField
from xaydungdang.ui.forms import UserForm, VNDateField

from . import procedure


class CaseOpenForm(UserForm):
    person = PersonRefField(label="Nhân sự")
    title = TitleRefField(label="Chức danh dự kiến bổ nhiệm", narrowed_by="unit")
    unit = UnitRefField(label="Đơn vị")
    kind = forms.ChoiceField(label="Loại hồ sơ (nguồn nhân sự)")
    opened_on = VNDateField(label="Ngày mở hồ sơ")
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _, kinds = procedure.kinds(timezone.localdate())
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [(k, p.label) for k, p in kinds.items()]


class StepForm(UserForm):
    held_on = VNDateField(label="Ngày họp")
    members_total = forms.IntegerField(label="Số được triệu tập", min_value=1, max_value=100000)
    present = forms.IntegerField(label="Số có mặt", min_value=0, max_value=100000)
    votes_for = forms.IntegerField(
        label="Số phiếu đồng ý", min_value=0, max_value=100000, required=False
    )
    minutes = forms.CharField(label="Biên bản, ghi chú", required=False, widget=forms.Textarea)


class CompleteForm(UserForm):
    issuer = UnitRefField(label="Cơ quan ban hành quyết định")
    number = forms.CharField(label="Số, ký hiệu quyết định", max_length=60, required=False)
    signed_on = VNDateField(label="Ngày ký")
    effective_on = VNDateField(label="Ngày có hiệu lực (để trống là ngày ký)", required=False)
    signer_name = forms.CharField(label="Người ký (họ tên)", max_length=200, required=False)
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=200, required=False)


class CancelForm(UserForm):
    day = VNDateField(label="Ngày dừng hồ sơ")
    reason = forms.CharField(label="Lý do", max_length=1000, widget=forms.Textarea)
