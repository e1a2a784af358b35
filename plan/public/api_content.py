"""The structured content the Wagtail API gives on the detail of a plan, an area and an
appendix page (/api/v2/pages/<id>/), beside Wagtail's own fields: the areas of a plan;
the indicators and tasks of an area with their targets as data, latest figure and
status; the appendix rows. Read through the public pages' querysets, with the stored
status of each indicator and task, in a fixed number of queries per page whatever its number of tasks and
indicators. Published content only (plan/models/querysets.py, `published()`).

Field names are Vietnamese without diacritics, as in the open-data files
(plan.public.open_data); /du-lieu/ documents them (API_FIELDS)."""

from rest_framework import serializers

from plan.content import continuity, queries
from plan.content.provenance_data import attach_provenance
from plan.models import AppendixPage, AreaPage, Indicator, PlanPage, Task
from plan.progress import rows
from plan.public.api_fields import API_FIELDS
from plan.public.identity import site_root


def decimal_text(value):
    return None if value is None else format(value.normalize(), "f")


def agency(agency):
    return {"ma": agency.code, "ten": agency.name} if agency else None


def status(view, evidence=None):
    """A stored status, and whether the figure or report it rests on is illustrative."""
    return {"ma": view.code, "nhan": view.label, "du_lieu_minh_hoa": bool(evidence and evidence.is_demo)}


def origins(provenance):
    return {fact: {"loai": p.origin, "mo_ta": p.text} for fact, p in provenance.items()}


def target(indicator):
    return {
        "loai": indicator.comparator,
        "gia_tri": decimal_text(indicator.target_value),
        "gia_tri_toi_da": decimal_text(indicator.target_value_max),
        "don_vi": indicator.unit,
        "cap": indicator.level,
        "mo_ta": indicator.target_display,
    }


def figure(result):
    if result is None:
        return None
    return {
        "ky": result.period,
        "cap": result.scope,
        "gia_tri": decimal_text(result.value),
        "nguon": result.source_name,
        "ngay_thu_thap": result.captured_on.isoformat(),
        "du_lieu_minh_hoa": result.is_demo,
    }


def indicator_data(row, root, request):
    indicator = row.indicator
    return {
        "ma": indicator.code,
        "thuoc_do": indicator.metric,
        "noi_dung": indicator.statement,
        "muc_tieu": target(indicator),
        "tan_suat": indicator.frequency,
        "co_quan_chiu_trach_nhiem": agency(indicator.responsible_agency),
        "so_lieu_moi_nhat": figure(row.latest),
        "nguon_goc": origins(indicator.provenance),
        "tinh_trang": status(row.status, row.latest),
        "duong_dan": root + indicator.get_url(request),
        "nam_truoc": earlier(indicator.predecessor, root, request),
    }


def report(progress):
    if progress is None:
        return None
    return {
        "ngay": progress.reported_on.isoformat(),
        "tinh_trang": progress.status,
        "phan_tram": progress.percent,
        "du_lieu_minh_hoa": progress.is_demo,
    }


def task_data(row, root, request):
    task = row.task
    return {
        "ma": task.code,
        "nhom": task.group,
        "noi_dung": task.text,
        "san_pham": task.output,
        "thoi_han": task.deadline_text,
        "han_hoan_thanh": task.due_date.isoformat() if task.due_date else None,
        "co_quan_chu_tri": agency(task.lead_agency),
        "co_quan_phoi_hop": [agency(partner) for partner in task.coordinating_agencies.all()],
        "bao_cao_moi_nhat": report(row.report),
        "nguon_goc": origins(task.provenance),
        "tinh_trang": status(row.status, row.report),
        "duong_dan": root + task.get_url(request),
        "nam_truoc": earlier(task.predecessor, root, request),
    }


def earlier(item, root, request):
    """The task or indicator of the plan before, when it is published."""
    if item is None or not item.area.live or not getattr(item, "live", True):
        return None
    return {"ma": item.code, "duong_dan": root + item.get_url(request)}


