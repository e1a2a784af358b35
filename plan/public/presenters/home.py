"""The home page: how the newest plan is going (status counts for the whole plan and
by area, counted from the stored statuses), its latest public updates, and the ways
into the site."""

from home.models import HomePage
from indices.queries import latest_totals
from plan.content import figure_trace, queries
from plan.models.presenting import presents
from plan.public import dashboard_figures
from plan.public.presenters.base import Presenter

LATEST_UPDATES = 5


@presents(HomePage)
class HomePresenter(Presenter):
    def context(self):
        plans = list(queries.live_plans(self.page))
        context = {"plans": plans, "meta_description": self.page.intro, "index_figures": latest_totals()}
        if plans:
            plan = plans[0]
            figures = dashboard_figures.figures(plan, self.request)
            context |= {
                "plan": plan,
                "summary": figures.summary,
                "table_rollups": [figures.whole, *figures.area_rollups],
                "only_demo": figures.only_demo,
                "recent_figures": figure_trace.recent_real_figures(plan),
                "updates": queries.updates_about(plan)[:LATEST_UPDATES],
            }
        return context
