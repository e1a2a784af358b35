"""Import of results: each format and encoding, all-or-nothing, preview, history."""

import io
import json
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from plan.models import Indicator, Result, ResultHistory
from plan.results.importer import import_file
from plan.results.readers import ReadError

pytestmark = pytest.mark.django_db

HEADER = [
    "ma_chi_tieu",
    "ky",
    "cap",
    "gia_tri",
    "ghi_chu",
    "nguon",
    "duong_dan_nguon",
    "ngay_thu_thap",
    "du_lieu_minh_hoa",
]
GOOD_ROWS = [
    [
        "3.a.2",
        "2024-Q1",
        "",
        "95,5 %",
        "Ghi chú có dấu: “đúng hạn”",
        "Cổng Dịch vụ công quốc gia",
        "https://dichvucong.gov.vn/",
        "15/04/2024",
        "không",
    ],
    ["3.a.8.2", "2024-H1", "", "14", "", "Khảo sát của tỉnh", "", "2024-07-10", ""],
    ["7.a.3.2", "2024", "huyện", "1.234,5".replace("1.234,5", "76,25"), "", "Báo cáo CCHC", "", "20/01/2025", "có"],
    ["7.a.1", "2024", "", "hoàn thành", "", "Báo cáo CCHC", "", "20/01/2025", ""],
]


