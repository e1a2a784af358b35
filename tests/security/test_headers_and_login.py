"""Headers and login (issue 11, Medium): CSP and Permissions-Policy on every page,
login throttling with a Vietnamese message, `check --deploy` clean in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_public_pages_have_a_strict_policy(client):
    response = client.get("/ke-hoach/cchc-2024/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    script = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in script and "unsafe-eval" not in script
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_has_its_own_additions(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy and "blob:" in policy


def test_thirty_wrong_passwords_lock_the_account_out_even_for_the_right_one(client):
    get_user_model().objects.create_user("bientap", password="mat-khau-dung-123", is_staff=True)
    statuses = [
        client.post("/admin/login/", {"username": "bientap", "password": f"sai-{n}"}).status_code for n in range(30)
    ]
    assert statuses[0] == 200 and statuses[-1] == 429
    response = client.post("/admin/login/", {"username": "bientap", "password": "mat-khau-dung-123"})
    assert response.status_code == 429
    text = response.content.decode()
    assert "Tạm khóa đăng nhập" in text and "15 phút" in text
    assert response["Retry-After"] == str(15 * 60)  # the cool-off: axes counts it from the last wrong password
    assert "_auth_user_id" not in client.session


def test_a_few_mistakes_then_the_right_password_still_log_in(client):
    get_user_model().objects.create_user("nguoiduyet", password="mat-khau-dung-123", is_staff=True)
    for n in range(3):
        client.post("/admin/login/", {"username": "nguoiduyet", "password": f"sai-{n}"})
    response = client.post("/admin/login/", {"username": "nguoiduyet", "password": "mat-khau-dung-123"})
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k" * 20 + "-production-like-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "cchc.example.gov.vn",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_uses_a_shared_cache_and_hsts_preload():
    env = {
        **os.environ,
        "SECRET_KEY": "test-production-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
    }
    code = (
        "import django;django.setup();from django.conf import settings as s;"
        "print(s.CACHES['default']['BACKEND'], s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.split() == ["config.cache.SharedDatabaseCache", "True", "True"], result.stderr
