from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("moi/", views.person_create, name="person_create"),
    path("<int:pk>/", views.person_detail, name="person"),
    path("<int:pk>/sua/", views.person_edit, name="person_edit"),
    path("chuc-danh/", views.titles, name="titles"),
    path("chuc-danh/moi/", views.title_create, name="title_create"),
    path("chuc-danh/<int:pk>/sua/", views.title_edit, name="title_edit"),
    path("qua-trinh/moi/", views.tenure_create, name="tenure_create"),
    path("qua-trinh/<int:pk>/sua/", views.tenure_edit, name="tenure_edit"),
    path("qua-trinh/<int:pk>/thoi-giu/", views.tenure_end, name="tenure_end"),
]
