"""The periodic report page: assembled from the data, frozen at publication (later
changes to the data never alter it), with the differences from the previous period,
and its DOCX, PDF and CSV files opened and read back."""

import csv
import io
from datetime import date

import docx
import pytest
from pypdf import PdfReader

from plan.models import PlanPage, Task, TaskProgress
from reports.calendar import PeriodKind
from reports.heading import place_and_date
from reports.models import PeriodReportPage, ReportingPeriod, ReportSnapshot
from reports.tables import differences
from tests.builders import publish

pytestmark = pytest.mark.django_db


def period(kind):
    return ReportingPeriod.objects.get(year=2024, kind=kind)


def report_page(kind=PeriodKind.Q1, **fields):
    values = {
        "title": f"Báo cáo {period(kind).name}",
        "slug": f"bao-cao-{kind}-2024",
        "period": period(kind),
        "number": "45/BC-UBND",
        "signed_on": date(2024, 3, 20),
        "signer_authority": "TM. ỦY BAN NHÂN DÂN",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn Thử",
        "recipients": "- Bộ Nội vụ;\n- Lưu: VT.",
        **fields,
    }
    return publish(PlanPage.objects.get(year=2024), PeriodReportPage(**values))


def test_the_date_line_follows_decree_30():
    assert place_and_date("Hải Dương", date(2024, 2, 5), 2024) == "Hải Dương, ngày 05 tháng 02 năm 2024"
    assert place_and_date("Hải Dương", date(2024, 12, 20), 2024) == "Hải Dương, ngày 20 tháng 12 năm 2024"
    assert "năm 2024" in place_and_date("Hải Dương", None, 2024)


def test_a_published_report_is_frozen_and_later_changes_do_not_alter_it(client):
    task = Task.objects.filter(lead_agency__isnull=False).order_by("code").first()
    page = report_page()
    snapshot = ReportSnapshot.objects.get(page=page).data
    before = next(t for t in snapshot["tasks"] if t["code"] == task.code)["status"]
    assert before != "done"
    html_before = client.get(page.url).content.decode()
    TaskProgress.objects.create(task=task, task_code=task.code, status="done", reported_on=date(2024, 3, 1))
    page.title = page.title + " (đã sửa)"
    page.save_revision().publish()  # published again: the data stays as first frozen
    assert ReportSnapshot.objects.get(page=page).data == snapshot
    html_after = client.get(page.url).content.decode()
    assert html_after.count("Hoàn thành") == html_before.count("Hoàn thành")
    assert "Số liệu đã chốt ngày" in html_after and "Bản xem trước" not in html_after
    # A draft shown in preview is assembled from the data as it is, and says so.
    fresh = PeriodReportPage(title="Bản nháp", slug="ban-nhap", period=period(PeriodKind.Q1))
    preview = fresh.present(None).page_context()
    assert not preview["frozen"]
    assert next(t for t in preview["snapshot"]["tasks"] if t["code"] == task.code)["status"] == "done"


def test_the_plan_and_its_dashboard_link_to_the_published_reports(client):
    plan = PlanPage.objects.get(year=2024)
    assert "Báo cáo định kỳ" not in client.get(plan.url).content.decode()
    page = report_page()
    for url in (plan.url, plan.url + "tien-do/"):
        html = client.get(url).content.decode()
        assert f'href="{page.url}"' in html and page.title in html, url


def test_a_report_shows_what_changed_since_the_previous_period(client):
    report_page(PeriodKind.Q1)
    task = Task.objects.filter(lead_agency__isnull=False).order_by("code").first()
    TaskProgress.objects.create(task=task, task_code=task.code, status="done", reported_on=date(2024, 5, 1))
    half = report_page(PeriodKind.H1, signed_on=date(2024, 6, 20))
    html = client.get(half.url).content.decode()
    assert "Thay đổi so với Quý I/2024" in html
    assert f"{task.code}: " in html


def test_differences_between_two_snapshots():
    def snap(name, status, value):
        return {
            "period": {"name": name},
            "counts": {"indicators": {"met": 1 if status == "met" else 0}, "tasks": {}},
            "tasks": [],
            "indicators": [{"code": "1.a", "status": status, "value": value}],
        }

    diff = differences(snap("Quý III/2024", "met", "92%"), snap("6 tháng đầu năm 2024", "at_risk", "70%"))
    assert diff["previous"] == "6 tháng đầu năm 2024"
    assert diff["changes"] == [["1.a", "Có nguy cơ không đạt (70%)", "Đạt (92%)"]]
    assert differences(snap("Q", "met", "1"), None) is None


def test_the_docx_reads_back_as_an_administrative_document(client):
    page = report_page()
    response = client.get(page.url + "docx/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = docx.Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "TỈNH HẢI DƯƠNG",
        "Số: 45/BC-UBND",
        "Hải Dương, ngày 20 tháng 3 năm 2024",
        "BÁO CÁO",
        "Tình hình, kết quả thực hiện cải cách hành chính Quý I/2024",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn Thử",
    ):
        assert expected in text, expected
    snapshot = ReportSnapshot.objects.get(page=page).data
    task_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Mã" and len(t.columns) == 5)
    assert len(task_table.rows) == len(snapshot["tasks"]) + 1
    assert {row.cells[0].text for row in task_table.rows[1:]} == {t["code"] for t in snapshot["tasks"]}
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30
    assert document.paragraphs[0].runs[0].font.name == "Times New Roman"


def test_the_pdf_reads_back_with_its_heading_and_tables(client):
    page = report_page()
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    first = " ".join(reader.pages[0].extract_text().split())  # lines wrap where the page is full
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 45/BC-UBND", "BÁO CÁO", "Quý I/2024"):
        assert expected in first, expected
    whole = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    snapshot = ReportSnapshot.objects.get(page=page).data
    assert "Nhiệm vụ theo tình trạng".upper() in whole
    for task in snapshot["tasks"][:5]:
        assert task["code"] in whole
    assert "Nguyễn Văn Thử" in whole


def test_each_table_downloads_as_csv_and_an_unknown_one_is_not_found(client):
    page = report_page()
    snapshot = ReportSnapshot.objects.get(page=page).data
    response = client.get(page.url + "csv/nhiem-vu/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Tình trạng", "Kết quả đã thực hiện"]
    assert len(rows) == len(snapshot["tasks"]) + 1
    assert client.get(page.url + "csv/khong-co/").status_code == 404
