from django.urls import path

from . import views

app_name = "grading"
urlpatterns = [
    path("", views.grading_list, name="list"),
    path("moi/", views.grading_create, name="create"),
    path("<int:pk>/sua/", views.grading_edit, name="edit"),
    path("don-vi/<int:pk>/", views.unit_report, name="unit_report"),
]
