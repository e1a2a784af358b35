"""Progress updates: one update and the tasks and indicators it reports on; the list
and the feeds of the updates about a plan or an area (UpdateListing, which their
presenters share)."""

from plan.content import queries
from plan.models import AreaPage, UpdatePage
from plan.models.presenting import presents
from plan.paging import page_of
from plan.public import feeds
from plan.public.presenters.base import Presenter

UPDATES_PER_PAGE = 20
PAGE_PARAMETER = "trang"


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


class UpdateListing:
    """The routes `tin-cap-nhat/` (the list, newest first, UPDATES_PER_PAGE a page,
    `?trang=2`), `tin-cap-nhat/rss/` and `…/atom/` of a plan's or an area's presenter.
    Only live, public updates (plan.content.queries.updates_about)."""

    def updates_list(self):
        base = self.page.url + self.page.reverse_subpage("updates_list")

        def page_url(number):
            return f"{base}?{PAGE_PARAMETER}={number}" if number > 1 else base

        updates = page_of(
            queries.updates_about(self.page), UPDATES_PER_PAGE, self.request.GET.get(PAGE_PARAMETER), page_url
        )
        context = {
            "updates": updates,
            "list_label": "Tin cập nhật",
            "about": "các nhiệm vụ và chỉ tiêu của lĩnh vực này" if isinstance(self.page, AreaPage) else "Kế hoạch",
            "meta_description": f"Tin cập nhật về tiến độ thực hiện: {self.page.title}.",
        }
        return self.render("plan/update_list.html", context)

    def updates_feed(self, kind):
        return feeds.updates_feed(self.request, self.page, kind)
