"""The open data as a Frictionless Data Package (/du-lieu/datapackage.json): the CSV
files of plan.public.open_data, each with a Table Schema (names, types and Vietnamese
descriptions from the same whitelist of fields, keys that hold), the licence from the
site's settings and absolute URLs from the site's public address, so that tools
(`frictionless validate`, Open Data portals) read the files without guessing."""

from django.http import JsonResponse

from indices.catalogue import Flag, IndexCode, Level, SourceKind, UnitKind
from indices.columns import OPEN_DATA_FIELDS as FIGURE_FIELDS
from plan.public import open_data, open_files
from plan.public import open_data_continuity as across_years
from plan.public.identity import current_identity, site_root
from plan.vocabulary import AdministrativeLevel, ReportingFrequency, SuccessionKind, TargetComparator

PACKAGE_NAME = "ke-hoach-cai-cach-hanh-chinh"
PERIOD_PATTERN = r"\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?"

# Table Schema type and constraints of every open-data field (plan.public.open_data).
# An empty cell is a missing value, except where a field says otherwise.
LEVELS = {"enum": [value for value, _label in AdministrativeLevel.choices]}
TYPES = {
    "ma": {"type": "string", "constraints": {"required": True, "unique": True}},
    "nam_ke_hoach": {"type": "integer", "constraints": {"required": True, "minimum": 2000}},
    "ma_ke_hoach": {"type": "string", "constraints": {"required": True}},
    "ma_chi_tieu_nam_truoc": {"type": "string"},
    # Plans across years and agencies' successions (plan.public.open_data_continuity).
    "nam": {"type": "integer", "constraints": {"required": True, "minimum": 2000}},
    "ten": {"type": "string", "constraints": {"required": True}},
    "co_quan_ban_hanh": {"type": "string"},
    "so_ky_hieu": {"type": "string"},
    "chuong_trinh": {"type": "string"},
    "ke_hoach_nam_truoc": {"type": "string"},
    "ma_co_quan_truoc": {"type": "string", "constraints": {"required": True}},
    "co_quan_truoc": {"type": "string", "constraints": {"required": True}},
    "hinh_thuc": {"type": "string", "constraints": {"required": True, "enum": [v for v, _l in SuccessionKind.choices]}},
    "ma_co_quan_ke_tuc": {"type": "string", "constraints": {"required": True}},
    "co_quan_ke_tuc": {"type": "string", "constraints": {"required": True}},
    "hieu_luc_tu": {"type": "date", "constraints": {"required": True}},
    "so_van_ban": {"type": "string"},
    "ngay_van_ban": {"type": "date"},
    "co_quan_ban_hanh_van_ban": {"type": "string"},
    "duong_dan_van_ban": {"type": "string"},
    "nguon_goc": {"type": "string", "constraints": {"required": True}},
    "linh_vuc": {"type": "integer", "constraints": {"required": True, "minimum": 1}},
    "nguyen_van": {"type": "string"},
    "noi_dung": {"type": "string", "constraints": {"required": True}},
    "thuoc_do": {"type": "string"},
    "loai_muc_tieu": {
        "type": "string",
        "constraints": {"required": True, "enum": [value for value, _label in TargetComparator.choices]},
    },
    "muc_tieu": {"type": "number"},
    "muc_tieu_toi_da": {"type": "number"},
    "don_vi": {"type": "string"},
    "cap": {"type": "string", "constraints": LEVELS},
    "nguon_goc_muc_tieu": {"type": "string"},
    "co_quan_chiu_trach_nhiem": {"type": "string"},
    "nguon_goc_co_quan": {"type": "string"},
    "tan_suat": {"type": "string", "constraints": {"enum": [value for value, _label in ReportingFrequency.choices]}},
    "nguon_goc_tan_suat": {"type": "string"},
    "nguon_so_lieu": {"type": "string"},
    "nguon_goc_nguon_so_lieu": {"type": "string"},
    "nguon_goc_noi_dung": {"type": "string"},
    "van_ban_du_thao": {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]},
    "san_pham": {"type": "string"},
    "co_quan_chu_tri": {"type": "string"},
    "nguon_goc_co_quan_chu_tri": {"type": "string"},
    "co_quan_phoi_hop": {"type": "string"},
    "nguon_goc_co_quan_phoi_hop": {"type": "string"},
    "thoi_gian_hoan_thanh": {"type": "string"},
    "nguon_goc_thoi_gian": {"type": "string"},
    "tien_do": {"type": "string"},
    "ngay_bao_cao": {"type": "date"},
    "ty_le": {"type": "integer", "constraints": {"minimum": 0, "maximum": 100}},
    "bao_cao_minh_hoa": {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]},
    "gia_tri_cu": {"type": "string"},
    "gia_tri_moi": {"type": "string"},
    "luc": {"type": "datetime"},
    "cach_nhap": {"type": "string"},
    "ly_do": {"type": "string"},
    "duong_dan": {"type": "string", "format": "uri", "constraints": {"required": True}},
    "ma_chi_tieu": {"type": "string", "constraints": {"required": True}},
    "ky": {"type": "string", "constraints": {"required": True, "pattern": PERIOD_PATTERN}},
    "gia_tri": {"type": "number"},
    "hoan_thanh": {"type": "string", "constraints": {"enum": ["Hoàn thành", "Chưa hoàn thành"]}},
    "ghi_chu": {"type": "string"},
    "nguon": {"type": "string"},
    "duong_dan_nguon": {"type": "string"},
    "ngay_thu_thap": {"type": "date", "constraints": {"required": True}},
    "du_lieu_minh_hoa": {
        "type": "boolean",
        "trueValues": ["true"],
        "falseValues": ["false"],
        "constraints": {"required": True},
    },
}
# A result's level: empty means "not split by level", a value of its own (part of
# the key), not a missing one.
RESULT_LEVEL = {"type": "string", "missingValues": [], "constraints": {"enum": ["", *LEVELS["enum"]]}}


