"""A URL configuration with one view that fails, to see the 500 page as a user would."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("hỏng")


handler500 = "xaydungdang.site.views.server_error"
urlpatterns = [path("hong/", broken), path("", include("xaydungdang.site.urls"))]
