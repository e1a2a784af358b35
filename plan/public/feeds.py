"""RSS and Atom feeds of progress updates, for a plan and for each area."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from plan.content.queries import updates_about

FEED_SIZE = 30


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
        return updates_about(page)[:FEED_SIZE]

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


FEEDS = {"rss": UpdatesRssFeed, "atom": UpdatesAtomFeed}


def updates_feed(request, page, kind):
    """The response of the feed of `kind` ("rss" or "atom") about a plan or area page."""
    return FEEDS[kind]()(request, page=page)