# The index figures' columns (indices/columns.py); a name shared with the plan's files
# (none today) would take these types in the figures' schema only.
FIGURE_TYPES = {
    "chi_so": {"type": "string", "constraints": {"required": True, "enum": [v for v, _l in IndexCode.choices]}},
    "nam": {"type": "integer", "constraints": {"required": True, "minimum": 2000}},
    "loai_don_vi": {"type": "string", "constraints": {"required": True, "enum": [v for v, _l in UnitKind.choices]}},
    "don_vi": {"type": "string", "constraints": {"required": True}},
    "cap_thuoc_do": {"type": "string", "constraints": {"required": True, "enum": [v for v, _l in Level.choices]}},
    "ma_thuoc_do": {"type": "string"},
    "thuoc_do": {"type": "string", "constraints": {"required": True}},
    "thuoc_do_nguyen_van": {"type": "string"},
    "gia_tri": {"type": "number"},
    "don_vi_tinh": {"type": "string"},
    "thang_diem_tu": {"type": "number"},
    "thang_diem_den": {"type": "number"},
    "hang": {"type": "integer", "constraints": {"minimum": 1}},
    "tren_so": {"type": "integer", "constraints": {"minimum": 1}},
    "nhom": {"type": "string"},
    "loai_nguon": {"type": "string", "constraints": {"required": True, "enum": [v for v, _l in SourceKind.choices]}},
    "nguon": {"type": "string", "constraints": {"required": True}},
    "duong_dan_nguon": {"type": "string", "format": "uri", "constraints": {"required": True}},
    "trich_dan": {"type": "string", "constraints": {"required": True}},
    "ngay_doc": {"type": "date", "constraints": {"required": True}},
    "ghi_chu": {"type": "string"},
    "canh_bao": {"type": "string", "constraints": {"enum": [v for v, _l in Flag.choices if v]}},
}


def field(name, description, types=TYPES):
    return {"name": name, "description": description, **types[name]}


def schema(fields, overrides=None, types=TYPES, **keys):
    """The Table Schema of a file whose fields are `fields` ([(name, type label,
    description)] as in plan.public.open_data)."""
    overrides = overrides or {}
    described = [{**field(name, description, types), **overrides.get(name, {})} for name, _label, description in fields]
    return {"fields": described, "missingValues": [""], **keys}


