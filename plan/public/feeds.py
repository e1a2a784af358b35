"""RSS and Atom feeds of progress updates, for a plan and for each area.

Every text the feeds carry (titles, summaries) is plain text that editors typed. RSS
cannot say a field is text, and readers take its descriptions, and often its titles,
as HTML: there every text is escaped as HTML before the feed escapes it as XML, so that
a reader shows it as it was typed, never as markup. Atom declares its titles and
subtitle text (kept as they are) and its summaries HTML (escaped).

Links are absolute from the site's recorded address (the Wagtail Site's), not from the
Host header and scheme of the request that happened to fill the page cache."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from plan.content.queries import updates_about
from plan.public.identity import site_root

FEED_SIZE = 30


class UpdatesRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def text(self, value):
        """A plain text for a field readers may take as HTML."""
        return escape(value)

    def get_object(self, request, page):
        self.request = request  # a feed object answers one request (updates_feed)
        return page

    def feed_url(self, page):
        return site_root(self.request) + self.request.path

    def title(self, page):
        return self.text(f"Tin cập nhật – {page.title}")

    def link(self, page):
        return page.get_full_url(self.request)

    def description(self, page):
        return self.text(f"Tin cập nhật về tiến độ thực hiện: {page.title}.")

    def items(self, page):
        return updates_about(page)[:FEED_SIZE]

    def item_title(self, update):
        return self.text(update.title)

    def item_description(self, update):
        return escape(update.summary)  # RSS <description>, Atom <summary type="html">

    def item_link(self, update):
        return update.get_full_url(self.request)

    def item_pubdate(self, update):
        return timezone.make_aware(datetime.combine(update.date, time(8, 0)))

    def item_updateddate(self, update):
        return update.last_published_at


class UpdatesAtomFeed(UpdatesRssFeed):
    feed_type = Atom1Feed
    subtitle = UpdatesRssFeed.description

    def text(self, value):
        return value  # Atom's <title> and <subtitle> are declared text


FEEDS = {"rss": UpdatesRssFeed, "atom": UpdatesAtomFeed}


def updates_feed(request, page, kind):
    """The response of the feed of `kind` ("rss" or "atom") about a plan or area page."""
    return FEEDS[kind]()(request, page=page)
