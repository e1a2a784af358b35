"""RSS and Atom feeds of progress updates, for a plan and for each area."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_SIZE = 30


def updates_for(page):
    """Live updates under a plan page, or those about an area's tasks or indicators."""
    from plan.models import AreaPage, UpdatePage

    updates = UpdatePage.objects.live()
    if isinstance(page.specific, AreaPage):
        updates = updates.descendant_of(page.get_parent()).filter(Q(tasks__area=page) | Q(indicators__area=page)).distinct()
    else:
        updates = updates.descendant_of(page)
    return updates.order_by("-date", "-first_published_at")


class UpdatesRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request, page):
        return page

    def title(self, page):
        return f"Tin cập nhật – {page.title}"

    def link(self, page):
        return page.url

    def description(self, page):
        return f"Tin cập nhật về tiến độ thực hiện: {page.title}."

    def items(self, page):
        return updates_for(page)[:FEED_SIZE]

    def item_title(self, update):
        return update.title

    def item_description(self, update):
        return update.summary

    def item_link(self, update):
        return update.url

    def item_pubdate(self, update):
        return timezone.make_aware(datetime.combine(update.date, time(8, 0)))

    def item_updateddate(self, update):
        return update.last_published_at


class UpdatesAtomFeed(UpdatesRssFeed):
    feed_type = Atom1Feed
    subtitle = UpdatesRssFeed.description
