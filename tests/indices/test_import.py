"""The admin import of index figures: refusals with Vietnamese reasons and nothing
written, a preview of new and changed figures, an all-or-nothing write on confirmation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from indices.columns import NAMES
from indices.models import IndexFigure
from plan.editorial.roles import sync_roles
from plan.models import Agency
from tests import builders

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/chi-so/nhap/"
CONFIRM_URL = "/admin/chi-so/nhap/xac-nhan/"
GOOD = {
    "chi_so": "PAPI",
    "nam": "2025",
    "loai_don_vi": "province",
    "don_vi": "Hải Phòng",
    "cap_thuoc_do": "total",
    "thuoc_do": "PAPI",
    "gia_tri": "45,1",
    "don_vi_tinh": "điểm",
    "thang_diem_den": "80",
    "loai_nguon": "report",
    "nguon": "Báo cáo PAPI 2025",
    "duong_dan_nguon": "https://papi.org.vn/bao-cao-2025",
    "trich_dan": "Hải Phòng đạt 45,1 điểm",
    "ngay_doc": "15/05/2026",
}


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    return tmp_path / "imports"


def csv_text(*rows):
    lines = [";".join(NAMES)] + [";".join(row.get(name, "") for name in NAMES) for row in rows]
    return "\n".join(lines) + "\n"


def upload(client, text, name="chi-so.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, text.encode("utf-8-sig"))}).content.decode()


def test_a_good_file_is_previewed_then_written_on_confirmation(admin_client, upload_dir):
    page = upload(admin_client, csv_text(GOOD, GOOD | {"nam": "2024", "gia_tri": "44"}))
    assert "Tệp hợp lệ: 2 số liệu mới, 0 số liệu sẽ được sửa" in page and "Chưa ghi gì" in page
    assert "45,1" in page and not IndexFigure.objects.exists()
    response = admin_client.post(CONFIRM_URL, follow=True)
    assert "2 số liệu mới" in response.content.decode()
    figure = IndexFigure.objects.get(year=2025)
    assert str(figure.value) == "45.100000000" and figure.quote == GOOD["trich_dan"]
    assert not any(upload_dir.iterdir()), "the uploaded file is removed after import"


def test_a_changed_figure_is_previewed_field_by_field(admin_client):
    upload(admin_client, csv_text(GOOD))
    admin_client.post(CONFIRM_URL)
    page = upload(admin_client, csv_text(GOOD | {"gia_tri": "45,2"}))
    assert "0 số liệu mới, 1 số liệu sẽ được sửa" in page
    assert "<code>value</code> “45.1” → “45.2”" in page
    admin_client.post(CONFIRM_URL)
    assert str(IndexFigure.objects.get().value.normalize()) == "45.2"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"gia_tri": "1.234,5"}, "cột “gia_tri”, giá trị “1.234,5”: không phải là số thập phân"),
        ({"gia_tri": "95"}, "nằm ngoài thang điểm của dòng"),
        ({"trich_dan": ""}, "cột “trich_dan”, giá trị “”: ô bắt buộc đang trống"),
        ({"duong_dan_nguon": "papi.org.vn"}, "không phải địa chỉ http:// hoặc https://"),
        ({"chi_so": "XYZ"}, "không thuộc các giá trị được nhận"),
        ({"hang": "70", "tren_so": "63"}, "thứ hạng lớn hơn tren_so"),
        ({"gia_tri": "", "hang": "", "nhom": ""}, "cần ít nhất một trong gia_tri, hang hoặc nhom"),
        ({"ngay_doc": "32/13/2026"}, "ngày không hợp lệ"),
        ({"nam": "1899"}, "năm phải trong khoảng 2000–2100"),
    ],
)
def test_a_bad_row_refuses_the_whole_file(admin_client, change, reason):
    page = upload(admin_client, csv_text(GOOD | {"nam": "2024"}, GOOD | change))
    assert "Tệp bị từ chối: 1 lỗi. Không ghi dòng nào." in page
    assert "Dòng 3" in page and reason in page
    assert "Xác nhận và nhập" not in page
    admin_client.post(CONFIRM_URL)
    assert not IndexFigure.objects.exists()


def test_the_same_figure_twice_is_refused(admin_client):
    page = upload(admin_client, csv_text(GOOD, GOOD))
    assert "Dòng 3: trùng số liệu với dòng 2" in page


def test_an_unreadable_file_is_refused_with_a_reason(admin_client):
    assert "Không nhận ra định dạng" in upload(admin_client, "x", name="chi-so.pdf")
    assert "cột không có trong mẫu tệp chỉ số" in upload(admin_client, "chi_so;cot_la\nPAPI;1\n")


def test_confirmation_without_a_checked_file_writes_nothing(admin_client):
    response = admin_client.post(CONFIRM_URL, follow=True)
    assert "Không có tệp nào đang chờ xác nhận" in response.content.decode()


def test_confirmation_checks_the_file_again_against_what_is_stored_then(admin_client):
    """Checked again at confirmation: all or nothing against what is stored then."""
    upload(admin_client, csv_text(GOOD))
    IndexFigure.objects.create(
        index="PAPI", year=2025, unit="Hải Phòng", measure="PAPI", source_url=GOOD["duong_dan_nguon"],
        source_kind="report", source_name="x", quote="x", read_on="2026-05-15", value=1,
    )  # fmt: skip
    admin_client.post(CONFIRM_URL)
    assert str(IndexFigure.objects.get().value.normalize()) == "45.1", "the stored figure is updated, not doubled"


def test_the_reviewers_import_and_an_agencys_editor_cannot(client):
    sync_roles()
    client.force_login(builders.reviewer())
    assert "Kiểm tra và xem trước" in client.get(IMPORT_URL).content.decode()
    client.force_login(builders.editor(Agency.objects.get(code="so-tu-phap")))
    for response in (client.get(IMPORT_URL), client.post(CONFIRM_URL)):
        assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's answer to a refusal


def test_the_template_has_the_columns(admin_client):
    text = admin_client.get("/admin/chi-so/mau.csv").content.decode("utf-8-sig")
    assert text.splitlines()[0].split(",") == NAMES


def test_the_snippet_listing_shows_the_figures(admin_client):
    upload(admin_client, csv_text(GOOD))
    admin_client.post(CONFIRM_URL)
    response = admin_client.get("/admin/snippets/indices/indexfigure/")
    assert response.status_code == 200 and "Hải Phòng" in response.content.decode()
