"""A private or password-protected progress update is never listed on the plan, area,
task and indicator pages, nor in the feeds, nor in the API (issue 11, Medium)."""

from datetime import date

import pytest
from wagtail.models import PageViewRestriction

from plan.models import Indicator, PlanPage, Task, UpdatePage

pytestmark = pytest.mark.django_db

AREA3 = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"


def update(plan, title, restriction=None):
    page = UpdatePage(
        title=title,
        slug=f"tin-{abs(hash(title))}",
        summary=f"Tóm tắt {title}",
        body="<p>Nội dung</p>",
        date=date(2024, 6, 1),
    )
    plan.add_child(instance=page)
    page.tasks.set([Task.objects.get(code="3.1")])
    page.indicators.set([Indicator.objects.get(code="3.a.2")])
    page.save_revision().publish()
    if restriction == "password":
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="bi-mat")
    elif restriction == "login":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    return page


def test_protected_updates_are_not_listed_or_fed(client):
    plan = PlanPage.objects.get()
    update(plan, "Tin cong khai")
    update(plan, "Tin co mat khau", "password")
    update(plan, "Tin noi bo", "login")
    urls = [
        plan.url,
        AREA3,
        AREA3 + "nhiem-vu/3-1/",
        AREA3 + "chi-tieu/3-a-2/",
        plan.url + "tin-cap-nhat/rss/",
        plan.url + "tin-cap-nhat/atom/",
        AREA3 + "tin-cap-nhat/rss/",
        "/api/v2/pages/?type=plan.UpdatePage",
    ]
    for url in urls:
        text = client.get(url).content.decode()
        assert "Tin cong khai" in text, url
        for secret in ("Tin co mat khau", "Tóm tắt Tin co mat khau", "Tin noi bo"):
            assert secret not in text, (url, secret)
