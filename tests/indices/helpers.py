"""What the tests of index figures share: the data files as read, and the figures a
page shows (each `.index-figure` with its value and its source number)."""

import csv
import re
from decimal import Decimal
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[2] / "indices" / "data"
FIGURE = re.compile(
    r'<span class="index-figure" data-figure="(\d+)" data-value="([^"]*)" data-rank="([^"]*)">(.*?)</span>'
    r'(?=\s*(?:<hr|</td>|<span class="figure-source"))',  # the end of the figure's own span
    re.S,
)
SOURCE_LINK = re.compile(r'href="#nguon-(\d+)"')


def data_rows():
    with open(DATA / "chi-so.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def source_entries():
    return yaml.safe_load((DATA / "source" / "official-indices.yaml").read_text(encoding="utf-8"))["entries"]


def research_lines():
    lines = (DATA / "source" / "papi-subdimensions-hai-duong-hai-phong.csv").read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def numbers_in(value):
    """Every number a source entry states as a value (a scalar or the values of a table)."""
    if isinstance(value, dict):
        return {Decimal(str(v)) for v in value.values() if isinstance(v, (int, float))}
    if isinstance(value, (int, float)):
        return {Decimal(str(value))}
    return set()


def figures_on(html):
    """[(figure id, value text, rank text, inner markup)] of the figures a page shows."""
    return FIGURE.findall(html)
