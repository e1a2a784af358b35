from django.urls import path

from plan import views

app_name = "plan"

urlpatterns = [
    path("co-quan/", views.agency_list, name="agency_list"),
    path("co-quan/<slug:code>/", views.agency_detail, name="agency"),
    path("chu-de/", views.topic_list, name="topic_list"),
    path("chu-de/<slug:slug>/", views.topic_detail, name="topic"),
]
