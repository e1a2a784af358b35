"""The public pages on a 390 px phone and a 1280 px screen, in chromium, with the 2024
plan and the demo figures: no key page scrolls sideways on the phone, and every
table row's name and status sit on screen (tables become stacked rows there); on the
wide screen the tables stay tables. Long lists and sections fold into <details>,
which open without JavaScript, and the contents lists lead to visible headings."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN = "/ke-hoach/cchc-2024/"
AREA = PLAN + "cai-cach-thu-tuc-hanh-chinh/"
KEY_PAGES = {
    "home": "/",
    "plan": PLAN,
    "area": AREA,
    "indicator": AREA + "chi-tieu/3-a-4-1/",
    "task": AREA + "nhiem-vu/3-4/",
    "appendix": PLAN + "phu-luc/",
    "dashboard": PLAN + "tien-do/",
    "agency": "/co-quan/so-noi-vu/",
    "topic": "/chu-de/mot-cua/",
    "search": "/tim-kiem/?q=so+hoa",
    "open data": "/du-lieu/",
}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# Cells that are not wholly on screen: outside the window, or cut off by a box that
# scrolls or hides its overflow. Per row: its header, its name and its status cells
# (every cell of a stacked table).
OFF_SCREEN_CELLS = """() => {
  const clipped = (cell) => {
    const box = cell.getBoundingClientRect();
    if (box.width === 0 || box.left < 0 || box.right > innerWidth + 0.5) return true;
    for (let up = cell.parentElement; up; up = up.parentElement) {
      if (getComputedStyle(up).overflowX === 'visible') continue;
      const frame = up.getBoundingClientRect();
      if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) return true;
    }
    return false;
  };
  const off = [];
  for (const row of document.querySelectorAll('main table tbody tr')) {
    const stacked = row.closest('table').classList.contains('stack');
    const cells = stacked ? row.querySelectorAll(':scope > th, :scope > td')
      : row.querySelectorAll(':scope > th[scope=row], :scope > .cell-name, :scope > .cell-status');
    for (const cell of cells) {
      const caption = row.closest('table').querySelector('caption')?.textContent.trim();
      if (clipped(cell)) off.push(caption + ' / ' + cell.textContent.trim().slice(0, 40));
    }
  }
  return off;
}"""


@pytest.fixture
def demo_figures(plan_loaded):
    call_command("load_demo_results", stdout=StringIO())


def open_every_details(page):
    page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true; })")


def test_no_key_page_scrolls_sideways_on_a_phone_and_rows_stay_on_screen(demo_figures, live_server, chromium):
    page = chromium.new_page(locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True)
    for name, path in KEY_PAGES.items():
        assert page.goto(live_server.url + path).status == 200, name
        open_every_details(page)
        # A mobile browser widens its layout viewport (innerWidth) to what overflows.
        width, window = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
        assert width <= window == PHONE["width"], f"{name} is {width} px wide on a {PHONE['width']} px screen"
        assert page.evaluate(OFF_SCREEN_CELLS) == [], name
        for link in page.locator(".main-nav a").all():
            box = link.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= window, f"menu link off screen on {name}"

    page.goto(live_server.url + AREA)
    row = page.locator("#nhiem-vu").locator("xpath=..").locator("table.stack tbody tr").first
    code, name, status = (row.locator(s).bounding_box() for s in ("th", ".cell-name", ".cell-status"))
    assert code["y"] < name["y"] < status["y"]  # stacked, status right under the name
    deadline = row.locator("td[data-label='Thời gian hoàn thành']").bounding_box()
    assert status["y"] < deadline["y"]
    label = row.locator(".cell-status").evaluate("cell => getComputedStyle(cell, '::before').content")
    assert "Tiến độ" in label
    # Still a table to a screen reader, with its column headers; the visible label
    # is not read a second time.
    table = page.get_by_role("table", name="Nhiệm vụ của lĩnh vực", exact=True)
    assert table.get_by_role("columnheader", name="Tiến độ").count() == 1
    assert not table.get_by_role("cell", name="Tiến độ:").count()


def test_on_a_wide_screen_tables_stay_tables(demo_figures, live_server, chromium):
    page = chromium.new_page(locale="vi-VN", viewport=DESKTOP)
    for name in ("area", "dashboard", "agency", "appendix"):
        page.goto(live_server.url + KEY_PAGES[name])
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= DESKTOP["width"], name
        tables = page.locator("main table.stack:visible")
        assert tables.count() > 0, name
        for table in tables.all():
            assert table.evaluate("t => getComputedStyle(t).display") == "table", name
            assert table.locator("thead").is_visible(), name
        tops = {round(link.bounding_box()["y"]) for link in page.locator(".main-nav a").all()}
        assert len(tops) == 1, f"the menu wraps on {name} at 1280 px"


def test_long_lists_fold_and_open_without_javascript_and_contents_lead_to_headings(demo_figures, live_server, chromium):
    context = chromium.new_context(locale="vi-VN", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + KEY_PAGES["agency"])
    led = page.locator("section[aria-labelledby=chu-tri]")
    more = led.locator("details.more-rows")
    hidden_row = more.locator("tbody tr").first
    assert not hidden_row.is_visible()
    summary = more.locator("summary")
    assert summary.inner_text().startswith("Xem thêm ") and summary.inner_text().endswith(" nhiệm vụ")
    shown = led.locator("table").first.locator("tbody tr").count()
    folded = more.locator("tbody tr").count()
    assert shown == 10 and summary.inner_text() == f"Xem thêm {folded} nhiệm vụ"
    summary.click()
    assert hidden_row.is_visible()

    for name in ("area", "agency", "appendix"):  # "Mục lục": each link scrolls to a visible heading
        page.goto(live_server.url + KEY_PAGES[name])
        links = page.locator(".page-toc a[href^='#']")
        assert links.count() >= 3
        for link in links.all():
            target = page.locator(link.get_attribute("href"))
            assert target.count() == 1
            link.click()
            assert target.is_visible(), link.inner_text()
            assert -1 <= target.bounding_box()["y"] < PHONE["height"], link.inner_text()

    page.goto(live_server.url + "/co-quan/")  # the menu and the footer
    menu = page.get_by_role("navigation", name="Điều hướng chính")
    expected = {
        "Kế hoạch": PLAN,
        "Tiến độ": PLAN + "tien-do/",
        "Chủ đề": "/chu-de/",
        "Cơ quan": "/co-quan/",
        "Tìm kiếm": "/tim-kiem/",
        "Dữ liệu mở": "/du-lieu/",
        "Cách tính tiến độ": "/cach-tinh-tien-do/",
    }
    for label, href in expected.items():
        assert menu.get_by_role("link", name=label, exact=True).get_attribute("href") == href
    footer = page.get_by_role("contentinfo")
    assert "Giấy phép dữ liệu mở: " in footer.inner_text()
    assert footer.get_by_role("link", name="Dữ liệu mở").first.get_attribute("href") == "/du-lieu/"
    context.close()
