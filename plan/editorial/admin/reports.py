"""Admin report “Việc cần cập nhật”: the same items as `remind_due`, with filters and
a spreadsheet export. An agency's editor sees their own agency's items only."""

import csv
import io

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plan.editorial import access
from plan.editorial.reminders import REMINDER_LABELS, reminders_by_agency
from plan.exports import csv_row, text_cells

COLUMNS = ["Cơ quan", "Loại", "Mã", "Nội dung", "Tình trạng", "Hạn", "Địa chỉ"]


class ReminderFilter(forms.Form):
    co_quan = forms.ChoiceField(label="Cơ quan", required=False)
    loai = forms.ChoiceField(
        label="Loại", required=False, choices=[("", "Tất cả"), ("chi-tieu", "Chỉ tiêu"), ("nhiem-vu", "Nhiệm vụ")]
    )
    tinh_trang = forms.ChoiceField(
        label="Tình trạng", required=False, choices=[("", "Tất cả"), *REMINDER_LABELS.items()]
    )

    def __init__(self, data, agencies):
        super().__init__(data)
        self.fields["co_quan"].choices = [("", "Tất cả")] + [(a.code, a.name) for a in agencies]


def reminder_rows(user, today, request=None):
    """The rows of the report; with the request, every address is built from the site's
    root paths read once (Wagtail keeps them on the request)."""
    agencies = None if access.is_reviewer(user) else list(access.user_agencies(user))
    rows = []
    for reminders in sorted(reminders_by_agency(today, agencies).values(), key=lambda r: r.agency.name):
        for reminder, row in reminders.indicators:
            rows.append(
                {
                    "agency": reminders.agency,
                    "kind": "chi-tieu",
                    "code": row.indicator.code,
                    "text": row.indicator.metric,
                    "reminder": reminder,
                    "due": row.next_due,
                    "url": row.indicator.get_url(request),
                }
            )
        for reminder, row in reminders.tasks:
            rows.append(
                {
                    "agency": reminders.agency,
                    "kind": "nhiem-vu",
                    "code": row.task.code,
                    "text": row.task.text,
                    "reminder": reminder,
                    "due": row.task.due_date,
                    "url": row.task.get_url(request),
                }
            )
    return rows


def spreadsheet_values(row):
    return [
        row["agency"].name,
        "Chỉ tiêu" if row["kind"] == "chi-tieu" else "Nhiệm vụ",
        row["code"],
        row["text"],
        REMINDER_LABELS[row["reminder"]],
        row["due"].strftime("%d/%m/%Y") if row["due"] else "",
        row["url"],
    ]


def export(rows, file_format):
    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Việc cần cập nhật"
        sheet.append(COLUMNS)
        for row in rows:
            sheet.append(spreadsheet_values(row))
        for sheet_row in sheet.iter_rows():
            text_cells(sheet_row)  # never a live formula, whatever an editor typed
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(COLUMNS)
        writer.writerows(csv_row(spreadsheet_values(row)) for row in rows)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="viec-can-cap-nhat.{file_format}"'
    return response


def reminder_report(request):
    today = timezone.localdate()
    rows = reminder_rows(request.user, today, request)
    agencies = sorted({row["agency"] for row in rows}, key=lambda a: a.name)
    form = ReminderFilter(request.GET, agencies)
    if form.is_valid():
        wanted = form.cleaned_data
        rows = [
            row
            for row in rows
            if (not wanted["co_quan"] or row["agency"].code == wanted["co_quan"])
            and (not wanted["loai"] or row["kind"] == wanted["loai"])
            and (not wanted["tinh_trang"] or row["reminder"] == wanted["tinh_trang"])
        ]
    else:
        rows = []
    if request.GET.get("export") in ("csv", "xlsx"):
        return export(rows, request.GET["export"])
    labelled = [{**row, "label": REMINDER_LABELS[row["reminder"]]} for row in rows]
    return render(
        request,
        "plan/admin/reminder_report.html",
        {"form": form, "rows": labelled, "today": today, "query": request.GET.urlencode()},
    )
