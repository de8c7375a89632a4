"""Forms of the directive pages; each valid form is handed to a service."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from xaydungdang.core.access import VIEW
from xaydungdang.org.fields import UnitRefField, UnitsRefField
from xaydungdang.ui.forms import UserForm, VNDateField

from .choices import DocType, TaskStatus
from .fields import DocumentRefField


class DocumentForm(UserForm):
    doc_type = forms.ChoiceField(label="Thể loại", choices=DocType.choices)
    symbol = forms.CharField(label="Số và ký hiệu (ví dụ 18-NQ/TW)", max_length=60, required=False)
    number = forms.CharField(
        label="Số (khi văn bản không có ký hiệu)", max_length=20, required=False
    )
    issuer = UnitRefField(label="Cơ quan ban hành")
    issued_on = VNDateField(label="Ngày ban hành", required=False)
    term = forms.CharField(label="Khóa (ví dụ XII)", max_length=10, required=False)
    title = forms.CharField(label="Trích yếu", max_length=500)
    summary = forms.CharField(label="Tóm tắt", required=False, widget=forms.Textarea)
    implements = DocumentRefField(
        label="Thực hiện văn bản (để trống nếu không thực hiện văn bản nào)", required=False
    )
    attachment = forms.FileField(label="Tệp đính kèm", required=False)


class TaskForm(UserForm):
    content = forms.CharField(label="Nội dung nhiệm vụ", widget=forms.Textarea(attrs={"rows": 3}))
    lead_unit = UnitRefField(label="Đơn vị chủ trì", action=VIEW)
    coordinating = UnitsRefField(label="Đơn vị phối hợp", action=VIEW, required=False)
    deadline = VNDateField(label="Thời hạn", required=False)
    expected_output = forms.CharField(label="Sản phẩm", max_length=500, required=False)
    weight = forms.IntegerField(label="Trọng số", min_value=1, max_value=1000, initial=1)


class TaskEditForm(UserForm):
    content = forms.CharField(label="Nội dung nhiệm vụ", widget=forms.Textarea(attrs={"rows": 3}))
    deadline = VNDateField(label="Thời hạn", required=False)
    expected_output = forms.CharField(label="Sản phẩm", max_length=500, required=False)
    weight = forms.IntegerField(label="Trọng số", min_value=1, max_value=1000)
    status = forms.ChoiceField(label="Trạng thái", choices=TaskStatus.choices)


class ProgressForm(UserForm):
    reported_on = VNDateField(label="Ngày báo cáo", initial=timezone.localdate)
    percent = forms.IntegerField(label="Tiến độ (%)", min_value=0, max_value=100)
    text = forms.CharField(label="Nội dung báo cáo", widget=forms.Textarea(attrs={"rows": 3}))
    attachment = forms.FileField(label="Tệp đính kèm", required=False)


class ImportForm(UserForm):
    file = forms.FileField(label="Tệp Excel danh sách nhiệm vụ (.xlsx)")
