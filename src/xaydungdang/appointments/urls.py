from django.urls import path

from . import views

app_name = "appointments"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("moi/", views.case_open, name="open"),
    path("<int:pk>/", views.case_detail, name="case"),
    path("<int:pk>/buoc/", views.case_step, name="step"),
    path("<int:pk>/hoan-thanh/", views.case_complete, name="complete"),
    path("<int:pk>/dung/", views.case_cancel, name="cancel"),
]
