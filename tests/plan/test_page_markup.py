"""What the dashboard's filters and the area page's lists look like to a visitor: the
filters are DashboardFilter's fields as Django renders them, and an area's target
bullets past the fifth fold away."""

import pytest
from bs4 import BeautifulSoup

from plan.models import Agency, AreaPage, Indicator
from plan.progress import rules
from tests.builders import IndicatorFactory, area_page

pytestmark = pytest.mark.django_db

DASHBOARD = "/ke-hoach/cchc-2024/tien-do/"


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def filters(html):
    form = html.select_one("form.filters")
    return {select["name"]: select for select in form.select("select")}


def test_each_filter_is_a_labelled_select_with_the_chosen_option_selected(client):
    agency = Agency.objects.order_by("code").last()
    response = client.get(
        DASHBOARD, {"linh_vuc": "3", "co_quan": agency.code, "trang_thai": rules.INDICATOR_STATUSES[0]}
    )
    html = page(response)
    selects = filters(html)
    assert response.status_code == 200 and list(selects) == ["linh_vuc", "co_quan", "trang_thai"]
    for name, chosen in (("linh_vuc", "3"), ("co_quan", agency.code), ("trang_thai", rules.INDICATOR_STATUSES[0])):
        select = selects[name]
        label = html.select_one(f'label[for="{select["id"]}"]')
        assert label is not None and label.get_text().strip() and not label.get_text().endswith(":")
        assert [option["value"] for option in select.select("option[selected]")] == [chosen]
        assert select.select_one("option").get_text() == "Tất cả" and not select.has_attr("aria-invalid")
    assert selects["co_quan"].select_one("option[selected]").get_text() == agency.name
    assert html.find("a", string="Bỏ lọc")


def test_an_unknown_choice_is_refused_and_its_select_marked_invalid(client):
    response = client.get(DASHBOARD, {"linh_vuc": "99", "trang_thai": rules.INDICATOR_STATUSES[1]})
    html = page(response)
    selects = filters(html)
    assert response.status_code == 400
    assert selects["linh_vuc"]["aria-invalid"] == "true" and not selects["linh_vuc"].select("option[selected]")
    assert html.select_one(f"#{selects['linh_vuc']['aria-describedby']}")  # the error it points at is there
    assert not selects["trang_thai"].has_attr("aria-invalid") and not selects["co_quan"].has_attr("aria-invalid")
    assert selects["trang_thai"].select_one("option[selected]")["value"] == rules.INDICATOR_STATUSES[1]


def test_an_agency_name_in_the_filters_is_text(client):
    listed = page(client.get(DASHBOARD))
    code = filters(listed)["co_quan"].select("option")[-1]["value"]
    Agency.objects.filter(code=code).update(name="<script>x</script> & “Sở”")
    html = page(client.get(DASHBOARD))
    assert not html.select("form.filters script")
    assert "<script>x</script> & “Sở”" in [o.get_text() for o in filters(html)["co_quan"].select("option")]


def test_an_areas_bullets_past_the_fifth_fold_and_each_bullet_keeps_its_indicators(client):
    area = area_page(number=4)
    for bullet in range(1, 8):
        for n in range(2 if bullet == 2 else 1):
            IndicatorFactory(area=area, bullet=bullet, original_wording=f"Ý <{bullet}>", sort_order=bullet * 10 + n)
    html = page(client.get(AreaPage.objects.get(pk=area.pk).url))
    shown, folded = html.select("ol.bullet-list")
    assert [li.p.get_text() for li in shown.find_all("li", recursive=False)] == [f"Ý <{b}>" for b in range(1, 6)]
    assert folded.find_parent("details").summary.get_text() == "Xem thêm 2 ý chỉ tiêu" and folded["start"] == "6"
    assert [li.p.get_text() for li in folded.find_all("li", recursive=False)] == ["Ý <6>", "Ý <7>"]
    second = shown.find_all("li", recursive=False)[1]
    codes = [row.th.get_text() for row in second.select("tbody tr")]
    assert codes == list(
        Indicator.objects.filter(area=area, bullet=2).order_by("sort_order").values_list("code", flat=True)
    )
