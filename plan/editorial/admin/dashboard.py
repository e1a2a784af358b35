"""The admin dashboard's panels: what needs the signed-in editor now, and, for an
administrator, what the site still lacks to work (a review group nobody is in, the
site's contact line)."""

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from plan.editorial import access
from plan.editorial.admin import reports
from plan.editorial.review import empty_review_groups
from plan.models import SiteIdentity


class DueItemsPanel(Component):
    name = "plan_due_items"
    order = 50
    template_name = "plan/admin/due_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        rows = reports.reminder_rows(self.request.user, timezone.localdate())
        return {"rows": rows[:15], "total": len(rows)}


class SetupWarningsPanel(Component):
    """Shown to administrators and reviewers while something is missing; nothing else."""

    name = "plan_setup_warnings"
    order = 40
    template_name = "plan/admin/setup_panel.html"

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not access.is_reviewer(self.request.user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        site = Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        identity = SiteIdentity.for_site(site) if site else None
        return {
            "empty_groups": empty_review_groups(),
            "identity": identity,
            "contact_missing": identity is not None and not (identity.contact_email and identity.contact_address),
            "is_superuser": self.request.user.is_superuser,
        }
