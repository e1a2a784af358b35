"""The import worker's tasks. An uploaded batch is checked (a dry run whose report is
kept with the batch), then imported once its uploader confirms it or a reviewer
approves it. Both run in `manage.py import_worker`, never in a web request, each
within IMPORT_TASK_TIMEOUT seconds: a task that runs longer, or runs out of memory,
is stopped, writes nothing (its transaction is rolled back) and is recorded as failed
with a message in Vietnamese."""

import logging
import signal
import threading
import time
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks import task

from plan.editorial import access
from plan.editorial.review import notify_submitter
from plan.models import ImportBatch
from plan.results.errors import ReadError
from plan.results.importer import import_file
from plan.results.report import report_to_json
from plan.results.uploads import purge_old_uploads, upload_dir
from plan.vocabulary import ImportBatchStatus as Status

logger = logging.getLogger(__name__)
NOTHING_WRITTEN = "không ghi dòng nào"


class DeadlineExceeded(Exception):
    """The task ran past IMPORT_TASK_TIMEOUT."""


@contextmanager
def deadline(seconds, alarm=True):
    """Yields a check to call often (once a row). With `alarm`, in the main thread, an
    alarm also interrupts work that calls no check (opening a workbook, a slow query).
    An import sets no alarm, which could land in its COMMIT: it reads a file the check
    already read within the deadline, and calls the check at every row."""
    end = time.monotonic() + seconds

    def check(_rows=1):
        if time.monotonic() > end:
            raise DeadlineExceeded

    def on_alarm(_signum, _frame):
        raise DeadlineExceeded

    alarm = alarm and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if alarm:
        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield check
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def allowed_indicators(user):
    """None for reviewers (every indicator); the pks of the agency's own otherwise;
    nothing for a batch whose uploader no longer exists."""
    if user is None:
        return set()
    if access.is_reviewer(user):
        return None
    return set(access.editable_indicators(user).values_list("pk", flat=True))


def record(batch, **fields):
    """Save the batch's new state, even after a stopped task left the connection unusable."""
    for name, value in fields.items():
        setattr(batch, name, value)
    try:
        ImportBatch.objects.filter(pk=batch.pk).update(**fields)
    except DatabaseError:
        connection.close()
        ImportBatch.objects.filter(pk=batch.pk).update(**fields)


def claim(batch_id, waiting, running):
    """The batch, now marked running, if it was waiting for this task; None otherwise
    (a task enqueued twice runs once)."""
    claimed = ImportBatch.objects.filter(pk=batch_id, status=waiting).update(
        status=running, started_at=timezone.now(), message=""
    )
    return ImportBatch.objects.select_related("submitted_by").get(pk=batch_id) if claimed else None


def expire_stale_batches(now=None):
    """A batch still 'checking' or 'importing' long after its deadline belongs to a
    worker that was killed (memory cap, restart): its transaction was rolled back."""
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.IMPORT_TASK_TIMEOUT + 60)
    return ImportBatch.objects.filter(status__in=[Status.CHECKING, Status.IMPORTING], started_at__lt=cutoff).update(
        status=Status.FAILED,
        finished_at=now or timezone.now(),
        message=f"Tiến trình nhập đã dừng giữa chừng (hết bộ nhớ hoặc khởi động lại): {NOTHING_WRITTEN}. "
        "Hãy tải tệp lên lại.",
    )


def run(batch, dry_run):
    """The import's report, or the Vietnamese reason it stopped (nothing written)."""
    timeout = settings.IMPORT_TASK_TIMEOUT
    try:
        with deadline(timeout, alarm=dry_run) as check:
            return import_file(
                upload_dir() / batch.stored_name,
                batch.file_format,
                user=batch.submitted_by,
                dry_run=dry_run,
                allowed_indicators=allowed_indicators(batch.submitted_by),
                progress=check,
                reason=batch.correction_reason,
            )
    except ReadError as error:
        return str(error)
    except DeadlineExceeded:
        return f"Quá {timeout:g} giây (IMPORT_TASK_TIMEOUT): đã dừng, {NOTHING_WRITTEN}."
    except MemoryError:
        return f"Tệp cần quá nhiều bộ nhớ (IMPORT_WORKER_MEMORY_MB): đã dừng, {NOTHING_WRITTEN}."
    except FileNotFoundError:
        return f"Tệp tải lên không còn (quá thời hạn lưu RESULT_UPLOAD_RETENTION_DAYS): {NOTHING_WRITTEN}."
    except Exception as error:
        logger.exception("Nhập kết quả: tệp %s lỗi không lường trước", batch.pk)
        return f"Lỗi không lường trước ({error.__class__.__name__}): {NOTHING_WRITTEN}."


def fail(batch, message, report=None):
    (upload_dir() / batch.stored_name).unlink(missing_ok=True)
    fields = {"status": Status.FAILED, "message": message, "finished_at": timezone.now()}
    record(batch, **fields, **({"report": report_to_json(report)} if report else {}))


@task(backend="imports")
def check_batch(batch_id):
    """Check an uploaded file: what it would change, or every error it holds."""
    expire_stale_batches()
    purge_old_uploads()
    batch = claim(batch_id, Status.QUEUED, Status.CHECKING)
    if batch is None:
        return
    report = run(batch, dry_run=True)
    if isinstance(report, str):
        return fail(batch, report)
    if not report.ok:
        message = f"Có {report.error_count} lỗi trong {report.rows} dòng: {NOTHING_WRITTEN}."
        return fail(batch, message, report)
    record(
        batch,
        status=Status.CHECKED,
        report=report_to_json(report),
        rows=report.rows,
        new=report.new,
        updated=report.updated,
        finished_at=timezone.now(),
    )


@task(backend="imports")
def import_batch(batch_id):
    """Import a checked file its uploader confirmed (a reviewer) or a reviewer approved."""
    expire_stale_batches()
    batch = claim(batch_id, Status.IMPORT_QUEUED, Status.IMPORTING)
    if batch is None:
        return
    report = run(batch, dry_run=False)
    if isinstance(report, str):
        fail(batch, report)
    elif not report.ok:
        message = f"Không nhập được: có {report.error_count} lỗi (dữ liệu đã đổi từ khi kiểm tra); {NOTHING_WRITTEN}."
        fail(batch, message, report)
    else:
        (upload_dir() / batch.stored_name).unlink(missing_ok=True)
        record(
            batch,
            status=Status.APPROVED,
            message=f"Đã nhập {report.rows} dòng: {report.new} mới, {report.updated} cập nhật, "
            f"{report.unchanged} không đổi.",
            new=report.new,
            updated=report.updated,
            finished_at=timezone.now(),
        )
    if batch.reviewed_by_id != batch.submitted_by_id:
        notify_submitter(batch)
