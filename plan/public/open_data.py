"""Open data: every published indicator and all its results as CSV and JSON at
stable URLs. One whitelist of public fields serves every export and the schema page."""

import csv

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse

from indices.columns import OPEN_DATA_FIELDS as FIGURE_FIELDS
from indices.columns import figure_record
from indices.models import IndexFigure
from plan.content import continuity
from plan.content.provenance_data import attach_provenance
from plan.exports import csv_row
from plan.models import Indicator, PlanPage, Result
from plan.progress.targets import format_result
from plan.public import open_data_continuity as across_years
from plan.public.identity import site_root
from plan.vocabulary import TargetComparator

DRAFT_FIELD = (
    "van_ban_du_thao",
    "true/false",
    "true: nội dung theo bản dự thảo của Kế hoạch, chưa có số và ngày ký ban hành",
)
# (field, type, description): the only fields that leave the site.
INDICATOR_FIELDS = [
    (
        "ma",
        "chuỗi",
        "Mã chỉ tiêu, ổn định qua các lần sửa, ví dụ 3.a.2 (kế hoạch các năm sau: 2025.2.a.1)",
    ),
    ("nam_ke_hoach", "số nguyên", "Năm của kế hoạch có chỉ tiêu này"),
    ("ma_ke_hoach", "chuỗi", "Mã của kế hoạch (xem ke-hoach.csv)"),
    (
        "ma_chi_tieu_nam_truoc",
        "chuỗi",
        "Mã chỉ tiêu năm trước mà chỉ tiêu này tiếp nối; rỗng khi không có",
    ),
    ("linh_vuc", "số nguyên", "Số thứ tự lĩnh vực cải cách trong mục II của kế hoạch"),
    ("nguyen_van", "chuỗi", "Nguyên văn ý chỉ tiêu trong Kế hoạch"),
    ("noi_dung", "chuỗi", "Phần nguyên văn ứng với chỉ tiêu này"),
    (
        "nguon_goc_noi_dung",
        "chuỗi",
        "Nguồn gốc của noi_dung: nguyên văn Kế hoạch, hoặc do biên tập viên sửa (ai, khi nào, lý do)",
    ),
    ("thuoc_do", "chuỗi", "Tên thước đo"),
    (
        "loai_muc_tieu",
        "chuỗi",
        "at_least (tối thiểu), more_than (trên), at_most (tối đa), between (trong khoảng), done (hoàn thành)",
    ),
    ("muc_tieu", "số thập phân hoặc rỗng", "Giá trị mục tiêu (cận dưới với between)"),
    ("muc_tieu_toi_da", "số thập phân hoặc rỗng", "Cận trên với between"),
    ("don_vi", "chuỗi", "Đơn vị: %, phút, hoạt động hoặc rỗng"),
    ("cap", "chuỗi", "province, district, commune hoặc rỗng (không tách theo cấp)"),
    ("nguon_goc_muc_tieu", "chuỗi", "Nguồn gốc cách đọc mục tiêu (loai_muc_tieu, muc_tieu, don_vi, cap)"),
    ("co_quan_chiu_trach_nhiem", "chuỗi", "Tên cơ quan chịu trách nhiệm"),
    (
        "nguon_goc_co_quan",
        "chuỗi",
        "Nguồn gốc của co_quan_chiu_trach_nhiem: trích Kế hoạch, suy ra (theo quy tắc nào) "
        "hoặc do biên tập viên đặt (ai, khi nào)",
    ),
    ("tan_suat", "chuỗi", "monthly, quarterly, half_yearly, yearly"),
    ("nguon_goc_tan_suat", "chuỗi", "Nguồn gốc của tan_suat"),
    ("nguon_so_lieu", "chuỗi", "Nguồn số liệu công khai"),
    ("nguon_goc_nguon_so_lieu", "chuỗi", "Nguồn gốc của nguon_so_lieu"),
    DRAFT_FIELD,
    ("duong_dan", "chuỗi", "Địa chỉ trang chỉ tiêu trên trang web này"),
]
RESULT_FIELDS = [
    ("ma_chi_tieu", "chuỗi", "Mã chỉ tiêu"),
    ("ky", "chuỗi", "Kỳ: 2024, 2024-H1, 2024-Q1 hoặc 2024-03"),
    ("cap", "chuỗi", "province, district, commune hoặc rỗng (chung)"),
    ("gia_tri", "số thập phân hoặc rỗng", "Giá trị đo được; rỗng với chỉ tiêu hoàn thành / chưa hoàn thành"),
    (
        "hoan_thanh",
        "chuỗi",
        "Với chỉ tiêu hoàn thành / chưa hoàn thành: “Hoàn thành” hoặc “Chưa hoàn thành”; rỗng với chỉ tiêu đo bằng số",
    ),
    ("ghi_chu", "chuỗi", "Ghi chú"),
    ("nguon", "chuỗi", "Tên nguồn của số liệu"),
    ("duong_dan_nguon", "chuỗi", "Địa chỉ nguồn"),
    ("ngay_thu_thap", "ngày (YYYY-MM-DD)", "Ngày số liệu được thu thập"),
    ("du_lieu_minh_hoa", "true/false", "true: số liệu giả lập để trình diễn, không phải kết quả chính thức"),
]


def decimal_text(value):
    return "" if value is None else format(value.normalize(), "f")


def public_indicators():
    return (
        Indicator.objects.published().select_related("area", "responsible_agency", "predecessor__area").order_by("code")
    )


