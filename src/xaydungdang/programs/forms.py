"""Forms of the program, event and review pages."""

from __future__ import annotations

from django import forms

from xaydungdang.core.access import VIEW
from xaydungdang.directives.fields import DocumentsRefField
from xaydungdang.org.fields import UnitRefField, UnitsRefField
from xaydungdang.people.fields import PersonsRefField
from xaydungdang.ui.forms import UserForm, VNDateField
from xaydungdang.ui.pickers import MultiPickerField

from .choices import EventKind, ItemStatus, ReviewKind


class ProgramForm(UserForm):
    title = forms.CharField(label="Tên chương trình", max_length=400)
    party_a = UnitRefField(label="Bên thứ nhất", action=VIEW)
    party_b = UnitRefField(label="Bên thứ hai", action=VIEW)
    start_year = forms.IntegerField(label="Từ năm", min_value=1945, max_value=2100)
    end_year = forms.IntegerField(label="Đến năm", min_value=1945, max_value=2100)
    signed_on = VNDateField(label="Ngày ký", required=False)


class PlanForm(UserForm):
    year = forms.IntegerField(label="Năm", min_value=1945, max_value=2100)
    note = forms.CharField(
        label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ItemForm(UserForm):
    content = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 3}))
    lead_a = UnitRefField(label="Đơn vị chủ trì (bên thứ nhất)", action=VIEW, required=False)
    lead_b = UnitRefField(label="Đơn vị chủ trì (bên thứ hai)", action=VIEW, required=False)
    due_on = VNDateField(label="Thời hạn", required=False)


class StatusForm(UserForm):
    status = forms.ChoiceField(label="Trạng thái", choices=ItemStatus.choices)
    note = forms.CharField(label="Ghi chú", max_length=500, required=False)


class EventForm(UserForm):
    kind = forms.ChoiceField(label="Loại sự kiện", choices=EventKind.choices)
    title = forms.CharField(label="Tên sự kiện", max_length=400)
    held_on = VNDateField(label="Ngày")
    place = forms.CharField(label="Địa điểm", max_length=300, required=False)
    units = UnitsRefField(
        label="Đơn vị", action=VIEW, error_messages={"required": "Hãy nêu ít nhất một đơn vị."}
    )
    chairs = PersonsRefField(label="Chủ trì", required=False)
    attendees = PersonsRefField(label="Tham dự", required=False)
    summary = forms.CharField(label="Nội dung", required=False, widget=forms.Textarea)


class ReviewForm(UserForm):
    kind = forms.ChoiceField(label="Loại báo cáo", choices=ReviewKind.choices)
    title = forms.CharField(label="Tiêu đề", max_length=400)
    issuer = UnitRefField(label="Cơ quan ban hành báo cáo")
    period_start = VNDateField(label="Kỳ báo cáo từ ngày")
    period_end = VNDateField(label="Đến ngày")
    symbol = forms.CharField(label="Số và ký hiệu", max_length=60, required=False)
    place = forms.CharField(label="Địa danh", max_length=100, initial="Hà Nội")
    recipients = forms.CharField(
        label="Nơi nhận (mỗi dòng một nơi)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReviewEditForm(UserForm):
    title = forms.CharField(label="Tiêu đề", max_length=400)
    symbol = forms.CharField(label="Số và ký hiệu", max_length=60, required=False)
    place = forms.CharField(label="Địa danh", max_length=100)
    issued_on = VNDateField(label="Ngày báo cáo", required=False)
    results = forms.CharField(label="Kết quả đạt được", required=False, widget=forms.Textarea)
    limitations = forms.CharField(label="Hạn chế", required=False, widget=forms.Textarea)
    lessons = forms.CharField(label="Bài học kinh nghiệm", required=False, widget=forms.Textarea)
    proposals = forms.CharField(label="Kiến nghị, đề xuất", required=False, widget=forms.Textarea)
    participants = forms.CharField(
        label="Thành phần tham dự", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    recipients = forms.CharField(
        label="Nơi nhận", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConfirmForm(UserForm):
    """A form with nothing to fill in: the button confirms."""


class EvidenceForm(UserForm):
    """Evidence for an item: documents, tasks and events, picked by name."""

    documents = DocumentsRefField(label="Văn bản", required=False)
    tasks = MultiPickerField("tasks", action=VIEW, label="Nhiệm vụ", required=False)
    events = MultiPickerField("events", action=VIEW, label="Sự kiện", required=False)
