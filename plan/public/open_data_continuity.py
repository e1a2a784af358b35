"""Open data of plans across years: the plans (year, issuer, programme, the plan
before each) and the agencies' successions (with their decision and where the fact
comes from). Field lists as in plan.public.open_data: the only fields that leave the site."""

from plan.content import continuity

PLAN_FIELDS = [
    ("ma_ke_hoach", "chuỗi", "Mã (địa chỉ) của kế hoạch, ví dụ cchc-2024"),
    ("nam", "số nguyên", "Năm kế hoạch"),
    ("ten", "chuỗi", "Tên kế hoạch"),
    ("co_quan_ban_hanh", "chuỗi", "Cơ quan ban hành"),
    ("so_ky_hieu", "chuỗi", "Số, ký hiệu như văn bản ghi (rỗng hoặc “/KH-UBND” khi là dự thảo)"),
    ("chuong_trinh", "chuỗi", "Chương trình, kế hoạch giai đoạn mà kế hoạch năm thực hiện"),
    ("ke_hoach_nam_truoc", "chuỗi", "ma_ke_hoach của kế hoạch năm trước; rỗng khi không có"),
    ("duong_dan", "chuỗi", "Địa chỉ trang kế hoạch"),
]
SUCCESSION_FIELDS = [
    ("ma_co_quan_truoc", "chuỗi", "Mã cơ quan trước"),
    ("co_quan_truoc", "chuỗi", "Tên cơ quan trước"),
    ("hinh_thuc", "chuỗi", "merged (sáp nhập vào), renamed (đổi tên thành), split (chuyển một phần nhiệm vụ sang)"),
    ("ma_co_quan_ke_tuc", "chuỗi", "Mã cơ quan kế tục"),
    ("co_quan_ke_tuc", "chuỗi", "Tên cơ quan kế tục"),
    ("hieu_luc_tu", "ngày (YYYY-MM-DD)", "Ngày cơ quan kế tục bắt đầu chịu trách nhiệm"),
    ("so_van_ban", "chuỗi", "Số, ký hiệu văn bản quyết định; rỗng khi chưa tìm thấy"),
    ("ngay_van_ban", "ngày (YYYY-MM-DD) hoặc rỗng", "Ngày ban hành văn bản"),
    ("co_quan_ban_hanh_van_ban", "chuỗi", "Cơ quan ban hành văn bản"),
    ("duong_dan_van_ban", "chuỗi", "Địa chỉ văn bản"),
    (
        "nguon_goc",
        "chuỗi",
        "Nguồn gốc: theo văn bản (biên tập viên nhập), hoặc do biên tập viên đặt khi chưa có văn bản",
    ),
]


def plan_records(base_url, request):
    for plan in continuity.public_plans():
        before = plan.predecessor if plan.predecessor_id and plan.predecessor.live else None
        yield {
            "ma_ke_hoach": plan.slug,
            "nam": plan.year,
            "ten": plan.title,
            "co_quan_ban_hanh": plan.issuing_body,
            "so_ky_hieu": plan.number,
            "chuong_trinh": plan.programme,
            "ke_hoach_nam_truoc": before.slug if before else "",
            "duong_dan": base_url + plan.get_url(request),
        }


def succession_records():
    for item in continuity.all_successions():
        yield {
            "ma_co_quan_truoc": item.predecessor.code,
            "co_quan_truoc": item.predecessor.name,
            "hinh_thuc": item.kind,
            "ma_co_quan_ke_tuc": item.successor.code,
            "co_quan_ke_tuc": item.successor.name,
            "hieu_luc_tu": item.effective_from.isoformat(),
            "so_van_ban": item.decision_number,
            "ngay_van_ban": item.decision_date.isoformat() if item.decision_date else "",
            "co_quan_ban_hanh_van_ban": item.decision_issuer,
            "duong_dan_van_ban": item.decision_url,
            "nguon_goc": item.provenance.text,
        }
