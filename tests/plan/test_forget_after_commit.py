"""A change made in a transaction (Wagtail publishes in one) drops the cached pages and
the site basics again when it commits: a request served between the change and the
commit read the old rows, and must not keep them in the cache."""

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction

from plan.models import PlanPage
from plan.public import identity, page_cache

pytestmark = pytest.mark.django_db


def test_a_restriction_saved_in_a_transaction_drops_the_cached_pages_again_on_commit(
    django_capture_on_commit_callbacks,
):
    plan = PlanPage.objects.get()
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        PageViewRestriction.objects.create(page=plan, restriction_type="password", password="bi-mat")
        during = page_cache.generation()  # what a request between the save and the commit uses
    assert callbacks
    for callback in callbacks:
        callback()
    assert page_cache.generation() != during


def test_a_publication_drops_the_cached_pages_and_site_basics_again_on_commit(
    django_capture_on_commit_callbacks, admin_user
):
    plan = PlanPage.objects.get()
    with django_capture_on_commit_callbacks() as callbacks:
        plan.save_revision(user=admin_user).publish(user=admin_user)
        during = page_cache.generation()
        cache.set(identity.CACHE_KEY, {"stale": True})
    for callback in callbacks:
        callback()
    assert page_cache.generation() != during
    assert cache.get(identity.CACHE_KEY) is None
