"""File inputs read in Vietnamese: the kit's widget templates replace Django's."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile


class Upload(forms.Form):
    file = forms.FileField(label="Tệp Excel")
    attachment = forms.FileField(label="Tệp đính kèm", required=False)


def test_file_input_has_a_vietnamese_label_and_name() -> None:
    html = str(Upload()["file"])
    assert 'type="file"' in html and "Chọn tệp" in html and "Chưa chọn tệp nào" in html
    assert 'for="id_file"' in html


def test_existing_file_is_shown_in_vietnamese() -> None:
    existing = SimpleUploadedFile("bao-cao.docx", b"x")
    existing.url = "/khong-dung/"  # type: ignore[attr-defined]
    html = str(Upload(initial={"attachment": existing})["attachment"])
    assert "Tệp hiện có" in html and "Bỏ tệp này" in html and "Thay bằng tệp khác" in html
    for english in ("Currently", "Change", "Clear"):
        assert english not in html
