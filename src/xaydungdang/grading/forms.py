"""Forms of the grading pages; each valid form is handed to a service."""

from __future__ import annotations

from django import forms

from xaydungdang.org.fields import UnitRefField
from xaydungdang.people.fields import PersonRefField
from xaydungdang.ui.forms import UserForm

from .models import Level

LEVELS = [("", "— theo điểm (từ năm áp dụng thang 100 điểm) —"), *Level.choices]


class GradingForm(UserForm):
    person = PersonRefField(label="Cán bộ")
    unit = UnitRefField(label="Đơn vị đánh giá")
    year = forms.IntegerField(label="Năm đánh giá", min_value=1930, max_value=2100)
    level = forms.ChoiceField(label="Mức xếp loại", choices=LEVELS, required=False)
    score = forms.IntegerField(
        label="Điểm (thang 100, từ năm 2025)", min_value=0, max_value=1000, required=False
    )
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea)


class GradingEditForm(UserForm):
    level = forms.ChoiceField(label="Mức xếp loại", choices=LEVELS, required=False)
    score = forms.IntegerField(
        label="Điểm (thang 100, từ năm 2025)", min_value=0, max_value=1000, required=False
    )
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea)