def resources(root):
    return [
        {
            "name": "chi-tieu",
            "title": "Chỉ tiêu",
            "description": "Mọi chỉ tiêu đã công bố của Kế hoạch: mục tiêu ở dạng dữ liệu, nguồn gốc từng thông tin.",
            "path": f"{root}/du-lieu/chi-tieu.csv",
            **csv_format(),
            "schema": schema(open_data.INDICATOR_FIELDS, primaryKey=["ma"]),
        },
        {
            "name": "ket-qua",
            "title": "Kết quả",
            "description": "Mọi kết quả đo được của các chỉ tiêu đã công bố; mỗi chỉ tiêu, kỳ và cấp có một dòng.",
            "path": f"{root}/du-lieu/ket-qua.csv",
            **csv_format(),
            "schema": schema(
                open_data.RESULT_FIELDS,
                {"cap": RESULT_LEVEL},
                primaryKey=["ma_chi_tieu", "ky", "cap"],
                foreignKeys=[{"fields": ["ma_chi_tieu"], "reference": {"resource": "chi-tieu", "fields": ["ma"]}}],
            ),
        },
        {
            "name": "ke-hoach",
            "title": "Kế hoạch qua các năm",
            "description": "Các kế hoạch đã công bố: năm, cơ quan ban hành, chương trình giai đoạn, năm trước.",
            "path": f"{root}/du-lieu/ke-hoach.csv",
            **csv_format(),
            "schema": schema(
                across_years.PLAN_FIELDS,
                primaryKey=["ma_ke_hoach"],
                foreignKeys=[
                    {"fields": ["ke_hoach_nam_truoc"], "reference": {"resource": "", "fields": ["ma_ke_hoach"]}}
                ],
            ),
        },
        {
            "name": "ke-tuc-co-quan",
            "title": "Kế tục cơ quan",
            "description": "Cơ quan được sắp xếp lại: cơ quan kế tục, từ ngày nào, theo văn bản nào, nguồn gốc.",
            "path": f"{root}/du-lieu/ke-tuc-co-quan.csv",
            **csv_format(),
            "schema": schema(across_years.SUCCESSION_FIELDS, primaryKey=["ma_co_quan_truoc", "ma_co_quan_ke_tuc"]),
        },
        {
            "name": "nhiem-vu",
            "title": "Nhiệm vụ",
            "description": "Mọi nhiệm vụ đã công bố, với báo cáo tiến độ mới nhất và nguồn gốc từng thông tin.",
            "path": f"{root}/du-lieu/nhiem-vu.csv",
            **csv_format(),
            "schema": schema(open_files.TASK_FIELDS),
        },
        {
            "name": "dinh-chinh",
            "title": "Các lần sửa số liệu đã công bố",
            "description": "Mỗi lần một số liệu đã công bố được sửa: giá trị cũ, giá trị mới, lúc sửa và lý do.",
            "path": f"{root}/du-lieu/dinh-chinh.csv",
            **csv_format(),
            "schema": schema(
                open_files.CORRECTION_FIELDS,
                {"cap": RESULT_LEVEL},
                foreignKeys=[{"fields": ["ma_chi_tieu"], "reference": {"resource": "chi-tieu", "fields": ["ma"]}}],
            ),
        },
        {
            "name": "chi-so",
            "title": "Số liệu các chỉ số",
            "description": (
                "Số liệu PAPI, PCI, SIPAS, PAR INDEX và chỉ số CCHC của các sở, ngành, huyện như các nguồn công khai "
                "đã công bố, mỗi dòng kèm địa chỉ nguồn, trích dẫn và ngày đọc. Số liệu thật, không phải minh họa."
            ),
            "path": f"{root}/du-lieu/chi-so.csv",
            **csv_format(),
            "schema": schema(
                FIGURE_FIELDS,
                {"ma_thuoc_do": {"missingValues": []}},  # empty for a total: part of the key, not missing
                types=FIGURE_TYPES,
                primaryKey=["chi_so", "nam", "don_vi", "ma_thuoc_do", "thuoc_do", "duong_dan_nguon"],
            ),
        },
    ]


def csv_format():
    # The files start with a byte-order mark (for Excel): "utf-8-sig" tells readers.
    return {
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "dialect": {"delimiter": ",", "header": True},
    }


def descriptor(request):
    identity = current_identity(request)
    root = site_root(request)
    documentation = f"{root}/du-lieu/"
    licence = {"title": identity.open_data_licence, "path": identity.open_data_licence_url or documentation}
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": f"Dữ liệu mở Kế hoạch cải cách hành chính nhà nước {identity.province_name}",
        "description": (
            "Chỉ tiêu của Kế hoạch và kết quả đo được của chúng, và số liệu công bố của các chỉ số mà Kế hoạch đặt "
            "mục tiêu cải thiện. Số liệu có du_lieu_minh_hoa = true là số liệu giả lập để trình diễn, không phải kết "
            "quả chính thức."
            + (
                " Văn bản Kế hoạch là bản dự thảo, chưa có số và ngày ký ban hành (van_ban_du_thao = true)."
                if open_data.plan_is_draft()
                else ""
            )
        ),
        "homepage": documentation,
        "language": "vi",
        "licenses": [licence],
        "sources": [{"title": identity.plan_owner, "path": root + "/"}],
        "resources": resources(root),
    }


def datapackage(request):
    response = JsonResponse(descriptor(request), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'inline; filename="datapackage.json"'
    return response
