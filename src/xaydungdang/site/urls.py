from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views as web
from .jobs import job_detail, job_file

handler500 = "xaydungdang.site.views.server_error"

urlpatterns = [
    path("", web.home, name="home"),
    path("healthz", web.healthz, name="healthz"),
    path("tim-kiem/", web.search, name="search"),
    path("chon/<str:source>/", web.pick, name="pick"),
    path("lich-su/<str:kind>/<int:pk>/", web.history, name="history"),
    path("cong-viec/<int:pk>/", job_detail, name="job"),
    path("cong-viec/<int:pk>/tai-ve/", job_file, name="job_file"),
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("don-vi/", include("xaydungdang.org.urls")),
    path("ca-nhan/", include("xaydungdang.people.urls")),
    path("can-bo/", include("xaydungdang.cadres.urls")),
    path("quy-hoach/", include("xaydungdang.planning.urls")),
    path("dao-tao/", include("xaydungdang.training.urls")),
    path("danh-gia/", include("xaydungdang.grading.urls")),
    path("bo-nhiem/", include("xaydungdang.appointments.urls")),
    path("bien-che/", include("xaydungdang.staffing.urls")),
    path("van-ban/", include("xaydungdang.directives.urls")),
    path("chuong-trinh/", include("xaydungdang.programs.urls")),
    path("doc-bai/", include("xaydungdang.ingest.urls")),
    path("dang-vien/", include("xaydungdang.members.urls")),
    path("quan-tri/", admin.site.urls),
]
