"""The form that submits an article: pasted text or an uploaded file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from xaydungdang.core.uploads import check_upload
from xaydungdang.org.fields import UnitRefField
from xaydungdang.ui.forms import UserForm, VNDateField

from .readers import read_upload


class ArticleForm(UserForm):
    text = forms.CharField(
        label="Nội dung bài viết",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text="Dán nội dung bài báo, báo cáo, thông báo kết luận…",
    )
    upload = forms.FileField(
        label="Hoặc chọn tệp",
        required=False,
        help_text="Tệp .txt, .docx, .html hoặc .pdf có lớp văn bản (tối đa 10 MB).",
    )
    day = VNDateField(
        label="Ngày của bài",
        required=False,
        help_text="Để trống nếu bài có dòng ngày tháng ở đầu.",
    )
    unit = UnitRefField(label="Đơn vị tiếp nhận")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("upload")
        if upload is not None and data.get("text", "").strip():
            raise ValidationError("Hãy dán nội dung hoặc chọn tệp, không dùng cả hai.")
        if upload is not None:
            check_upload(upload, "article")
            data["text"] = read_upload(upload.name, upload.read())
            data["file_name"] = upload.name
        elif not data.get("text", "").strip():
            raise ValidationError("Hãy dán nội dung bài viết hoặc chọn tệp.")
        return data
