"""The appendix framework table of a plan."""

from plan.content import queries
from plan.models import AppendixPage
from plan.models.presenting import presents
from plan.public.presenters.base import Presenter


@presents(AppendixPage)
class AppendixPresenter(Presenter):
    def context(self):
        plan = self.page.get_parent()
        return {"plan": plan, "area_rows": queries.appendix_rows(plan)}
