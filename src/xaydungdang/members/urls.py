from django.urls import path

from .views import due as views_due
from .views import members as views

app_name = "members"
urlpatterns = [
    path("don-vi/<int:pk>/", views.member_list, name="list"),
    path("don-vi/<int:pk>/co-cau/", views.report, name="report"),
    path("don-vi/<int:pk>/nhap/", views.member_import, name="import"),
    path("don-vi/<int:pk>/den-han/", views_due.due_page, name="due"),
    path("<int:pk>/", views.member_detail, name="member"),
    path("<int:pk>/chinh-thuc/", views.recognize_full, name="recognize_full"),
    path("<int:pk>/chuyen-sinh-hoat/", views.transfer, name="transfer"),
    path("<int:pk>/ra-khoi-danh-sach/", views.leave, name="leave"),
    path("<int:pk>/huy-hieu/", views_due.badge_award, name="badge_award"),
]
