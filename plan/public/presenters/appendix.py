"""The appendix of a plan: the real appendix rows editors entered, with their source,
and the table assembled from section II, said to be so: at most TASKS_PER_AREA tasks
an area, the area's page and the open data holding them all."""

from plan.content import queries
from plan.content.provenance_data import area_key, attach_provenance
from plan.models import AppendixPage
from plan.models.presenting import presents
from plan.public import plan_wide
from plan.public.presenters.base import Presenter

# Every task of the 2024 plan (its longest area has 15), and a page that does not grow
# with the data: each row costs about half a millisecond to read and render, and at a
# hundred times the plan's tasks 50 an area made the page 4.4 times slower
# (benchmarks/results/appendix.md).
TASKS_PER_AREA = 20


@presents(AppendixPage)
class AppendixPresenter(Presenter):
    def context(self):
        page = self.page
        plan = self.parent()
        official_rows = list(queries.official_appendix_rows(page))
        revision = page.live_revision if official_rows else None  # who entered them, only when there are some
        editor = revision.user if revision else None
        area_rows = queries.appendix_rows(queries.live_areas(plan), limit=TASKS_PER_AREA)
        loaded = plan_wide.current().loaded_records(area_key(area) for area in area_rows)  # kept per generation
        attach_provenance(tasks=[task for area in area_rows for task in area.appendix_tasks], loaded=loaded)
        for area in area_rows:  # an area's tasks past the first TASKS_PER_AREA: on its page and in the open data
            area.tasks_not_shown = area.task_count - len(area.appendix_tasks)
        return {
            "plan": plan,
            "area_rows": area_rows,
            "meta_description": page.intro,
            "official_rows": official_rows,
            "rows_entered_by": (editor.get_full_name() or editor.get_username()) if editor else "",
            "rows_updated_at": page.last_published_at,
        }
