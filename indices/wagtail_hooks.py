"""Registers the index figures' admin screens with Wagtail: the snippet (list, edit,
history) and the file import, with its menu item."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from indices import admin_views

register_snippet(admin_views.IndexFigureViewSet)


@hooks.register("register_admin_urls")
def register_index_import_urls():
    return [
        path("chi-so/nhap/", admin_views.import_view, name="indices_import"),
        path("chi-so/nhap/xac-nhan/", admin_views.confirm_view, name="indices_import_confirm"),
        path("chi-so/mau.csv", admin_views.template_csv, name="indices_template"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(admin_views.PERMISSIONS)


@hooks.register("register_admin_menu_item")
def register_index_import_menu_item():
    return ImportMenuItem("Nhập số liệu chỉ số", reverse("indices_import"), icon_name="upload", order=238)
