"""Forms of the people pages; each valid form is handed to a service."""

from __future__ import annotations

from django import forms

from xaydungdang.org.fields import UnitRefField
from xaydungdang.ui.forms import UserForm, VNDateField

from .fields import PersonRefField, TitleRefField
from .models import Gender


class PersonForm(UserForm):
    full_name = forms.CharField(label="Họ và tên", max_length=200)
    gender = forms.ChoiceField(label="Giới tính", choices=Gender.choices)
    birth_year = forms.IntegerField(
        label="Năm sinh", required=False, min_value=1880, max_value=2100
    )
    managing_unit = UnitRefField(label="Đơn vị quản lý hồ sơ")
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea)


class TenureForm(UserForm):
    person = PersonRefField(label="Cá nhân")
    title = TitleRefField(label="Chức danh", narrowed_by="unit")
    unit = UnitRefField(label="Đơn vị")
    start = VNDateField(label="Từ ngày")
    end = VNDateField(label="Đến ngày (ngày thôi giữ, để trống nếu đang giữ)", required=False)
    attested_only = forms.BooleanField(label="Chỉ biết theo ngày nguồn tin nêu", required=False)
    source = forms.CharField(label="Nguồn (quyết định, bài báo…)", max_length=300, required=False)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea)


class TenureEditForm(UserForm):
    start = VNDateField(label="Từ ngày")
    end = VNDateField(label="Đến ngày (ngày thôi giữ)", required=False)
    attested_only = forms.BooleanField(label="Chỉ biết theo ngày nguồn tin nêu", required=False)
    source = forms.CharField(label="Nguồn", max_length=300, required=False)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea)


class TenureEndForm(UserForm):
    end = VNDateField(label="Ngày thôi giữ chức danh")


class TitleForm(UserForm):
    name = forms.CharField(label="Tên chức danh", max_length=200)
    label_template = forms.CharField(
        label="Mẫu tên gọi",
        max_length=200,
        initial="{title} {unit}",
        help_text="{title} là tên chức danh, {unit} là tên đơn vị; ví dụ “Trưởng {unit}”.",
    )
    rank = forms.IntegerField(label="Thứ tự hiển thị", min_value=0, max_value=1000, initial=100)
    description = forms.CharField(label="Mô tả", required=False, widget=forms.Textarea)
