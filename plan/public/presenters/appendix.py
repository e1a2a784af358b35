"""The appendix of a plan: the real appendix rows editors entered, with their source,
and the table assembled from section II, said to be so."""

from plan.content import queries
from plan.content.provenance_data import attach_provenance
from plan.models import AppendixPage
from plan.models.presenting import presents
from plan.public.presenters.base import Presenter


@presents(AppendixPage)
class AppendixPresenter(Presenter):
    def context(self):
        page = self.page
        plan = self.parent()
        official_rows = list(page.rows.all())
        revision = page.live_revision if official_rows else None  # who entered them, only when there are some
        editor = revision.user if revision else None
        area_rows = self.linked(queries.appendix_rows(plan, links=False))
        attach_provenance(tasks=queries.with_links(task for area in area_rows for task in area.appendix_tasks))
        return {
            "plan": plan,
            "area_rows": area_rows,
            "meta_description": page.intro,
            "official_rows": official_rows,
            "rows_entered_by": (editor.get_full_name() or editor.get_username()) if editor else "",
            "rows_updated_at": page.last_published_at,
        }
