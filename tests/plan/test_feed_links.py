"""The feed links printed on the plan and area pages, and announced in their head, lead
to the feeds."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/ke-hoach/cchc-2024/", "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"])
def test_feed_links_lead_to_feeds(client, url, admin_user):
    from datetime import date

    from plan.models import PlanPage, Task, UpdatePage

    plan = PlanPage.objects.get(slug="cchc-2024")
    update = UpdatePage(
        title="Tin thử", slug="tin-thu", summary="Tóm tắt", body="<p>Nội dung</p>", date=date(2024, 5, 1)
    )
    plan.add_child(instance=update)
    update.tasks.set([Task.objects.get(code="3.4")])
    update.save_revision().publish()
    page = BeautifulSoup(client.get(url).content, "html.parser")
    announced = [link["href"] for link in page.select('head link[rel="alternate"]')]
    printed = [a["href"] for a in page.select(".update-list ~ p a") if a["href"] != url + "tin-cap-nhat/"]
    assert announced == [url + "tin-cap-nhat/rss/", url + "tin-cap-nhat/atom/"] == printed
    for href, kind in zip(announced, ("application/rss+xml", "application/atom+xml"), strict=True):
        response = client.get(href)
        assert response.status_code == 200 and response["Content-Type"].startswith(kind)
