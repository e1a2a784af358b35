"""The periodic report page and its downloads. A published report shows its frozen
snapshot (reports.freezing); a draft in preview is assembled from the data as it is,
and says so."""

import csv

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse

from plan.exports import csv_row
from plan.models.presenting import presents
from reports.assemble import assemble
from reports.docx_file import build_docx
from reports.freezing import frozen, previous_snapshot
from reports.heading import Heading, number_line, place_and_date, report_subject
from reports.models import PeriodReportPage
from reports.pdf_file import PdfUnavailable, build_pdf
from reports.tables import (
    date_text,
    differences,
    late_or_missing,
    report_tables,
    status_label,
    table_named,
    task_statuses,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@presents(PeriodReportPage)
class PeriodReportPresenter:
    def __init__(self, page, request):
        self.page = page
        self.request = request

    def data(self):
        """(snapshot, frozen?)"""
        snapshot = frozen(self.page)
        if snapshot is not None:
            return snapshot.data, True
        return assemble(self.page.period, self.page.agency), False

    def heading(self, snapshot):
        page = self.page
        return Heading(
            issuing_body=page.issuing_body,
            number=number_line(page.number),
            place_date=place_and_date(page.place, page.signed_on, page.period.year),
            subject=report_subject(snapshot["period"]["name"], snapshot["agency"]),
            signer_authority=page.signer_authority,
            signer_title=page.signer_title,
            signer_name=page.signer_name,
            recipients=page.recipient_lines,
            demo=snapshot["demo"] or page.is_demo,
        )

    def parts(self):
        snapshot, is_frozen = self.data()
        previous = previous_snapshot(self.page) if is_frozen else None
        diff = differences(snapshot, previous.data if previous else None)
        return snapshot, is_frozen, diff

    def page_context(self):
        snapshot, is_frozen, diff = self.parts()
        return {
            "snapshot": snapshot,
            "frozen": is_frozen,
            "dates": {
                "data_from": date_text(snapshot["period"]["data_from"]),
                "data_to": date_text(snapshot["period"]["data_to"]),
                "taken_on": date_text(snapshot["taken_on"]),
            },
            "heading": self.heading(snapshot),
            "tables": report_tables(snapshot),
            "late_or_missing": late_or_missing(snapshot),
            "diff": diff,
            "indicator_counts": [(status_label(s), n) for s, n in snapshot["counts"]["indicators"].items()],
            "task_counts": [(status_label(s), snapshot["counts"]["tasks"].get(s, 0)) for s in task_statuses(snapshot)],
            "ancestors": self.page.ancestor_pages,
        }

    def file_name(self, extension):
        return f"{self.page.slug}.{extension}"

    def download(self, content, content_type, extension):
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.file_name(extension)}"'
        return response

    def docx(self):
        snapshot, _, diff = self.parts()
        content = build_docx(self.heading(snapshot), snapshot, report_tables(snapshot), diff, self.page.introduction)
        return self.download(content, DOCX_TYPE, "docx")

    def pdf(self):
        snapshot, _, diff = self.parts()
        try:
            content = build_pdf(self.heading(snapshot), snapshot, report_tables(snapshot), diff, self.page.introduction)
        except PdfUnavailable as error:
            context = {"page": self.page, "message": str(error), "ancestors": self.page.ancestor_pages}
            return TemplateResponse(self.request, "reports/pdf_unavailable.html", context, status=503)
        return self.download(content, "application/pdf", "pdf")

    def csv(self, key):
        snapshot, _ = self.data()
        table = table_named(snapshot, key[:40])
        if table is None:
            raise Http404("Không có bảng này.")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.page.slug}-{table.key}.csv"'
        response.write("\ufeff")  # spreadsheet programs read UTF-8 with its mark
        writer = csv.writer(response)
        writer.writerow(csv_row(table.headers))
        for row in table.rows:
            writer.writerow(csv_row(row))
        return response
