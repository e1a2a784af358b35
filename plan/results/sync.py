"""Fetch the public sources that are due and import their figures through the same
validation as a file import. Each source succeeds or fails on its own, all or
nothing, and its last success or failure is recorded."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from plan.models import ResultSource
from plan.results.fetch import FetchError, fetch_to_file
from plan.results.importer import import_rows
from plan.results.readers import ReadError, read_rows
from plan.vocabulary import MONTHS_PER_REPORT, ResultOrigin


def due_sources(now):
    return (
        ResultSource.objects.filter(enabled=True)
        .filter(Q(next_run_at__isnull=True) | Q(next_run_at__lte=now))
        .select_related("indicator")
    )


def source_rows(source, path, today):
    """Rows of the source file, renamed into the template's columns."""
    for number, row in read_rows(path, source.format):
        if source.filter_field and str(row.get(source.filter_field.lower(), "")).strip() != source.filter_value:
            continue
        yield (
            number,
            {
                "ma_chi_tieu": source.indicator.code,
                "ky": row.get(source.period_field.lower(), ""),
                "cap": row.get(source.scope_field.lower(), "") if source.scope_field else "",
                "gia_tri": row.get(source.value_field.lower(), ""),
                "nguon": source.name,
                "duong_dan_nguon": source.url,
                "ngay_thu_thap": today.isoformat(),
            },
        )


def sync_source(source, now=None):
    """Import one source; returns the ImportReport, or raises FetchError/ReadError."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    try:
        with fetch_to_file(source.url, f".{source.format}") as downloaded:
            report = import_rows(
                lambda: source_rows(source, downloaded.name, today), origin=ResultOrigin.SYNC, today=today
            )
        if not report.ok:
            raise ReadError("; ".join(str(e) for e in report.errors[:5]) + f" ({report.error_count} lỗi)")
    except (FetchError, ReadError) as error:
        source.last_failure_at, source.last_error = now, str(error)[:2000]
        source.save(update_fields=["last_failure_at", "last_error"])
        raise
    source.last_success_at, source.last_error = now, ""
    source.next_run_at = now + timedelta(days=30 * MONTHS_PER_REPORT.get(source.frequency, 1))
    source.save(update_fields=["last_success_at", "last_error", "next_run_at"])
    return report
