"""Names that Django and Wagtail store in the database in English, given in Vietnamese
when the roles are set up (`sync_roles`, run by `start_site`): a permission's name
("Can add group", read out beside each box of the group screen) and the titles of the
page tree's and the collections' roots ("Root", in the explorer's breadcrumbs and the
page chooser). Only names still as Django or Wagtail made them are changed, so a name
an administrator gave is kept."""

from django.contrib.auth.models import Permission
from django.utils import translation
from wagtail.models import Collection, Page

ROOT_TITLE = "Gốc"
# Django's and the project's model permissions: "<action>_<model>".
ACTIONS = {
    "add": "thêm",
    "change": "sửa",
    "delete": "xóa",
    "view": "xem",
    "publish": "xuất bản",
    "lock": "khóa",
    "unlock": "mở khóa",
    "choose": "chọn",
}


def vietnamese_permission_name(permission):
    """“Được sửa chỉ tiêu” for Django's “Can change chỉ tiêu”, or None for a
    permission that is not "<action>_<model>" (Wagtail's page permissions carry
    their own translated labels)."""
    action, _, model_name = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if model is None or action not in ACTIONS or model_name != permission.content_type.model:
        return None
    return f"Được {ACTIONS[action]} {model._meta.verbose_name}"[:255]


def name_permissions():
    renamed = []
    with translation.override("vi"):
        for permission in Permission.objects.select_related("content_type").filter(name__startswith="Can "):
            name = vietnamese_permission_name(permission)
            if name and name != permission.name:
                permission.name = name
                renamed.append(permission)
    Permission.objects.bulk_update(renamed, ["name"])
    return len(renamed)


def name_roots():
    Page.objects.filter(depth=1, title="Root").update(title=ROOT_TITLE, draft_title=ROOT_TITLE)
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_TITLE)
