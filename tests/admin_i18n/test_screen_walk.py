"""The administrator's walk through the admin (issue 23): every screen an editor or an
administrator uses, the explorer, the page search, the snippet and data lists, sites,
groups, users, reports, the task list and the import screens, shows no English: no
message of Wagtail's, modeladmin's or Django's catalogues (visible.english_in), and no
English their catalogues do not hold: a Python value ("True", "None"), Wagtail's
"Root", a label made from a field's or a method's name ("Target display", "Port",
"Can lock"), a count followed by "các" (visible.english_anywhere)."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.models import Page, Site

from plan.editorial.roles import REVIEWERS, sync_roles
from plan.models import Agency, AreaPage, ImportBatch, Indicator, PlanPage, Topic
from reports.models import ReportingPeriod
from reports.starting import start_report
from tests.admin_i18n.test_screens import screen_html
from tests.admin_i18n.visible import english_anywhere, is_english_prose
from tests.plan.worker import upload_and_check

pytestmark = pytest.mark.django_db

FILE = "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n3.a.2;2024-Q1;97,3 %;Cổng DVC;15/04/2024\n"


def admin_screens(roles):
    area = AreaPage.objects.get(number=3)
    plan = PlanPage.objects.get()
    reviewers = Group.objects.get(name=REVIEWERS)
    office = Agency.objects.get(code="van-phong-ubnd-tinh")
    q1 = ReportingPeriod.objects.get(year=2024, kind="q1")
    return [
        "/admin/",
        "/admin/pages/",  # the explorer at the tree's root
        f"/admin/pages/{plan.pk}/",
        f"/admin/pages/{area.pk}/",
        f"/admin/pages/{area.pk}/edit/",
        f"/admin/pages/{area.pk}/history/",
        "/admin/pages/search/?q=th%E1%BB%A7+t%E1%BB%A5c",
        "/admin/pages/search/?q=c%E1%BA%A3i+c%C3%A1ch+th%E1%BB%A7+t%E1%BB%A5c+h%C3%A0nh+ch%C3%ADnh",
        "/admin/snippets/plan/indicator/",
        f"/admin/snippets/plan/indicator/edit/{Indicator.objects.get(code='3.a.2').pk}/",
        "/admin/snippets/plan/topic/",
        f"/admin/snippets/plan/topic/edit/{Topic.objects.first().pk}/",
        "/admin/nhiem-vu/",
        "/admin/nhiem-vu/?q=3.4",
        "/admin/sites/",
        f"/admin/sites/edit/{Site.objects.get(is_default_site=True).pk}/",
        "/admin/groups/",
        f"/admin/groups/edit/{reviewers.pk}/",
        f"/admin/groups/edit/{office.editor_group_id}/",
        "/admin/groups/new/",
        "/admin/users/",
        f"/admin/users/edit/{roles['editor'].pk}/",
        "/admin/users/new/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/aging-pages/",
        "/admin/reports/page-types-usage/",
        "/admin/bao-cao/viec-can-cap-nhat/",
        "/admin/ket-qua/nhap/",
        "/admin/ket-qua/cho-duyet/",
        "/admin/plan/agency/",
        f"/admin/plan/agency/edit/{office.pk}/",
        "/admin/plan/result/",
        "/admin/plan/taskprogress/",
        "/admin/plan/resultsource/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        f"/admin/settings/plan/siteidentity/{Site.objects.get(is_default_site=True).pk}/",
        "/admin/collections/",
        "/admin/account/",
        "/admin/huong-dan-bien-tap/",
        "/admin/snippets/reports/reportingperiod/",
        f"/admin/snippets/reports/reportingperiod/edit/{ReportingPeriod.objects.order_by('pk').first().pk}/",
        "/admin/bao-cao-dinh-ky/",
        f"/admin/bao-cao-dinh-ky/{q1.pk}/",
        "/admin/snippets/reports/agencyreport/",
        f"/admin/snippets/reports/agencyreport/edit/{start_report(office, q1).pk}/",
    ]


def walk(client, urls):
    english = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        found = english_anywhere(screen_html(response))
        if found:
            english[url] = found
    return english


def test_the_administrators_screens_show_no_english(admin_client, roles):
    urls = admin_screens(roles)
    assert len(urls) >= 25
    english = walk(admin_client, urls)
    # The import screens with a file in them: the editor's file waiting for review, the
    # administrator's own file checked.
    admin_client.force_login(roles["editor"])
    upload_and_check(admin_client, "/admin/ket-qua/nhap/", {"file": SimpleUploadedFile("a.csv", FILE.encode())})
    admin_client.post(f"/admin/ket-qua/nhap/{ImportBatch.objects.get(file_name='a.csv').pk}/")
    admin_client.force_login(roles["editor"].__class__.objects.get(username="quantri"))
    upload_and_check(admin_client, "/admin/ket-qua/nhap/", {"file": SimpleUploadedFile("b.csv", FILE.encode())})
    pending, checked = ImportBatch.objects.get(file_name="a.csv"), ImportBatch.objects.get(file_name="b.csv")
    english |= walk(
        admin_client,
        [
            f"/admin/ket-qua/cho-duyet/{pending.pk}/",
            f"/admin/ket-qua/nhap/{pending.pk}/",
            f"/admin/ket-qua/nhap/{checked.pk}/",
            "/admin/ket-qua/cho-duyet/",
            "/admin/",
        ],
    )
    assert english == {}


def test_the_agency_editors_task_list_shows_no_english(client, roles):
    client.force_login(roles["editor"])
    assert walk(client, ["/admin/nhiem-vu/", "/admin/nhiem-vu/?q=h%E1%BB%93+s%C6%A1", "/admin/"]) == {}
    office = Agency.objects.get(code="van-phong-ubnd-tinh")
    report = start_report(office, ReportingPeriod.objects.get(year=2024, kind="q1"))
    screens = ["/admin/bao-cao-dinh-ky/", f"/admin/snippets/reports/agencyreport/edit/{report.pk}/"]
    assert walk(client, screens) == {}


def test_the_walk_finds_the_english_the_issue_found():
    """What issue 23 saw on the screens is caught, and Vietnamese is not."""
    for english in ("Root", "True", "1–1 trong 1 None", "Target display", "Port", "Site name", "Can lock"):
        assert is_english_prose(english), english
    assert english_anywhere("<p>6 các mục nhật ký trang</p><p>Can change chỉ tiêu</p>") == [
        "6 các mục nhật ký trang",
        "Can change chỉ tiêu",
    ]
    for vietnamese in ("Được sửa chỉ tiêu", "Sở Nội vụ", "PAR INDEX", "3.a.2", "vanphong", "Lan Nguyễn"):
        assert not is_english_prose(vietnamese), vietnamese


def test_the_walk_fails_on_the_screens_as_wagtail_leaves_them(admin_client, roles):
    """Wagtail's own catalogue (LOCALE_PATHS empty) leaves English on the screens, and
    its tree root is "Root" until the roles' set-up renames it: the walk names both,
    the second one no catalogue holds."""
    area = AreaPage.objects.get(number=3)
    with override_settings(LOCALE_PATHS=[]):
        found = walk(admin_client, [f"/admin/pages/{area.pk}/history/"])
    assert "2 page log entries" in found[f"/admin/pages/{area.pk}/history/"]
    Page.objects.filter(depth=1).update(title="Root", draft_title="Root")
    assert "Root" in walk(admin_client, ["/admin/pages/"])["/admin/pages/"]
    sync_roles()
    assert walk(admin_client, ["/admin/pages/"]) == {}


def test_booleans_are_icons_named_in_vietnamese(admin_client, roles):
    """An icon and its text for screen readers (Wagtail prints "True" there)."""
    from bs4 import BeautifulSoup

    html = admin_client.get("/admin/users/").content.decode()
    cells = BeautifulSoup(html, "html.parser").select("td.status")
    assert cells and {cell.get_text(strip=True) for cell in cells} <= {"Có", "Không", "Chưa rõ"}
    assert all(cell.select_one("svg.icon") for cell in cells)
