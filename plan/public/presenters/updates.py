"""A progress update and the tasks and indicators it reports on."""

from plan.content import queries
from plan.models import UpdatePage
from plan.models.presenting import presents
from plan.public.presenters.base import Presenter


@presents(UpdatePage)
class UpdatePresenter(Presenter):
    def context(self):
        tasks, indicators = queries.update_related(self.page)
        return {
            "plan": self.parent(),
            "related_tasks": tasks,
            "related_indicators": indicators,
            "meta_description": self.page.summary,
        }
