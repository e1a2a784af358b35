"""A public source's address is refused on save in the admin when the outbound
fetcher would refuse it (plan/results/fetch.py: one parser for both), with the
fetcher's Vietnamese message, and nothing is stored."""

import pytest

from plan.editorial.roles import sync_roles
from plan.models import ResultSource
from tests import builders

pytestmark = pytest.mark.django_db

CREATE = "/admin/plan/resultsource/create/"


@pytest.fixture
def reviewer_client(client):
    sync_roles()
    client.force_login(builders.reviewer())
    return client


def source_form(indicator, url):
    return {
        "indicator": indicator.pk,
        "name": "Cổng dịch vụ công quốc gia",
        "url": url,
        "format": "csv",
        "period_field": "ky",
        "value_field": "gia_tri",
        "scope_field": "",
        "filter_field": "",
        "filter_value": "",
        "frequency": "monthly",
        "enabled": "on",
        "next_run_at": "",
    }


@pytest.mark.parametrize(
    "url, message",
    [
        ("http://127.0.0.1:8302\\@dichvucong.gov.vn/x.csv", "gạch chéo ngược"),
        ("https://nguoi-dung:mat-khau@dichvucong.gov.vn/x.csv", "tên đăng nhập hay mật khẩu"),
        ("https://dichvucong.gov.vn@127.0.0.1/x.csv", "tên đăng nhập hay mật khẩu"),
        ("file:///etc/passwd", "http:// hoặc https://"),
        ("ftp://dichvucong.gov.vn/x.csv", "http:// hoặc https://"),
        ("https://dichvucong.gov.vn:99999/x.csv", "Cổng trong địa chỉ nguồn không hợp lệ"),
        ("https://dichvucong.gov.vn:8302/x.csv", "Cổng 8302"),
        ("https://127.0.0.1/x.csv", "không nằm trong danh sách nguồn được phép"),
        ("https://dichvucong.gov.vn.attacker.example/x.csv", "không nằm trong danh sách nguồn được phép"),
    ],
)
def test_a_bad_source_address_is_refused_on_save(reviewer_client, url, message):
    indicator = builders.IndicatorFactory()
    response = reviewer_client.post(CREATE, source_form(indicator, url))
    assert response.status_code == 200  # the form again, with the error
    errors = response.context["form"].errors["url"]
    assert any(message in error for error in errors), errors
    assert not ResultSource.objects.filter(indicator=indicator).exists()


def test_an_allowed_address_is_saved_and_an_edit_is_checked_too(reviewer_client):
    indicator = builders.IndicatorFactory()
    good = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ket-qua.csv?tinh=30"
    response = reviewer_client.post(CREATE, source_form(indicator, good))
    assert response.status_code == 302
    source = ResultSource.objects.get(indicator=indicator)
    assert source.url == good
    edit = f"/admin/plan/resultsource/edit/{source.pk}/"
    response = reviewer_client.post(edit, source_form(indicator, "http://127.0.0.1:8302\\@dichvucong.gov.vn/x.csv"))
    assert response.status_code == 200
    source.refresh_from_db()
    assert source.url == good
