"""Admin screens of the index figures: the list, edit and history screens of a
snippet, and the file import (upload → check and preview → confirm), which refuses a
file with a bad row, as the results import does. Figures are small files: the check
runs in the request, bounded by the readers' limits and indices.importer.MAX_ROWS."""

import csv
import io
import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet

from indices import importer
from indices.columns import COLUMNS, NAMES
from indices.models import IndexFigure
from plan.exports import csv_row
from plan.results.readers import ReadError, detect_format
from plan.results.uploads import clean_file_name, upload_dir

SESSION_KEY = "indices_import"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
PERMISSIONS = ("indices.add_indexfigure", "indices.change_indexfigure")


class IndexFigureFilterSet(WagtailFilterSet):
    class Meta:
        model = IndexFigure
        fields = ["index", "year", "unit_kind", "level", "source_kind", "flag"]


class IndexFigureViewSet(SnippetViewSet):
    model = IndexFigure
    icon = "table"
    menu_label = "Số liệu chỉ số"
    menu_name = "so-lieu-chi-so"
    menu_order = 237
    add_to_admin_menu = True
    list_display = ["__str__", "value", "rank", "tier", "source_name", "updated_at"]
    list_per_page = 50
    filterset_class = IndexFigureFilterSet
    search_fields = ["unit", "measure", "source_name", "quote"]
    search_backend_name = None  # the database's own search over these fields: figures are not in the search index
    ordering = ["index", "unit", "level", "measure_code", "year"]


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp số liệu chỉ số (.csv, .xlsx, .json)")


def require_permission(request):
    if not request.user.has_perms(PERMISSIONS):
        raise PermissionDenied


def page(request, form, result=None, file_name=""):
    context = {"form": form, "columns": COLUMNS, "result": result, "file_name": file_name}
    return render(request, "indices/admin/import.html", context)


def import_view(request):
    """Upload a file: it is checked at once and previewed; nothing is written."""
    require_permission(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return page(request, form)
    upload = form.cleaned_data["file"]
    try:
        file_format = detect_format(upload.name)
    except ReadError as error:
        form.add_error("file", str(error))
        return page(request, form)
    if upload.size > MAX_UPLOAD_BYTES:
        form.add_error("file", "Tệp lớn hơn 2 MB: số liệu chỉ số của một năm chỉ vài trăm dòng; hãy chia tệp.")
        return page(request, form)
    stored_name = f"{uuid.uuid4().hex}.{file_format}"
    path = upload_dir() / stored_name
    with open(path, "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    file_name = clean_file_name(upload.name) or stored_name
    try:
        result = importer.preview(path, file_format)
    except ReadError as error:
        path.unlink(missing_ok=True)
        form.add_error("file", str(error))
        return page(request, form)
    if result.errors or not result.writes:
        path.unlink(missing_ok=True)
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = {"stored": stored_name, "format": file_format, "name": file_name}
    return page(request, UploadForm(), result, file_name)


def confirm_view(request):
    """Import the previewed file, all or nothing, checked again against what is stored now."""
    require_permission(request)
    pending = request.session.get(SESSION_KEY)
    if request.method != "POST" or not pending:
        messages.error(request, "Không có tệp nào đang chờ xác nhận: hãy tải tệp lên lại.")
        return redirect("indices_import")
    request.session.pop(SESSION_KEY, None)
    path = upload_dir() / pending["stored"]
    try:
        result = importer.import_file(path, pending["format"])
    except importer.ImportRefused as refused:
        messages.error(request, "Không ghi dòng nào: tệp không còn hợp lệ so với số liệu hiện có.")
        return page(request, UploadForm(), refused.preview, pending["name"])
    except (ReadError, OSError):
        messages.error(request, "Không đọc được tệp đã tải lên (có thể đã bị xóa): hãy tải tệp lên lại.")
        return redirect("indices_import")
    finally:
        path.unlink(missing_ok=True)
    messages.success(
        request,
        f"Đã nhập “{pending['name']}”: {len(result.new)} số liệu mới, {len(result.changed)} số liệu sửa, "
        f"{result.unchanged} số liệu không đổi.",
    )
    return redirect("indices_import")


def template_csv(request):
    """The columns, with one example row to delete."""
    require_permission(request)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(NAMES)
    example = {
        "chi_so": "PAPI",
        "nam": "2024",
        "loai_don_vi": "province",
        "don_vi": "Hải Dương",
        "cap_thuoc_do": "total",
        "thuoc_do": "PAPI",
        "gia_tri": "42,68",
        "don_vi_tinh": "điểm",
        "thang_diem_den": "80",
        "loai_nguon": "report",
        "nguon": "Ví dụ, hãy xóa dòng này",
        "duong_dan_nguon": "https://papi.org.vn/",
        "trich_dan": "Câu chữ nguyên văn của nguồn",
        "ngay_doc": "2025-05-15",
    }
    writer.writerow(csv_row(example.get(name, "") for name in NAMES))
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-chi-so.csv"'
    return response
