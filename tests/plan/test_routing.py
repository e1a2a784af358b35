"""Pages are found by Wagtail's own routing (Page.route and the routable pages'
sub-routes): a sub-route comes before a child with its slug, drafts and unknown
addresses are not found, and a view restriction applies at once, below the page too."""

from datetime import date

import pytest
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction

from plan.models import PlanPage, UpdatePage

pytestmark = pytest.mark.django_db

PLAN = "/ke-hoach/cchc-2024/"
AREA = PLAN + "cai-cach-thu-tuc-hanh-chinh/"


def update_page(parent, slug, publish=True):
    page = UpdatePage(title=f"Tin {slug}", slug=slug, summary="Tóm tắt", body="<p>Nội dung</p>", date=date(2024, 6, 1))
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


@pytest.fixture
def tree():
    """The loaded plan, with an update whose slug is also a sub-route of the plan
    ("tien-do"), a draft, and plain pages below an update (deeper than any plan page;
    one with the plan's own slug)."""
    plan = PlanPage.objects.get()
    update_page(plan, "tien-do")
    update_page(plan, "ban-nhap", publish=False)
    deep = update_page(plan, "tin-sau")
    child = deep.add_child(instance=Page(title="Trang con", slug="cchc-2024"))
    child.add_child(instance=Page(title="Trang chau", slug="chau"))
    child.add_child(instance=Page(title="Trang nhap", slug="nhap", live=False))
    return plan


FOUND = [
    ("/", 200),
    ("/ke-hoach/", 200),
    (PLAN, 200),
    (PLAN + "tien-do/", 200),  # the dashboard, a sub-route, before the update with that slug
    (PLAN + "tin-cap-nhat/", 200),
    (PLAN + "tin-cap-nhat/rss/", 200),
    (PLAN + "phu-luc/", 200),
    (PLAN + "phu-luc/thua/", 404),
    (PLAN + "tin-sau/", 200),
    (PLAN + "tin-sau/cchc-2024/chau/", 200),
    (PLAN + "tin-sau/cchc-2024/nhap/", 404),
    (PLAN + "tin-sau/cchc-2024/khong-co/", 404),
    (AREA, 200),
    (AREA + "chi-tieu/3-a-2/", 200),
    (AREA + "chi-tieu/9-z-9/", 404),
    (AREA + "nhiem-vu/3-4/", 200),
    (AREA + "nhiem-vu/", 404),
    (AREA + "tin-cap-nhat/atom/", 200),
    ("/khong-co/", 404),
    ("/ke-hoach/khong-co/", 404),
    ("/cchc-2024/", 404),
    ("/KE-HOACH/", 404),
]


@pytest.mark.parametrize(("path", "status"), FOUND)
def test_each_address_finds_its_page_or_none(client, tree, path, status):
    assert client.get(path).status_code == status


def test_the_dashboard_sub_route_comes_before_a_child_with_its_slug(client, tree):
    page = client.get(PLAN + "tien-do/").content.decode()
    assert "Tin tien-do" not in page and 'name="linh_vuc"' in page


@pytest.fixture
def page_cache():
    with override_settings(PAGE_CACHE_SECONDS=600):
        yield


@pytest.mark.usefixtures("page_cache")
def test_a_password_applies_at_once_below_the_restricted_page_and_is_never_cached(client):
    plan = PlanPage.objects.get()
    assert 'name="password"' not in client.get(AREA).content.decode()  # cached, public
    restriction = PageViewRestriction.objects.create(page=plan, restriction_type="password", password="bi-mat")
    for url in (PLAN, AREA, AREA + "chi-tieu/3-a-2/", PLAN + "tien-do/"):
        for _ in range(2):
            response = client.get(url)
            assert 'name="password"' in response.content.decode(), url
            assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    restriction.delete()
    assert 'name="password"' not in client.get(AREA).content.decode()


def test_an_alias_of_a_restricted_page_is_restricted_too(client, tree):
    source = UpdatePage.objects.get(slug="tin-sau")
    PageViewRestriction.objects.create(page=source, restriction_type="login")
    source.create_alias(update_slug="ban-sao")
    response = client.get(PLAN + "ban-sao/")
    assert response.status_code == 302 and "next=" in response["Location"]
    assert client.get(PLAN + "tin-sau/cchc-2024/").status_code == 302  # below the restricted page
