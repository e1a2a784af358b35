"""More open data: the tasks with their latest progress and every fact's origin, and
every correction of a published figure with its reason. Re-users get what readers
see, the unsigned draft status of the document too (plan.public.open_data)."""

from django.shortcuts import render
from django.urls import reverse

from indices.columns import OPEN_DATA_FIELDS as FIGURE_FIELDS
from plan.content.provenance_data import attach_provenance
from plan.models import ResultHistory, Task
from plan.progress.targets import format_result
from plan.public import open_data
from plan.public import open_data_continuity as across_years
from plan.public.api_fields import API_FIELDS, INDICATOR_KEYS, TASK_KEYS
from plan.public.identity import site_root
from plan.public.open_data import DRAFT_FIELD, check_format, csv_response, decimal_text, json_response, plan_is_draft

TASK_FIELDS = [
    ("ma", "chuỗi", "Mã nhiệm vụ, ví dụ 3.4"),
    ("linh_vuc", "số nguyên", "Số thứ tự lĩnh vực cải cách (1–8) trong mục II của Kế hoạch"),
    ("noi_dung", "chuỗi", "Nội dung nhiệm vụ"),
    (
        "nguon_goc_noi_dung",
        "chuỗi",
        "Nguồn gốc của noi_dung: nguyên văn Kế hoạch, hoặc do biên tập viên sửa (ai, khi nào, lý do)",
    ),
    ("san_pham", "chuỗi", "Sản phẩm"),
    ("co_quan_chu_tri", "chuỗi", "Tên cơ quan chủ trì"),
    (
        "nguon_goc_co_quan_chu_tri",
        "chuỗi",
        "Nguồn gốc của co_quan_chu_tri: trích Kế hoạch, suy ra hoặc do biên tập viên đặt",
    ),
    ("co_quan_phoi_hop", "chuỗi", "Tên các cơ quan phối hợp, ngăn cách bằng “; ”"),
    ("nguon_goc_co_quan_phoi_hop", "chuỗi", "Nguồn gốc của co_quan_phoi_hop"),
    ("thoi_gian_hoan_thanh", "chuỗi", "Thời gian hoàn thành như Kế hoạch ghi"),
    ("nguon_goc_thoi_gian", "chuỗi", "Nguồn gốc của thoi_gian_hoan_thanh"),
    ("tien_do", "chuỗi", "Tiến độ như trang web đánh giá: done, in_progress, not_started, overdue, no_data"),
    ("ngay_bao_cao", "ngày (YYYY-MM-DD) hoặc rỗng", "Ngày của báo cáo tiến độ mới nhất"),
    ("ty_le", "số nguyên hoặc rỗng", "Tỷ lệ hoàn thành trong báo cáo mới nhất"),
    ("bao_cao_minh_hoa", "true/false", "true: báo cáo tiến độ mới nhất là dữ liệu minh họa, không phải báo cáo thật"),
    DRAFT_FIELD,
    ("duong_dan", "chuỗi", "Địa chỉ trang nhiệm vụ trên trang web này"),
]
CORRECTION_FIELDS = [
    ("ma_chi_tieu", "chuỗi", "Mã chỉ tiêu"),
    ("ky", "chuỗi", "Kỳ của số liệu đã sửa"),
    ("cap", "chuỗi", "province, district, commune hoặc rỗng (chung)"),
    ("gia_tri_cu", "chuỗi", "Giá trị đã công bố trước khi sửa"),
    ("gia_tri_moi", "chuỗi", "Giá trị sau khi sửa"),
    ("luc", "thời điểm (ISO 8601)", "Lúc sửa"),
    ("cach_nhap", "chuỗi", "manual (nhập tay), import (nhập từ tệp), sync (đồng bộ từ nguồn công khai), demo"),
    ("ly_do", "chuỗi", "Lý do sửa, như trang chỉ tiêu công bố; rỗng nếu người sửa không ghi"),
    ("du_lieu_minh_hoa", "true/false", "true: số liệu đã sửa là số liệu minh họa, không phải kết quả chính thức"),
]


