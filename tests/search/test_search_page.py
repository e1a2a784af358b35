"""The search page (/tim-kiem/) and its suggestions, as a visitor gets them:
results with type, area, agency, status and marked excerpt; facets with counts in
the URL; pagination; help when nothing matches; never unpublished content."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from plan.models import Agency, AreaPage, Indicator, Task, TaskProgress, Topic
from plan.progress import rules as progress
from tests.search.helpers import result_keys

pytestmark = pytest.mark.django_db

SEARCH = "/tim-kiem/"


def page(client, query, status=200):
    response = client.get(SEARCH + query)
    assert response.status_code == status, response.content[:500]
    return BeautifulSoup(response.content.decode(), "html.parser")


def result_links(soup):
    return [a["href"] for a in soup.select(".result h3 a")]


def facet_options(soup, name):
    """{value: (label text, checked)} of one facet's checkboxes."""
    options = {}
    for box in soup.select(f'.facet input[name="{name}"]'):
        label = soup.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True)
        options[box["value"]] = (label, box.has_attr("checked"))
    return options


def test_urls_and_names():
    assert reverse("search:search") == SEARCH
    assert reverse("search:suggest") == SEARCH + "goi-y/"


def test_every_page_has_an_accessible_search_form_in_its_header(client):
    for url in ("/", "/ke-hoach/cchc-2024/", "/chu-de/", SEARCH):
        soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        form = soup.select_one("header form[role=search]")
        assert form is not None and form["method"] == "get" and form["action"] == SEARCH, url
        field = form.find("input", attrs={"name": "q"})
        assert soup.find("label", attrs={"for": field["id"]}).get_text(strip=True), url
        assert soup.find("script", src=lambda src: src and src.endswith("js/search.js")) is not None


def test_a_result_shows_type_area_agency_status_and_marked_excerpt(client):
    TaskProgress.objects.create(task=Task.objects.get(code="3.8"), status="in_progress", percent=40)
    soup = page(client, "?q=thanh+toan+truc+tuyen")
    task = Task.objects.get(code="3.8")
    item = next(li for li in soup.select(".result") if li.select_one("h3 a")["href"] == task.get_url())
    text = item.get_text(" ", strip=True)
    assert "Nhiệm vụ" in text and "Lĩnh vực 3. Cải cách thủ tục hành chính" in text
    assert item.select_one(f'a[href="{task.lead_agency.get_absolute_url()}"]') is not None
    assert item.select_one(".status").get_text(strip=True) == progress.STATUS_LABELS["in_progress"] == "Đang thực hiện"
    assert [mark.get_text() for mark in item.select(".excerpt mark")][:4] == ["thanh", "toán", "trực", "tuyến"]
    assert soup.select_one("[role=status]").get_text(strip=True).startswith("Tìm thấy")


def test_indicator_results_show_their_status_from_the_progress_rules(client):
    soup = page(client, "?q=3.a.4.1")
    indicator = Indicator.objects.get(code="3.a.4.1")
    expected = progress.STATUS_LABELS[indicator.status]  # stored by plan.progress.state
    assert result_links(soup) == [indicator.get_url()]
    assert soup.select_one(".result .status").get_text(strip=True) == expected


def test_facets_count_narrow_and_live_in_the_url(client):
    soup = page(client, "?q=so+hoa")
    types = facet_options(soup, "type")
    total = len(result_links(soup))
    tasks = int(types["task"][0].split("(")[-1].rstrip(")"))
    assert types["task"][0].startswith("Nhiệm vụ") and 0 < tasks < total

    soup = page(client, "?q=so+hoa&type=task")
    links = result_links(soup)
    assert len(links) == tasks and all("/nhiem-vu/" in link for link in links)
    types = facet_options(soup, "type")
    assert types["task"][1] is True and "indicator" in types  # the other type can still be added
    chips = soup.select(".active-filters a")
    assert [chip.get_text(" ", strip=True) for chip in chips] == ["Loại nội dung: Nhiệm vụ ×"]
    assert chips[0]["href"] == "?q=so+hoa"


def test_topic_agency_and_area_facets(client):
    soup = page(client, "?q=mot+cua")
    assert "mot-cua" in facet_options(soup, "topic")
    assert "van-phong-ubnd-tinh" in facet_options(soup, "agency")
    area = AreaPage.objects.get(number=3)
    assert facet_options(soup, "area")[str(area.pk)][0].startswith("3. Cải cách thủ tục hành chính")
    topic = Topic.objects.get(slug="mot-cua")
    keys = result_keys("q=mot+cua&topic=mot-cua")
    # the topic itself, then its tasks and indicators
    assert keys[0] == "topic:mot-cua"
    assert keys[1:] and set(keys[1:]) <= {f"task:{t.code}" for t in topic.tasks.all()} | {
        f"indicator:{i.code}" for i in topic.indicators.all()
    }


