"""Admin screens for results: upload a file, follow its check by the import worker,
see what it would change, confirm (or send it for review); review; the template.
No file is parsed here: the worker does it (plan/results/tasks.py), so a web worker
answers at once whatever the file holds."""

import csv
import io
import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from plan.editorial import access
from plan.editorial.review import notify_reviewers, notify_submitter
from plan.models import ImportBatch
from plan.results.readers import ReadError, detect_format
from plan.results.report import report_from_json
from plan.results.rows import COLUMNS
from plan.results.tasks import check_batch, expire_stale_batches, import_batch
from plan.results.uploads import clean_file_name, purge_old_uploads, upload_dir
from plan.vocabulary import IMPORT_BATCH_RUNNING
from plan.vocabulary import ImportBatchStatus as Status

# While the worker has a batch, its page reloads itself every few seconds (no script).
REFRESH_SECONDS = 3

TEMPLATE_EXAMPLES = [
    [
        "3.a.2",
        "2024-Q1",
        "",
        "96,2",
        "Ví dụ, hãy xóa dòng này",
        "Cổng Dịch vụ công quốc gia",
        "https://dichvucong.gov.vn/",
        "15/04/2024",
        "có",
        "",
    ],
    [
        "7.a.3.2",
        "2024-H1",
        "huyện",
        "71,5 %",
        "Ví dụ, hãy xóa dòng này",
        "Báo cáo CCHC 6 tháng của UBND tỉnh",
        "",
        "10/07/2024",
        "có",
        "",
    ],
]


REASON_MAX_LENGTH = 1000


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp kết quả (.csv, .xlsx, .json)")
    correction_reason = forms.CharField(
        label="Lý do sửa cho cả tệp",
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=(
            "Khi tệp sửa số liệu thật đã công bố: lý do dùng cho mọi dòng sửa không có cột ly_do_sua riêng "
            "(dòng có lý do riêng giữ lý do của dòng). Lý do được công khai cùng số liệu đã sửa. Một dòng sửa "
            "số liệu thật mà không có lý do nào thì cả tệp bị từ chối, không ghi dòng nào."
        ),
    )

    def clean_correction_reason(self):
        # One line of plain words: it is shown on public pages and in the feeds.
        return " ".join(self.cleaned_data["correction_reason"].split())


def require_permission(request):
    if not request.user.has_perm("plan.add_result"):
        raise PermissionDenied


def require_reviewer(request):
    if not access.is_reviewer(request.user):
        raise PermissionDenied


def upload_page(request, form):
    recent = ImportBatch.objects.filter(submitted_by=request.user)[:10]
    return render(request, "plan/admin/import.html", {"form": form, "columns": COLUMNS, "recent": recent})


