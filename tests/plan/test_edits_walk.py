"""The walk: after an editor edits a task's wording, re-reads a target and corrects a
figure, every public page (the sitemap and the pages links lead to from the home page,
breadth-first), the API's pages, every open-data file of the Data Package in CSV and
JSON, and the feeds are read. Wherever the edited wording appears, its mark and reason
are there; the plan's old wording shows only as the original or as a change; the
re-read target is marked as an editor's, with its reason; the corrected figure shows
only with its new value, the old one only in a correction that gives its reason; and
nothing answers an error."""

import csv
import io
import json
from collections import deque
from datetime import date
from decimal import Decimal
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page, Site

from plan.models import AreaPage, Indicator, Result, Task
from plan.results.importer import import_rows
from plan.vocabulary import ResultOrigin
from tests.plan.admin_forms import area_edit_form, indicator_edit_form
from tests.plan.test_edits_consistent import FIGURE_REASON, TARGET_REASON, TASK_REASON, TEXT

pytestmark = pytest.mark.django_db
OLD, NEW = Decimal("93.17"), Decimal("94.26")  # figures no other page shows
SHOWN_OLD, SHOWN_NEW = "93,17", "94,26"
MAX_PAGES, MAX_QUERY_VARIANTS = 600, 40
SKIPPED = ("/admin/", "/documents/", "/static/", "/media/", "/_util/")


@pytest.fixture
def edited(admin_client):
    area = AreaPage.objects.get(number=3)
    original = Task.objects.get(code="3.9").text
    changes = {"3.9": {"text": TEXT, "change_reason": TASK_REASON}}
    edit = reverse("wagtailadmin_pages:edit", args=[area.pk])
    assert admin_client.post(edit, area_edit_form(area, changes)).status_code == 302
    indicator = Indicator.objects.get(code="3.a.2")
    target = {"comparator": "at_least", "target_value": "95", "target_value_max": "", "change_reason": TARGET_REASON}
    edit = reverse("wagtailsnippets_plan_indicator:edit", args=[indicator.pk])
    assert admin_client.post(edit, indicator_edit_form(indicator, **target)).status_code == 302
    Result.objects.create(indicator=indicator, period="2024-Q1", value=OLD, source_name="Cổng Dịch vụ công",
                          captured_on=date(2024, 4, 15), origin=ResultOrigin.IMPORT)  # fmt: skip
    row = {"ma_chi_tieu": "3.a.2", "ky": "2024-Q1", "gia_tri": str(NEW), "nguon": "Cổng Dịch vụ công",
           "ngay_thu_thap": "15/04/2024", "ly_do_sua": FIGURE_REASON}  # fmt: skip
    assert import_rows(lambda: iter([(2, row)]), today=date(2024, 5, 20)).written
    indicator = Indicator.objects.get(code="3.a.2")
    return {"original": original, "task": Task.objects.get(code="3.9"), "indicator": indicator}


