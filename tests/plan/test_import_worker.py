"""The import worker (plan/results/tasks.py, manage.py import_worker): tasks the admin
queues in the database are run by the worker command, under a deadline; a failure is
recorded in Vietnamese and writes nothing; old uploads are still deleted on its path;
the lock holds per set of indicators. The admin's screens: test_admin_results.py."""

import os
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from plan.models import ImportBatch, Result, ResultHistory
from plan.progress import state
from plan.results import importer, locking, tasks
from plan.results.importer import import_file
from plan.results.readers import ReadError
from tests import builders
from tests.plan.test_import_hostile import FULL, STORED, write_rows
from tests.plan.worker import run_import_worker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.RESULT_UPLOAD_DIR = str(tmp_path / "imports")
    (tmp_path / "imports").mkdir()
    return tmp_path / "imports"


@pytest.fixture
def reviewer(django_user_model):
    return django_user_model.objects.create_superuser("quantri", "quantri@example.org", "mat-khau-thu-nghiem")


def queued_batch(upload_dir, tmp_path, user, rows, status="queued", name="a" * 32):
    path = write_rows(tmp_path, "csv", FULL, rows, "tai-len")
    path.rename(upload_dir / f"{name}.csv")
    return ImportBatch.objects.create(
        file_name="tai-len.csv", stored_name=f"{name}.csv", file_format="csv", submitted_by=user, status=status
    )


@pytest.mark.django_db(transaction=True)
def test_the_worker_command_runs_the_tasks_queued_in_the_database(upload_dir, tmp_path, django_user_model):
    """Committed as in production: the worker opens its own transactions and closes
    its connections between tasks."""
    builders.ensure_plan_loaded()  # a transactional test empties every table when it ends
    reviewer = django_user_model.objects.create_superuser("quantri", "quantri@example.org", "mat-khau-thu-nghiem")
    batch = queued_batch(upload_dir, tmp_path, reviewer, [STORED])
    tasks.check_batch.enqueue(batch.pk)
    stored = DBTaskResult.objects.get()
    assert (stored.status, stored.backend_name) == ("READY", "imports")
    batch.refresh_from_db()
    assert batch.status == "queued", "nothing runs until the worker does"
    run_import_worker(in_test_transaction=False)
    stored.refresh_from_db()
    batch.refresh_from_db()
    assert stored.status == "SUCCESSFUL" and batch.status == "checked" and (batch.rows, batch.new) == (1, 1)
    assert not Result.objects.exists()

    ImportBatch.objects.filter(pk=batch.pk).update(status="import_queued", reviewed_by=reviewer)
    tasks.import_batch.enqueue(batch.pk)
    tasks.import_batch.enqueue(batch.pk)  # queued twice (a double click): it runs once
    run_import_worker(in_test_transaction=False)
    batch.refresh_from_db()
    assert batch.status == "approved" and batch.message == "Đã nhập 1 dòng: 1 mới, 0 cập nhật, 0 không đổi."
    assert Result.objects.count() == 1 and ResultHistory.objects.count() == 0
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert not any(upload_dir.iterdir())


@pytest.mark.parametrize(
    "status, sleep", [("queued", 5), ("import_queued", 1)], ids=["check-stopped-by-the-alarm", "import-between-rows"]
)
def test_a_task_past_its_deadline_is_failed_in_vietnamese_and_writes_nothing(
    upload_dir, tmp_path, reviewer, settings, monkeypatch, status, sleep
):
    """A check is interrupted by the worker's alarm wherever it is; an import (no alarm,
    which could land in its COMMIT) stops at its next row, inside its transaction."""
    settings.IMPORT_TASK_TIMEOUT = 0.5
    rows = [dict(STORED, ky=period) for period in ("2024-Q1", "2024-Q2")]
    batch = queued_batch(upload_dir, tmp_path, reviewer, rows, status=status)
    slow_lookup = importer.known_indicators

    def known_indicators_slowly():
        time.sleep(sleep)
        return slow_lookup()

    monkeypatch.setattr(importer, "known_indicators", known_indicators_slowly)
    (tasks.check_batch if status == "queued" else tasks.import_batch).enqueue(batch.pk)
    started = time.monotonic()
    run_import_worker()
    assert time.monotonic() - started < 4
    batch.refresh_from_db()
    assert batch.status == "failed"
    assert batch.message == "Quá 0.5 giây (IMPORT_TASK_TIMEOUT): đã dừng, không ghi dòng nào."
    assert not Result.objects.exists() and not any(upload_dir.iterdir())


def test_the_deadline_also_stops_a_task_outside_the_main_thread_between_rows():
    outcome = []

    def run():
        with tasks.deadline(0.2) as check:
            try:
                for _ in range(100):
                    time.sleep(0.01)
                    check()
            except tasks.DeadlineExceeded:
                outcome.append("stopped")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(5)
    assert outcome == ["stopped"]