def import_view(request):
    """The upload form; a file is stored and queued for the worker's check at once."""
    require_permission(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return upload_page(request, form)
    upload = form.cleaned_data["file"]
    purge_old_uploads()
    try:
        file_format = detect_format(upload.name)
    except ReadError as error:
        form.add_error("file", str(error))
        return upload_page(request, form)
    if upload.size > settings.RESULT_UPLOAD_MAX_BYTES:
        limit = settings.RESULT_UPLOAD_MAX_BYTES // (1024 * 1024)
        form.add_error("file", f"Tệp lớn hơn giới hạn {limit} MB (RESULT_UPLOAD_MAX_BYTES).")
        return upload_page(request, form)
    stored_name = f"{uuid.uuid4().hex}.{file_format}"
    with open(upload_dir() / stored_name, "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    batch = ImportBatch.objects.create(
        file_name=clean_file_name(upload.name) or stored_name,
        stored_name=stored_name,
        file_format=file_format,
        submitted_by=request.user,
        correction_reason=form.cleaned_data["correction_reason"],
    )
    check_batch.enqueue(batch.pk)
    return redirect("plan_results_batch", batch_id=batch.pk)


def visible_batch(request, batch_id):
    """The batch, for its uploader or a reviewer; 403 for anyone else."""
    batch = get_object_or_404(ImportBatch.objects.select_related("submitted_by", "reviewed_by"), pk=batch_id)
    if batch.submitted_by_id != request.user.pk and not access.is_reviewer(request.user):
        raise PermissionDenied
    return batch


def batch_view(request, batch_id):
    """A batch's progress and outcome; its uploader confirms it here once checked."""
    require_permission(request)
    expire_stale_batches()
    batch = visible_batch(request, batch_id)
    if request.method == "POST":
        return confirm(request, batch)
    running = batch.status in IMPORT_BATCH_RUNNING
    report = report_from_json(batch.report)
    return render(
        request,
        "plan/admin/import_batch.html",
        {
            "batch": batch,
            "report": report,
            "running": running,
            "refresh_seconds": REFRESH_SECONDS if running else None,
            "may_confirm": batch.status == Status.CHECKED
            and batch.submitted_by_id == request.user.pk
            and bool(report and (report.new or report.updated)),
            "is_reviewer": access.is_reviewer(request.user),
        },
    )


def confirm(request, batch):
    """A reviewer's own file is queued for import; an agency's editor's waits for review."""
    path = upload_dir() / batch.stored_name
    if batch.status != Status.CHECKED or batch.submitted_by_id != request.user.pk or not path.exists():
        messages.error(request, "Phiên xem trước đã hết hạn hoặc không hợp lệ: hãy tải tệp lên lại.")
        return redirect("plan_results_import")
    if access.is_reviewer(request.user):
        queue_import(batch, request.user, "")
        return redirect("plan_results_batch", batch_id=batch.pk)
    batch.status = Status.PENDING
    batch.save(update_fields=["status"])
    notify_reviewers(batch)
    messages.success(request, f"Đã gửi duyệt {batch.rows} dòng. Số liệu sẽ được công bố sau khi người duyệt đồng ý.")
    return redirect("plan_results_batch", batch_id=batch.pk)


def queue_import(batch, reviewer, comment):
    batch.status = Status.IMPORT_QUEUED
    batch.reviewed_by, batch.reviewed_at, batch.review_comment = reviewer, timezone.now(), comment
    batch.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    import_batch.enqueue(batch.pk)


def template_csv(request):
    """The documented template, UTF-8 with BOM so that Excel shows the diacritics."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(list(COLUMNS))
    writer.writerows(TEMPLATE_EXAMPLES)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-ket-qua.csv"'
    return response


def review_list(request):
    require_reviewer(request)
    expire_stale_batches()
    batches = ImportBatch.objects.select_related("submitted_by", "reviewed_by")[:100]
    return render(request, "plan/admin/review_list.html", {"batches": batches})


def review_batch(request, batch_id):
    """A reviewer reads the worker's check of a pending file and approves it (the worker
    imports it, checking it again against what is stored then) or rejects it."""
    require_reviewer(request)
    batch = get_object_or_404(ImportBatch.objects.select_related("submitted_by"), pk=batch_id)
    if batch.status != Status.PENDING or not (upload_dir() / batch.stored_name).exists():
        messages.error(request, "Tệp này đã được xử lý.")
        return redirect("plan_results_review_list")
    if request.method != "POST":
        return render(
            request, "plan/admin/review_batch.html", {"batch": batch, "report": report_from_json(batch.report)}
        )
    decision, comment = request.POST.get("decision"), request.POST.get("comment", "")[:2000]
    if decision == "approve":
        queue_import(batch, request.user, comment)
        messages.success(request, f"Đã duyệt {batch.file_name}: tệp đang được nhập.")
        return redirect("plan_results_batch", batch_id=batch.pk)
    if decision != "reject":
        messages.error(request, "Hãy chọn duyệt hoặc từ chối.")
        return redirect("plan_results_review", batch_id=batch.pk)
    batch.status = Status.REJECTED
    batch.reviewed_by, batch.reviewed_at, batch.review_comment = request.user, timezone.now(), comment
    batch.finished_at = batch.reviewed_at
    batch.save()
    (upload_dir() / batch.stored_name).unlink(missing_ok=True)
    notify_submitter(batch)
    messages.success(request, f"Đã từ chối: {batch.file_name}.")
    return redirect("plan_results_review_list")
