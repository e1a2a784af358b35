"""The admin upload screen: preview, confirm, errors; the template; manual entry."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plan.models import ImportBatch, Indicator, Result, ResultHistory
from tests.plan.worker import run_import_worker, upload_and_check

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
    """The admin answers at once; the batch page shows the worker's check once it ran."""
    return upload_and_check(client, IMPORT_URL, {"file": SimpleUploadedFile(name, text.encode("utf-8-sig"))})


def test_upload_is_checked_by_the_worker_then_confirm_queues_the_import(admin_client, upload_dir):
    response = admin_client.post(IMPORT_URL, {"file": SimpleUploadedFile("ket-qua.csv", GOOD.encode())})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/ket-qua/nhap/{batch.pk}/"
    page = admin_client.get(response["Location"]).content.decode()
    assert "Đang chờ kiểm tra" in page and '<meta http-equiv="refresh"' in page and "Tải lại ngay" in page
    run_import_worker()
    response = admin_client.get(f"/admin/ket-qua/nhap/{batch.pk}/")
    page = response.content.decode()
    assert "Đã kiểm tra, chờ xác nhận" in page and "2 dòng hợp lệ" in page and "Chưa có gì được ghi" in page
    assert 'http-equiv="refresh"' not in page
    assert not Result.objects.exists()
    page = admin_client.post(f"/admin/ket-qua/nhap/{batch.pk}/", follow=True).content.decode()
    assert "Đang chờ nhập" in page and not Result.objects.exists()
    run_import_worker()
    page = admin_client.get(f"/admin/ket-qua/nhap/{batch.pk}/").content.decode()
    assert "Đã nhập 2 dòng: 2 mới" in page and "Đã duyệt, đã xuất bản" in page
    assert Result.objects.count() == 2 and Result.objects.filter(updated_by__username="quantri").count() == 2
    assert not any(upload_dir.iterdir()), "the uploaded file is removed after import"
    assert "ket-qua.csv" in admin_client.get(IMPORT_URL).content.decode(), "listed among recent uploads"


@pytest.mark.parametrize("status, label", [("checking", "Đang kiểm tra"), ("importing", "Đang nhập")])
def test_a_batch_the_worker_holds_shows_its_state_and_reloads_itself_without_javascript(admin_client, status, label):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    user = get_user_model().objects.get(username="quantri")
    batch = ImportBatch.objects.create(
        file_name="k.csv", stored_name="a" * 32 + ".csv", file_format="csv", submitted_by=user, status=status
    )
    ImportBatch.objects.filter(pk=batch.pk).update(started_at=timezone.now())
    page = admin_client.get(f"/admin/ket-qua/nhap/{batch.pk}/").content.decode()
    assert f"Trạng thái: <strong>{label}</strong>" in page and 'role="status"' in page
    assert '<meta http-equiv="refresh" content="3">' in page and f'href="/admin/ket-qua/nhap/{batch.pk}/"' in page
    assert "Xác nhận nhập" not in page


def test_a_bad_file_shows_every_error_and_writes_nothing(admin_client, upload_dir):
    page = upload(admin_client, "ket-qua.csv", GOOD + "3.a.2;2024-Q9;x;;\n").content.decode()
    assert "Có 4 lỗi trong 3 dòng: không ghi dòng nào." in page and "Không thành công" in page
    assert "2024-Q9" in page and "bắt buộc phải có" in page
    assert not Result.objects.exists() and not any(upload_dir.iterdir())
    assert "Xác nhận nhập" not in page


def test_a_batch_cannot_be_confirmed_twice_nor_before_its_check(admin_client):
    response = admin_client.post(IMPORT_URL, {"file": SimpleUploadedFile("k.csv", GOOD.encode())})
    page = admin_client.post(response["Location"], follow=True).content.decode()
    assert "Phiên xem trước đã hết hạn hoặc không hợp lệ" in page
    run_import_worker()
    admin_client.post(response["Location"])
    page = admin_client.post(response["Location"], follow=True).content.decode()
    assert "Phiên xem trước đã hết hạn hoặc không hợp lệ" in page
    run_import_worker()
    assert Result.objects.count() == 2 and ResultHistory.objects.count() == 0


def test_another_users_batch_is_forbidden_and_an_unknown_one_is_404(admin_client, django_user_model):
    from django.contrib.auth.models import Permission
    from django.test import Client

    admin_client.post(IMPORT_URL, {"file": SimpleUploadedFile("k.csv", GOOD.encode())})
    batch = ImportBatch.objects.get()
    user = django_user_model.objects.create_user("khac", password="x")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "add_result"]))
    client = Client()
    client.force_login(user)
    assert client.get(f"/admin/ket-qua/nhap/{batch.pk}/").status_code in (302, 403)  # Wagtail redirects a 403
    assert "k.csv" not in client.get(f"/admin/ket-qua/nhap/{batch.pk}/", follow=True).content.decode()
    assert client.post(f"/admin/ket-qua/nhap/{batch.pk}/").status_code in (302, 403)
    run_import_worker()
    assert ImportBatch.objects.get().status == "checked", "the other user's post confirmed nothing"
    assert admin_client.get(f"/admin/ket-qua/nhap/{batch.pk + 1}/").status_code == 404


def test_wrong_file_types_are_refused_in_vietnamese(admin_client):
    response = admin_client.post(IMPORT_URL, {"file": SimpleUploadedFile("ket-qua.pdf", b"%PDF-1.4")})
    assert response.status_code == 200 and "dùng .csv, .xlsx hoặc .json" in response.content.decode()
    assert not ImportBatch.objects.exists()
    page = upload(admin_client, "ket-qua.xlsx", "not a workbook").content.decode()
    assert "không mở được" in page and "Không thành công" in page


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
        "ly_do_sua",
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
