"""The admin upload screen: preview, confirm, errors; the template; manual entry."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plan.models import Indicator, Result, ResultHistory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/ket-qua/nhap/"
GOOD = (
    "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n"
    "3.a.2;2024-Q1;96,2;Cổng Dịch vụ công quốc gia;15/04/2024\n"
    "3.a.5;2024-Q1;71;Báo cáo;15/04/2024\n"
)


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    return tmp_path / "imports"


def upload(client, name, text):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, text.encode("utf-8-sig"))})


def test_upload_previews_then_confirm_writes(admin_client, upload_dir):
    response = upload(admin_client, "ket-qua.csv", GOOD)
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 dòng hợp lệ" in page and "Chưa có gì được ghi" in page
    assert not Result.objects.exists()
    token = response.context["token"]
    response = admin_client.post(IMPORT_URL, {"token": token}, follow=True)
    assert "Đã nhập 2 dòng: 2 mới" in response.content.decode()
    assert Result.objects.count() == 2 and Result.objects.filter(updated_by__username="quantri").count() == 2
    assert not any(upload_dir.iterdir()), "the uploaded file is removed after import"


def test_a_bad_file_shows_every_error_and_writes_nothing(admin_client, upload_dir):
    response = upload(admin_client, "ket-qua.csv", GOOD + "3.a.2;2024-Q9;x;;\n")
    page = response.content.decode()
    assert "Có 4 lỗi trong 3 dòng: không ghi dòng nào." in page
    assert "2024-Q9" in page and "bắt buộc phải có" in page
    assert not Result.objects.exists() and not any(upload_dir.iterdir())
    assert 'name="token"' not in page


@pytest.mark.parametrize("token", ["../../etc/passwd", "abc.csv", "", "0" * 32 + ".csv"])
def test_a_forged_or_expired_token_writes_nothing(admin_client, token):
    response = admin_client.post(IMPORT_URL, {"token": token}, follow=True)
    assert "Phiên xem trước đã hết hạn hoặc không hợp lệ" in response.content.decode()
    assert not Result.objects.exists()


def test_wrong_file_types_are_refused_in_vietnamese(admin_client):
    page = upload(admin_client, "ket-qua.pdf", "%PDF-1.4").content.decode()
    assert "dùng .csv, .xlsx hoặc .json" in page
    page = upload(admin_client, "ket-qua.xlsx", "not a workbook").content.decode()
    assert "không mở được" in page


def test_template_is_downloadable_and_importable(admin_client, tmp_path):
    response = admin_client.get("/admin/ket-qua/mau.csv")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    header = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert header == [
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
    from plan.results.importer import import_file

    path = tmp_path / "mau.csv"
    path.write_bytes(response.content)
    report = import_file(path, "csv", dry_run=True)
    assert report.ok and report.new == 2, [str(e) for e in report.errors]


def test_import_screen_needs_the_permission(client, django_user_model):
    user = django_user_model.objects.create_user("khach", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code in (302, 403)


def test_manual_entry_keeps_history(admin_client):
    indicator = Indicator.objects.get(code="3.a.2")
    data = {
        "indicator": indicator.pk,
        "period": "2024-Q1",
        "scope": "",
        "value": "95",
        "note": "",
        "source_name": "Báo cáo",
        "source_url": "",
        "captured_on": "2024-04-15",
        "is_demo": "",
    }
    response = admin_client.post("/admin/plan/result/create/", data)
    assert response.status_code == 302, response.content.decode()[:1500]
    result = Result.objects.get()
    data["value"] = "97"
    refused = admin_client.post(f"/admin/plan/result/edit/{result.pk}/", data)  # a correction needs its reason
    assert refused.status_code == 200 and "Hãy ghi lý do sửa" in refused.content.decode()
    data["reason"] = "Cổng Dịch vụ công đính chính số liệu quý I."
    assert admin_client.post(f"/admin/plan/result/edit/{result.pk}/", data).status_code == 302
    result.refresh_from_db()
    assert (result.value, result.updated_by.username, result.origin) == (97, "quantri", "manual")
    history = list(
        ResultHistory.objects.filter(result=result).values_list(
            "previous_value", "new_value", "changed_by__username", "previous_entered_by__username", "reason"
        )
    )
    assert [(str(p), str(n), u, e, r) for p, n, u, e, r in history] == [
        ("95.0000", "97.0000", "quantri", "quantri", "Cổng Dịch vụ công đính chính số liệu quý I.")
    ]


def test_manual_entry_refuses_a_bad_period(admin_client):
    indicator = Indicator.objects.get(code="3.a.2")
    data = {
        "indicator": indicator.pk,
        "period": "Quý 1",
        "scope": "",
        "value": "95",
        "note": "",
        "source_name": "Báo cáo",
        "source_url": "",
        "captured_on": "2024-04-15",
        "is_demo": "",
    }
    response = admin_client.post("/admin/plan/result/create/", data)
    assert response.status_code == 200
    assert "Kỳ không hợp lệ" in response.content.decode()
    assert not Result.objects.exists()