def plan_link(plan, root, request):
    if plan is None or not plan.live:
        return None
    return {"id": plan.pk, "ten": plan.title, "nam": plan.year, "duong_dan": root + plan.get_url(request)}


class PageContentField(serializers.Field):
    """A read-only field computed from the whole page (source="*")."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context["request"]
        cache = self.context.setdefault("plan_content", {})
        if page.pk not in cache:
            cache[page.pk] = CONTENT[type(page)](page, site_root(request), request)
        return cache[page.pk][self.field_name]


def plan_content(plan, root, request):
    areas = queries.areas_with_counts(plan)
    following, successions = continuity.plan_notices(plan.pk)
    return {
        "nam_ke_hoach": plan.year,
        "co_quan_ban_hanh": plan.issuing_body,
        "chuong_trinh": plan.programme,
        "ke_hoach_nam_truoc": plan_link(plan.predecessor, root, request),
        "ke_hoach_nam_sau": plan_link(following, root, request),
        "ke_tuc_co_quan_ban_hanh": [
            {
                "co_quan_ke_tuc": agency(item.successor),
                "hieu_luc_tu": item.effective_from.isoformat(),
                "so_van_ban": item.decision_number,
                "duong_dan_van_ban": item.decision_url,
                "nguon_goc": item.provenance.text,
            }
            for item in successions
        ],
        "linh_vuc": [
            {
                "id": area.pk,
                "so": area.number,
                "ten": area.title,
                "duong_dan": root + area.get_url(request),
                "so_nhiem_vu": area.task_count,
                "so_chi_tieu": area.indicator_count,
            }
            for area in areas
        ],
        "van_ban_du_thao": plan.is_draft,
    }


def area_content(area, root, request):
    tasks = Task.objects.filter(area=area).for_table().select_related("predecessor__area").order_by("sort_order", "pk")
    indicators = list(
        Indicator.objects.filter(area=area, live=True)
        .for_table()
        .select_related("predecessor__area")
        .order_by("sort_order", "code")
    )
    tasks = list(tasks)
    attach_provenance(tasks, indicators)
    return {
        "van_ban_du_thao": area.get_parent().specific.is_draft,
        "co_quan_chiu_trach_nhiem": [agency(a) for a in queries.area_agencies(area)["answerable_agencies"]],
        "chi_tieu": [indicator_data(row, root, request) for row in rows.indicator_rows(indicators)],
        "nhiem_vu": [task_data(row, root, request) for row in rows.task_rows(tasks)],
    }


def appendix_content(page, root, request):
    plan = page.get_parent()
    areas = queries.appendix_rows(queries.live_areas(plan))
    attach_provenance(tasks=[task for area in areas for task in area.appendix_tasks])
    return {
        "dong_phu_luc": [
            {
                "stt": row.number,
                "ma_nhiem_vu": row.task.code if row.task else None,
                "noi_dung": row.content,
                "san_pham": row.output,
                "co_quan_chu_tri": row.lead,
                "co_quan_phoi_hop": row.partners,
                "thoi_han": row.deadline,
                "nguon": row.source,
            }
            for row in queries.official_appendix_rows(page)
        ],
        "bang_tu_muc_ii": [
            {
                "so": area.number,
                "ten": area.title,
                "nhiem_vu": [
                    {
                        "ma": task.code,
                        "noi_dung": task.text,
                        "san_pham": task.output,
                        "co_quan_chu_tri": agency(task.lead_agency),
                        "co_quan_phoi_hop": [agency(partner) for partner in task.coordinating_agencies.all()],
                        "thoi_han": task.deadline_text,
                        "nguon_goc": origins(task.provenance),
                    }
                    for task in area.appendix_tasks
                ],
            }
            for area in areas
        ],
    }


CONTENT = {PlanPage: plan_content, AreaPage: area_content, AppendixPage: appendix_content}


def api_fields(model):
    """[(name, serializer field)] the API adds to the detail of a `model` page."""
    return [(name, PageContentField()) for name, _description in API_FIELDS.get(model, ())]


def content_field_names():
    return sorted({name for fields in API_FIELDS.values() for name, _description in fields})
