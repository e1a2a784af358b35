"""The admin upload screen takes one reason for the whole file: it is given to each row
that corrects a published real figure without a reason of its own (a row's own reason
is kept), shown to the reviewer and published with the correction; a correction with
neither is refused in Vietnamese and nothing changes."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plan.models import ImportBatch, Indicator, Result, ResultHistory
from tests.plan.worker import run_import_worker, upload_and_check

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/ket-qua/nhap/"
HEADER = "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap;ly_do_sua\n"
FILE_REASON = "Sở Nội vụ rà soát lại số liệu quý I của cả tỉnh."
ROW_REASON = "Cổng Dịch vụ công đính chính số liệu của chỉ tiêu này."


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    return tmp_path / "imports"


@pytest.fixture
def published():
    """Two real figures, already public."""
    for code, value in (("3.a.2", 96), ("3.a.5", 70)):
        Result.objects.create(indicator=Indicator.objects.get(code=code), period="2024-Q1", value=Decimal(value),
                              source_name="Báo cáo", captured_on=date(2024, 4, 15))  # fmt: skip
    return dict(Result.objects.values_list("indicator__code", "value"))


def corrections_file(own_reason=""):
    return HEADER + f"3.a.2;2024-Q1;97;Báo cáo;15/04/2024;\n3.a.5;2024-Q1;72;Báo cáo;15/04/2024;{own_reason}\n"


def upload(client, text, reason=None):
    data = {"file": SimpleUploadedFile("sua.csv", text.encode("utf-8-sig"))}
    if reason is not None:
        data["correction_reason"] = reason
    return upload_and_check(client, IMPORT_URL, data).content.decode()


def test_the_upload_form_offers_a_reason_for_the_whole_file(admin_client):
    page = admin_client.get(IMPORT_URL).content.decode()
    assert 'name="correction_reason"' in page and "Lý do sửa cho cả tệp" in page


def test_a_correction_without_any_reason_is_refused_and_nothing_changes(admin_client, published):
    page = upload(admin_client, corrections_file(), reason="   ")
    assert "Không thành công" in page and "Lý do sửa cho cả tệp" in page and "ly_do_sua" in page
    assert ImportBatch.objects.get().status == "failed"
    stored = dict(Result.objects.values_list("indicator__code", "value"))
    assert stored == published and not ResultHistory.objects.corrections().exists()


def test_the_files_reason_goes_to_rows_without_their_own_and_is_published(admin_client, client, published):
    page = upload(admin_client, corrections_file(own_reason=ROW_REASON), reason=f"  {FILE_REASON}\n")
    batch = ImportBatch.objects.get()
    assert batch.status == "checked" and batch.correction_reason == FILE_REASON
    assert FILE_REASON in page, "the uploader sees the reason before confirming"
    admin_client.post(f"{IMPORT_URL}{batch.pk}/")
    run_import_worker()
    assert ImportBatch.objects.get().status == "approved"
    reasons = dict(ResultHistory.objects.corrections().values_list("result__indicator__code", "reason"))
    assert reasons == {"3.a.2": FILE_REASON, "3.a.5": ROW_REASON}
    page = client.get(Indicator.objects.get(code="3.a.2").get_url()).content.decode()
    assert FILE_REASON in page
    assert FILE_REASON in client.get("/du-lieu/dinh-chinh.csv").content.decode("utf-8-sig")
