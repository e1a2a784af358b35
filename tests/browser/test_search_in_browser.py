"""The search page in a real browser (Debian's chromium driven by Playwright): with
JavaScript, suggestions appear as one types (an ARIA combobox worked with the
keyboard) and ticking a filter applies it at once; the back button then gives the
results and the boxes as they were. Without JavaScript, the same form searches and
filters through its buttons."""

import re

import pytest

from tests.browser.chromium import launch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def results_status(page):
    return page.locator(".results [role=status]").inner_text()


def test_suggestions_appear_as_you_type_and_work_with_the_keyboard(plan_loaded, live_server, chromium):
    page = chromium.new_page(locale="vi-VN")
    page.goto(f"{live_server.url}/tim-kiem/")
    box = page.locator("#tu-khoa")
    assert box.get_attribute("role") == "combobox"

    box.press_sequentially("chu ky", delay=40)  # typed without diacritics
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    topic = listbox.get_by_role("option", name=re.compile("Chữ ký số"))
    topic.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    announced = listbox.locator("xpath=following-sibling::*[@aria-live='polite']")
    assert re.match(r"\d+ gợi ý", announced.text_content())

    options = listbox.get_by_role("option")
    box.press("ArrowDown")
    assert options.first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    box.press("Escape")
    assert listbox.is_hidden() and box.get_attribute("aria-expanded") == "false"
    assert box.input_value() == "chu ky"  # the list closes, the text stays

    box.press_sequentially(" s", delay=40)  # "chu ky s": the last word may be unfinished
    topic.wait_for()
    for _ in range(options.all_inner_texts().index(topic.inner_text()) + 1):
        box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    assert page.url == f"{live_server.url}/chu-de/chu-ky-so/"
    assert page.get_by_role("heading", level=1).inner_text().strip().endswith("Chữ ký số")


@pytest.mark.parametrize("page_cache", [False, True], ids=["page loaded again", "page kept in memory"])
def test_a_ticked_filter_applies_at_once_and_back_restores_the_results(
    plan_loaded, live_server, playwright, page_cache
):
    browser = launch(playwright, page_cache)
    page = browser.new_page(locale="vi-VN")
    page.add_init_script("addEventListener('pageshow', event => { window.keptInMemory = event.persisted; })")
    page.goto(f"{live_server.url}/tim-kiem/?q=so+hoa")
    everything = results_status(page)
    tasks_only = page.get_by_role("checkbox", name=re.compile(r"^Nhiệm vụ \(\d+\)"))
    count = int(re.search(r"\((\d+)\)", tasks_only.locator("xpath=following-sibling::label").inner_text()).group(1))

    with page.expect_navigation():
        tasks_only.check()
    assert "type=task" in page.url
    assert results_status(page).startswith(f"Tìm thấy {count} kết quả")
    assert set(page.locator(".result-type").all_text_contents()) == {"Nhiệm vụ"}
    assert page.get_by_role("checkbox", name=re.compile(r"^Nhiệm vụ \(")).is_checked()

    page.go_back(wait_until="commit")  # a page kept in memory fires no "load"
    page.wait_for_function(f"window.keptInMemory === {str(page_cache).lower()}", timeout=5000)
    assert "type=task" not in page.url
    assert results_status(page) == everything
    assert not page.get_by_role("checkbox", name=re.compile(r"^Nhiệm vụ \(")).is_checked()
    assert "Chỉ tiêu" in page.locator(".result-type").all_text_contents()
    browser.close()


def test_without_javascript_the_form_searches_and_filters(plan_loaded, live_server, chromium):
    page = chromium.new_context(locale="vi-VN", java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/tim-kiem/")
    form = page.locator("form.search-page")
    assert form.locator("#tu-khoa").get_attribute("role") is None  # no script ran
    form.locator("#tu-khoa").fill("số hóa")
    form.get_by_role("button", name="Tìm kiếm").click()
    assert re.match(r"Tìm thấy \d+ kết quả cho “số hóa”", results_status(page))
    marked = {text.lower() for text in page.locator(".result-list mark").all_text_contents()}
    assert marked & {"số", "hóa", "hoá"}

    indicators = page.get_by_role("checkbox", name=re.compile(r"^Chỉ tiêu \(\d+\)"))
    indicators.check()
    assert "type=" not in page.url  # nothing happens until the button
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    assert "type=indicator" in page.url
    assert set(page.locator(".result-type").all_text_contents()) == {"Chỉ tiêu"}