def test_running_out_of_memory_is_recorded_in_vietnamese(upload_dir, tmp_path, reviewer, monkeypatch):
    batch = queued_batch(upload_dir, tmp_path, reviewer, [STORED])

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(tasks, "import_file", exhausted)
    tasks.check_batch.enqueue(batch.pk)
    run_import_worker()
    batch.refresh_from_db()
    assert batch.status == "failed" and "IMPORT_WORKER_MEMORY_MB" in batch.message


def test_a_batch_left_running_by_a_killed_worker_is_failed_later(upload_dir, tmp_path, reviewer, settings):
    batch = queued_batch(upload_dir, tmp_path, reviewer, [STORED], status="importing")
    ImportBatch.objects.filter(pk=batch.pk).update(started_at=timezone.now() - timedelta(hours=1))
    fresh = queued_batch(upload_dir, tmp_path, reviewer, [STORED], status="checking", name="b" * 32)
    ImportBatch.objects.filter(pk=fresh.pk).update(started_at=timezone.now())
    assert tasks.expire_stale_batches() == 1
    batch.refresh_from_db()
    fresh.refresh_from_db()
    assert batch.status == "failed" and "dừng giữa chừng" in batch.message and fresh.status == "checking"


def test_the_worker_deletes_old_uploads_but_keeps_the_files_it_still_has_to_read(
    upload_dir, tmp_path, reviewer, settings
):
    settings.RESULT_UPLOAD_RETENTION_DAYS = 7
    batch = queued_batch(upload_dir, tmp_path, reviewer, [STORED])
    stray = upload_dir / ("c" * 32 + ".csv")
    stray.write_text("x")
    ten_days_ago = time.time() - 10 * 86400
    for path in (stray, upload_dir / batch.stored_name):
        os.utime(path, (ten_days_ago, ten_days_ago))
    tasks.check_batch.enqueue(batch.pk)
    run_import_worker()
    batch.refresh_from_db()
    assert batch.status == "checked" and not stray.exists() and (upload_dir / batch.stored_name).exists()


# One import at a time per set of indicators ---------------------------------------


def test_the_process_lock_holds_per_set_of_indicator_codes(settings, monkeypatch):
    settings.IMPORT_LOCK_TIMEOUT = 0.3
    monkeypatch.setattr(locking.connection, "vendor", "postgresql")  # SQLite holds every code (below)
    with locking.process_lock({"3.a.2", "3.a.5"}):
        with locking.process_lock({"7.a.3.1"}):  # unrelated indicators: at once
            pass
        started = time.monotonic()
        with pytest.raises(locking.ImportBusy, match="cùng chỉ tiêu.*IMPORT_LOCK_TIMEOUT"):
            with locking.process_lock({"3.a.5", "7.a.3.1"}):
                pass
        assert 0.25 < time.monotonic() - started < 2
    with locking.process_lock({"3.a.5"}):  # released
        pass


def test_postgresqls_keys_are_bounded_and_tell_the_tested_codes_apart():
    keys = {locking.advisory_key(f"9.a.{n}") for n in range(5264)}
    assert len(keys) <= locking.ADVISORY_KEYS and all(0 <= key < locking.ADVISORY_KEYS for key in keys)
    assert locking.advisory_key("3.a.2") != locking.advisory_key("3.a.5")


@pytest.mark.django_db(transaction=True)
def test_imports_of_unrelated_indicators_run_side_by_side_and_of_the_same_one_in_turn(tmp_path, monkeypatch, settings):
    """Two threads import at once. On PostgreSQL, files of different indicators are in
    their transactions together; files of the same indicator one after the other. On
    SQLite (one write lock for the whole database) every import takes its turn."""
    builders.ensure_plan_loaded()
    settings.IMPORT_LOCK_TIMEOUT = 10
    first = write_rows(tmp_path, "csv", FULL, [dict(STORED, ma_chi_tieu="3.a.2")], "mot")
    other = write_rows(tmp_path, "csv", FULL, [dict(STORED, ma_chi_tieu="3.a.5")], "hai")
    refresh = state.refresh_indicators
    spans = []

    def refresh_slowly(*args):  # the last step under the locks, before the commit
        start = time.monotonic()
        time.sleep(0.6)
        spans.append((start, time.monotonic()))
        return refresh(*args)

    monkeypatch.setattr(state, "refresh_indicators", refresh_slowly)

    def import_both(paths):
        spans.clear()
        outcomes = []

        def run(path):
            try:
                outcomes.append(import_file(path, "csv"))
            except ReadError as error:
                outcomes.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=run, args=(path,)) for path in paths]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert all(not isinstance(o, ReadError) and o.written for o in outcomes), outcomes
        (a_start, a_end), (b_start, b_end) = sorted(spans)
        return b_start < a_end  # did the two overlap?

    overlapped = import_both([first, other])
    assert Result.objects.count() == 2
    assert overlapped == (connection.vendor == "postgresql"), "unrelated indicators side by side on PostgreSQL"
    changed = write_rows(tmp_path, "csv", FULL, [dict(STORED, ma_chi_tieu="3.a.2", gia_tri="80")], "ba")
    assert not import_both([changed, changed]), "imports of the same indicator take turns"
    assert ResultHistory.objects.count() == 1
