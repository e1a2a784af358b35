"""Agency scope on cases built for the purpose: two agencies, each with an indicator,
an editor and a results record; a reviewer over both."""

import pytest

from plan.editorial import access
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_agencies():
    first, second = builders.AgencyFactory(), builders.AgencyFactory()
    area = builders.area_page(answerable=[first, second])
    return {
        agency: builders.ResultFactory(indicator=builders.IndicatorFactory(area=area, responsible_agency=agency))
        for agency in (first, second)
    }


def test_an_editor_reaches_only_their_own_agency(two_agencies):
    (first, own), (_second, other) = two_agencies.items()
    user = builders.editor(first)
    assert list(access.editable_indicators(user)) == [own.indicator]
    assert list(access.editable_results(user)) == [own]
    assert not access.is_reviewer(user)
    assert other.indicator not in access.editable_indicators(user)


def test_a_reviewer_reaches_every_agency(two_agencies):
    user = builders.reviewer()
    assert access.is_reviewer(user)
    assert {result.indicator for result in two_agencies.values()} <= set(access.editable_indicators(user))


def test_another_agencys_indicator_answers_403_in_the_admin(client, two_agencies):
    (first, own), (_second, other) = two_agencies.items()
    client.force_login(builders.editor(first))
    assert client.get(f"/admin/snippets/plan/indicator/edit/{own.indicator.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/plan/indicator/edit/{other.indicator.pk}/").status_code == 403
    assert client.get(f"/admin/snippets/plan/indicator/history/{other.indicator.pk}/").status_code == 403
