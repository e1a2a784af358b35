import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def login_request():
    """django-axes (the login throttle) needs the request that tries to log in."""
    return RequestFactory().post("/admin/login/")


def test_admin_gets_a_generated_password_printed_once():
    out = io.StringIO()
    call_command("create_admin", username="bientap", stdout=out)
    password = out.getvalue().split("Mật khẩu:")[1].split()[0]
    assert len(password) >= 20
    assert authenticate(login_request(), username="bientap", password=password).is_superuser
    again = io.StringIO()
    call_command("create_admin", username="bientap", stdout=again)
    assert password not in again.getvalue()
    assert authenticate(login_request(), username="bientap", password=password) is not None


def test_two_setups_get_different_passwords():
    first, second = io.StringIO(), io.StringIO()
    call_command("create_admin", username="mot", stdout=first)
    call_command("create_admin", username="hai", stdout=second)
    assert first.getvalue().split("Mật khẩu:")[1].split()[0] != second.getvalue().split("Mật khẩu:")[1].split()[0]
    assert get_user_model().objects.filter(is_superuser=True).count() >= 2


def test_it_prints_the_admin_address_of_the_server_being_started():
    default, other = io.StringIO(), io.StringIO()
    call_command("create_admin", username="ba", stdout=default)
    call_command("create_admin", username="bon", address="http://0.0.0.0:8765/", stdout=other)
    assert "http://127.0.0.1:8000/admin/" in default.getvalue()
    assert "http://0.0.0.0:8765/admin/" in other.getvalue()
