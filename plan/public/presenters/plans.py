"""The list of plans and a plan document, with its dashboard and update feeds."""

from plan.content import history, history_data, plan_queries, queries
from plan.content.document import document_heading
from plan.models import PlanIndexPage, PlanPage
from plan.models.presenting import presents
from plan.public import dashboard
from plan.public.presenters.base import Presenter
from plan.public.presenters.updates import UpdateListing


@presents(PlanIndexPage)
class PlanIndexPresenter(Presenter):
    def context(self):
        return {"plans": queries.live_plans(self.page)}


@presents(PlanPage)
class PlanPresenter(UpdateListing, Presenter):
    def context(self):
        plan = self.page
        self.ancestors  # noqa: B018 (the site's root paths, shared by every link of the page, read first)
        plan_url = plan.get_url(self.request)
        areas, appendix = queries.plan_contents(plan, plan_url)
        return {
            "plan_url": plan_url,
            "areas": areas,
            "updates": self.linked(plan_queries.updates_under(plan, 10)),
            "revisions": plan_queries.publication_log(plan),
            "appendix": appendix,
            "implementation_sections": plan_queries.section_rows(plan),
            "history": history_data.page_history(plan, history.PLAN_FIELDS),
            "meta_description": f"{plan.title}: toàn văn, chỉ tiêu, nhiệm vụ, cơ quan thực hiện và tiến độ.",
            "document": document_heading(plan.document_status, plan.number, plan.date_text, plan.issued_on, plan.place),
        }

    def dashboard(self):
        self.ancestors  # noqa: B018 (the site's root paths, shared by every link of the page, read first)
        context, status = dashboard.dashboard_context(self.request, self.page)
        return self.render("plan/dashboard.html", context, status=status)