def test_coordinating_agencies_count_in_the_agency_facet():
    assert result_keys("q=thanh+toan+truc+tuyen&agency=so-tai-chinh") == []
    task = Task.objects.get(code="3.8")
    task.coordinating_agencies.add(Agency.objects.get(code="so-tai-chinh"))
    task.save()  # a parental many-to-many is written when its task is saved
    assert result_keys("q=thanh+toan+truc+tuyen&agency=so-tai-chinh") == ["task:3.8"]


def test_status_and_deadline_facets(client):
    TaskProgress.objects.create(task=Task.objects.get(code="3.4"), status="done", percent=100)
    assert result_keys("q=mot+cua&status=done") == ["task:3.4"]
    soup = page(client, "?q=mot+cua")
    assert facet_options(soup, "status")["done"][0] == "Hoàn thành (1)"
    deadlines = facet_options(soup, "deadline")
    assert deadlines and all(label for label, _checked in deadlines.values())
    ongoing = [f"task:{t.code}" for t in Task.objects.filter(deadline_text="Thường xuyên")]
    if ongoing:
        code = ongoing[0].split(":")[1]
        assert result_keys(f"q={code}&deadline=ongoing")[:1] == [ongoing[0]]


def test_unknown_filter_values_are_ignored(client):
    soup = page(client, "?q=so+hoa&topic=khong-co&area=999999&status=bogus&type=nothing&deadline=2024-q9")
    assert result_links(soup) == result_links(page(client, "?q=so+hoa"))
    assert not soup.select(".active-filters")


def test_pagination_keeps_the_query_and_filters(client):
    first = page(client, "?q=so+noi+vu")
    assert len(result_links(first)) == 20
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    assert next_link == "?q=so+noi+vu&page=2"
    second = page(client, next_link)
    assert result_links(second) and not set(result_links(second)) & set(result_links(first))
    assert second.select_one(".result-list")["start"] == "21"
    assert result_links(page(client, "?q=so+noi+vu&page=999")) == result_links(second)  # past the end: last page
    assert result_links(page(client, "?q=so+noi+vu&page=-1")) == result_links(first)


def test_no_match_gives_a_helpful_page(client):
    soup = page(client, "?q=xyzzy+qwrtp&type=task")
    text = soup.get_text(" ", strip=True)
    assert "Không tìm thấy kết quả nào cho “xyzzy qwrtp” với các bộ lọc đã chọn" in text
    assert soup.select_one('a[href="?q=xyzzy+qwrtp"]') is not None  # search again without the filters
    assert soup.select_one('a[href="/chu-de/mot-cua/"]') is not None
    assert soup.select_one(f'a[href="{AreaPage.objects.get(number=3).url}"]') is not None


def test_empty_query_offers_topics_and_areas(client):
    soup = page(client, "")
    assert soup.h1.get_text(strip=True) == "Tìm kiếm nhiệm vụ, chỉ tiêu, chủ đề và cơ quan"
    assert not soup.select(".result") and soup.select_one('a[href="/chu-de/so-hoa/"]') is not None


def test_tasks_of_an_unpublished_area_are_never_shown(client):
    area = AreaPage.objects.get(number=3)
    assert any(key.startswith("task:3.") for key in result_keys("q=thanh+toan+truc+tuyen"))
    area.unpublish()
    keys = (
        result_keys("q=thanh+toan+truc+tuyen") + result_keys("q=mot+cua") + result_keys("q=cai+cach+thu+tuc+hanh+chinh")
    )
    assert not [key for key in keys if key.startswith(("task:3.", "indicator:3.")) or key == f"page:{area.slug}"]
    assert area.url not in client.get(SEARCH + "?q=mot+cua").content.decode()


def test_indicators_not_live_are_never_shown():
    indicator = Indicator.objects.get(code="3.a.4.1")
    indicator.live = False
    indicator.save()
    assert "indicator:3.a.4.1" not in result_keys("q=thanh+toan+truc+tuyen")
    assert "indicator:3.a.4.1" not in result_keys("q=3.a.4.1")