def csv_text(rows, delimiter=","):
    lines = [delimiter.join(HEADER)] + [delimiter.join(f'"{c}"' for c in row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


def write(tmp_path, name, data):
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def snapshot():
    return sorted(
        Result.objects.values_list("indicator__code", "period", "scope", "value", "note", "is_demo", "updated_at")
    ), ResultHistory.objects.count()


def assert_good_rows_landed():
    assert Result.objects.get(indicator__code="3.a.2", period="2024-Q1").value == D("95.5")
    assert Result.objects.get(indicator__code="3.a.2").note == "Ghi chú có dấu: “đúng hạn”"
    assert Result.objects.get(indicator__code="3.a.8.2").captured_on.isoformat() == "2024-07-10"
    district = Result.objects.get(indicator__code="7.a.3.2")
    assert district.scope == "district" and district.value == D("76.25") and district.is_demo
    assert Result.objects.get(indicator__code="7.a.1").value == 1


@pytest.mark.parametrize(
    "name, encode",
    [
        ("utf8.csv", lambda: csv_text(GOOD_ROWS).encode("utf-8")),
        ("bom.csv", lambda: csv_text(GOOD_ROWS).encode("utf-8-sig")),
        ("excel-utf16.csv", lambda: csv_text(GOOD_ROWS, "\t").encode("utf-16")),
        ("semicolon.csv", lambda: csv_text(GOOD_ROWS, ";").encode("utf-8-sig")),
        (
            "array.json",
            lambda: json.dumps([dict(zip(HEADER, r, strict=True)) for r in GOOD_ROWS], ensure_ascii=False).encode(),
        ),
        ("object.json", lambda: json.dumps({"rows": [dict(zip(HEADER, r, strict=True)) for r in GOOD_ROWS]}).encode()),
    ],
)
def test_each_text_format_and_encoding(tmp_path, name, encode):
    path = write(tmp_path, name, encode())
    report = import_file(path, name.rsplit(".", 1)[1])
    assert report.ok, [str(e) for e in report.errors]
    assert (report.rows, report.new, report.updated) == (4, 4, 0)
    assert_good_rows_landed()


def test_xlsx_with_number_and_date_cells(tmp_path):
    from datetime import date

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["3.a.2", "2024-Q1", None, 95.5, None, "Cổng Dịch vụ công quốc gia", None, date(2024, 4, 15), None])
    sheet.append(["3.a.8.2", "2024-H1", None, "14", None, "Khảo sát", None, "10/07/2024", "không"])
    sheet.append([None] * 9)
    path = tmp_path / "ket-qua.xlsx"
    workbook.save(path)
    report = import_file(path, "xlsx")
    assert report.ok and report.new == 2
    assert Result.objects.get(indicator__code="3.a.2").value == D("95.5")


def test_one_bad_row_writes_nothing_and_names_row_column_value_reason(tmp_path):
    rows = GOOD_ROWS + [["3.a.2", "2024-Q5", "", "95", "", "Nguồn", "", "15/04/2024", ""]]
    path = write(tmp_path, "bad.csv", csv_text(rows))
    before = snapshot()
    report = import_file(path, "csv")
    assert not report.ok and not report.written
    assert snapshot() == before
    assert [(e.row, e.column, e.value) for e in report.errors] == [(6, "ky", "2024-Q5")]
    assert "kỳ không hợp lệ" in str(report.errors[0])
    assert str(report.errors[0]).startswith("Dòng 6, cột “ky”, giá trị “2024-Q5”")


@pytest.mark.parametrize(
    "row, column, reason",
    [
        (["9.z.9", "2024", "", "1", "", "N", "", "01/01/2025", ""], "ma_chi_tieu", "không có chỉ tiêu"),
        (["3.a.2", "2024", "", "abc", "", "N", "", "01/01/2025", ""], "gia_tri", "không phải là số"),
        (["3.a.2", "2024", "", "101", "", "N", "", "01/01/2025", ""], "gia_tri", "không vượt quá 100"),
        (["3.a.2", "2024", "", "-1", "", "N", "", "01/01/2025", ""], "gia_tri", "không được âm"),
        (["3.a.2", "2024", "", "95", "", "", "", "01/01/2025", ""], "nguon", "bắt buộc"),
        (["3.a.2", "2024", "", "95", "", "N", "", "32/01/2025", ""], "ngay_thu_thap", "ngày không hợp lệ"),
        (["3.a.2", "2024", "", "95", "", "N", "", "01/01/2099", ""], "ngay_thu_thap", "tương lai"),
        (
            ["3.a.2", "2024", "", "95", "", "N", "javascript:alert(1)", "01/01/2025", ""],
            "duong_dan_nguon",
            "không hợp lệ",
        ),
        (["3.a.2", "2024", "xã", "95", "", "N", "", "01/01/2025", ""], "cap", "không tách theo cấp"),
        (["7.a.3.1", "2024", "xã", "95", "", "N", "", "01/01/2025", ""], "cap", "cấp khác"),
        (["3.a.2", "2024", "", "95", "", "N", "", "01/01/2025", "có lẽ"], "du_lieu_minh_hoa", "có"),
        (["7.a.1", "2024", "", "2", "", "N", "", "01/01/2025", ""], "gia_tri", "hoàn thành"),
    ],
)
def test_row_errors(tmp_path, row, column, reason):
    path = write(tmp_path, "bad.csv", csv_text([GOOD_ROWS[0], row]))
    before = snapshot()
    report = import_file(path, "csv")
    assert snapshot() == before
    assert [e.column for e in report.errors] == [column]
    assert reason in report.errors[0].reason


def test_duplicate_rows_in_one_file_are_refused(tmp_path):
    path = write(tmp_path, "dup.csv", csv_text([GOOD_ROWS[0], GOOD_ROWS[1], GOOD_ROWS[0]]))
    report = import_file(path, "csv")
    assert not report.ok and "trùng chỉ tiêu, kỳ và cấp với dòng 2" in report.errors[0].reason
    assert not Result.objects.exists()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("broken.xlsx", b"PK\x03\x04 not really a workbook", "không mở được"),
        ("broken.json", b'[{"ma_chi_tieu": "3.a.2", ', "JSON hỏng"),
        ("scalar.json", b"[1, 2]", "không phải là một đối tượng"),
        ("windows-1258.csv", b"ma_chi_tieu,ky,nguon\n3.a.2,2024,S\xf5 N\xf4i v\xf9\n", "UTF-8"),
    ],
)
def test_unreadable_files_are_refused_whole(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(ReadError, match=message):
        import_file(path, name.rsplit(".", 1)[1])
    assert not Result.objects.exists()


def test_empty_file_is_an_error(tmp_path):
    report = import_file(write(tmp_path, "empty.csv", ",".join(HEADER) + "\n"), "csv")
    assert not report.ok and "không có dòng số liệu" in report.errors[0].reason


def test_dry_run_previews_new_updated_unchanged_and_writes_nothing(tmp_path, django_user_model):
    editor = django_user_model.objects.create_user("bientap")
    import_file(write(tmp_path, "first.csv", csv_text(GOOD_ROWS[:2])), "csv", user=editor)
    changed = [GOOD_ROWS[0][:3] + ["97"] + GOOD_ROWS[0][4:], GOOD_ROWS[1], GOOD_ROWS[2]]
    path = write(tmp_path, "second.csv", csv_text(changed))
    before = snapshot()
    refused = import_file(path, "csv", dry_run=True)
    assert [error.column for error in refused.errors] == ["ly_do_sua"], "a real figure is corrected with a reason"
    preview = import_file(path, "csv", dry_run=True, reason="Sửa thử.")
    assert (preview.new, preview.updated, preview.unchanged, preview.written) == (1, 1, 1, False)
    assert snapshot() == before
    assert [(kind, row.indicator_code) for kind, row, _ in preview.preview] == [
        ("updated", "3.a.2"),
        ("new", "7.a.3.2"),
    ]

    report = import_file(path, "csv", user=editor, reason="Sửa thử.")
    assert (report.new, report.updated, report.unchanged) == (1, 1, 1)
    result = Result.objects.get(indicator__code="3.a.2")
    assert result.value == 97 and result.updated_by == editor
    history = list(
        result.history.values_list(
            "previous_value", "new_value", "changed_by__username", "previous_entered_by__username"
        )
    )
    assert history == [(D("95.5"), D("97"), "bientap", "bientap")]
    assert result.history.get().changes["value"] == ["95.5000", "97.0000"]


def test_entering_a_result_again_updates_it_rather_than_duplicating(tmp_path):
    path = write(tmp_path, "a.csv", csv_text(GOOD_ROWS))
    import_file(path, "csv")
    import_file(path, "csv")
    assert Result.objects.count() == 4


def test_command_imports_previews_and_fails_in_vietnamese(tmp_path):
    good = write(tmp_path, "good.csv", csv_text(GOOD_ROWS))
    out = io.StringIO()
    call_command("import_results", str(good), "--dry-run", "--no-progress", stdout=out)
    assert "Xem trước (chưa ghi): 4 dòng: 4 mới" in out.getvalue() and not Result.objects.exists()
    call_command("import_results", str(good), "--no-progress", stdout=out)
    assert Result.objects.count() == 4
    bad = write(tmp_path, "bad.csv", csv_text([GOOD_ROWS[0][:3] + ["x"] + GOOD_ROWS[0][4:]]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Có 1 lỗi trong 1 dòng: không ghi dòng nào"):
        call_command("import_results", str(bad), "--no-progress", stderr=err)
    assert "Dòng 2, cột “gia_tri”, giá trị “x”" in err.getvalue()
    with pytest.raises(CommandError, match="Không nhận ra định dạng"):
        call_command("import_results", str(tmp_path / "a.pdf"))
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_results", str(tmp_path / "missing.csv"))


def test_unchanged_indicator_count():
    assert Indicator.objects.count() == 38


def test_a_bad_row_after_batches_were_written_rolls_them_all_back(tmp_path, monkeypatch):
    from plan.results import batches, staging

    monkeypatch.setattr(batches, "BATCH_SIZE", 2)  # SQLite writes batches as it reads
    monkeypatch.setattr(staging, "ROWS_PER_READ", 2)  # PostgreSQL copies to its staging table, 2 rows a read
    rows = GOOD_ROWS + [["3.a.5", "2024", "", "x", "", "N", "", "01/01/2025", ""]]
    before = snapshot()
    report = import_file(write(tmp_path, "late-error.csv", csv_text(rows)), "csv")
    assert not report.ok and report.errors[0].row == 6
    assert (report.new, report.updated, report.written) == (0, 0, False)
    assert snapshot() == before
