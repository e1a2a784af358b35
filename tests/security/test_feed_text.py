"""The feeds carry editors' plain text as text (issue 21, finding 2): an update's title
and summary, and an area's title, never reach a feed reader as live markup, in RSS
(whose descriptions and titles readers take as HTML) or Atom (text where it says
text, escaped HTML where it says html)."""

from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup

from plan.models import PlanPage, Task
from tests import builders

pytestmark = pytest.mark.django_db

MARKUP = '<img src=x onerror="alert(1)"> & <b>đậm</b>'
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def hostile():
    """An area whose title is markup, and an update about one of its tasks whose title
    and summary are markup."""
    plan = PlanPage.objects.get(slug="cchc-2024")
    area = builders.area_page(plan, number=9, title=f"Lĩnh vực {MARKUP}")
    task = builders.task(area)
    update = builders.published_update(plan, f"Tin {MARKUP}", "tin-danh-dau", tasks=[Task.objects.get(pk=task.pk)])
    update.summary = f"Tóm tắt {MARKUP}"
    update.save_revision().publish()
    return area


def as_html_text(value):
    """What a reader that takes the field as HTML shows: its text, and no element."""
    fragment = BeautifulSoup(value, "html.parser")
    assert fragment.find() is None, value  # no element: nothing to run or draw
    return fragment.get_text()


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content


def test_rss_fields_are_text_for_a_reader_that_takes_them_as_html(client, hostile):
    channel = ElementTree.fromstring(feed(client, hostile.url + "tin-cap-nhat/rss/")).find("channel")
    assert as_html_text(channel.findtext("title")) == f"Tin cập nhật – Lĩnh vực {MARKUP}"
    assert as_html_text(channel.findtext("description")) == f"Tin cập nhật về tiến độ thực hiện: Lĩnh vực {MARKUP}."
    item = channel.find("item")
    assert as_html_text(item.findtext("title")) == f"Tin {MARKUP}"
    assert as_html_text(item.findtext("description")) == f"Tóm tắt {MARKUP}"


def test_atom_declares_text_and_escapes_html(client, hostile):
    root = ElementTree.fromstring(feed(client, hostile.url + "tin-cap-nhat/atom/"))
    assert root.findtext(ATOM + "title") == f"Tin cập nhật – Lĩnh vực {MARKUP}"
    assert root.find(ATOM + "title").get("type", "text") == "text"
    assert root.findtext(ATOM + "subtitle") == f"Tin cập nhật về tiến độ thực hiện: Lĩnh vực {MARKUP}."
    entry = root.find(ATOM + "entry")
    assert entry.findtext(ATOM + "title") == f"Tin {MARKUP}"
    summary = entry.find(ATOM + "summary")
    assert summary.get("type") == "html"
    assert as_html_text(summary.text) == f"Tóm tắt {MARKUP}"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_feed_reader_shows_the_text_and_no_image(client, hostile, kind):
    """feedparser, as readers parse feeds: what it takes as HTML holds no element, and
    each field shows the text as typed."""
    parsed = feedparser.parse(feed(client, hostile.get_parent().url + f"tin-cap-nhat/{kind}/"))
    entry = parsed.entries[0]
    for detail, typed in ((entry.title_detail, f"Tin {MARKUP}"), (entry.summary_detail, f"Tóm tắt {MARKUP}")):
        shown = detail.value if detail.type == "text/plain" else as_html_text(detail.value)
        assert shown == typed, (detail.type, detail.value)
