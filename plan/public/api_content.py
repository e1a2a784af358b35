"""The structured content the Wagtail API gives on the detail of a plan, an area and an
appendix page (/api/v2/pages/<id>/), beside Wagtail's own fields: the areas of a plan;
the indicators and tasks of an area with their targets as data, latest figure and
status; the appendix rows. Read through the public pages' querysets, with the stored
status of each indicator and task, in a fixed number of queries per page whatever its number of tasks and
indicators. Published content only: live, public pages; indicators marked live.

Field names are Vietnamese without diacritics, as in the open-data files
(plan.public.open_data); /du-lieu/ documents them (API_FIELDS)."""

from rest_framework import serializers
from wagtail.models import Site

from plan.content import queries
from plan.models import AppendixPage, AreaPage, Indicator, PlanPage, Task
from plan.progress import rows

# The fields each page type gains, with what /du-lieu/ says of them.
API_FIELDS = {
    PlanPage: [("linh_vuc", "Các lĩnh vực cải cách: số, tên, địa chỉ, số nhiệm vụ và số chỉ tiêu")],
    AreaPage: [
        ("co_quan_chiu_trach_nhiem", "Các cơ quan chịu trách nhiệm về lĩnh vực (mục IV): mã, tên"),
        ("chi_tieu", "Các chỉ tiêu đã công bố: mã, nội dung, mục tiêu ở dạng dữ liệu, số liệu mới nhất, tình trạng"),
        ("nhiem_vu", "Các nhiệm vụ: mã, nội dung, sản phẩm, thời hạn, cơ quan chủ trì và phối hợp, tình trạng"),
    ],
    AppendixPage: [
        ("dong_phu_luc", "Các dòng Phụ lục do biên tập viên nhập theo văn bản, với nguồn"),
        ("bang_tu_muc_ii", "Bảng nhiệm vụ tổng hợp từ mục II của Kế hoạch, theo lĩnh vực"),
    ],
}
# What each indicator of `chi_tieu` and each task of `nhiem_vu` holds: (key, type, meaning).
INDICATOR_KEYS = [
    ("ma", "chuỗi", "Mã chỉ tiêu, ví dụ 3.a.2"),
    ("thuoc_do", "chuỗi", "Tên thước đo"),
    ("noi_dung", "chuỗi", "Nội dung chỉ tiêu như Kế hoạch ghi"),
    (
        "muc_tieu",
        "đối tượng",
        "Mục tiêu ở dạng dữ liệu: loai (at_least, at_most, between, done), gia_tri, gia_tri_toi_da, "
        "don_vi, cap (province, district, commune hoặc rỗng), mo_ta",
    ),
    ("tan_suat", "chuỗi", "Tần suất báo cáo: monthly, quarterly, half_yearly, yearly"),
    ("co_quan_chiu_trach_nhiem", "đối tượng hoặc null", "Cơ quan chịu trách nhiệm: ma, ten"),
    (
        "so_lieu_moi_nhat",
        "đối tượng hoặc null",
        "Số liệu mà tình trạng dựa vào: ky, cap, gia_tri, nguon, ngay_thu_thap, du_lieu_minh_hoa; null khi chưa có",
    ),
    ("tinh_trang", "đối tượng", "Tình trạng: ma (met, at_risk, not_met, no_data) và nhan"),
    ("duong_dan", "chuỗi", "Địa chỉ trang chỉ tiêu"),
]
TASK_KEYS = [
    ("ma", "chuỗi", "Mã nhiệm vụ, ví dụ 3.4"),
    ("nhom", "chuỗi", "Nhóm nhiệm vụ"),
    ("noi_dung", "chuỗi", "Nội dung nhiệm vụ như Kế hoạch ghi"),
    ("san_pham", "chuỗi", "Sản phẩm"),
    ("thoi_han", "chuỗi", "Thời gian hoàn thành như Kế hoạch ghi"),
    ("han_hoan_thanh", "ngày hoặc null", "Hạn hoàn thành đã chuẩn hóa (YYYY-MM-DD) hoặc null"),
    ("co_quan_chu_tri", "đối tượng hoặc null", "Cơ quan chủ trì: ma, ten"),
    ("co_quan_phoi_hop", "danh sách", "Các cơ quan phối hợp: ma, ten"),
    (
        "bao_cao_moi_nhat",
        "đối tượng hoặc null",
        "Báo cáo tiến độ mới nhất: ngay, tinh_trang, phan_tram, du_lieu_minh_hoa; null khi chưa có",
    ),
    (
        "tinh_trang",
        "đối tượng",
        "Tình trạng: ma (done, in_progress, not_started, overdue, no_data; khi năm kế hoạch đã khép lại: "
        "done, partly_done, not_done, carried_over, no_verdict) và nhan",
    ),
    ("duong_dan", "chuỗi", "Địa chỉ trang nhiệm vụ"),
]


def site_root(request):
    """The site's public address (the Wagtail Site set from WAGTAILADMIN_BASE_URL),
    else the address the request came to."""
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def decimal_text(value):
    return None if value is None else format(value.normalize(), "f")


def agency(agency):
    return {"ma": agency.code, "ten": agency.name} if agency else None


def status(view):
    return {"ma": view.code, "nhan": view.label}


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
        "tinh_trang": status(row.status),
        "duong_dan": root + indicator.get_url(request),
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
        "tinh_trang": status(row.status),
        "duong_dan": root + task.get_url(request),
    }


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
    areas = queries.areas_with_counts(plan).public()
    return {
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
        ]
    }


def area_content(area, root, request):
    tasks = Task.objects.filter(area=area).for_table().order_by("sort_order", "pk")
    indicators = Indicator.objects.filter(area=area, live=True).for_table().order_by("sort_order", "code")
    return {
        "co_quan_chiu_trach_nhiem": [agency(a) for a in queries.area_agencies(area)["answerable_agencies"]],
        "chi_tieu": [indicator_data(row, root, request) for row in rows.indicator_rows(indicators)],
        "nhiem_vu": [task_data(row, root, request) for row in rows.task_rows(tasks)],
    }


def appendix_content(page, root, request):
    plan = page.get_parent()
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
            for row in page.rows.select_related("task")
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
                    }
                    for task in area.appendix_tasks
                ],
            }
            for area in queries.appendix_rows(queries.live_areas(plan).public())
        ],
    }


CONTENT = {PlanPage: plan_content, AreaPage: area_content, AppendixPage: appendix_content}


def api_fields(model):
    """[(name, serializer field)] the API adds to the detail of a `model` page."""
    return [(name, PageContentField()) for name, _description in API_FIELDS.get(model, ())]


def content_field_names():
    return sorted({name for fields in API_FIELDS.values() for name, _description in fields})
