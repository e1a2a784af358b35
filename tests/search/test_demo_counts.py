"""The search page's status counts say when some of what they count rests on
illustrative figures, with the site's demo badge, and how many; counts of real
statuses carry no such label."""

from datetime import date

import pytest

from plan.models import Indicator, Result
from tests.search.test_search_page import page

pytestmark = pytest.mark.django_db


def status_labels(soup):
    """{status value: (label text, has the demo badge)} of the status facet."""
    labels = {}
    for box in soup.select('.facet input[name="status"]'):
        label = soup.find("label", attrs={"for": box["id"]})
        labels[box["value"]] = (label.get_text(" ", strip=True), label.select_one(".demo-badge") is not None)
    return labels


def figure(code, value, demo):
    source = "Dữ liệu minh họa" if demo else "Cổng DVC"
    indicator = Indicator.objects.get(code=code)
    Result.objects.create(
        indicator=indicator, period="2024", value=value, is_demo=demo, source_name=source, captured_on=date(2025, 1, 15)
    )
    return Indicator.objects.get(code=code).status


def test_status_counts_that_include_illustrative_figures_are_labelled(client):
    demo_status = figure("3.a.4.2", 60, demo=True)
    real_status = figure("3.a.4.1", 85, demo=False)
    labels = status_labels(page(client, "?q=thanh+toan+truc+tuyen&type=indicator"))
    text, badge = labels[demo_status]
    assert badge and "Dữ liệu minh họa" in text
    if real_status == demo_status:
        assert text.endswith("(2, 1 minh họa) Dữ liệu minh họa"), "how many of the count are illustrative"
    else:
        assert text.endswith("(1) Dữ liệu minh họa")
        assert "minh họa" not in labels[real_status][0]
    assert not any(badge for value, (_text, badge) in labels.items() if value != demo_status)


def test_no_label_without_illustrative_figures(client):
    figure("3.a.4.1", 85, demo=False)
    labels = status_labels(page(client, "?q=thanh+toan+truc+tuyen&type=indicator"))
    assert labels and not any(badge or "minh họa" in text for text, badge in labels.values())
