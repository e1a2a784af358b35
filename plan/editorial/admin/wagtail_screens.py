"""Two of Wagtail's screens that print English no catalogue can translate, served at
their own addresses (`page_search_urls`, `site_urls`: included by config/urls.py before
Wagtail's admin), so the menu, links and permissions stay Wagtail's:

- the page search: Wagtail 8.0.1's search view names no model, so its count reads
  "1–1 trong 1 None";
- the sites list: its columns are labelled from the field names ("Port", "Site name",
  "Root page"), not from the fields' translated names."""

from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.ui.tables import Column, StatusFlagColumn, TitleColumn
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import base_page_viewset
from wagtail.sites.views import IndexView as WagtailSiteIndexView
from wagtail.sites.views import SiteViewSet


class PageSearchView(SearchView):
    verbose_name = "trang"
    verbose_name_plural = "trang"


class SiteIndexView(WagtailSiteIndexView):
    columns = [
        TitleColumn("hostname", label=gettext_lazy("Site"), sort_key="hostname", url_name="wagtailsites:edit"),
        # The fields' own names, which Wagtail's catalogue translates ("cổng", …).
        Column("port", label=capfirst(gettext_lazy("port")), sort_key="port"),
        Column("site_name", label=capfirst(gettext_lazy("site name"))),
        Column("root_page", label=capfirst(gettext_lazy("root page"))),
        StatusFlagColumn("is_default_site", label=gettext_lazy("Default?"), true_label=gettext_lazy("Default")),
    ]


class LabelledSiteViewSet(SiteViewSet):
    index_view_class = SiteIndexView


sites = LabelledSiteViewSet("wagtailsites", url_prefix="sites")


def admin_view(view):
    return never_cache(require_admin_access(view))


# Mounted at admin/pages/search/ and admin/sites/ (wagtail/admin/urls/pages.py, the
# sites viewset's index and its results).
page_search_urls = [
    path("", admin_view(base_page_viewset.construct_view(PageSearchView))),
    path("results/", admin_view(base_page_viewset.construct_view(PageSearchView, results_only=True))),
]
site_urls = [
    path("", admin_view(sites.index_view)),
    path("results/", admin_view(sites.index_results_view)),
]
