"""The home page: the published plans."""

from home.models import HomePage
from plan.content import queries
from plan.models.presenting import presents
from plan.public.presenters.base import Presenter


@presents(HomePage)
class HomePresenter(Presenter):
    def context(self):
        return {"plans": queries.live_plans(self.page), "meta_description": self.page.intro}
