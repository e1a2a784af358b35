"""Imports under contention and through the admin and the command (issue 11): one
import writes at a time, uploaded file names are cleaned, old uploads are deleted,
and the previews list every stored value a file would change or clear."""

import io
import os
import threading
import time
from contextlib import contextmanager
from decimal import Decimal as D

import pytest
from django.db import connection

from plan.models import ImportBatch, Result, ResultHistory
from plan.results import importer, locking
from plan.results.importer import import_file
from plan.results.readers import ReadError
from plan.results.uploads import clean_file_name, purge_old_uploads
from tests import builders
from tests.plan.test_import_hostile import FULL, STORED, write_rows
from tests.plan.worker import run_import_worker, upload_and_check

pytestmark = pytest.mark.django_db


# One import at a time ----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("same_process", [True, False], ids=["threads-of-one-process", "database-lock-only"])
def test_two_imports_of_one_file_at_once_write_once_and_add_no_duplicate_history(
    tmp_path, monkeypatch, settings, same_process
):
    """Two threads import the same changes at the same moment. With the process lock
    the second waits; with only the database lock (as two processes would be) the
    second waits on PostgreSQL's advisory lock, or is refused cleanly by SQLite's."""
    builders.ensure_plan_loaded()  # a transactional test empties every table when it ends
    settings.IMPORT_LOCK_TIMEOUT = 10
    rows = [dict(STORED, ky=period) for period in ("2024-Q1", "2024-Q2", "2024-Q3")]
    import_file(write_rows(tmp_path, "csv", FULL, rows, "truoc"), "csv")
    changed = write_rows(tmp_path, "csv", FULL, [dict(r, gia_tri="80") for r in rows], "sau")
    if not same_process:
        monkeypatch.setattr(locking, "PROCESS_LOCKS", NoLocks())
    slow_lookup = importer.known_indicators

    def known_indicators_slowly():
        time.sleep(0.5)  # keep the lock long enough for the other thread to arrive
        return slow_lookup()

    monkeypatch.setattr(importer, "known_indicators", known_indicators_slowly)
    outcomes = []

    def run():
        try:
            outcomes.append(import_file(changed, "csv"))
        except ReadError as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    reports = [o for o in outcomes if not isinstance(o, ReadError)]
    refusals = [o for o in outcomes if isinstance(o, ReadError)]
    assert len(outcomes) == 2 and reports
    assert sorted((r.updated, r.unchanged) for r in reports) == ([(0, 3), (3, 0)] if len(reports) == 2 else [(3, 0)])
    assert all("IMPORT_LOCK_TIMEOUT" in str(e) for e in refusals)
    assert set(Result.objects.values_list("value", flat=True)) == {D("80")}
    assert ResultHistory.objects.count() == 3


class NoLocks:
    """As if each import ran in its own process: only the database's lock holds."""

    @contextmanager
    def hold(self, codes, timeout):
        yield


# Admin: file names and retention -----------------------------------------------------


def test_a_file_name_with_a_line_break_is_cleaned_before_it_reaches_a_batch_or_an_email():
    assert clean_file_name("ket-qua\r\nBcc: x@example.org.csv") == "ket-qua Bcc: x@example.org.csv"
    assert clean_file_name("C:\\Users\\a\\ket qua.csv") == "ket qua.csv"
    assert len(clean_file_name("a" * 1000)) == 255


def test_uploads_are_deleted_after_the_retention_period_except_those_waiting_for_review(
    tmp_path, settings, django_user_model
):
    settings.RESULT_UPLOAD_DIR = str(tmp_path)
    settings.RESULT_UPLOAD_RETENTION_DAYS = 7
    old, recent, pending = (tmp_path / f"{c * 32}.csv" for c in "abc")
    for path in (old, recent, pending):
        path.write_text("x")
    ten_days_ago = time.time() - 10 * 86400
    for path in (old, pending):
        os.utime(path, (ten_days_ago, ten_days_ago))
    editor = django_user_model.objects.create_user("bientap")
    ImportBatch.objects.create(file_name="a.csv", stored_name=pending.name, file_format="csv", submitted_by=editor)
    assert purge_old_uploads() == 1
    assert not old.exists() and recent.exists() and pending.exists()


