"""In a real browser (Debian's chromium driven by Playwright): an agency's editor
uploads a results file and submits it for review; a reviewer approves it; the
public indicator page then shows the new figure."""

import pytest
from django.contrib.auth.models import Group
from django.db import connections

from plan.editorial.roles import REVIEWERS, editor_group_name, sync_roles
from plan.models import Agency
from tests.plan.worker import run_import_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-thu-nghiem-123"


def make_user(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def test_upload_review_approve_publish(plan_loaded, browser_page, live_server, django_user_model, settings, tmp_path):
    # While Playwright runs, the test's ORM calls have a database connection of their
    # own (another context than the fixtures'): close it, or PostgreSQL refuses to
    # drop the test database at the end of the run.
    try:
        upload_review_approve_publish(browser_page, live_server.url, django_user_model, settings, tmp_path)
    finally:
        connections.close_all()


def upload_review_approve_publish(page, base, django_user_model, settings, tmp_path):
    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    sync_roles()
    make_user(django_user_model, "vanphong", editor_group_name(Agency.objects.get(code="van-phong-ubnd-tinh")))
    make_user(django_user_model, "nguoiduyet", REVIEWERS)
    results = tmp_path / "ket-qua-quy-1.csv"
    results.write_text(
        "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n3.a.2;2024-Q1;97,3 %;Cổng Dịch vụ công quốc gia;15/04/2024\n",
        encoding="utf-8-sig",
    )
    indicator_url = f"{base}/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/chi-tieu/3-a-2/"

    log_in(page, base, "vanphong")
    page.goto(f"{base}/admin/ket-qua/nhap/")
    page.set_input_files("input[type=file]", str(results))
    page.get_by_role("button", name="Kiểm tra và xem trước").click()
    page.get_by_text("Đang chờ kiểm tra").wait_for()  # the upload answers at once; the worker checks
    run_import_worker()
    page.get_by_text("1 dòng hợp lệ").wait_for()  # the page reloads itself (no script)
    page.get_by_role("button", name="Gửi duyệt 1 thay đổi").click()
    page.get_by_text("Đã gửi duyệt 1 dòng").wait_for()
    page.goto(indicator_url)
    assert "97,3%" not in page.content()

    page.context.clear_cookies()
    log_in(page, base, "nguoiduyet")
    page.goto(f"{base}/admin/ket-qua/cho-duyet/")
    page.get_by_role("link", name="ket-qua-quy-1.csv").click()
    page.get_by_text("1 dòng hợp lệ: 1 mới").wait_for()
    page.get_by_role("button", name="Duyệt và xuất bản").click()
    page.get_by_text("tệp đang được nhập").wait_for()
    run_import_worker()
    page.get_by_text("Đã nhập 1 dòng: 1 mới").wait_for()

    page.goto(indicator_url)
    assert page.locator(".result-summary").get_by_text("97,3%").count() >= 1
    assert "Quý I/2024" in page.content()
