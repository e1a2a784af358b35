"""The site root's routing (plan/models/routing.py) gives Wagtail's answers, in two
queries whatever the depth, and a view restriction still applies at once."""

from datetime import date

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from home.models import HomePage
from plan.models import AppendixPage, PlanPage, UpdatePage
from plan.models.presenting import PresentedPage
from plan.models.routing import RoutesInOneQuery, specific_of
from plan.public.presenters.base import Presenter

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


PATHS = [
    "/",
    "/ke-hoach/",
    PLAN,
    PLAN + "tien-do/",
    PLAN + "tin-cap-nhat/",
    PLAN + "tin-cap-nhat/rss/",
    PLAN + "phu-luc/",
    PLAN + "phu-luc/thua/",
    PLAN + "ban-nhap/",
    PLAN + "tin-sau/",
    PLAN + "tin-sau/cchc-2024/",
    PLAN + "tin-sau/cchc-2024/chau/",
    PLAN + "tin-sau/cchc-2024/nhap/",
    PLAN + "tin-sau/cchc-2024/khong-co/",
    AREA,
    AREA + "chi-tieu/3-a-2/",
    AREA + "nhiem-vu/3-4/",
    AREA + "nhiem-vu/",
    AREA + "tin-cap-nhat/atom/",
    "/khong-co/",
    "/ke-hoach/khong-co/",
    "/cchc-2024/",
    "/ke-hoach/cchc-2024/cchc-2024/",
    "/KE-HOACH/",
]


def answer(route, path):
    """What a route gives for a path: the page (id and class), the sub-route's view and
    arguments, or None for a 404."""
    request = RequestFactory().get(path)
    try:
        page, args, kwargs = route(request, [part for part in path.split("/") if part])
    except Http404:
        return None
    view = (args[0].__name__, args[1], args[2]) if args else None
    return page.pk, type(page), view, kwargs


def home():
    return HomePage.objects.get()


def wagtails_route(request, components):
    return super(RoutesInOneQuery, home()).route(request, components)


@pytest.mark.parametrize("path", PATHS)
def test_the_same_answer_as_wagtails_route(tree, path):
    assert answer(home().route, path) == answer(wagtails_route, path)


def test_a_sub_route_comes_before_a_child_with_its_slug_unless_the_page_is_not_live(tree):
    plan, child = PlanPage.objects.get(), UpdatePage.objects.get(slug="tien-do")
    assert answer(home().route, PLAN + "tien-do/")[2][0] == "progress_dashboard"
    plan.live = False
    plan.save(update_fields=["live"])
    assert answer(home().route, PLAN + "tien-do/")[:2] == (child.pk, UpdatePage)
    assert answer(home().route, PLAN) is None  # as Wagtail: a page that is not live is not found
    assert answer(home().route, PLAN + "tien-do/") == answer(wagtails_route, PLAN + "tien-do/")


@pytest.mark.parametrize("path", ["/", PLAN, AREA, AREA + "chi-tieu/3-a-2/", PLAN + "tin-sau/cchc-2024/chau/"])
def test_two_queries_whatever_the_depth_and_none_for_restrictions_or_ancestors(tree, path):
    root = home()
    request = RequestFactory().get(path)
    with CaptureQueriesContext(connection) as routing:
        page = root.route(request, [part for part in path.split("/") if part]).page
    assert len(routing) == (1 if type(page) in (HomePage, Page) else 2)  # the home and a plain page: no specific query
    with CaptureQueriesContext(connection) as afterwards:
        restrictions = list(page.get_view_restrictions())
        ancestors = Presenter(page, request).lineage[:-1]
    assert restrictions == [] and len(afterwards) == (0 if isinstance(page, PresentedPage) else 2)  # Wagtail's own
    assert [p.pk for p in ancestors] == [p.pk for p in page.get_ancestors()]


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


def test_a_page_type_with_its_own_route_gets_the_rest_of_the_address(monkeypatch):
    def own_route(page, request, path_components):
        if path_components == ["bang", "2"]:
            return RouteResult(page, kwargs={"table": 2})
        return Page.route(page, request, path_components)

    monkeypatch.setattr(AppendixPage, "route", own_route, raising=False)
    appendix = AppendixPage.objects.get()
    assert answer(home().route, PLAN + "phu-luc/bang/2/") == (appendix.pk, AppendixPage, None, {"table": 2})
    assert answer(home().route, PLAN + "phu-luc/bang/2/") == answer(wagtails_route, PLAN + "phu-luc/bang/2/")
    assert answer(home().route, PLAN + "phu-luc/bang/") is None


def field_values(page):
    return {field.attname: getattr(page, field.attname) for field in page._meta.concrete_fields}


def test_the_specific_page_read_by_plain_sql_is_wagtails():
    """specific_of gives what Page.specific gives, for every page type of the site,
    with the base row's own attributes (here `restricted`) carried over, as Wagtail's."""
    rows = list(Page.objects.raw(f"SELECT *, 1 AS restricted FROM {Page._meta.db_table} WHERE depth > 1"))
    kinds = set()
    for row in rows:
        found, expected = specific_of(row), Page.objects.get(pk=row.pk).specific
        assert type(found) is type(expected)
        assert field_values(found) == field_values(expected)
        assert found.restricted == 1
        kinds.add(type(found).__name__)
    assert {"HomePage", "PlanPage", "AreaPage", "AppendixPage"} <= kinds


def test_a_page_deleted_after_the_route_was_read_is_not_found():
    row = Page.objects.get(pk=update_page(PlanPage.objects.get(), "tin-da-xoa").pk)
    row.specific.delete()
    with pytest.raises(Http404):
        specific_of(row)