def test_the_admin_upload_of_a_hostile_file_answers_at_once_and_the_worker_fails_it_in_vietnamese(
    admin_client, settings, tmp_path, monkeypatch
):
    settings.RESULT_UPLOAD_DIR = str(tmp_path)
    data = io.BytesIO(b"[" * 5000 + b"]" * 5000)
    data.name = "sau.json"
    parsed = []
    real_read_rows = importer.read_rows
    monkeypatch.setattr(importer, "read_rows", lambda *args: parsed.append(args) or real_read_rows(*args))
    response = admin_client.post("/admin/ket-qua/nhap/", {"file": data})
    assert response.status_code == 302 and parsed == [], "the request does not parse the file"
    batch = ImportBatch.objects.get()
    assert batch.status == "queued" and len(list(tmp_path.iterdir())) == 1
    run_import_worker()
    assert len(parsed) == 1, "the worker parses it, through the function watched above"
    batch.refresh_from_db()
    assert batch.status == "failed" and "IMPORT_JSON_MAX_DEPTH" in batch.message
    page = admin_client.get(response["Location"]).content.decode()
    assert "Không thành công" in page and "IMPORT_JSON_MAX_DEPTH" in page and 'role="alert"' in page
    assert list(tmp_path.iterdir()) == [] and not Result.objects.exists()


def test_the_command_preview_lists_the_stored_values_it_would_change_or_clear(tmp_path):
    from django.core.management import call_command

    import_file(write_rows(tmp_path, "csv", FULL, [STORED], "day-du"), "csv")
    path = write_rows(tmp_path, "csv", FULL, [dict(STORED, ghi_chu="", gia_tri="96")], "xoa")
    out = io.StringIO()
    call_command("import_results", str(path), "--dry-run", "--no-progress", stdout=out)
    text = out.getvalue()
    assert "Giá trị đã lưu sẽ bị thay đổi hoặc xóa (2):" in text
    assert "3.a.2 2024-Q1 chung, ghi chú: “Ghi chú đã lưu” → (xóa)" in text
    assert "3.a.2 2024-Q1 chung, giá trị: “95,5” → “96”" in text
    assert Result.objects.get().note == "Ghi chú đã lưu"


def test_an_agencys_upload_named_with_a_line_break_is_sent_for_review_without_a_500(
    client, settings, tmp_path, django_user_model
):
    from django.contrib.auth.models import Group
    from django.core import mail

    from plan.editorial.roles import REVIEWERS, editor_group_name, sync_roles
    from plan.models import Agency

    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    sync_roles()
    reviewer = django_user_model.objects.create_user("nguoiduyet", "nguoiduyet@example.org", "mat-khau-dai-123")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    editor = django_user_model.objects.create_user("vanphong", "vanphong@example.org", "mat-khau-dai-123")
    editor.groups.add(Group.objects.get(name=editor_group_name(Agency.objects.get(code="van-phong-ubnd-tinh"))))
    client.force_login(editor)
    text = "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n3.a.2;2024-Q1;96,7;Cổng DVC;15/04/2024\n"
    # RFC 2231 lets a multipart header carry a line break in the file's name.
    body = (
        '--B\r\nContent-Disposition: form-data; name="file"; '
        "filename*=UTF-8''vp%0D%0ABcc%3A%20ke-xau%40example.org.csv\r\n"
        f"Content-Type: text/csv\r\n\r\n{text}\r\n--B--\r\n"
    )
    response = client.generic(
        "POST", "/admin/ket-qua/nhap/", body.encode(), content_type="multipart/form-data; boundary=B"
    )
    assert response.status_code == 302, response.content.decode()[:300]
    run_import_worker()
    response = client.post(response["Location"])
    assert response.status_code == 302
    name = ImportBatch.objects.get().file_name  # Django drops the line break; clean_file_name would too
    assert name.startswith("vp") and name.endswith("Bcc: ke-xau@example.org.csv") and not set(name) & {"\r", "\n"}
    assert [m.to for m in mail.outbox] == [["nguoiduyet@example.org"]]
    assert "\n" not in mail.outbox[0].subject


def test_the_admin_preview_shows_the_stored_values_the_file_would_clear(admin_client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    import_file(write_rows(tmp_path, "csv", FULL, [STORED], "day-du"), "csv")
    data = write_rows(tmp_path, "csv", FULL, [dict(STORED, ghi_chu="")], "xoa").read_bytes()
    page = upload_and_check(admin_client, "/admin/ket-qua/nhap/", {"file": SimpleUploadedFile("xoa.csv", data)})
    page = page.content.decode()
    assert "Giá trị đã lưu sẽ bị thay đổi hoặc xóa (1)" in page
    assert "Ghi chú đã lưu" in page and "(xóa)" in page
    assert Result.objects.get().note == "Ghi chú đã lưu"
