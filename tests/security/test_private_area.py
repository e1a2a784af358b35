"""A private area stays private everywhere (issue 21, finding 1): once an area of the
plan has a view restriction, its title, tasks, indicators, figures and statuses appear
on no public page, file, feed, count or answer of the API, on the very next request
with the page cache and the dashboard's counts kept; lifting it brings them back.

The test walks the public site as it was before the restriction (the sitemap, the
open-data files, the feeds, the API, and every link of those pages), then requests
each address again with the restriction on."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction, Site

from plan.models import AppendixPage, AppendixRow, PlanPage
from tests import builders

pytestmark = pytest.mark.django_db

# Words found nowhere else on the site, one per thing the private area holds.
AREA = "Zephyrakon"
TASK = "Quorvantile"
INDICATOR = "Brimlestock"
METRIC = "Thalmoquist"
SOURCE = "Vantorixa"
ROW = "Plovdenmark"
MARKERS = (AREA, TASK, INDICATOR, METRIC, SOURCE, ROW)

OPEN_DATA = [
    "/du-lieu/",
    "/du-lieu/chi-tieu.csv",
    "/du-lieu/chi-tieu.json",
    "/du-lieu/ket-qua.csv",
    "/du-lieu/ket-qua.json",
    "/du-lieu/datapackage.json",
    "/robots.txt",
    "/sitemap.xml",
    "/co-quan/",
    "/chu-de/",
]
MAX_URLS = 2000  # the walk is bounded, whatever the links


@pytest.fixture
def private_case():
    """An area of the loaded plan with a task, an indicator and its figure, all of an
    agency and a topic of their own, a public update about them, and an appendix row
    of the task; returns (area, agency, topic, update)."""
    plan = PlanPage.objects.get(slug="cchc-2024")
    agency, topic = builders.AgencyFactory(), builders.TopicFactory()
    area = builders.area_page(
        plan, number=9, title=f"Lĩnh vực {AREA}", heading_as_written=f"9. Lĩnh vực {AREA}", answerable=[agency]
    )
    task = builders.task(area, text=f"Nhiệm vụ {TASK} thử nghiệm.", lead_agency=agency)
    task.topics.add(topic)
    indicator = builders.IndicatorFactory(
        area=area, statement=f"Chỉ tiêu {INDICATOR}.", original_wording=f"Chỉ tiêu {INDICATOR}.", metric=METRIC
    )
    indicator.responsible_agency = agency
    indicator.save()
    indicator.topics.add(topic)
    builders.ResultFactory(indicator=indicator, source_name=f"Nguồn {SOURCE}")
    update = builders.published_update(plan, "Tin công khai", "tin-cong-khai", tasks=[task], indicators=[indicator])
    appendix = AppendixPage.objects.child_of(plan).get()
    AppendixRow.objects.create(page=appendix, task=task, content=f"Dòng {ROW}", source="Phụ lục thử nghiệm")
    return area, agency, topic, update


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def links(text):
    """The site's own addresses a page or file links to (HTML, XML, JSON)."""
    found, root = set(), Site.objects.get(is_default_site=True).root_url
    for url in re.findall(r'(?:href="|<loc>|<link>|"(?:duong_dan|html_url|detail_url|path)": ")([^"<]+)', text):
        url = url.replace("&amp;", "&")
        if url.startswith((root + "/", "http://testserver/")) or (url.startswith("/") and not url.startswith("//")):
            found.add(path_of(url))
    return {url for url in found if not url.startswith(("/admin/", "/static/", "/documents/", "/_util/"))}


def core_urls(area, agency, topic, update):
    plan = area.get_parent()
    appendix = AppendixPage.objects.child_of(plan).get()
    return [
        "/",
        plan.url,
        plan.url + "tien-do/",
        plan.url + "tin-cap-nhat/rss/",
        plan.url + "tin-cap-nhat/atom/",
        appendix.url,
        update.url,
        f"/co-quan/{agency.code}/",
        f"/chu-de/{topic.slug}/",
        f"/api/v2/pages/{plan.pk}/",
        f"/api/v2/pages/{appendix.pk}/",
        f"/api/v2/pages/?search={AREA}",
        "/api/v2/pages/?type=plan.AreaPage&fields=title",
        f"/tim-kiem/?q={TASK}",
        f"/tim-kiem/goi-y/?q={TASK}",
        *OPEN_DATA,
    ]


def leaks(client, url):
    """The markers found in the answer to `url`, but the one a search echoes back."""
    text = body(client.get(url))
    query = re.search(r"[?&](?:q|search)=(\w+)", url)
    return {marker for marker in MARKERS if marker in text and not (query and marker == query.group(1))}, text


@override_settings(PAGE_CACHE_SECONDS=600, PROGRESS_SUMMARY_SECONDS=600)
def test_a_private_area_appears_on_no_public_address(client, private_case):
    area, agency, topic, update = private_case
    core = core_urls(area, agency, topic, update)
    # Before: every marker is shown somewhere (the walk could find a leak), and every
    # answer is kept in the page cache and the dashboard's counts in theirs.
    shown, walk = set(), set(core)
    for url in core + [area.url]:
        found, text = leaks(client, url)
        shown |= found
        walk |= links(text)
    assert shown == set(MARKERS)
    sitemap = body(client.get("/sitemap.xml"))
    walk |= links(sitemap)
    assert area.url in walk and len(walk) > 100

    PageViewRestriction.objects.create(page=area, restriction_type="password", password="mat-khau-rieng")

    seen, queue, leaked = set(), sorted(walk), {}
    while queue and len(seen) < MAX_URLS:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        found, text = leaks(client, url)
        if found:
            leaked[url] = found
        queue.extend(sorted(links(text) - seen))
    assert not leaked
    assert len(seen) < MAX_URLS  # the whole site was walked
    assert 'name="password"' in body(client.get(area.url))  # its own page asks for the password
    dashboard = client.get(area.get_parent().url + "tien-do/?linh_vuc=9")
    assert dashboard.status_code == 400  # no such area to filter by any more

    # Lifted: everything is back on the next request.
    PageViewRestriction.objects.filter(page=area).delete()
    shown = set()
    for url in core:
        shown |= leaks(client, url)[0]
    assert shown == set(MARKERS)


def test_a_restriction_above_the_area_hides_it_too(client, private_case):
    area, agency, topic, update = private_case
    plan = area.get_parent()
    before = client.get(f"/co-quan/{agency.code}/").content.decode()
    assert TASK in before and INDICATOR in before
    PageViewRestriction.objects.create(page=plan, restriction_type="login")
    for url in ["/", f"/co-quan/{agency.code}/", f"/chu-de/{topic.slug}/", "/du-lieu/chi-tieu.csv"]:
        text = body(client.get(url))
        assert not [marker for marker in MARKERS if marker in text], url
    assert "cchc-2024" not in client.get("/").content.decode()  # the plan itself is private now