def local_path(base, href, hosts):
    """The path (and query) of an address on this site, None for any other."""
    parts = urlsplit(urljoin(base, href))
    if parts.scheme not in ("http", "https", "") or parts.netloc not in hosts:
        return None
    if not parts.path.startswith("/") or parts.path.startswith(SKIPPED):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, start, hosts):
    """{address: response} of every page reached from `start` by links, breadth-first;
    addresses with a query (filters, pages of a table) up to MAX_QUERY_VARIANTS."""
    seen, queue, answers, variants = set(start), deque(start), {}, 0
    while queue:
        url = queue.popleft()
        response = client.get(url, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        answers[url] = response
        assert len(answers) <= MAX_PAGES, "more pages than the walk expects: raise MAX_PAGES"
        if not response["Content-Type"].startswith("text/html"):
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        links = [a["href"] for a in soup.select("a[href], link[rel=alternate][href]")]
        links += [img["src"] for img in soup.select("img[src]")]  # charts: an SVG may show a figure
        for href in links:
            path = local_path("http://testserver" + url, href, hosts)
            if path is None or path in seen or ("?" in path and variants >= MAX_QUERY_VARIANTS):
                continue
            variants += "?" in path
            seen.add(path)
            queue.append(path)
    return answers


def sitemap_paths(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [urlsplit(loc.text).path for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


def holders(soup, needle):
    return [node.parent for node in soup.find_all(string=lambda s: s and needle in " ".join(s.split()))]


def said(element):
    """The text of an element with its marks' explanations (a mark's title)."""
    titles = " ".join(tag.get("title", "") for tag in element.find_all(title=True))
    return " ".join((element.get_text(" ") + " " + titles).split())


def check_page(url, soup, edited):
    for holder in holders(soup, TEXT):
        if holder.find_parent("dl", class_="changes"):
            continue  # a list of published changes: the change itself
        around = holder.find_parent(["tr", "li", "article", "dd"]) or soup
        assert TASK_REASON in said(around) and ("†" in said(around) or "Đã sửa" in said(around)), url
    for holder in holders(soup, edited["original"]):
        marked = holder.find_parent(class_="original-text") or holder.find_parent(["del", "ins"])
        assert marked or holder.find_parent("dl", class_="changes"), f"{url}: the old wording unmarked"
    for holder in holders(soup, SHOWN_OLD):
        # A list of corrections (the indicator's table, the home page's recent changes)
        # gives the old value with the new one and the reason, in one row or item.
        correction = holder if holder.name in ("tr", "li") else holder.find_parent(["tr", "li"])
        listed = holder.find_parent("section", attrs={"aria-labelledby": "dinh-chinh"}) or holder.find_parent(
            class_="recent-figures"
        )
        assert listed and correction and SHOWN_NEW in said(correction), f"{url}: the old figure outside a correction"
        assert FIGURE_REASON in said(correction), url
    indicator_url = edited["indicator"].get_url()
    for cell in soup.select("td.target"):
        row = cell.find_parent("tr")
        if row.select_one(f'a[href$="{indicator_url}"]'):
            assert "≥ 95%" in said(cell) and TARGET_REASON in said(cell), url


def check_record(where, record, edited):
    """A record of a file, the API or a feed: {name: value}."""
    text = json.dumps(record, ensure_ascii=False, default=str)
    for name, value in record.items():
        if isinstance(value, dict):
            check_record(where, value, edited)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    check_record(where, item, edited)
        elif isinstance(value, str | Decimal | float | int):
            check_value(where, name, str(value), text, edited)


def check_value(where, name, value, record, edited):
    if TEXT in value:
        assert TASK_REASON in record or "Sau:" in value, (where, name)
    if edited["original"] in value:
        assert "nguyen_van" in name or "Trước:" in value, (where, name, "the old wording as the plan's")
    if value == str(OLD) or SHOWN_OLD + "%" in value:
        assert FIGURE_REASON in record and (str(NEW) in record or SHOWN_NEW in record), (where, name)


def records_of(response):
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    return response.json()["data"]


def feed_entries(response):
    """The text of each item (RSS) or entry (Atom) of a feed."""
    tree = ElementTree.fromstring(response.content)
    entries = [e for e in tree.iter() if e.tag.split("}")[-1] in ("item", "entry")]
    return [" ".join("".join(e.itertext()).split()) for e in entries]


def as_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def test_every_page_marks_and_explains_each_change(client, edited):
    site = Site.objects.get(is_default_site=True)
    hosts = {"", "testserver", site.hostname, f"{site.hostname}:{site.port}"}
    search = "/tim-kiem/?q=" + "+".join(TEXT.split()[:6])
    answers = crawl(client, ["/", *sitemap_paths(client), search], hosts)
    task_url, indicator_url = edited["task"].get_url(), edited["indicator"].get_url()
    assert {task_url, indicator_url, search} <= set(answers) and len(answers) > 50
    for url, response in answers.items():
        kind = response["Content-Type"]
        if kind.startswith("text/html"):
            check_page(url, BeautifulSoup(response.content, "html.parser"), edited)
        elif "svg" in kind:
            assert SHOWN_OLD not in response.content.decode() and str(OLD) not in response.content.decode(), url
        elif "xml" in kind:
            for text in feed_entries(response):
                check_record(url, {"entry": text}, edited)
        elif kind.startswith("text/csv") or "/du-lieu/" in url and url.endswith(".json"):
            for record in records_of(response) if not url.endswith("datapackage.json") else []:
                check_record(url, record, edited)
    indicator_page = BeautifulSoup(answers[indicator_url].content, "html.parser")
    corrections = indicator_page.select_one("section[aria-labelledby=dinh-chinh]")
    assert SHOWN_OLD in said(corrections) and SHOWN_NEW in said(corrections) and FIGURE_REASON in said(corrections)
    assert TARGET_REASON in said(indicator_page) and SHOWN_NEW in said(indicator_page)
    assert TASK_REASON in said(BeautifulSoup(answers[task_url].content, "html.parser"))
    home = BeautifulSoup(answers["/"].content, "html.parser").select_one(".recent-figures")
    assert f"{SHOWN_OLD}% → {SHOWN_NEW}%" in said(home) and FIGURE_REASON in said(home), "the home page's rate"


def test_every_open_data_file_in_both_formats_agrees_and_carries_the_origins(client, edited):
    package = client.get(reverse("plan:open_data_package")).json()
    names = [resource["name"] for resource in package["resources"]]
    assert {"nhiem-vu", "chi-tieu", "ket-qua", "dinh-chinh"} <= set(names)
    files = {}
    for resource in package["resources"]:
        path = urlsplit(resource["path"]).path
        answers = [client.get(path), client.get(path.removesuffix(".csv") + ".json")]
        assert [answer.status_code for answer in answers] == [200, 200], path
        rows, data = (records_of(answer) for answer in answers)
        assert [{k: as_text(v) for k, v in record.items()} for record in data] == rows, path
        for record in rows:
            check_record(path, record, edited)
        files[resource["name"]] = rows
    task = next(row for row in files["nhiem-vu"] if row["ma"] == "3.9")
    assert task["noi_dung"] == TEXT and TASK_REASON in task["nguon_goc_noi_dung"]
    indicator = next(row for row in files["chi-tieu"] if row["ma"] == "3.a.2")
    assert indicator["muc_tieu"] == "95" and TARGET_REASON in indicator["nguon_goc_muc_tieu"]
    results = [row["gia_tri"] for row in files["ket-qua"] if (row["ma_chi_tieu"], row["ky"]) == ("3.a.2", "2024-Q1")]
    assert results == [str(NEW)]
    corrections = [(r["gia_tri_cu"], r["gia_tri_moi"], r["ly_do"]) for r in files["dinh-chinh"]]
    assert corrections == [(str(OLD), str(NEW), FIGURE_REASON)]


def test_the_api_and_the_feeds_carry_each_change_with_its_reason(client, edited):
    for page in Page.objects.live().public().exclude(depth=1).specific():
        answer = client.get(f"/api/v2/pages/{page.pk}/")
        assert answer.status_code == 200, page.url
        check_record(page.url, answer.json(), edited)
    listing = client.get("/api/v2/pages/?limit=100&fields=*")
    assert listing.status_code == 200
    check_record("/api/v2/pages/", listing.json(), edited)
    area = client.get(f"/api/v2/pages/{edited['task'].area_id}/").json()
    task = next(t for t in area["nhiem_vu"] if t["ma"] == "3.9")
    assert task["noi_dung"] == TEXT and TASK_REASON in task["nguon_goc"]["text"]["mo_ta"]
    for feed in (reverse("plan:changes_rss"), reverse("plan:changes_atom")):
        answer = client.get(feed)
        assert answer.status_code == 200
        texts = feed_entries(answer)
        for text in texts:
            check_record(feed, {"entry": text}, edited)
        assert any(SHOWN_OLD in t and SHOWN_NEW in t and FIGURE_REASON in t for t in texts), feed
        assert any(TEXT in t for t in texts), feed
