"""The admin in Vietnamese and without outside requests: what the project's catalogue
(locale/vi) cannot do alone. Registered by plan/wagtail_hooks.py.

- the login form's password field gets a translatable label (Wagtail 8.0.1 leaves it
  to Django's default, the English field name "Password");
- the group screen's page permissions name their page field (Wagtail 8.0.1 leaves it
  to Django's default, the English field name "Page");
- the explorer lists a plan's areas in the plan's order (tree order), not by their
  latest revision."""

from django import forms
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.users.forms import PagePermissionsForm

from plan.models import PlanPage


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, its password field labelled (WAGTAILADMIN_USER_LOGIN_FORM)."""

    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": gettext_lazy("Enter password")}),
        strip=False,
    )


def list_plan_children_in_plan_order(parent_page, pages, request):
    """The children of a plan (its eight areas, the appendix, the updates) in tree order,
    unless the editor sorts by a column or searches."""
    if request.GET.get("ordering") or request.GET.get("q"):
        return pages
    if not issubclass(parent_page.specific_class or type(parent_page), PlanPage):
        return pages
    return pages.order_by("path")


def label_page_permission_fields():
    """Called once by plan/wagtail_hooks.py: the form's class-level field (Django's
    `base_fields`, which every form instance copies) gets Wagtail's own message."""
    PagePermissionsForm.base_fields["page"].label = gettext_lazy("Page")
