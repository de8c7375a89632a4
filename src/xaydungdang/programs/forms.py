"""Forms of the program, event and review pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from xaydungdang.core.access import VIEW
from xaydungdang.org.fields import UnitRefField
from xaydungdang.org.forms import split_lines
from xaydungdang.people.models import Person
from xaydungdang.ui.forms import UserForm, VNDateField
from xaydungdang.ui.params import parse_id

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


class PersonLinesField(forms.CharField):
    """Persons given by number, one a line, among those the user may see."""

    def __init__(self, **kwargs: Any) -> None:
        self.user: Any = None
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 2}))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> list[Person]:
        people = []
        for ref in split_lines(super().clean(value) or ""):
            person = (
                Person.objects.restrict(self.user, VIEW).filter(pk=parse_id(ref) or 0).first()
                if parse_id(ref) is not None
                else None
            )
            if person is None:
                raise ValidationError(f"Không tìm thấy cá nhân số “{ref}”.")
            people.append(person)
        return people


class EventForm(UserForm):
    kind = forms.ChoiceField(label="Loại sự kiện", choices=EventKind.choices)
    title = forms.CharField(label="Tên sự kiện", max_length=400)
    held_on = VNDateField(label="Ngày")
    place = forms.CharField(label="Địa điểm", max_length=300, required=False)
    units = forms.CharField(
        label="Đơn vị (mã hoặc số hiệu, mỗi dòng một đơn vị)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    chairs = PersonLinesField(label="Chủ trì (số hiệu cá nhân, mỗi dòng một người)")
    attendees = PersonLinesField(label="Tham dự (số hiệu cá nhân, mỗi dòng một người)")
    summary = forms.CharField(label="Nội dung", required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        for name in ("chairs", "attendees"):
            self.fields[name].user = user  # type: ignore[attr-defined]

    def clean_units(self) -> list[Any]:
        field = UnitRefField(action=VIEW)
        field.user = self.user
        units = [field.clean(ref) for ref in split_lines(self.cleaned_data["units"])]
        if not units:
            raise ValidationError("Hãy nêu ít nhất một đơn vị.")
        return units


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
    """Evidence for an item: documents, tasks and events given by their numbers."""

    documents = forms.CharField(
        label="Văn bản (số hiệu, mỗi dòng một văn bản)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    tasks = forms.CharField(
        label="Nhiệm vụ (số hiệu, mỗi dòng một nhiệm vụ)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    events = forms.CharField(
        label="Sự kiện (số hiệu, mỗi dòng một sự kiện)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def _refs(self, name: str, model: Any, what: str) -> list[Any]:
        found = []
        for ref in split_lines(self.cleaned_data.get(name, "")):
            obj = (
                model.objects.restrict(self.user, VIEW).filter(pk=parse_id(ref) or 0).first()
                if parse_id(ref) is not None
                else None
            )
            if obj is None:
                raise ValidationError(f"Không tìm thấy {what} số “{ref}”.")
            found.append(obj)
        return found

    def clean_documents(self) -> list[Any]:
        from xaydungdang.directives.models import Document

        return self._refs("documents", Document, "văn bản")

    def clean_tasks(self) -> list[Any]:
        from xaydungdang.directives.models import Task

        return self._refs("tasks", Task, "nhiệm vụ")

    def clean_events(self) -> list[Any]:
        from .models import Event

        return self._refs("events", Event, "sự kiện")
