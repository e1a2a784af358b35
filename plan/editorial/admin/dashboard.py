"""The admin dashboard's panel: what needs the signed-in editor now."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from plan.editorial.admin import reports


class DueItemsPanel(Component):
    name = "plan_due_items"
    order = 50
    template_name = "plan/admin/due_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        rows = reports.reminder_rows(self.request.user, timezone.localdate())
        return {"rows": rows[:15], "total": len(rows)}
