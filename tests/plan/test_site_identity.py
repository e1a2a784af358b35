"""The site's identity is an editable setting, printed wherever the site names the
province, the plan's owner, its contact or the open-data licence."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from plan.models import SiteIdentity

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_new_site_starts_from_the_configured_defaults(client):
    page = soup(client, "/ke-hoach/cchc-2024/")
    province = settings.SITE_IDENTITY_DEFAULTS["province_name"]
    assert page.select_one(".site-name").get_text(strip=True) == f"Cải cách hành chính {province}"
    assert page.title.get_text().endswith(f"Cải cách hành chính {province}")


def test_an_edit_shows_on_the_next_request_everywhere(client):
    soup(client, "/")  # the identity is now cached
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.province_name = "thành phố Thử Nghiệm"
    identity.plan_owner = "Ủy ban nhân dân thành phố Thử Nghiệm"
    identity.contact_email = "cchc@thu-nghiem.example"
    identity.open_data_licence = "Giấy phép thử nghiệm"
    identity.open_data_licence_url = "https://giay-phep.example/"
    identity.save()
    for url in ("/", "/ke-hoach/cchc-2024/", "/co-quan/"):
        page = soup(client, url)
        assert page.select_one(".site-name").get_text(strip=True) == "Cải cách hành chính thành phố Thử Nghiệm"
        footer = page.select_one("footer").get_text(" ", strip=True)
        assert "Ủy ban nhân dân thành phố Thử Nghiệm" in footer and "cchc@thu-nghiem.example" in footer
        assert "Hải Dương" not in page.select_one("header").get_text()
    licence = soup(client, "/du-lieu/").find("a", href="https://giay-phep.example/")
    assert licence is not None and licence.get_text() == "Giấy phép thử nghiệm"


def test_the_identity_costs_no_query_once_cached(client):
    client.get("/du-lieu/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/du-lieu/").status_code == 200
    assert len(queries) == 0


def test_the_menu_follows_the_newest_plan_when_it_is_unpublished(client):
    from plan.models import PlanPage

    def menu_links(url):
        return [a["href"] for a in soup(client, url).select(".main-nav a")]

    assert "/ke-hoach/cchc-2024/tien-do/" in menu_links("/co-quan/")  # now cached
    PlanPage.objects.get(slug="cchc-2024").unpublish()
    links = menu_links("/co-quan/")
    assert "/ke-hoach/cchc-2024/tien-do/" not in links and "/ke-hoach/" in links
