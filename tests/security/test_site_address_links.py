"""The page cache is keyed on the matched Wagtail Site and the scheme, never on the raw
Host header; canonical and absolute links come from the Site's recorded address
(issue 21, finding 6)."""

import json
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from plan.content.site_address import set_site_address

pytestmark = pytest.mark.django_db

PUBLIC = "https://cchc.example.gov.vn"
PLAN = "/ke-hoach/cchc-2024/"


@pytest.fixture
def page_cache(tmp_path, settings):
    pages = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)}
    with override_settings(
        PAGE_CACHE_SECONDS=600,
        CACHES={**settings.CACHES, "pages": pages},
        ALLOWED_HOSTS=["cchc.example.gov.vn", "localhost", "testserver"],
    ):
        yield tmp_path


@pytest.fixture
def public_site():
    site, _changed = set_site_address(PUBLIC)
    return site


def entries(folder):
    """How many entries the page cache holds (one file each)."""
    return sum(1 for path in folder.rglob("*") if path.is_file())


def canonical(text):
    return re.search(r'<link rel="canonical" href="([^"]+)"', text).group(1)


def test_odd_ports_in_the_host_header_share_the_default_sites_entry(client, page_cache, public_site):
    first = client.get(PLAN, HTTP_HOST="localhost:99999999999").content.decode()
    assert canonical(first) == PUBLIC + PLAN  # not http://localhost:99999999999
    held = entries(page_cache)
    for port in range(1, 60):
        response = client.get(PLAN, HTTP_HOST=f"localhost:{port * 1_000_003}")
        assert canonical(response.content.decode()) == PUBLIC + PLAN
    assert entries(page_cache) == held  # one entry for the site, however many ports were tried
    with CaptureQueriesContext(connection) as queries:
        client.get(PLAN, HTTP_HOST="localhost:4242")
    assert len(queries) == 0  # served from that entry


def test_a_plain_http_request_caches_no_http_link_for_https_visitors(client, page_cache, public_site):
    plain = client.get(PLAN, HTTP_HOST="cchc.example.gov.vn")
    secure = client.get(PLAN, HTTP_HOST="cchc.example.gov.vn", secure=True)
    for response in (plain, secure):
        text = response.content.decode()
        assert canonical(text) == PUBLIC + PLAN
        assert f'<meta property="og:url" content="{PUBLIC}{PLAN}">' in text
        assert "http://cchc.example.gov.vn" not in text and "http://testserver" not in text


def test_the_scheme_is_part_of_the_key(client, page_cache, public_site):
    client.get(PLAN, HTTP_HOST="cchc.example.gov.vn")
    with CaptureQueriesContext(connection) as queries:
        client.get(PLAN, HTTP_HOST="cchc.example.gov.vn", secure=True)
    assert len(queries) > 0  # not the plain request's entry
    with CaptureQueriesContext(connection) as queries:
        client.get(PLAN, HTTP_HOST="cchc.example.gov.vn", secure=True)
    assert len(queries) == 0


@pytest.mark.parametrize(
    "url",
    [
        "/robots.txt",
        "/du-lieu/chi-tieu.json",
        "/du-lieu/chi-tieu.csv",
        "/du-lieu/ket-qua.json",
        "/du-lieu/datapackage.json",
        PLAN + "tin-cap-nhat/rss/",
        PLAN + "tin-cap-nhat/atom/",
        "/sitemap.xml",
        "/co-quan/",
    ],
)
def test_absolute_links_in_files_come_from_the_sites_address(client, page_cache, public_site, url):
    """Whatever Host and scheme the request that filled the cache came with."""
    for host in ("localhost:8080", "cchc.example.gov.vn"):
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200
        text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
        absolute = set(re.findall(r"https?://[^\s\"'<>,]+", text)) - {"http://www.w3.org/2005/Atom"}
        own = {link for link in absolute if "cchc" in link or "localhost" in link or "testserver" in link}
        assert own and all(link.startswith(PUBLIC + "/") for link in own), sorted(own)[:5]


def test_the_data_files_name_the_sites_address(client, page_cache, public_site):
    indicators = json.loads(client.get("/du-lieu/chi-tieu.json", HTTP_HOST="localhost").content)
    assert indicators["schema"] == PUBLIC + "/du-lieu/"
    assert indicators["data"][0]["duong_dan"].startswith(PUBLIC + "/ke-hoach/")
    robots = client.get("/robots.txt", HTTP_HOST="localhost").content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
