"""Page passwords cannot be guessed freely (issue 21, finding 5): wrong guesses are
counted per client address and per restriction; past either limit the answer is 429
in Vietnamese with Retry-After and the password is not even checked. The test settings
turn rate limits off; these tests turn them on."""

import re

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import PageViewRestriction

from plan.models import AreaPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("held_rate_window")]

AREA = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"
PASSWORD = "mat-khau-dung"


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def action(client):
    """The address the area's password form posts to."""
    area = AreaPage.objects.get(url_path__endswith="/cai-cach-thu-tuc-hanh-chinh/")
    PageViewRestriction.objects.create(page=area, restriction_type="password", password=PASSWORD)
    form = client.get(AREA).content.decode()
    return re.search(r'<form action="([^"]+)" method="POST"', form).group(1)


def guess(client, action, password, address):
    return client.post(action, {"password": password, "return_url": AREA}, REMOTE_ADDR=address)


@override_settings(RATELIMIT_ENABLE=True)
def test_forty_quick_guesses_are_not_all_checked(client, action):
    answers = [guess(client, action, f"sai-{n}", "203.0.113.5").status_code for n in range(40)]
    assert answers[:10] == [200] * 10  # the form again, with its error
    assert set(answers[10:]) == {429}


@override_settings(RATELIMIT_ENABLE=True, PAGE_PASSWORD_RATE_LIMIT="3/15m")
def test_past_the_limit_an_address_waits_even_with_the_right_password(client, action):
    for n in range(3):
        assert "không đúng" in guess(client, action, f"sai-{n}", "203.0.113.9").content.decode()
    limited = guess(client, action, PASSWORD, "203.0.113.9")
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 15 * 60
    assert "nhập sai quá nhiều lần" in limited.content.decode()
    other = guess(client, action, PASSWORD, "198.51.100.20")  # another address is not held up
    assert other.status_code == 302 and other["Location"] == AREA


@override_settings(RATELIMIT_ENABLE=True, PAGE_PASSWORD_RATE_LIMIT="3/15m", PAGE_PASSWORD_RESTRICTION_RATE_LIMIT="5/h")
def test_guesses_from_many_addresses_are_counted_against_the_restriction(client, action):
    for n in range(5):
        assert guess(client, action, f"sai-{n}", f"192.0.2.{n + 1}").status_code == 200
    limited = guess(client, action, f"sai-{n}", "192.0.2.200")  # an address that never guessed
    assert limited.status_code == 429 and 0 < int(limited["Retry-After"]) <= 3600


@override_settings(RATELIMIT_ENABLE=True, PAGE_PASSWORD_RATE_LIMIT="3/15m")
def test_the_right_password_is_never_counted(client, action):
    for _ in range(6):
        assert guess(client, action, PASSWORD, "203.0.113.30").status_code == 302
    assert client.get(AREA).status_code == 200 and "Cải cách thủ tục hành chính" in client.get(AREA).content.decode()
