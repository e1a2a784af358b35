"""A printed area page shows every row: the tasks folded under "Xem thêm" on screen are
printed, and the button that folds them is not."""

import pytest

from plan.models import AreaPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROW_SHOWN = """code => [...document.querySelectorAll('tbody tr')]
  .filter(tr => tr.querySelector('th') && tr.querySelector('th').textContent.trim() === code)
  .some(tr => tr.checkVisibility())"""


def test_printing_an_area_page_shows_the_folded_rows(plan_loaded, live_server, browser_page):
    area = max(AreaPage.objects.all(), key=lambda a: a.tasks.count())
    last = area.tasks.order_by("-sort_order").first().code
    assert area.tasks.count() > 10, "the area has more tasks than a table shows unfolded"
    browser_page.goto(live_server.url + area.url)
    assert not browser_page.evaluate(ROW_SHOWN, last), "on screen the last task is folded"
    browser_page.emulate_media(media="print")
    assert browser_page.evaluate(ROW_SHOWN, last), "in print it is shown"
    summary = browser_page.locator("details.more-rows > summary").first
    assert not summary.is_visible()
