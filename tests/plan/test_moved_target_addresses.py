"""The three targets that took the code of their first part (plan/migrations/0017) keep
their old addresses: a permanent redirect (Wagtail's redirects, plan/migrations/0019)
leads to the new one."""

import importlib

import pytest
from django.apps import apps as django_apps
from wagtail.contrib.redirects.models import Redirect

from plan.models import Indicator

pytestmark = pytest.mark.django_db

migration = importlib.import_module("plan.migrations.0019_redirect_split_target_addresses")


def test_an_old_target_address_leads_to_the_target_that_took_its_place(client):
    migration.redirect_moved_targets(django_apps, None)
    migration.redirect_moved_targets(django_apps, None)  # run again: nothing added
    assert Redirect.objects.count() == 3
    for old, new in migration.MOVED:
        indicator = Indicator.objects.get(code=new)
        new_url = indicator.get_url()
        old_url = new_url.replace(f"/chi-tieu/{new.replace('.', '-')}/", f"/chi-tieu/{old.replace('.', '-')}/")
        response = client.get(old_url)
        assert response.status_code == 301 and response["Location"] == new_url, old
        assert indicator.statement in client.get(new_url).content.decode()


def test_no_redirect_where_the_old_code_still_has_its_target(client):
    Indicator.objects.filter(code="6.a.5.1").update(code="6.a.5")  # a site the split has not reached
    migration.redirect_moved_targets(django_apps, None)
    assert not Redirect.objects.filter(old_path__endswith="/chi-tieu/6-a-5").exists()
    assert Redirect.objects.count() == 2


def test_the_code_a_split_gave_another_requirement_is_not_redirected(client):
    migration.redirect_moved_targets(django_apps, None)
    assert not Redirect.objects.filter(old_path__contains="2-a-3").exists()
    assert client.get(Indicator.objects.get(code="2.a.3.2").get_url()).status_code == 200
