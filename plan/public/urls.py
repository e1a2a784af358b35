from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from plan.public import change_feed, datapackage, findability, open_data, open_files, views

app_name = "plan"

urlpatterns = [
    path("robots.txt", findability.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("co-quan/", views.agency_list, name="agency_list"),
    path("co-quan/<slug:code>/", views.agency_detail, name="agency"),
    path("chu-de/", views.topic_list, name="topic_list"),
    path("chu-de/<slug:slug>/", views.topic_detail, name="topic"),
    path("cach-tinh-tien-do/", views.progress_method, name="method"),
    path("du-lieu/", open_files.documentation, name="open_data"),
    path("du-lieu/datapackage.json", datapackage.datapackage, name="open_data_package"),
    path("du-lieu/chi-tieu.<str:file_format>", open_data.indicators, name="open_data_indicators"),
    path("du-lieu/ket-qua.<str:file_format>", open_data.results, name="open_data_results"),
    path("du-lieu/chi-so.<str:file_format>", open_data.index_figures, name="open_data_indices"),
    path("du-lieu/ke-hoach.<str:file_format>", open_data.plans, name="open_data_plans"),
    path("du-lieu/ke-tuc-co-quan.<str:file_format>", open_data.successions, name="open_data_successions"),
    path("du-lieu/nhiem-vu.<str:file_format>", open_files.tasks, name="open_data_tasks"),
    path("du-lieu/thay-doi/rss/", change_feed.ChangesRssFeed(), name="changes_rss"),
    path("du-lieu/thay-doi/atom/", change_feed.ChangesAtomFeed(), name="changes_atom"),
    path("du-lieu/dinh-chinh.<str:file_format>", open_files.corrections, name="open_data_corrections"),
]
