"""Every URL parse error is a refusal in Vietnamese (issue 21, finding 10): a bracketed
host that is not IPv6, or a bracket never closed, is refused by the source form, by
import_results and by sync_results with the same message, never a 500, a traceback
or "Lỗi không lường trước". Nothing is fetched: the parse fails first."""

import io

import pytest
from django.core.management import CommandError, call_command

from plan.editorial.roles import sync_roles
from plan.models import Indicator, ResultSource
from plan.results.fetch import FetchError, parse_source_url
from tests import builders
from tests.security.test_result_source_form import CREATE, source_form

pytestmark = pytest.mark.django_db

BAD = ["http://[dichvucong.gov.vn]/a.csv", "http://[::1", "https://]dichvucong.gov.vn/a.csv"]
REFUSAL = "Không đọc được địa chỉ nguồn"


@pytest.fixture
def reviewer_client(client):
    sync_roles()
    client.force_login(builders.reviewer())
    return client


@pytest.mark.parametrize("url", BAD)
def test_the_parser_refuses_in_vietnamese(url):
    with pytest.raises(FetchError, match=REFUSAL):
        parse_source_url(url, ["dichvucong.gov.vn"])


@pytest.mark.parametrize("url", BAD)
def test_the_source_form_refuses_and_stores_nothing(reviewer_client, url):
    indicator = Indicator.objects.get(code="3.a.2")
    response = reviewer_client.post(CREATE, source_form(indicator, url))
    assert response.status_code == 200
    assert any(REFUSAL in error for error in response.context["form"].errors["url"])
    assert not ResultSource.objects.filter(indicator=indicator).exists()


@pytest.mark.parametrize("url", BAD)
def test_import_results_refuses_without_a_traceback(url):
    with pytest.raises(CommandError, match=REFUSAL):
        call_command("import_results", url, "--no-progress")
    with pytest.raises(CommandError, match=REFUSAL):
        call_command("import_results", url, "--format", "csv", "--no-progress")


@pytest.mark.parametrize("url", BAD)
def test_sync_records_the_refusal_not_an_unexpected_error(url):
    source = ResultSource.objects.create(
        indicator=Indicator.objects.get(code="3.a.2"), name="Nguồn thử", url=url, format="csv", value_field="v"
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("sync_results", stdout=out, stderr=err)
    source.refresh_from_db()
    assert source.last_error.startswith(REFUSAL) and "không lường trước" not in source.last_error
