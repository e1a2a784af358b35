"""The page chooser within the agency scope (plan.editorial.access.choosable_pages).

Its listings and search go through the `construct_page_chooser_queryset` hook
(`only_choosable_pages`), but Wagtail 8.0.1 also names the page being browsed and
the pages of a multiple choice by id, whoever may see them. These views refuse such
an id with a 404 and are served at Wagtail's addresses (`urlpatterns`, included by
config/urls.py before Wagtail's admin)."""

from django.http import Http404
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.models import Page

from plan.editorial import access


def only_choosable_pages(pages, request):
    """Hook `construct_page_chooser_queryset`."""
    return access.choosable_pages(request.user, pages)


def check_choosable(request, pks):
    pks = [access.checked_pk(pk) for pk in pks]
    if access.choosable_pages(request.user, Page.objects.filter(pk__in=pks)).count() != len(set(pks)):
        raise Http404("Không tìm thấy trang.")


class ScopedBrowseView(BrowseView):
    def get(self, request, parent_page_id=None):
        if parent_page_id is not None:
            check_choosable(request, [parent_page_id])
        return super().get(request, parent_page_id)


class ScopedChosenMultipleView(ChosenMultipleView):
    def get(self, request):
        check_choosable(request, request.GET.getlist("id"))
        return super().get(request)


def admin_view(view):
    return never_cache(require_admin_access(view))


# Mounted at admin/choose-page/: the same addresses as Wagtail's (wagtail/admin/urls/__init__.py).
urlpatterns = [
    path("<int:parent_page_id>/", admin_view(ScopedBrowseView.as_view())),
    path("chosen-multiple/", admin_view(ScopedChosenMultipleView.as_view())),
]
