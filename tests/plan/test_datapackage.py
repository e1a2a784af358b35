"""The open data as a Frictionless Data Package (/du-lieu/datapackage.json): its
descriptor, and `frictionless validate` run on the package and its files as a live
server serves them (valid; invalid once the schema is broken)."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from indices.models import IndexFigure
from plan.content.site_address import set_site_address
from plan.models import Agency, AgencySuccession, Indicator, PlanPage, Result, ResultHistory, SiteIdentity, Task
from plan.public import datapackage, open_data, open_files
from tests import builders

FRICTIONLESS = str(Path(sys.executable).with_name("frictionless"))


@pytest.mark.django_db
def test_the_descriptor_describes_every_served_field(client):
    site, _changed = set_site_address("https://cchc.example.gov.vn")
    identity = SiteIdentity.for_site(site)
    identity.open_data_licence, identity.open_data_licence_url = (
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    identity.save()
    package = client.get("/du-lieu/datapackage.json").json()
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"] == [{"title": "CC BY 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}]
    resources = {resource["name"]: resource for resource in package["resources"]}
    indicators, results, figures = resources["chi-tieu"], resources["ket-qua"], resources["chi-so"]
    plans, successions = resources["ke-hoach"], resources["ke-tuc-co-quan"]
    for name, fields in (("nhiem-vu", open_files.TASK_FIELDS), ("dinh-chinh", open_files.CORRECTION_FIELDS)):
        described = resources[name]["schema"]["fields"]
        assert [(f["name"], f["description"]) for f in described] == [(n, text) for n, _t, text in fields]
    assert indicators["path"] == "https://cchc.example.gov.vn/du-lieu/chi-tieu.csv"
    assert results["path"] == "https://cchc.example.gov.vn/du-lieu/ket-qua.csv"
    assert figures["path"] == "https://cchc.example.gov.vn/du-lieu/chi-so.csv"
    served = (
        (indicators, open_data.INDICATOR_FIELDS),
        (results, open_data.RESULT_FIELDS),
        (plans, open_data.across_years.PLAN_FIELDS),
        (successions, open_data.across_years.SUCCESSION_FIELDS),
    )
    for resource, fields in (*served, (figures, open_data.FIGURE_FIELDS)):
        described = resource["schema"]["fields"]
        assert [(f["name"], f["description"]) for f in described] == [(name, text) for name, _t, text in fields]
        assert all(f["type"] in ("string", "integer", "number", "date", "datetime", "boolean") for f in described)
    assert indicators["schema"]["primaryKey"] == ["ma"]
    assert results["schema"]["primaryKey"] == ["ma_chi_tieu", "ky", "cap"]
    assert results["schema"]["foreignKeys"][0]["reference"] == {"resource": "chi-tieu", "fields": ["ma"]}
    assert plans["schema"]["primaryKey"] == ["ma_ke_hoach"]


@pytest.mark.django_db
def test_the_open_data_page_links_the_package_and_states_the_licence(client):
    text = client.get("/du-lieu/").content.decode()
    assert 'href="/du-lieu/datapackage.json"' in text and "Giấy phép" in text


def validate(url):
    """The report of `frictionless validate` on the package at `url` (JSON)."""
    done = subprocess.run(
        [FRICTIONLESS, "validate", url, "--json"], capture_output=True, text=True, timeout=300, check=False
    )
    return json.loads(done.stdout)


def errors(report):
    return [(task["name"], error["type"]) for task in report["tasks"] for error in task["errors"]]


@pytest.mark.django_db(transaction=True)
def test_frictionless_validates_the_served_package(live_server, monkeypatch):
    builders.ensure_plan_loaded()
    call_command("load_demo_results", verbosity=0)
    call_command("load_indices", verbosity=0)
    set_site_address(live_server.url)
    url = live_server.url + "/du-lieu/datapackage.json"
    AgencySuccession.objects.create(
        predecessor=Agency.objects.get(code="so-ke-hoach-va-dau-tu"),
        successor=Agency.objects.get(code="so-tai-chinh"),
        effective_from=date(2025, 3, 1),
    )

    report = validate(url)
    assert report["valid"], errors(report)
    rows = {task["name"]: task["stats"].get("rows", 0) for task in report["tasks"]}
    assert rows == {
        "chi-tieu": Indicator.objects.filter(live=True).count(),
        "ket-qua": Result.objects.count(),
        "chi-so": IndexFigure.objects.count(),
        "ke-hoach": PlanPage.objects.live().count(),
        "ke-tuc-co-quan": 1,
        "nhiem-vu": Task.objects.filter(area__live=True).count(),
        "dinh-chinh": ResultHistory.objects.corrections().count(),
    }
    assert rows["ket-qua"] > 0

    # A schema that no longer fits the files is caught.
    monkeypatch.setitem(datapackage.TYPES, "ma", {"type": "integer"})
    broken = errors(validate(url))
    assert ("chi-tieu", "type-error") in broken
