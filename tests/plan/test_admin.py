"""Editors create and edit every model through the Wagtail admin."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from plan.models import Agency, AreaPage, Indicator, PlanPage, Topic

pytestmark = pytest.mark.django_db


def test_admin_dashboard_and_menus(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    for url in ("/admin/snippets/plan/indicator/", "/admin/snippets/plan/topic/", "/admin/plan/agency/"):
        assert url in html
    assert admin_client.get("/admin/snippets/plan/indicator/").status_code == 200


def area_form(number, title, tasks, initial=0):
    return nested_form_data(
        {
            "title": title,
            "slug": f"linh-vuc-thu-{number}",
            "number": number,
            "heading_as_written": title,
            "par_component": "",
            "answerable_agencies": [Agency.objects.get(code="so-noi-vu").pk],
            "notes": streamfield([]),
            "tasks": inline_formset(tasks, initial=initial),
            "action-publish": "publish",
        }
    )


def task_form(code, text, lead):
    return {
        "code": code,
        "group": "",
        "text": text,
        "output": "",
        "lead_agency": lead,
        "deadline_text": "Quý I/2024",
        "due_date": "2024-03-31",
        "change_reason": "Nhiệm vụ thử, không có trong Kế hoạch.",
    }


def test_create_an_area_page_with_tasks(admin_client):
    plan = PlanPage.objects.get()
    lead = Agency.objects.get(code="so-noi-vu").pk
    data = area_form(9, "Lĩnh vực thử nghiệm", [task_form("9.1", "Nhiệm vụ thử.", lead)])
    response = admin_client.post(reverse("wagtailadmin_pages:add", args=("plan", "areapage", plan.pk)), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    area = AreaPage.objects.get(slug="linh-vuc-thu-9")
    assert area.live
    assert [(t.code, t.deadline_text, str(t.due_date)) for t in area.tasks.all()] == [
        ("9.1", "Quý I/2024", "2024-03-31")
    ]


def test_edit_an_area_page_keeps_a_revision(admin_client):
    area = AreaPage.objects.get(number=2)
    url = reverse("wagtailadmin_pages:edit", args=(area.pk,))
    assert admin_client.get(url).status_code == 200
    tasks = [
        {
            "id": t.pk,
            "code": t.code,
            "group": t.group,
            "text": t.text + (" (đã sửa)" if t.code == "2.1" else ""),
            "output": "",
            "lead_agency": t.lead_agency_id,
            "lead_agency_derived": "on",
            **({"coordinating_derived": "on"} if t.coordinating_derived else {}),
            "deadline_text": t.deadline_text,
            "due_date": "",
            "change_reason": "Sửa thử." if t.code == "2.1" else "",
        }
        for t in area.tasks.all()
    ]
    data = area_form(2, area.title, tasks, initial=len(tasks))
    data["slug"] = area.slug
    # the form sends what each task holds (2.4 names the bodies that carry it out)
    for position, task in enumerate(area.tasks.all()):
        data[f"tasks-{position}-coordinating_agencies"] = [a.pk for a in task.coordinating_agencies.all()]
    revisions = area.revisions.count()
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    area.refresh_from_db()
    assert area.tasks.get(code="2.1").text.endswith("(đã sửa)")
    assert area.revisions.count() == revisions + 1


def test_edit_the_plan_page(admin_client):
    plan = PlanPage.objects.get()
    url = reverse("wagtailadmin_pages:edit", args=(plan.pk,))
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Thể thức văn bản" in response.content.decode()


def indicator_form(code, area, **overrides):
    data = {
        "code": code,
        "area": area.pk,
        "bullet": 1,
        "sort_order": 0,
        "original_wording": "Tối thiểu 50% thử nghiệm.",
        "statement": "Tối thiểu 50% thử nghiệm.",
        "metric": "Tỷ lệ thử nghiệm",
        "unit": "%",
        "comparator": "at_least",
        "target_value": "50",
        "target_value_max": "",
        "level": "",
        "responsible_agency": "",
        "frequency": "yearly",
        "next_due_date": "",
        "public_source": "",
        "public_source_url": "",
        "change_reason": "Chỉ tiêu thử, không có trong Kế hoạch.",
        "action-publish": "publish",
    }
    data.update(overrides)
    return data


def test_create_and_edit_an_indicator_snippet(admin_client):
    area = AreaPage.objects.get(number=3)
    response = admin_client.post(reverse("wagtailsnippets_plan_indicator:add"), indicator_form("9.a.1", area))
    assert response.status_code == 302, response.content.decode()[:2000]
    indicator = Indicator.objects.get(code="9.a.1")
    assert indicator.live and indicator.target_value == 50
    edit = reverse("wagtailsnippets_plan_indicator:edit", args=(indicator.pk,))
    response = admin_client.post(edit, indicator_form("9.a.1", area, target_value="60", **{"action-publish": ""}))
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.target_value == 50, "a draft must not change the published figure"
    assert indicator.has_unpublished_changes
    assert indicator.latest_revision.as_object().target_value == 60


def test_an_impossible_target_is_refused_in_vietnamese(admin_client):
    area = AreaPage.objects.get(number=3)
    data = indicator_form("9.a.2", area, comparator="between", target_value="90", target_value_max="80")
    response = admin_client.post(reverse("wagtailsnippets_plan_indicator:add"), data)
    assert response.status_code == 200
    assert "Giá trị cao nhất phải lớn hơn hoặc bằng giá trị thấp nhất." in response.content.decode()
    assert not Indicator.objects.filter(code="9.a.2").exists()


def test_create_and_edit_a_topic_snippet(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_plan_topic:add"), {"slug": "chu-de-thu", "name": "Chủ đề thử", "description": ""}
    )
    assert response.status_code == 302
    topic = Topic.objects.get(slug="chu-de-thu")
    response = admin_client.post(
        reverse("wagtailsnippets_plan_topic:edit", args=(topic.pk,)),
        {"slug": "chu-de-thu", "name": "Chủ đề đã sửa", "description": ""},
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name == "Chủ đề đã sửa"


def test_create_and_edit_an_agency_through_modeladmin(admin_client):
    assert admin_client.get("/admin/plan/agency/").status_code == 200
    data = {"code": "so-thu", "name": "Sở Thử nghiệm", "kind": "department", "website": "", "contact_email": ""}
    response = admin_client.post("/admin/plan/agency/create/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    agency = Agency.objects.get(code="so-thu")
    data["name"] = "Sở Thử nghiệm (đổi tên)"
    response = admin_client.post(f"/admin/plan/agency/edit/{agency.pk}/", data)
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.name == "Sở Thử nghiệm (đổi tên)"
