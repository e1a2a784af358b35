"""The index figures as open data: the same columns as the import, every stored
figure with its source, and a resource of the Data Package."""

import csv
import io
import json

import pytest

from indices.columns import NAMES
from indices.models import IndexFigure
from tests.indices.helpers import data_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loaded_figures")]


def test_the_csv_has_the_import_columns_and_every_figure_as_in_the_data_file(client):
    response = client.get("/du-lieu/chi-so.csv")
    body = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert list(rows[0]) == NAMES
    assert len(rows) == IndexFigure.objects.count() == len(data_rows())
    key = ("chi_so", "nam", "don_vi", "ma_thuoc_do", "thuoc_do", "duong_dan_nguon")
    source = {tuple(r[k] for k in key): r for r in data_rows()}
    for row in rows:
        original = source[tuple(row[k] for k in key)]
        assert row["gia_tri"] == original["gia_tri"] and row["trich_dan"] == original["trich_dan"]
        assert row["duong_dan_nguon"].startswith("http") and row["ngay_doc"] == "2026-12-07"


def test_the_json_has_the_same_records(client):
    data = json.loads(client.get("/du-lieu/chi-so.json").content)["data"]
    assert len(data) == IndexFigure.objects.count() and list(data[0]) == NAMES


def test_the_data_package_describes_the_file(client):
    package = json.loads(client.get("/du-lieu/datapackage.json").content)
    (resource,) = [r for r in package["resources"] if r["name"] == "chi-so"]
    assert resource["path"].endswith("/du-lieu/chi-so.csv")
    assert [f["name"] for f in resource["schema"]["fields"]] == NAMES


def test_the_open_data_page_documents_it(client):
    page = client.get("/du-lieu/").content.decode()
    assert "chi-so.csv" in page and "Các trường của chi-so.csv / chi-so.json" in page


def test_an_unknown_format_is_not_found(client):
    assert client.get("/du-lieu/chi-so.xml").status_code == 404
