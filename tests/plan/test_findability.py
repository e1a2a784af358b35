"""Findable and shareable: sitemap.xml with every task and indicator page, robots.txt
pointing to it, a description, OpenGraph tags and a canonical link on every page, icons,
and absolute addresses at the site's public address."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from plan.content.site_address import set_site_address
from plan.models import Indicator, Task

pytestmark = pytest.mark.django_db


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
    assert "Disallow: /tim-kiem/goi-y/" in response.content.decode()
    assert "Disallow: /tim-kiem/\n" not in response.content.decode()  # a topic's search may be found
    root = Site.objects.get(is_default_site=True).root_url
    assert re.search(rf"^Sitemap: {re.escape(root)}/sitemap\.xml$", response.content.decode(), re.M)


def test_the_sitemap_lists_pages_tasks_and_indicators(client):
    body = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>(.*?)</loc>", body))
    assert any(loc.endswith("/ke-hoach/cchc-2024/") for loc in locations)
    task, indicator = Task.objects.get(code="3.4"), Indicator.objects.get(code="3.a.2")
    assert any(loc.endswith(task.get_url()) for loc in locations)
    assert any(loc.endswith(indicator.get_url()) for loc in locations)
    assert len(locations) >= 57 + 33 + 8


@pytest.mark.parametrize("url", ["/", "/ke-hoach/cchc-2024/", "/ke-hoach/cchc-2024/cai-cach-the-che/", "/co-quan/"])
def test_every_page_describes_itself_for_search_engines_and_sharing(client, url):
    head = BeautifulSoup(client.get(url).content, "html.parser").head
    description = head.find("meta", attrs={"name": "description"})["content"]
    assert len(description) > 30
    assert head.find("meta", property="og:description")["content"] == description
    assert head.find("meta", property="og:title")["content"]
    assert head.find("link", rel="canonical")["href"] == Site.objects.get(is_default_site=True).root_url + url
    assert head.find("link", rel="icon") and head.find("link", rel="apple-touch-icon")


@override_settings(ALLOWED_HOSTS=["cchc.example.gov.vn", "testserver"])
def test_the_site_answers_at_its_public_address(client):
    site, changed = set_site_address("https://cchc.example.gov.vn")
    assert changed and site.root_url == "https://cchc.example.gov.vn"
    body = client.get("/sitemap.xml", HTTP_HOST="cchc.example.gov.vn").content.decode()
    assert "<loc>https://cchc.example.gov.vn/ke-hoach/cchc-2024/</loc>" in body
    api = client.get("/api/v2/pages/?type=plan.PlanPage&fields=_,html_url", HTTP_HOST="cchc.example.gov.vn").json()
    assert api["items"][0]["meta"]["html_url"] == "https://cchc.example.gov.vn/ke-hoach/cchc-2024/"


@override_settings(WAGTAILADMIN_BASE_URL="https://cchc.example.gov.vn")
def test_set_site_address_reads_the_configured_address():
    out = io.StringIO()
    call_command("set_site_address", stdout=out)
    assert "https://cchc.example.gov.vn (đã cập nhật)" in out.getvalue()
    with pytest.raises(Exception, match="Địa chỉ trang không hợp lệ"):
        call_command("set_site_address", "ftp://x", stdout=out)