def plan_is_draft():
    """Whether the newest published plan is still an unsigned draft."""
    plan = PlanPage.objects.published().order_by("-year", "path").only("document_status").first()
    return bool(plan and plan.is_draft)


def indicator_record(indicator, base_url, request, plans, draft=False):
    plan = plans.get(indicator.area_id)
    before = indicator.predecessor
    return {
        "ma": indicator.code,
        "nam_ke_hoach": plan.year if plan else "",
        "ma_ke_hoach": plan.slug if plan else "",
        "ma_chi_tieu_nam_truoc": before.code if before and before.live and before.area.live else "",
        "linh_vuc": indicator.area.number,
        "nguyen_van": indicator.original_wording,
        "noi_dung": indicator.statement,
        "nguon_goc_noi_dung": indicator.provenance["statement"].text,
        "thuoc_do": indicator.metric,
        "loai_muc_tieu": indicator.comparator,
        "muc_tieu": decimal_text(indicator.target_value),
        "muc_tieu_toi_da": decimal_text(indicator.target_value_max),
        "don_vi": indicator.unit,
        "cap": indicator.level,
        "nguon_goc_muc_tieu": indicator.provenance["target"].text,
        "co_quan_chiu_trach_nhiem": indicator.responsible_agency.name if indicator.responsible_agency else "",
        "nguon_goc_co_quan": indicator.provenance["responsible_agency"].text,
        "tan_suat": indicator.frequency,
        "nguon_goc_tan_suat": indicator.provenance["frequency"].text,
        "nguon_so_lieu": indicator.public_source,
        "nguon_goc_nguon_so_lieu": indicator.provenance["data_source"].text,
        "van_ban_du_thao": draft,
        "duong_dan": base_url + indicator.get_url(request),
    }


def result_records():
    results = (
        Result.objects.filter(indicator__in=Indicator.objects.published())
        .select_related("indicator")
        .order_by("indicator__code", "period_end", "period", "scope")
    )
    for result in results.iterator(chunk_size=2000):
        done_type = result.indicator.comparator == TargetComparator.DONE
        yield {
            "ma_chi_tieu": result.indicator.code,
            "ky": result.period,
            "cap": result.scope,
            "gia_tri": "" if done_type else decimal_text(result.value),
            "hoan_thanh": format_result(result.value, TargetComparator.DONE, "") if done_type else "",
            "ghi_chu": result.note,
            "nguon": result.source_name,
            "duong_dan_nguon": result.source_url,
            "ngay_thu_thap": result.captured_on.isoformat(),
            "du_lieu_minh_hoa": result.is_demo,
        }


class Echo:
    def write(self, value):
        return value


def csv_response(records, fields, filename):
    """The whole file, built before the answer starts: every row is read from the
    database first, so an outage mid-way raises here and the visitor gets the 503
    page (config.faults), never a 200 cut short. The files are small (one row per
    indicator, result or index figure of one plan: a few thousand rows at most)."""
    writer = csv.writer(Echo())
    header = [name for name, _type, _description in fields]

    def line(record):
        return writer.writerow(
            csv_row(str(record[name]).lower() if isinstance(record[name], bool) else record[name] for name in header)
        )

    body = "\ufeff" + writer.writerow(header) + "".join(line(record) for record in records)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def json_response(records, schema_url, draft=None):
    """`draft`: plan_is_draft(), when the records have read it already."""
    draft = plan_is_draft() if draft is None else draft
    document = {"van_ban_du_thao": draft, "schema": schema_url, "data": list(records)}
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})


def check_format(file_format):
    if file_format not in ("csv", "json"):
        raise Http404("Định dạng không có: dùng .csv hoặc .json.")


def indicators(request, file_format):
    check_format(file_format)
    base_url = site_root(request)
    indicators = list(public_indicators())
    attach_provenance(indicators=indicators)
    plans, draft = continuity.plans_by_area(), plan_is_draft()
    records = (indicator_record(i, base_url, request, plans, draft) for i in indicators)
    if file_format == "csv":
        return csv_response(records, INDICATOR_FIELDS, "chi-tieu.csv")
    return json_response(records, site_root(request) + reverse("plan:open_data"), draft)


def results(request, file_format):
    check_format(file_format)
    if file_format == "csv":
        return csv_response(result_records(), RESULT_FIELDS, "ket-qua.csv")
    return json_response(result_records(), site_root(request) + reverse("plan:open_data"))


def index_figures(request, file_format):
    """The published figures of the indices (indices/columns.py), each with its source."""
    check_format(file_format)
    records = (figure_record(f) for f in IndexFigure.objects.in_order().iterator(chunk_size=2000))
    if file_format == "csv":
        return csv_response(records, FIGURE_FIELDS, "chi-so.csv")
    return json_response(records, site_root(request) + reverse("plan:open_data"))


def plans(request, file_format):
    """The published plans: year, issuer, programme, the plan before each."""
    check_format(file_format)
    records = across_years.plan_records(site_root(request), request)
    if file_format == "csv":
        return csv_response(records, across_years.PLAN_FIELDS, "ke-hoach.csv")
    return json_response(records, site_root(request) + reverse("plan:open_data"))


def successions(request, file_format):
    """What became of each agency, with the decision and the fact's origin."""
    check_format(file_format)
    records = across_years.succession_records()
    if file_format == "csv":
        return csv_response(records, across_years.SUCCESSION_FIELDS, "ke-tuc-co-quan.csv")
    return json_response(records, site_root(request) + reverse("plan:open_data"))
