from django.urls import path

from .views import documents as views
from .views import units as unit_views

app_name = "directives"
urlpatterns = [
    path("", views.register, name="register"),
    path("moi/", views.document_create, name="document_create"),
    path("<int:pk>/", views.document_detail, name="document"),
    path("<int:pk>/sua/", views.document_edit, name="document_edit"),
    path("<int:pk>/tep/", views.document_file, name="document_file"),
    path("tien-do/<int:pk>/tep/", views.progress_file, name="progress_file"),
    path("<int:pk>/nhiem-vu/moi/", views.task_create, name="task_create"),
    path("<int:pk>/nhiem-vu/nhap/", views.task_import, name="task_import"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/sua/", views.task_edit, name="task_edit"),
    path("nhiem-vu/<int:pk>/tien-do/", views.progress_create, name="progress"),
    path("don-vi/<int:pk>/viec/", unit_views.unit_tasks, name="unit_tasks"),
    path("don-vi/<int:pk>/tong-hop/", unit_views.unit_dashboard, name="dashboard"),
]
