"""Upload size caps, per kind of file (``settings.XDD_UPLOAD_LIMITS``), checked on the size the
upload declares before a byte of it is read; and a request whose body is larger than every cap
is answered 413 before Django parses it (``UploadCapMiddleware``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

MB = 1024 * 1024
DEFAULT_LIMITS = {"article": 10 * MB, "members": 200 * MB, "tasks": 5 * MB, "attachment": 20 * MB}
KIND_LABELS = {
    "article": "bài viết",
    "members": "danh sách đảng viên",
    "tasks": "danh sách nhiệm vụ",
    "attachment": "tệp đính kèm",
}


def limit(kind: str) -> int:
    limits = {**DEFAULT_LIMITS, **getattr(settings, "XDD_UPLOAD_LIMITS", {})}
    return int(limits[kind])


def size_text(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{max(1, size // 1024)} KB"


def check_upload(upload: Any, kind: str) -> None:
    """Refuse an upload larger than the cap of ``kind``, by ``UploadedFile.size`` (unread)."""
    size = getattr(upload, "size", None)
    if size is None:
        return
    cap = limit(kind)
    if size > cap:
        raise ValidationError(
            f"Tệp {KIND_LABELS.get(kind, '')} quá lớn ({size_text(size)}); tối đa {size_text(cap)}."
        )


class UploadCapMiddleware:
    """A body larger than the largest cap (and a little form data) is refused unread."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        cap = max(limit(k) for k in DEFAULT_LIMITS) + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if length > cap:
            return HttpResponse(
                f"Yêu cầu quá lớn ({size_text(length)}); tệp tải lên tối đa {size_text(cap)}.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
