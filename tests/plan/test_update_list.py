"""The HTML list of progress updates of a plan and of an area (`…/tin-cap-nhat/`):
newest first, paginated, linked next to the feeds, never naming a draft, a private or
a password-protected update."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from plan.models import PlanPage, Task, UpdatePage
from plan.public.presenters import updates as update_presenters

pytestmark = pytest.mark.django_db

PLAN = "/ke-hoach/cchc-2024/"
AREA3 = PLAN + "cai-cach-thu-tuc-hanh-chinh/"


def update(title, day, task="3.1", restriction=None, publish=True):
    page = UpdatePage(
        title=title,
        slug=f"tin-{day}-{abs(hash(title))}",
        summary=f"Tóm tắt {title}",
        body="<p>Nội dung</p>",
        date=day,
        live=publish,
    )
    PlanPage.objects.get(slug="cchc-2024").add_child(instance=page)
    page.tasks.set([Task.objects.get(code=task)])
    revision = page.save_revision()
    if publish:
        revision.publish()
    if restriction:
        PageViewRestriction.objects.create(page=page, restriction_type=restriction, password="bi-mat")
    return page


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select("ol.update-list h2 a")], soup


def test_the_plan_and_area_lists_show_public_updates_newest_first(client):
    update("Tin tháng ba", date(2024, 3, 1))
    update("Tin tháng năm", date(2024, 5, 1))
    update("Tin lĩnh vực khác", date(2024, 4, 1), task="7.9")
    update("Tin có mật khẩu", date(2024, 6, 1), restriction=PageViewRestriction.PASSWORD)
    update("Tin nội bộ", date(2024, 6, 2), restriction=PageViewRestriction.LOGIN)
    update("Tin chưa xuất bản", date(2024, 6, 3), publish=False)
    plan_titles, soup = titles(client, PLAN + "tin-cap-nhat/")
    assert plan_titles == ["Tin tháng năm", "Tin lĩnh vực khác", "Tin tháng ba"]
    assert [link["href"] for link in soup.select('head link[rel="alternate"]')] == [
        PLAN + "tin-cap-nhat/rss/",
        PLAN + "tin-cap-nhat/atom/",
    ]
    area_titles, _ = titles(client, AREA3 + "tin-cap-nhat/")
    assert area_titles == ["Tin tháng năm", "Tin tháng ba"]
    for url in (PLAN + "tin-cap-nhat/", AREA3 + "tin-cap-nhat/"):
        text = client.get(url).content.decode()
        assert not any(secret in text for secret in ("mật khẩu", "nội bộ", "chưa xuất bản"))


def test_the_list_is_paginated(client, monkeypatch):
    monkeypatch.setattr(update_presenters, "UPDATES_PER_PAGE", 2)
    for day in range(1, 6):
        update(f"Tin số {day}", date(2024, 7, day))
    first, soup = titles(client, PLAN + "tin-cap-nhat/")
    assert first == ["Tin số 5", "Tin số 4"]
    assert soup.select_one('a[rel="next"]')["href"] == PLAN + "tin-cap-nhat/?trang=2"
    last, soup = titles(client, PLAN + "tin-cap-nhat/?trang=3")
    assert last == ["Tin số 1"] and soup.select_one('a[rel="prev"]')["href"] == PLAN + "tin-cap-nhat/?trang=2"
    assert titles(client, PLAN + "tin-cap-nhat/?trang=99")[0] == ["Tin số 1"]  # past the end: the last page
    assert titles(client, PLAN + "tin-cap-nhat/?trang=abc")[0] == first


@pytest.mark.parametrize("url", [PLAN, AREA3])
def test_the_list_is_linked_next_to_the_feeds(client, url):
    update("Tin tháng năm", date(2024, 5, 1))
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    links = [a["href"] for a in soup.select(".update-list ~ p a")]
    assert links == [url + "tin-cap-nhat/", url + "tin-cap-nhat/rss/", url + "tin-cap-nhat/atom/"]


def test_an_area_without_updates_says_so(client):
    names, soup = titles(client, PLAN + "cai-cach-the-che/tin-cap-nhat/")
    assert names == [] and "Chưa có tin cập nhật nào." in soup.get_text()
