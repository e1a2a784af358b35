"""Admin screens for results: upload a file, preview what would change, confirm;
download the template."""

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
from plan.results.importer import import_file
from plan.results.readers import ReadError, detect_format
from plan.results.rows import COLUMNS
from plan.results.uploads import TOKEN, clean_file_name, purge_old_uploads, upload_dir
from plan.vocabulary import ImportBatchStatus

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
    ],
]


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp kết quả (.csv, .xlsx, .json)")


def require_permission(request):
    if not request.user.has_perm("plan.add_result"):
        raise PermissionDenied


def allowed_indicators(user):
    """None for reviewers (every indicator); the pks of the agency's own otherwise."""
    if access.is_reviewer(user):
        return None
    return set(access.editable_indicators(user).values_list("pk", flat=True))


def upload_page(request, form, **context):
    return render(request, "plan/admin/import.html", {"form": form, "columns": COLUMNS, **context})


def import_view(request):
    require_permission(request)
    if request.method == "POST" and "token" in request.POST:
        return confirm(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return preview(request, form)
    return upload_page(request, form)


def preview(request, form):
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
    token = f"{uuid.uuid4().hex}.{file_format}"
    path = upload_dir() / token
    with open(path, "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    try:
        report = import_file(
            path, file_format, user=request.user, dry_run=True, allowed_indicators=allowed_indicators(request.user)
        )
    except ReadError as error:
        path.unlink(missing_ok=True)
        form.add_error("file", str(error))
        return upload_page(request, form)
    if not report.ok:
        path.unlink(missing_ok=True)
    return upload_page(
        request,
        UploadForm(),
        report=report,
        token=token if report.ok else "",
        file_name=clean_file_name(upload.name),
        is_reviewer=access.is_reviewer(request.user),
    )


def confirm(request):
    token = request.POST.get("token", "")
    path = upload_dir() / token if TOKEN.match(token) else None
    if path is None or not path.exists() or ImportBatch.objects.filter(stored_name=token).exists():
        messages.error(request, "Phiên xem trước đã hết hạn hoặc không hợp lệ: hãy tải tệp lên lại.")
        return redirect("plan_results_import")
    if not access.is_reviewer(request.user):
        return submit_for_review(request, token, path)
    try:
        report = import_file(
            path, token.rsplit(".", 1)[1], user=request.user, allowed_indicators=allowed_indicators(request.user)
        )
    except ReadError as error:
        messages.error(request, str(error))
        return redirect("plan_results_import")
    finally:
        path.unlink(missing_ok=True)
    if not report.ok:
        messages.error(request, f"Có {report.error_count} lỗi: không ghi dòng nào. Hãy sửa tệp và tải lên lại.")
        return redirect("plan_results_import")
    messages.success(
        request,
        f"Đã nhập {report.rows} dòng: {report.new} mới, {report.updated} cập nhật, {report.unchanged} không đổi.",
    )
    return redirect("plan_results_import")


def template_csv(request):
    """The documented template, UTF-8 with BOM so that Excel shows the diacritics."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(list(COLUMNS))
    writer.writerows(TEMPLATE_EXAMPLES)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-ket-qua.csv"'
    return response


def submit_for_review(request, token, path):
    """An agency's editor sends the previewed file to the reviewers; nothing is public yet."""
    file_format = token.rsplit(".", 1)[1]
    try:
        report = import_file(
            path, file_format, user=request.user, dry_run=True, allowed_indicators=allowed_indicators(request.user)
        )
    except ReadError as error:
        path.unlink(missing_ok=True)
        messages.error(request, str(error))
        return redirect("plan_results_import")
    if not report.ok:
        path.unlink(missing_ok=True)
        messages.error(request, f"Có {report.error_count} lỗi: không gửi duyệt. Hãy sửa tệp và tải lên lại.")
        return redirect("plan_results_import")
    batch = ImportBatch.objects.create(
        file_name=clean_file_name(request.POST.get("file_name", "")) or token,
        stored_name=token,
        file_format=file_format,
        rows=report.rows,
        new=report.new,
        updated=report.updated,
        submitted_by=request.user,
    )
    notify_reviewers(batch)
    messages.success(request, f"Đã gửi duyệt {report.rows} dòng. Số liệu sẽ được công bố sau khi người duyệt đồng ý.")
    return redirect("plan_results_import")


def require_reviewer(request):
    if not access.is_reviewer(request.user):
        raise PermissionDenied


def review_list(request):
    require_reviewer(request)
    batches = ImportBatch.objects.select_related("submitted_by", "reviewed_by")[:100]
    return render(request, "plan/admin/review_list.html", {"batches": batches})


def review_batch(request, batch_id):
    require_reviewer(request)
    batch = get_object_or_404(ImportBatch, pk=batch_id)
    path = upload_dir() / batch.stored_name
    if batch.status != ImportBatchStatus.PENDING or not path.exists():
        messages.error(request, "Tệp này đã được xử lý.")
        return redirect("plan_results_review_list")
    submitter_scope = allowed_indicators(batch.submitted_by) if batch.submitted_by else set()
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision == "approve":
            try:
                report = import_file(
                    path, batch.file_format, user=batch.submitted_by, allowed_indicators=submitter_scope
                )
            except ReadError as error:
                messages.error(request, str(error))
                return redirect("plan_results_review", batch_id=batch.pk)
            if not report.ok:
                messages.error(
                    request,
                    f"Không nhập được: có {report.error_count} lỗi (dữ liệu đã thay đổi từ khi gửi). "
                    "Hãy từ chối và yêu cầu gửi lại.",
                )
                return redirect("plan_results_review", batch_id=batch.pk)
            batch.status = ImportBatchStatus.APPROVED
            batch.new, batch.updated = report.new, report.updated
        elif decision == "reject":
            batch.status = ImportBatchStatus.REJECTED
        else:
            messages.error(request, "Hãy chọn duyệt hoặc từ chối.")
            return redirect("plan_results_review", batch_id=batch.pk)
        batch.reviewed_by, batch.reviewed_at = request.user, timezone.now()
        batch.review_comment = request.POST.get("comment", "")[:2000]
        batch.save()
        path.unlink(missing_ok=True)
        notify_submitter(batch)
        decision_text = "duyệt và xuất bản" if batch.status == ImportBatchStatus.APPROVED else "từ chối"
        messages.success(request, f"Đã {decision_text}: {batch.file_name}.")
        return redirect("plan_results_review_list")
    try:
        report = import_file(
            path, batch.file_format, user=batch.submitted_by, dry_run=True, allowed_indicators=submitter_scope
        )
    except ReadError as error:
        messages.error(request, str(error))
        return redirect("plan_results_review_list")
    return render(request, "plan/admin/review_batch.html", {"batch": batch, "report": report})
