"""RSS and Atom feeds of what changed in what the site publishes: each published change
of the plan's wording (its text, an area, a task, an indicator, a target) and each
correction of a published figure, with its reason. Re-users learn of a change as a
reader of the pages does."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from plan.content import history_data
from plan.models import PlanPage, ResultHistory
from plan.progress.targets import format_result

FEED_SIZE = 50


@dataclass(frozen=True)
class Item:
    kind: str  # "text" or "figure"
    when: datetime
    title: str
    description: str
    link: str


def text_items(plan):
    own, below, _labels = history_data.plan_histories(plan)
    return [
        Item(
            "text",
            version.published_at,
            change.label,
            f"Trước: {change.old or '(trống)'}\nSau: {change.new or '(trống)'}",
            plan.url + ("#thay-doi" if version in own else "#thay-doi-ben-duoi"),
        )  # fmt: skip
        for version in own + below
        for change in version.changes
    ]


def figure_items():
    corrections = (
        ResultHistory.objects.corrections()
        .filter(result__indicator__live=True, result__indicator__area__live=True)
        .select_related("result__indicator__area")
        .order_by("-changed_at", "-pk")[:FEED_SIZE]
    )
    items = []
    for correction in corrections:
        result, indicator = correction.result, correction.result.indicator

        def shown(value, indicator=indicator):
            return format_result(value, indicator.comparator, indicator.unit)

        demo = " (số liệu minh họa)" if result.is_demo else ""
        title = (
            f"Sửa số liệu chỉ tiêu {indicator.code}, {result.period_label}: "
            f"{shown(correction.previous_value)} → {shown(correction.new_value)}{demo}"
        )
        reason = f"Lý do: {correction.reason}" if correction.reason else "Không ghi lý do."
        items.append(Item("figure", correction.changed_at, title, reason, indicator.get_url() + "#dinh-chinh"))
    return items


class ChangesRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"
    title = "Thay đổi nội dung và sửa số liệu đã công bố"
    link = "/du-lieu/"
    description = (
        "Mỗi lần nội dung Kế hoạch trên trang (nhiệm vụ, chỉ tiêu, mục tiêu) được sửa và mỗi lần một số liệu đã công "
        "bố được sửa, kèm lý do."
    )

    def items(self):
        plan = PlanPage.objects.live().public().order_by("-year", "path").first()
        found = (text_items(plan) if plan else []) + figure_items()
        return sorted(found, key=lambda item: item.when, reverse=True)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return f"{item.kind}:{item.when.isoformat()}:{item.title}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.when


class ChangesAtomFeed(ChangesRssFeed):
    feed_type = Atom1Feed
    subtitle = ChangesRssFeed.description
