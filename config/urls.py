from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api_router
from plan.editorial.admin import page_chooser, wagtail_reports, wagtail_screens
from plan.public import passwords

urlpatterns = [
    # Wagtail's reports and page chooser with the agency scope, in place of the built-in ones.
    path("admin/reports/", include(wagtail_reports.urlpatterns)),
    path("admin/choose-page/", include(page_chooser.urlpatterns)),
    # Wagtail's page search and sites list, with Vietnamese where Wagtail prints English.
    path("admin/pages/search/", include(wagtail_screens.page_search_urls)),
    path("admin/sites/", include(wagtail_screens.site_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("", include("plan.public.urls")),
    path("", include("indices.urls")),
    path("tim-kiem/", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's page-password form, its wrong guesses throttled (before Wagtail's own URL).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        passwords.authenticate_with_password,
        name="page_password",
    ),
    path("", include(wagtail_urls)),
]

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
