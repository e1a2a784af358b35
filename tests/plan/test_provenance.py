"""Every fact the site adds to the plan's wording says where it comes from: quoted,
inferred (with the rule) or set by an editor (who, when), on every page that shows it
and in the open data."""

import csv
import io
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from plan.content.provenance import indicator_provenance, task_provenance
from plan.models import Indicator, Task
from plan.vocabulary import FactOrigin, ReportingFrequency

TASK_FIELDS = {"lead_agency": "so-noi-vu", "lead_agency_derived": True, "coordinating_agencies": []}


def test_a_lead_agency_taken_from_section_iv_is_inferred_with_its_rule():
    current = {**TASK_FIELDS, "deadline_text": "", "due_date": None}
    facts = task_provenance(current, dict(current), 5, "5.3")
    assert facts["lead_agency"].origin == FactOrigin.INFERRED
    assert facts["lead_agency"].text.startswith("Suy ra: theo mục IV “Tổ chức thực hiện”")
    assert facts["coordinating_agencies"].origin is None and facts["coordinating_agencies"].text == "Kế hoạch không nêu"
    assert facts["deadline"].origin is None


def test_a_fact_changed_since_it_was_loaded_is_the_editors():
    loaded = {**TASK_FIELDS, "lead_agency_derived": False}
    current = {**loaded, "lead_agency": "so-tu-phap"}
    fact = task_provenance(current, loaded, 2, "2.1", "Nguyễn Văn A")["lead_agency"]
    assert fact.origin == FactOrigin.EDITOR and "Nguyễn Văn A" in fact.text


def test_an_indicators_frequency_and_source_are_the_sites_choice_not_the_plans():
    current = {"responsible_agency": "so-noi-vu", "frequency": "yearly", "public_source": "PAR INDEX",
               "public_source_url": "", "comparator": "at_least", "target_value": "80"}  # fmt: skip
    facts = indicator_provenance(current, dict(current), 1, "1.a.1")
    assert facts["frequency"].origin == FactOrigin.EDITOR and "Kế hoạch không nêu tần suất" in facts["frequency"].text
    assert facts["responsible_agency"].origin == FactOrigin.INFERRED
    assert facts["target"].origin == FactOrigin.INFERRED


def public_pages(client, start="/", limit=400):
    """Every same-site HTML page reachable from the home page (feeds, files and the
    search excluded), as {url: soup}."""
    seen, queue, pages = set(), [start], {}
    while queue and len(pages) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        pages[url] = soup
        for link in soup.find_all("a", href=True):
            target = urljoin(url, link["href"]).split("#")[0]
            skip = ("/admin", "/tim-kiem", "/api/", "/documents/", "rss/", "atom/", ".csv", ".json")
            if target.startswith("/") and not any(part in target for part in skip):
                queue.append(target)
    return pages


@pytest.mark.django_db
def test_every_page_marks_every_inferred_fact_it_shows(client):
    derived = {task.get_url(): task for task in Task.objects.filter(lead_agency_derived=True).select_related("area")}
    indicator_urls = {indicator.get_url() for indicator in Indicator.objects.filter(live=True)}
    pages = public_pages(client)
    checked = 0
    for url, soup in pages.items():
        for row in soup.select("table tr"):
            link = row.th.find("a", href=True) if row.th else None
            if link is None:
                continue
            if link["href"] in derived and derived[link["href"]].lead_agency_id:
                lead = row.find_all("td")[-4] if "phu-luc" not in url else row.find_all("td")[2]
                assert lead.select('sup a[href="#ghi-chu-nguon-goc"]'), (url, link["href"])
                checked += 1
            if link["href"] in indicator_urls:
                assert row.select_one("td.target sup a"), (url, link["href"])  # the target is a reading
                checked += 1
        if url in derived:
            assert "Suy ra: theo mục IV “Tổ chức thực hiện”" in soup.get_text(), url
        if url in indicator_urls:
            text = soup.get_text(" ")
            assert "Suy ra: đọc từ nguyên văn chỉ tiêu" in text and "Kế hoạch không nêu tần suất báo cáo" in text, url
    assert len(pages) > 100 and checked > 200


@pytest.mark.django_db
def test_a_deadline_the_plan_does_not_give_is_not_invented(client):
    for code in ("2.2", "5.3"):
        task = Task.objects.get(code=code)
        assert task.deadline_text == "" and task.due_date is None
        page = BeautifulSoup(client.get(task.get_url()).content, "html.parser").get_text(" ")
        assert "Thời gian hoàn thành Kế hoạch không nêu" in " ".join(page.split())


@pytest.mark.django_db
def test_an_editor_set_fact_shows_who_and_when_on_the_page_and_in_open_data(client, admin_user):
    indicator = Indicator.objects.get(code="3.a.2")
    indicator.frequency = ReportingFrequency.HALF_YEARLY  # the data file says monthly
    indicator.save_revision(user=admin_user).publish(user=admin_user)
    text = " ".join(BeautifulSoup(client.get(indicator.get_url()).content, "html.parser").get_text(" ").split())
    assert f"Do biên tập viên đặt: sửa trong trang quản trị ({admin_user.get_username()}," in text
    response = client.get("/du-lieu/chi-tieu.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(r for r in rows if r["ma"] == "3.a.2")
    assert row["nguon_goc_tan_suat"].startswith("Do biên tập viên đặt: sửa trong trang quản trị")
    assert row["nguon_goc_co_quan"].startswith("Suy ra: theo mục IV")


@pytest.mark.django_db
def test_fact_origins_counts_every_fact_once():
    from django.core.management import call_command

    out = io.StringIO()
    call_command("fact_origins", stdout=out)
    total = out.getvalue().strip().splitlines()[-1]
    counts = [int(cell) for cell in total.strip("| ").split(" | ")[1:]]
    tasks, indicators = Task.objects.filter(area__live=True).count(), Indicator.objects.filter(live=True).count()
    assert sum(counts) == 5 * tasks + 6 * indicators
    assert counts[1] >= Task.objects.filter(lead_agency_derived=True).count() + indicators  # inferred
