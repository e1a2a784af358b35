"""Links to the admin: absolute ones in e-mails, from the address the site is reached
at; the editor of a task or an indicator."""

from django.conf import settings
from django.urls import reverse


def absolute_url(path):
    """An absolute link for an e-mail: the configured WAGTAILADMIN_BASE_URL + path
    (a path that is already absolute is kept). Wagtail builds its own workflow e-mails
    from the same setting."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def task_panel_url(task):
    """The admin's editor of the task's area, opened at the task's panel (its heading
    carries the anchor: plan/templates/plan/admin/task_inline_panel_child.html)."""
    return reverse("wagtailadmin_pages:edit", args=[task.area_id]) + f"#nhiem-vu-{task.url_code}"


def indicator_edit_url(indicator):
    return reverse("wagtailsnippets_plan_indicator:edit", args=[indicator.pk])
