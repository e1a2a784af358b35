"""The admin in Vietnamese and without outside requests (issue 13): what the project's
catalogue (locale/vi) cannot do alone. Self-contained; plan/wagtail_hooks.py imports
it in one line so that its hooks are registered.

- the login form's password field gets a translatable label (Wagtail 8.0.1 leaves it
  to Django's default, the English field name "Password");
- the explorer lists a plan's areas in the plan's order (tree order), not by their
  latest revision;
- absolute_url(): links in e-mails start with WAGTAILADMIN_BASE_URL, the address Wagtail
  uses for its own workflow e-mails."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, its password field labelled (WAGTAILADMIN_USER_LOGIN_FORM)."""

    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": gettext_lazy("Enter password")}),
        strip=False,
    )


@hooks.register("construct_explorer_page_queryset")
def list_plan_children_in_plan_order(parent_page, pages, request):
    """The children of a plan (its eight areas, the appendix, the updates) in tree order,
    unless the editor sorts by a column or searches."""
    from plan.models import PlanPage

    if request.GET.get("ordering") or request.GET.get("q"):
        return pages
    if not issubclass(parent_page.specific_class or type(parent_page), PlanPage):
        return pages
    return pages.order_by("path")


def absolute_url(path):
    """An absolute link for an e-mail: the configured WAGTAILADMIN_BASE_URL + path
    (a path that is already absolute is kept)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")
