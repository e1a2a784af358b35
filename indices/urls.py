from django.urls import path

from indices.public import views

app_name = "indices"

urlpatterns = [
    path("chi-so/", views.index_list, name="list"),
    path("chi-so/<slug:slug>/", views.index_detail, name="detail"),
]
