"""The columns of an index figure: one list for the data file the loader reads, the
admin's CSV import and the open-data file (/du-lieu/chi-so.csv|json), so that a file
downloaded from the site can be imported again. Pure."""

from indices.catalogue import Flag, IndexCode, Level, SourceKind, UnitKind
from plan.content.changes import plain


def values_text(choices):
    return ", ".join(f"{value} ({label.lower()})" for value, label in choices.choices if value)


# (column, model field, type label, description)
COLUMNS = [
    ("chi_so", "index", "chuỗi", f"Mã chỉ số: {values_text(IndexCode)}"),
    ("nam", "year", "số nguyên", "Năm của kỳ công bố (năm được đánh giá), ví dụ 2023"),
    ("loai_don_vi", "unit_kind", "chuỗi", f"Loại đơn vị: {values_text(UnitKind)}"),
    ("don_vi", "unit", "chuỗi", "Tên đơn vị được đánh giá, ví dụ Hải Dương, Hải Phòng, Sở Nội vụ"),
    ("cap_thuoc_do", "level", "chuỗi", f"Cấp của thước đo: {values_text(Level)}"),
    ("ma_thuoc_do", "measure_code", "chuỗi", "Số thứ tự của thước đo trong chỉ số, ví dụ 8 hoặc 8.3; rỗng với tổng"),
    ("thuoc_do", "measure", "chuỗi", "Tên thước đo bằng tiếng Việt"),
    ("thuoc_do_nguyen_van", "measure_as_written", "chuỗi", "Tên thước đo như nguồn ghi (có thể bằng tiếng Anh)"),
    ("gia_tri", "value", "số thập phân hoặc rỗng", "Giá trị như nguồn ghi, không làm tròn; rỗng khi nguồn không nêu"),
    ("don_vi_tinh", "value_unit", "chuỗi", "điểm hoặc %"),
    ("thang_diem_tu", "scale_min", "số thập phân hoặc rỗng", "Điểm thấp nhất của thang, khi nguồn nêu"),
    ("thang_diem_den", "scale_max", "số thập phân hoặc rỗng", "Điểm cao nhất của thang, khi nguồn nêu"),
    ("hang", "rank", "số nguyên hoặc rỗng", "Thứ hạng, khi nguồn nêu"),
    ("tren_so", "rank_of", "số nguyên hoặc rỗng", "Số đơn vị được xếp hạng (ví dụ 63)"),
    ("nhom", "tier", "chuỗi", "Nhóm xếp loại như nguồn ghi, ví dụ Trung bình cao"),
    ("loai_nguon", "source_kind", "chuỗi", f"Loại nguồn: {values_text(SourceKind)}"),
    ("nguon", "source_name", "chuỗi", "Tên nguồn"),
    ("duong_dan_nguon", "source_url", "chuỗi", "Địa chỉ nguồn (http:// hoặc https://)"),
    ("trich_dan", "quote", "chuỗi", "Nguyên văn câu chữ của nguồn mà số liệu được đọc từ đó"),
    ("ngay_doc", "read_on", "ngày (YYYY-MM-DD)", "Ngày đọc nguồn"),
    ("ghi_chu", "notes", "chuỗi", "Ghi chú: cách đọc, các nguồn khác, chỗ nguồn khác nhau"),
    ("canh_bao", "flag", "chuỗi", f"Cảnh báo: rỗng, {values_text(Flag)}"),
]
NAMES = [name for name, _field, _type, _description in COLUMNS]
FIELD_OF = {name: model_field for name, model_field, _type, _description in COLUMNS}
REQUIRED = ("chi_so", "nam", "loai_don_vi", "don_vi", "cap_thuoc_do", "thuoc_do", "loai_nguon", "nguon")
REQUIRED += ("duong_dan_nguon", "trich_dan", "ngay_doc")
# What makes a figure the same one in another file: the index, year, unit, measure and source.
KEY = ("chi_so", "nam", "don_vi", "ma_thuoc_do", "thuoc_do", "duong_dan_nguon")
OPEN_DATA_FIELDS = [(name, type_label, description) for name, _field, type_label, description in COLUMNS]


def figure_record(figure):
    """{column: value} of a stored figure, as the files write it (decimals and dates as text)."""
    record = {}
    for name, model_field, _type, _description in COLUMNS:
        value = plain(getattr(figure, model_field))
        record[name] = "" if value is None else value
    return record
