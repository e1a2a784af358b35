"""Roles, review workflow, progress updates, feeds, scheduled publishing, reminders."""

import io
from datetime import date, timedelta
from decimal import Decimal as D

import feedparser
import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from plan.editorial.roles import REVIEWERS, editor_group_name, sync_roles
from plan.models import Agency, AreaPage, ImportBatch, Indicator, PlanPage, Result, Task, UpdatePage
from tests.plan.worker import run_import_worker, upload_and_check

pytestmark = pytest.mark.django_db

AREA3 = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"


@pytest.fixture
def roles(django_user_model, settings, tmp_path):
    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    sync_roles()

    def make(username, group_name):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "mat-khau-dai-123")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return {
        "reviewer": make("nguoiduyet", REVIEWERS),
        "office": make("vanphong", editor_group_name(Agency.objects.get(code="van-phong-ubnd-tinh"))),
        "justice": make("tuphap", editor_group_name(Agency.objects.get(code="so-tu-phap"))),
    }


def login(client, user):
    client.force_login(user)
    return client


def office_result():
    return Result.objects.create(
        indicator=Indicator.objects.get(code="3.a.2"),
        period="2024-Q1",
        value=D(96),
        source_name="Nguồn",
        captured_on=date(2024, 4, 15),
    )


def test_roles_are_idempotent_and_follow_the_agencies():
    sync_roles()
    groups = Group.objects.count()
    sync_roles()
    assert Group.objects.count() == groups
    office = Agency.objects.get(code="van-phong-ubnd-tinh")
    assert office.editor_group.name == "Biên tập – Văn phòng UBND tỉnh"
    assert set(office.editor_group.page_permissions.values_list("page__slug", flat=True)) == {
        "cai-cach-thu-tuc-hanh-chinh"
    }
    assert not Agency.objects.get(code="cac-so-ban-nganh").editor_group


def test_another_agencys_objects_are_refused_on_every_admin_url(client, roles):
    result = office_result()
    indicator = Indicator.objects.get(code="3.a.2")
    login(client, roles["justice"])
    urls = [
        reverse("wagtailsnippets_plan_indicator:edit", args=[indicator.pk]),
        reverse("wagtailsnippets_plan_indicator:history", args=[indicator.pk]),
        reverse("wagtailsnippets_plan_indicator:delete", args=[indicator.pk]),
        reverse("wagtailsnippets_plan_indicator:usage", args=[indicator.pk]),
        reverse("wagtailsnippets_plan_indicator:unpublish", args=[indicator.pk]),
        f"/admin/plan/result/edit/{result.pk}/",
        f"/admin/plan/result/delete/{result.pk}/",
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
    assert "3.a.2" not in client.get("/admin/snippets/plan/indicator/").content.decode()
    assert "2.a.1" in client.get("/admin/snippets/plan/indicator/").content.decode()
    assert "3.a.2" not in client.get("/admin/plan/result/").content.decode()
    area = AreaPage.objects.get(number=3)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[area.pk])).status_code in (302, 403)
    assert Result.objects.get(pk=result.pk).value == 96


