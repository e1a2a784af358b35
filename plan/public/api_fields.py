"""What the Wagtail API adds to a plan's, an area's and an appendix's detail, documented:
the field names, their types and what /du-lieu/ says of them (plan/public/api_content.py
gives the values)."""

from plan.models import AppendixPage, AreaPage, PlanPage

# The fields each page type gains, with what /du-lieu/ says of them.
API_FIELDS = {
    PlanPage: [
        ("linh_vuc", "Các lĩnh vực cải cách: số, tên, địa chỉ, số nhiệm vụ và số chỉ tiêu"),
        ("nam_ke_hoach", "Năm kế hoạch"),
        ("co_quan_ban_hanh", "Cơ quan ban hành"),
        ("chuong_trinh", "Chương trình, kế hoạch giai đoạn mà kế hoạch năm thực hiện"),
        ("ke_hoach_nam_truoc", "Kế hoạch năm trước (id, tên, năm, địa chỉ) hoặc null"),
        ("ke_hoach_nam_sau", "Kế hoạch tiếp theo đã công bố (id, tên, năm, địa chỉ) hoặc null"),
        ("ke_tuc_co_quan_ban_hanh", "Cơ quan ban hành được sắp xếp lại: cơ quan kế tục, từ ngày, văn bản, nguồn gốc"),
        ("van_ban_du_thao", "true khi văn bản Kế hoạch là bản dự thảo, chưa có số và ngày ký ban hành"),
    ],
    AreaPage: [
        ("van_ban_du_thao", "true khi văn bản Kế hoạch là bản dự thảo, chưa có số và ngày ký ban hành"),
        ("co_quan_chiu_trach_nhiem", "Các cơ quan chịu trách nhiệm về lĩnh vực (mục IV): mã, tên"),
        ("chi_tieu", "Các chỉ tiêu đã công bố: mã, nội dung, mục tiêu ở dạng dữ liệu, số liệu mới nhất, tình trạng"),
        ("nhiem_vu", "Các nhiệm vụ: mã, nội dung, sản phẩm, thời hạn, cơ quan chủ trì và phối hợp, tình trạng"),
    ],
    AppendixPage: [
        ("dong_phu_luc", "Các dòng Phụ lục do biên tập viên nhập theo văn bản, với nguồn"),
        (
            "bang_tu_muc_ii",
            "Bảng nhiệm vụ tổng hợp từ mục II của Kế hoạch, theo lĩnh vực; nguon_goc của mỗi nhiệm vụ cho biết "
            "thông tin nào là nguyên văn Kế hoạch, thông tin nào do biên tập viên sửa (ai, khi nào, lý do)",
        ),
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
        "Mục tiêu ở dạng dữ liệu: loai (at_least, more_than, at_most, between, done), gia_tri, gia_tri_toi_da, "
        "don_vi, cap (province, district, commune hoặc rỗng), mo_ta",
    ),
    ("tan_suat", "chuỗi", "Tần suất báo cáo: monthly, quarterly, half_yearly, yearly"),
    ("co_quan_chiu_trach_nhiem", "đối tượng hoặc null", "Cơ quan chịu trách nhiệm: ma, ten"),
    (
        "so_lieu_moi_nhat",
        "đối tượng hoặc null",
        "Số liệu mà tình trạng dựa vào: ky, cap, gia_tri, nguon, ngay_thu_thap, du_lieu_minh_hoa; null khi chưa có",
    ),
    (
        "nguon_goc",
        "đối tượng",
        "Nguồn gốc từng thông tin: với mỗi thông tin, loai (quoted: trích Kế hoạch, inferred: suy ra, editor: do "
        "biên tập viên đặt hoặc sửa, null: Kế hoạch không nêu) và mo_ta (nơi trích, quy tắc suy ra, hoặc ai sửa, "
        "khi nào, lý do)",
    ),
    (
        "tinh_trang",
        "đối tượng",
        "Tình trạng: ma (met, at_risk, not_met, no_data), nhan, và du_lieu_minh_hoa (true khi dựa vào số liệu "
        "minh họa)",
    ),
    ("duong_dan", "chuỗi", "Địa chỉ trang chỉ tiêu"),
    ("nam_truoc", "đối tượng hoặc null", "Chỉ tiêu năm trước mà chỉ tiêu này tiếp nối: ma, duong_dan"),
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
        "nguon_goc",
        "đối tượng",
        "Nguồn gốc từng thông tin: với mỗi thông tin, loai (quoted: trích Kế hoạch, inferred: suy ra, editor: do "
        "biên tập viên đặt hoặc sửa, null: Kế hoạch không nêu) và mo_ta (nơi trích, quy tắc suy ra, hoặc ai sửa, "
        "khi nào, lý do)",
    ),
    (
        "tinh_trang",
        "đối tượng",
        "Tình trạng: ma (done, in_progress, not_started, overdue, no_data; khi năm kế hoạch đã khép lại: "
        "done, partly_done, not_done, carried_over, no_verdict), nhan, và du_lieu_minh_hoa (true khi dựa "
        "vào báo cáo minh họa)",
    ),
    ("duong_dan", "chuỗi", "Địa chỉ trang nhiệm vụ"),
    ("nam_truoc", "đối tượng hoặc null", "Nhiệm vụ năm trước mà nhiệm vụ này tiếp nối: ma, duong_dan"),
]