def task_records(request, draft):
    base_url = site_root(request)
    tasks = list(Task.objects.published().for_table().order_by("area__path", "sort_order", "pk"))
    attach_provenance(tasks=tasks)
    for task in tasks:
        report = task.latest_report
        yield {
            "ma": task.code,
            "linh_vuc": task.area.number,
            "noi_dung": task.text,
            "nguon_goc_noi_dung": task.provenance["text"].text,
            "san_pham": task.output,
            "co_quan_chu_tri": task.lead_agency.name if task.lead_agency else "",
            "nguon_goc_co_quan_chu_tri": task.provenance["lead_agency"].text,
            "co_quan_phoi_hop": "; ".join(agency.name for agency in task.coordinating_agencies.all()),
            "nguon_goc_co_quan_phoi_hop": task.provenance["coordinating_agencies"].text,
            "thoi_gian_hoan_thanh": task.deadline_text,
            "nguon_goc_thoi_gian": task.provenance["deadline"].text,
            "tien_do": task.status,
            "ngay_bao_cao": report.reported_on.isoformat() if report else "",
            "ty_le": "" if report is None or report.percent is None else report.percent,
            "bao_cao_minh_hoa": bool(report and report.is_demo),
            "van_ban_du_thao": draft,
            "duong_dan": base_url + task.get_url(request),
        }


def correction_records():
    corrections = (
        ResultHistory.objects.corrections()
        .filter(result__indicator__live=True, result__indicator__area__live=True)
        .select_related("result__indicator")
        .order_by("result__indicator__code", "result__period", "changed_at", "pk")
    )
    for correction in corrections.iterator(chunk_size=2000):
        result, indicator = correction.result, correction.result.indicator
        yield {
            "ma_chi_tieu": indicator.code,
            "ky": result.period,
            "cap": result.scope,
            "gia_tri_cu": figure(correction.previous_value, indicator),
            "gia_tri_moi": figure(correction.new_value, indicator),
            "luc": correction.changed_at.isoformat(),
            "cach_nhap": correction.origin,
            "ly_do": correction.reason,
            "du_lieu_minh_hoa": result.is_demo,
        }


def figure(value, indicator):
    """A number as data; a done-type figure in words, as in the results file."""
    if indicator.comparator == "done":
        return format_result(value, indicator.comparator, "")
    return decimal_text(value)


def tasks(request, file_format):
    check_format(file_format)
    draft = plan_is_draft()
    if file_format == "csv":
        return csv_response(task_records(request, draft), TASK_FIELDS, "nhiem-vu.csv")
    return json_response(task_records(request, draft), site_root(request) + reverse("plan:open_data"), draft)


def corrections(request, file_format):
    check_format(file_format)
    if file_format == "csv":
        return csv_response(correction_records(), CORRECTION_FIELDS, "dinh-chinh.csv")
    return json_response(correction_records(), site_root(request) + reverse("plan:open_data"))


def documentation(request):
    api_fields = [
        (model._meta.verbose_name, name, description)
        for model, fields in API_FIELDS.items()
        for name, description in fields
    ]
    context = {
        "plan_fields": across_years.PLAN_FIELDS,
        "succession_fields": across_years.SUCCESSION_FIELDS,
        "indicator_fields": open_data.INDICATOR_FIELDS,
        "result_fields": open_data.RESULT_FIELDS,
        "task_fields": TASK_FIELDS,
        "correction_fields": CORRECTION_FIELDS,
        "figure_fields": FIGURE_FIELDS,
        "api_fields": api_fields,
        "api_indicator_keys": INDICATOR_KEYS,
        "api_task_keys": TASK_KEYS,
    }
    return render(request, "plan/open_data.html", context)