def test_private_areas_are_never_shown():
    area = AreaPage.objects.get(number=7)
    PageViewRestriction.objects.create(page=area, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau")
    keys = result_keys("q=chu+ky+so") + result_keys("q=dien+tu")
    assert keys and not [
        key for key in keys if key.startswith(("task:7.", "indicator:7.")) or key == f"page:{area.slug}"
    ]


def test_published_tasks_are_found_and_drafts_are_not():
    area = AreaPage.objects.get(number=3)
    area.tasks.add(Task(code="3.98", text="Thí điểm quầy zyxwv đặc biệt", sort_order=98))
    area.save_revision().publish()
    assert result_keys("q=zyxwv+dac+biet") == ["task:3.98"]
    area = AreaPage.objects.get(pk=area.pk)
    area.tasks.add(Task(code="3.99", text="Bản nháp qwxyz chưa xuất bản", sort_order=99))
    area.save_revision()  # a draft: not published
    assert result_keys("q=qwxyz") == []


def test_query_count_does_not_grow_with_the_number_of_results(client):
    def count(query):
        client.get(SEARCH + query)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(SEARCH + query).status_code == 200
        return len(queries)

    def add_tasks(first, number):
        for n in range(first, first + number):
            text = f"Sở Nội vụ chủ trì việc số {n}"
            Task.objects.create(area=area, code=f"5.{100 + n}", text=text, sort_order=100 + n)

    narrow, broad = count("?q=chu+ky+so"), count("?q=so+noi+vu")
    area = AreaPage.objects.get(number=5)
    # Tasks that are not the plan's (no load_plan record): the page of results reads who
    # published them (search.origins), one query whatever their number.
    add_tasks(0, 30)
    many = count("?q=so+noi+vu")
    add_tasks(30, 30)
    assert len(result_keys("q=so+noi+vu")) > 50
    assert count("?q=so+noi+vu") == many <= broad + 1
    assert narrow <= broad <= 16, (narrow, broad)  # 3 fewer when no indicator matches


def test_suggestions(client):
    data = client.get(SEARCH + "goi-y/?q=mot+c").json()
    assert data["query"] == "mot c"
    kinds = {(s["kind"], s["label"]): s["url"] for s in data["suggestions"]}
    assert kinds[("Chủ đề", "Một cửa, một cửa liên thông")] == "/chu-de/mot-cua/"
    assert ("Cơ quan", "Bộ phận Một cửa các cấp") in kinds
    assert any(kind == "Nhiệm vụ" for kind, _label in kinds) and len(data["suggestions"]) <= 8
    data = client.get(SEARCH + "goi-y/?q=so+noi").json()
    assert data["suggestions"][0] == {"label": "Sở Nội vụ", "kind": "Cơ quan", "url": "/co-quan/so-noi-vu/"}
    assert client.get(SEARCH + "goi-y/?q=a").json()["suggestions"] == []
    assert client.get(SEARCH + "goi-y/").json() == {"query": "", "suggestions": []}


def test_only_get_is_allowed(client):
    assert client.post(SEARCH, {"q": "so hoa"}).status_code == 405


def test_progress_updates_are_found_with_or_without_diacritics_and_never_as_drafts(client):
    from datetime import date

    from plan.models import PlanPage, UpdatePage

    plan = PlanPage.objects.get()
    for title, live in (("Đẩy mạnh chữ ký số trên điện thoại", True), ("Bản nháp về chữ ký số", False)):
        update = UpdatePage(
            title=title,
            slug=f"tin-{int(live)}",
            summary="Tin về chữ ký số.",
            body="<p>Nội dung</p>",
            date=date(2024, 6, 1),
            live=live,
        )
        plan.add_child(instance=update)
        if live:
            update.save_revision().publish()
    for query in ("?q=dien+thoai", "?q=điện+thoại"):
        soup = page(client, query)
        assert "/ke-hoach/cchc-2024/tin-1/" in result_links(soup)
        assert "Tin cập nhật" in soup.get_text()
    assert "/ke-hoach/cchc-2024/tin-0/" not in result_links(page(client, "?q=ban+nhap"))


def test_a_status_resting_on_demo_figures_says_so(client):
    from datetime import date

    from plan.models import Result

    Result.objects.create(
        indicator=Indicator.objects.get(code="3.a.4.2"),
        period="2024",
        value=60,
        source_name="Dữ liệu minh họa",
        captured_on=date(2025, 1, 15),
        is_demo=True,
    )
    Result.objects.create(
        indicator=Indicator.objects.get(code="3.a.4.1"),
        period="2024",
        value=85,
        source_name="Cổng DVC",
        captured_on=date(2025, 1, 15),
    )
    soup = page(client, "?q=thanh+toan+truc+tuyen&type=indicator")
    by_title = {
        r.select_one("h3").get_text(" ", strip=True): r.get_text(" ", strip=True) for r in soup.select(".result")
    }
    demo = next(text for title, text in by_title.items() if "3.a.4.2" in title)
    real = next(text for title, text in by_title.items() if "3.a.4.1" in title)
    assert "Dữ liệu minh họa" in demo and "Dữ liệu minh họa" not in real
