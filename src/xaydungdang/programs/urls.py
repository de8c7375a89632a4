from django.urls import path

from .views import events as event_views
from .views import programs as views

app_name = "programs"
urlpatterns = [
    path("", views.program_list, name="list"),
    path("moi/", views.program_create, name="program_create"),
    path("<int:pk>/", views.program_detail, name="program"),
    path("<int:pk>/nam/moi/", views.plan_create, name="plan_create"),
    path("ke-hoach/<int:pk>/noi-dung/moi/", views.item_create, name="item_create"),
    path("noi-dung/<int:pk>/trang-thai/", views.item_status, name="item_status"),
    path("noi-dung/<int:pk>/minh-chung/", views.item_evidence, name="item_evidence"),
    path("bao-cao/moi/", views.review_create, name="review_create"),
    path("bao-cao/<int:pk>/", views.review_detail, name="review"),
    path("bao-cao/<int:pk>/sua/", views.review_edit, name="review_edit"),
    path("bao-cao/<int:pk>/hoan-thanh/", views.review_finalize, name="review_finalize"),
    path("bao-cao/<int:pk>/word/", views.review_word, name="review_word"),
    path("bao-cao/<int:pk>/pdf/", views.review_pdf, name="review_pdf"),
    path("su-kien/", event_views.event_list, name="events"),
    path("su-kien/moi/", event_views.event_create, name="event_create"),
    path("su-kien/<int:pk>/", event_views.event_detail, name="event"),
]
