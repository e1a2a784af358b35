"""The home page: how the newest plan is going (status counts for the whole plan and
by area), its latest public updates, and the ways into the site."""

from home.models import HomePage
from plan.content import plan_queries, queries
from plan.models.presenting import presents
from plan.public import summary
from plan.public.presenters.base import Presenter

LATEST_UPDATES = 5


@presents(HomePage)
class HomePresenter(Presenter):
    def context(self):
        plans = list(queries.live_plans(self.page))
        context = {"plans": plans, "meta_description": self.page.intro}
        if plans:
            plan = plans[0]
            plan_summary, area_rollups, only_demo = summary.plan_summary(plan)
            context |= {
                "plan": plan,
                "summary": plan_summary,
                "table_rollups": [plan_summary.whole_rollup, *area_rollups],
                "only_demo": only_demo,
                "updates": self.linked(plan_queries.updates_under(plan, LATEST_UPDATES)),
            }
        return context
