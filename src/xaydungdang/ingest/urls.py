from django.urls import path

from . import views

app_name = "ingest"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("moi/", views.article_create, name="article_create"),
    path("<int:pk>/", views.article_detail, name="article"),
    path("<int:pk>/quyet-dinh/", views.article_decide, name="article_decide"),
    path("<int:pk>/chon/<int:seq>/", views.proposal_choose, name="proposal_choose"),
]
