"""Error pages in Vietnamese, in the site's layout, with DEBUG off (as in production)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.views import defaults

from xaydungdang.site.views import server_error

LAYOUT = ('<html lang="vi">', 'class="brand"', "ui/site.css")


def _in_layout(body: str) -> None:
    for part in LAYOUT:
        assert part in body
    for english in ("Not Found", "Server Error", "Forbidden", "Bad Request"):
        assert english not in body


def test_404_for_a_signed_in_user(settings: object, client_for: Callable[[str], Client]) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]
    response = client_for("hcm").get("/khong-co-trang-nay/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang hoặc dữ liệu bạn cần" in body and "Lỗi 404" in body
    assert "Cây tổ chức" in body and "Đăng xuất" in body  # the menu of a signed-in user
    _in_layout(body)


def test_403_and_400(settings: object, db: None) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    denied = defaults.permission_denied(request, PermissionDenied())
    assert denied.status_code == 403
    _in_layout(denied.content.decode())
    assert "Bạn không có quyền" in denied.content.decode()
    bad = Client(HTTP_HOST="ngoai.example").get("/")  # a disallowed host answers 400
    assert bad.status_code == 400
    _in_layout(bad.content.decode())
    assert "Yêu cầu không hợp lệ" in bad.content.decode()


def test_csrf_failure_is_vietnamese(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Không gửi được biểu mẫu" in response.content.decode()


def test_500_needs_no_database() -> None:
    """No ``db`` fixture: any query here would fail the test."""
    response = server_error(RequestFactory().get("/"))
    body = response.content.decode()
    assert response.status_code == 500 and "Hệ thống gặp sự cố" in body
    _in_layout(body)


@pytest.mark.urls("tests.site.failing_urls")
def test_500_from_a_failing_view(settings: object, db: None) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]
    client = Client(raise_request_exception=False)
    client.force_login(_user())
    response = client.get("/hong/")
    assert response.status_code == 500 and "Hệ thống gặp sự cố" in response.content.decode()


def _user() -> object:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username="loi", password="pw-123456789")
