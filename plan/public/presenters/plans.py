"""The list of plans and a plan document, with its dashboard and update feeds."""

from plan.content import continuity, queries
from plan.content.document import document_heading
from plan.models import PlanIndexPage, PlanPage
from plan.models.presenting import presents
from plan.public import dashboard, plan_wide
from plan.public.presenters.base import Presenter
from plan.public.presenters.updates import UpdateListing


@presents(PlanIndexPage)
class PlanIndexPresenter(Presenter):
    def context(self):
        return {"plans": continuity.plans_by_year(self.page)}


@presents(PlanPage)
class PlanPresenter(UpdateListing, Presenter):
    def context(self):
        plan = self.page
        own_history, changes_below, revisions = plan_wide.current().plan_history(plan)  # kept per generation
        return {
            "plan": plan,  # the plan the page belongs to (the draft banner: no read of the newest plan)
            "plan_url": plan.get_url(self.request),
            "areas": queries.areas_with_counts(plan),
            "updates": queries.updates_about(plan)[:10],
            "revisions": revisions,
            "changes_below": changes_below,
            "appendix": queries.first_appendix(plan),
            "implementation_sections": queries.implementation_sections(plan),
            "history": own_history,
            "meta_description": f"{plan.title}: toàn văn, chỉ tiêu, nhiệm vụ, cơ quan thực hiện và tiến độ.",
            "predecessor": plan.predecessor if plan.predecessor_id and plan.predecessor.live else None,
            "document": document_heading(plan.document_status, plan.number, plan.date_text, plan.issued_on, plan.place),
        }

    def dashboard(self):
        context, status = dashboard.dashboard_context(self.request, self.page)
        return self.render("plan/dashboard.html", context, status=status)
