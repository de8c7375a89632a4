from django.urls import path

from .views import career, decisions, hub, rotations

app_name = "cadres"
urlpatterns = [
    path("", hub.index, name="index"),
    path("quyet-dinh/", decisions.decision_list, name="decisions"),
    path("quyet-dinh/moi/", decisions.decision_create, name="decision_create"),
    path("quyet-dinh/<int:pk>/", decisions.decision_detail, name="decision"),
    path("quyet-dinh/<int:pk>/xac-nhan/", decisions.decision_confirm, name="decision_confirm"),
    path("ca-nhan/<int:pk>/", career.career, name="career"),
    path("ca-nhan/<int:pk>/so-yeu-ly-lich.docx", career.career_docx, name="career_docx"),
    path("danh-sach/", career.holders, name="holders"),
    path("luan-chuyen/", rotations.rotation_list, name="rotations"),
    path("luan-chuyen/moi/", rotations.rotation_create, name="rotation_create"),
    path("luan-chuyen/<int:pk>/ket-thuc/", rotations.rotation_end, name="rotation_end"),
]
