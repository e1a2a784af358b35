"""In chromium: an agency's editor signs in to the admin, edits an area page and
submits it for review, entirely in Vietnamese, and no request leaves the machine
(no Gravatar, no update check, no font or script from another host)."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.db import connections
from wagtail.models import WorkflowState

from plan.editorial.roles import editor_group_name, sync_roles
from plan.models import Agency, AreaPage
from tests.admin_i18n.visible import english_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-thu-nghiem-123"


def test_an_editor_submits_an_area_for_review_in_vietnamese_offline(
    plan_loaded, browser_page, live_server, django_user_model, settings
):
    # Wagtail 8 autosaves a draft half a second after each change; an autosave still on
    # its way when the form is submitted is refused (400, a newer revision exists) and
    # logs a console error. Off here: this test is about language and outside requests.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    try:
        submit_area_for_review(browser_page, live_server.url, django_user_model)
    finally:
        connections.close_all()


def submit_area_for_review(page, base, django_user_model):
    sync_roles()
    user = django_user_model.objects.create_user("vanphong", "vanphong@example.org", PASSWORD, first_name="Lan")
    user.groups.add(Group.objects.get(name=editor_group_name(Agency.objects.get(code="van-phong-ubnd-tinh"))))
    area = AreaPage.objects.get(number=3)

    requests, console_errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    failed = []
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.status} {response.request.method} {response.url}")
            if response.status >= 400
            else None
        ),
    )

    english = {}

    def no_english_on_screen():
        """The page as the browser shows it, after Wagtail's scripts have drawn the
        sidebar, the side panels and the editor's widgets."""
        page.wait_for_load_state("networkidle")
        found = english_in(page.content())
        if found:
            english[page.url] = found

    page.goto(f"{base}/admin/login/")
    no_english_on_screen()
    assert page.locator("h1").inner_text().strip() == "Đăng nhập trang quản trị"
    assert page.get_attribute("#id_username", "placeholder") == "Nhập tên đăng nhập của bạn"
    assert page.get_attribute("#id_password", "placeholder") == "Nhập mật khẩu"
    page.fill("#id_username", "vanphong")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/admin/")
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_text("Trang", exact=True).first.wait_for()
    no_english_on_screen()
    assert sidebar.get_by_text("Báo cáo", exact=True).count() >= 1
    assert "Pages" not in sidebar.inner_text() and "Reports" not in sidebar.inner_text()

    page.goto(f"{base}/admin/pages/{area.pk}/edit/")
    no_english_on_screen()
    assert (
        page.get_by_role("tab", name="Nội dung").count() == 1 and page.get_by_role("tab", name="Quảng bá").count() == 1
    )
    page.fill("#id_heading_as_written", area.heading_as_written + " (đã rà soát)")
    page.get_by_role("button", name="Thao tác khác").first.click()
    no_english_on_screen()
    submit = page.locator("button[name=action-submit]")
    assert submit.inner_text().strip().startswith("Gửi duyệt")
    assert page.get_by_role("button", name="Lưu bản nháp").count() >= 1
    submit.click()
    message = page.locator(".messages .success").first
    message.wait_for()
    assert message.inner_text().strip().startswith(f"Đã gửi duyệt trang '{area.title}'")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(area.pk))
    assert state.status == "in_progress"
    no_english_on_screen()

    page.goto(f"{base}/admin/")
    page.get_by_text("Trang và mục nội dung của bạn đang trong quy trình duyệt").wait_for()
    no_english_on_screen()
    assert english == {}

    own = urlsplit(base).netloc
    outside = sorted(
        {
            url
            for url in requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own
        }
    )
    assert outside == []
    assert any(urlsplit(url).path.startswith("/admin/pages/") for url in requests)
    assert failed == []
    assert console_errors == []
