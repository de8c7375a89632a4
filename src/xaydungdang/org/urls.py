from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("moi/", views.unit_create, name="root_create"),
    path("<int:pk>/", views.unit_detail, name="unit"),
    path("<int:pk>/con/", views.tree_children, name="children"),
    path("<int:parent_pk>/them/", views.unit_create, name="create"),
    path("<int:pk>/sua/", views.unit_edit, name="edit"),
    path("<int:pk>/doi-ten/", views.unit_rename, name="rename"),
    path("<int:pk>/chuyen/", views.unit_reparent, name="reparent"),
    path("<int:pk>/hop-nhat/", views.unit_merge, name="merge"),
    path("<int:pk>/chia-tach/", views.unit_split, name="split"),
    path("<int:pk>/giai-the/", views.unit_dissolve, name="dissolve"),
]