def test_an_editor_works_on_their_own_agency(client, roles):
    indicator = Indicator.objects.get(code="3.a.2")
    login(client, roles["office"])
    assert client.get(reverse("wagtailsnippets_plan_indicator:edit", args=[indicator.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[AreaPage.objects.get(number=3).pk])).status_code == 200

    def post_result(code):
        data = {
            "indicator": Indicator.objects.get(code=code).pk,
            "period": "2024-Q1",
            "scope": "",
            "value": "90",
            "note": "",
            "source_name": "Nguồn",
            "source_url": "",
            "captured_on": "2024-04-15",
        }
        return client.post("/admin/plan/result/create/", data)

    # Figures by hand: reviewers only (access.may_enter_results_by_hand); an agency's
    # figures come as a file, reviewed before they are public.
    assert post_result("3.a.2").status_code in (302, 403)
    assert not Result.objects.exists()
    login(client, roles["reviewer"])
    assert post_result("3.a.2").status_code == 302
    assert list(Result.objects.values_list("indicator__code", flat=True)) == ["3.a.2"]


def test_an_editor_cannot_import_another_agencys_figures(client, roles):
    login(client, roles["justice"])
    text = "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n3.a.2;2024-Q1;96;Nguồn;15/04/2024\n"
    page = upload_and_check(client, IMPORT, {"file": SimpleUploadedFile("k.csv", text.encode())}).content.decode()
    assert "chỉ tiêu thuộc cơ quan khác" in page and "Gửi duyệt" not in page
    assert ImportBatch.objects.get().status == "failed"


IMPORT = "/admin/ket-qua/nhap/"


def send_for_review(client, name, text):
    """An agency's editor uploads a file, the worker checks it, the editor sends it for review."""
    response = upload_and_check(client, IMPORT, {"file": SimpleUploadedFile(name, text.encode())})
    assert "Gửi duyệt" in response.content.decode()
    return client.post(response.wsgi_request.path)


def test_results_from_an_agency_go_public_only_after_review(client, roles):
    login(client, roles["office"])
    text = "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n3.a.2;2024-Q1;96,7;Cổng DVC;15/04/2024\n"
    send_for_review(client, "vp.csv", text)
    batch = ImportBatch.objects.get()
    assert batch.status == "pending" and not Result.objects.exists()
    assert [m.to for m in mail.outbox] == [["nguoiduyet@example.org"]]
    assert client.get("/admin/ket-qua/cho-duyet/").status_code in (302, 403)
    assert "vp.csv" not in client.get("/admin/ket-qua/cho-duyet/", follow=True).content.decode()
    assert "96,7" not in client.get(AREA3 + "chi-tieu/3-a-2/").content.decode()

    login(client, roles["reviewer"])
    assert "vp.csv" in client.get("/admin/ket-qua/cho-duyet/").content.decode()
    client.post(f"/admin/ket-qua/cho-duyet/{batch.pk}/", {"decision": "approve", "comment": "Đồng ý"})
    batch.refresh_from_db()
    assert batch.status == "import_queued" and batch.reviewed_by == roles["reviewer"] and not Result.objects.exists()
    run_import_worker()
    batch.refresh_from_db()
    assert batch.status == "approved"
    assert Result.objects.get().updated_by == roles["office"]
    assert "96,7%" in client.get(AREA3 + "chi-tieu/3-a-2/").content.decode()
    assert mail.outbox[-1].to == ["vanphong@example.org"] and "Đã nhập 1 dòng: 1 mới" in mail.outbox[-1].body


def test_a_rejected_file_writes_nothing(client, roles):
    login(client, roles["office"])
    send_for_review(client, "vp.csv", "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n3.a.2;2024-Q1;96;Nguồn;15/04/2024\n")
    batch = ImportBatch.objects.get()
    login(client, roles["reviewer"])
    client.post(f"/admin/ket-qua/cho-duyet/{batch.pk}/", {"decision": "reject", "comment": "Thiếu nguồn"})
    run_import_worker()
    batch.refresh_from_db()
    assert batch.status == "rejected" and not Result.objects.exists()
    assert "Thiếu nguồn" in mail.outbox[-1].body


def area_edit_data(area, text_suffix, action):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    tasks = [
        {
            "id": t.pk,
            "code": t.code,
            "group": t.group,
            "text": t.text + (text_suffix if t.code == "3.1" else ""),
            "output": t.output,
            "lead_agency": t.lead_agency_id or "",
            "lead_agency_derived": "on" if t.lead_agency_derived else "",
            "deadline_text": t.deadline_text,
            "due_date": "",
            "topics": [topic.pk for topic in t.topics.all()],
            "change_reason": "Sửa thử khi duyệt." if t.code == "3.1" else "",
        }
        for t in area.tasks.all()
    ]
    data = nested_form_data(
        {
            "title": area.title,
            "slug": area.slug,
            "number": area.number,
            "heading_as_written": area.heading_as_written,
            "par_component": area.par_component,
            "answerable_agencies": [a.pk for a in area.answerable_agencies.all()],
            "supporting_agencies": [a.pk for a in area.supporting_agencies.all()],
            "notes": streamfield([]),
            "tasks": inline_formset(tasks, initial=len(tasks)),
        }
    )
    data[action] = "1"
    return data


def test_a_page_goes_through_review_to_publication(client, roles):
    area = AreaPage.objects.get(number=3)
    login(client, roles["office"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[area.pk]), area_edit_data(area, " (sửa)", "action-submit")
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(area.pk))
    assert state.status == "in_progress"
    assert "(sửa)" not in client.get(AREA3).content.decode()
    assert any("nguoiduyet@example.org" in m.to for m in mail.outbox)

    login(client, roles["reviewer"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[area.pk, "approve", state.current_task_state.pk])
    assert client.post(url, {"comment": "Đồng ý"}).status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == "approved"
    assert "(sửa)" in client.get(AREA3).content.decode()


def test_an_indicator_snippet_goes_through_review(client, roles):
    indicator = Indicator.objects.get(code="3.a.5")
    login(client, roles["office"])
    edit = reverse("wagtailsnippets_plan_indicator:edit", args=[indicator.pk])
    form = client.get(edit).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        {
            "target_value": "75",
            "topics": [t.pk for t in indicator.topics.all()],
            "action-submit": "1",
            "area": indicator.area_id,
            "responsible_agency": indicator.responsible_agency_id,
            "level": "",
            "next_due_date": "",
            "public_source_url": "",
            "target_value_max": "",
            "change_reason": "Sửa thử khi duyệt.",
        }
    )
    assert client.post(edit, data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.target_value == 70 and indicator.has_unpublished_changes
    state = indicator.current_workflow_state
    assert state.status == "in_progress"
    login(client, roles["reviewer"])
    url = reverse(
        "wagtailsnippets_plan_indicator:workflow_action", args=[indicator.pk, "approve", state.current_task_state.pk]
    )
    client.post(url, {"comment": ""})
    indicator.refresh_from_db()
    assert indicator.target_value == 75 and not indicator.has_unpublished_changes


def make_update(plan, title, tasks=(), indicators=(), live=True):
    update = UpdatePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary=f"Tóm tắt {title}",
        body="<p>Nội dung</p>",
        date=date(2024, 6, 1),
        live=live,
    )
    plan.add_child(instance=update)
    update.tasks.set(tasks)
    update.indicators.set(indicators)
    if live:
        update.save_revision().publish()
    else:
        update.save_revision()
    return update


def test_updates_are_listed_and_fed_as_valid_rss_and_atom(client):
    plan = PlanPage.objects.get()
    make_update(
        plan, "Ket qua quy I", tasks=[Task.objects.get(code="3.1")], indicators=[Indicator.objects.get(code="3.a.2")]
    )
    make_update(plan, "Ban nhap", live=False)
    for url in (plan.url, AREA3, AREA3 + "nhiem-vu/3-1/", AREA3 + "chi-tieu/3-a-2/"):
        page = client.get(url).content.decode()
        assert "Ket qua quy I" in page and "Ban nhap" not in page, url
    assert "Ket qua quy I" not in client.get("/ke-hoach/cchc-2024/cai-cach-the-che/").content.decode()
    for url in (plan.url + "tin-cap-nhat/rss/", plan.url + "tin-cap-nhat/atom/", AREA3 + "tin-cap-nhat/rss/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        assert [entry.title for entry in feed.entries] == ["Ket qua quy I"]
    assert feedparser.parse(client.get(plan.url + "tin-cap-nhat/atom/").content).version == "atom10"
    assert feedparser.parse(client.get("/ke-hoach/cchc-2024/cai-cach-the-che/tin-cap-nhat/rss/").content).entries == []


def test_scheduled_publishing_fires(client):
    plan = PlanPage.objects.get()
    update = make_update(plan, "Tin hen gio", live=False)
    revision = update.latest_revision
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    assert client.get(plan.url).content.decode().count("Tin hen gio") == 0
    call_command("publish_scheduled", stdout=io.StringIO())
    update.refresh_from_db()
    assert update.live
    assert "Tin hen gio" in client.get(plan.url).content.decode()


def test_plan_page_lists_published_revisions_and_pages_show_last_change(client):
    page = client.get(PlanPage.objects.get().url).content.decode()
    assert "Lịch sử cập nhật văn bản" in page and "Cải cách thủ tục hành chính" in page.split('id="lich-su"')[1]
    assert "Chỉ tiêu cập nhật lần cuối" in client.get(AREA3 + "chi-tieu/3-a-2/").content.decode()
    assert "Nhiệm vụ cập nhật lần cuối" in client.get(AREA3 + "nhiem-vu/3-1/").content.decode()


@time_machine.travel(date(2024, 6, 10), tick=False)
def test_reminders_pick_exactly_the_due_items(roles):
    office = Agency.objects.get(code="van-phong-ubnd-tinh")
    office.contact_email = "vp@haiduong.gov.vn"
    office.save()
    Indicator.objects.filter(area__number=3).update(frequency="yearly")  # no yearly figure is due before 2025
    Indicator.objects.filter(code__in=["3.a.2", "3.a.5", "3.a.7"]).update(frequency="monthly")
    # A monthly figure is due with the first periodic report whose cut-off reaches its month's
    # end (reports.calendar): after May's (3.a.2), June's goes in the Q3 report (20/09): not yet;
    # after January's only (3.a.5), February's was due with Q1's (20/03): late; after March's
    # (3.a.7), April's goes in the six-month report (20/06): soon.
    for code, period in (("3.a.2", "2024-05"), ("3.a.5", "2024-01"), ("3.a.7", "2024-03")):
        Result.objects.create(
            indicator=Indicator.objects.get(code=code),
            period=period,
            value=D(90),
            source_name="N",
            captured_on=date(2024, 6, 1),
        )
    Task.objects.filter(code="3.1").update(due_date=date(2024, 6, 20))  # due soon
    Task.objects.filter(code="3.2").update(due_date=date(2024, 5, 30))  # overdue
    Task.objects.filter(code="3.3").update(due_date=date(2024, 9, 30))  # later
    call_command("remind_due", stdout=io.StringIO())
    office_mail = next(m for m in mail.outbox if "vp@haiduong.gov.vn" in m.to)
    assert "vanphong@example.org" in office_mail.to
    assert "20/06/2024 (báo cáo 6 tháng đầu năm 2024)" in office_mail.body
    items = sorted(line.split(" – ")[0] for line in office_mail.body.splitlines() if line.startswith("- ["))
    assert [item.split(":")[0] for item in items] == [
        "- [Nhiệm vụ quá hạn] Nhiệm vụ 3.2",
        "- [Sắp đến hạn] Chỉ tiêu 3.a.7 Tỷ lệ người dân, doanh nghiệp đánh giá hài lòng trong giải quyết TTHC",
        "- [Sắp đến hạn] Nhiệm vụ 3.1",
        "- [Số liệu đã quá hạn] Chỉ tiêu 3.a.5 Tỷ lệ hồ sơ giải quyết TTHC được luân chuyển nội bộ giữa các cơ quan "
        "bằng phương thức điện tử",
    ]


@time_machine.travel(date(2024, 5, 10), tick=False)
def test_reminder_report_filters_exports_and_stays_within_the_agency(client, roles):
    Task.objects.filter(code="3.2").update(due_date=date(2024, 4, 30))
    Task.objects.filter(code="2.1").update(due_date=date(2024, 4, 30))
    login(client, roles["office"])
    page = client.get("/admin/bao-cao/viec-can-cap-nhat/").content.decode()
    assert "3.2" in page and ">2.1<" not in page
    response = client.get("/admin/bao-cao/viec-can-cap-nhat/?loai=nhiem-vu&export=csv")
    assert (
        response.content.decode("utf-8").lstrip("\ufeff").splitlines()[1].startswith("Văn phòng UBND tỉnh,Nhiệm vụ,3.2")
    )
    login(client, roles["reviewer"])
    page = client.get("/admin/bao-cao/viec-can-cap-nhat/").content.decode()
    assert ">2.1<" in page and ">3.2<" in page
    assert client.get("/admin/bao-cao/viec-can-cap-nhat/?export=xlsx")["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    dashboard = client.get("/admin/").content.decode()
    assert "Việc cần cập nhật của bạn" in dashboard


def test_admin_speaks_vietnamese(client, roles):
    login(client, roles["office"])
    page = client.get("/admin/").content.decode()
    assert '<html lang="vi"' in page
    assert "Đăng xuất" in page or "Tài khoản" in page
