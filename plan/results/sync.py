"""Fetch the public sources that are due and import their figures through the same
validation as a file import. Each source succeeds or fails on its own, all or
nothing, and its last success or failure is recorded, whatever went wrong: one
failing source never stops the others."""

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from plan.models import ResultSource
from plan.results.errors import ReadError
from plan.results.fetch import FetchError
from plan.results.importer import import_rows
from plan.results.outbound import fetch_to_file
from plan.results.readers import read_rows
from plan.results.rows import RowError
from plan.vocabulary import MONTHS_PER_REPORT, ResultOrigin

logger = logging.getLogger(__name__)


class SyncFailed(Exception):
    """A source failed; the message (in Vietnamese) is what was recorded."""


def due_sources(now):
    return (
        ResultSource.objects.filter(enabled=True)
        .filter(Q(next_run_at__isnull=True) | Q(next_run_at__lte=now))
        .select_related("indicator")
    )


def source_rows(source, code, path, today):
    """Rows of the source file, renamed into the template's columns (`code`: the source's
    indicator's, read before: the rows are read while COPY runs, when no query can). The
    source gives no note and no demo flag: those columns are absent, so stored ones are kept."""
    for number, row in read_rows(path, source.format):
        if isinstance(row, RowError):
            yield number, row
            continue
        if source.filter_field and str(row.get(source.filter_field.lower(), "")).strip() != source.filter_value:
            continue
        yield (
            number,
            {
                "ma_chi_tieu": code,
                "ky": row.get(source.period_field.lower(), ""),
                "cap": row.get(source.scope_field.lower(), "") if source.scope_field else "",
                "gia_tri": row.get(source.value_field.lower(), ""),
                "nguon": source.name,
                "duong_dan_nguon": source.url,
                "ngay_thu_thap": today.isoformat(),
            },
        )


def import_source(source, today):
    code = source.indicator.code
    with fetch_to_file(source.url, f".{source.format}") as downloaded:
        report = import_rows(
            lambda: source_rows(source, code, downloaded.name, today),
            origin=ResultOrigin.SYNC,
            today=today,
            reason=f"Nguồn công khai “{source.name}” đã thay đổi số liệu (đồng bộ tự động).",
        )
    if not report.ok:
        raise ReadError("; ".join(str(e) for e in report.errors[:5]) + f" ({report.error_count} lỗi)")
    return report


def sync_source(source, now=None):
    """Import one source; returns the ImportReport, or records the failure and raises
    SyncFailed. An unexpected error is logged with its traceback and recorded by its
    kind only (its text could hold what the server sent)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    try:
        report = import_source(source, today)
    except (FetchError, ReadError) as error:
        record_failure(source, now, str(error))
        raise SyncFailed(str(error)) from error
    except Exception as error:
        logger.exception("sync_results: nguồn %s lỗi không lường trước", source.pk)
        message = f"Lỗi không lường trước khi đồng bộ ({error.__class__.__name__}); không ghi số liệu nào."
        record_failure(source, now, message)
        raise SyncFailed(message) from error
    source.last_success_at, source.last_error = now, ""
    source.next_run_at = now + timedelta(days=30 * MONTHS_PER_REPORT.get(source.frequency, 1))
    source.save(update_fields=["last_success_at", "last_error", "next_run_at"])
    return report


def record_failure(source, now, message):
    source.last_failure_at, source.last_error = now, message[:2000]
    source.save(update_fields=["last_failure_at", "last_error"])
