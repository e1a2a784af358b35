"""The reference lists every search reads (search.reference) come from the cache, and
a change to what they hold (a topic or agency saved, a page published or unpublished)
shows in the next search."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan.models import AreaPage, Topic
from search.reference import load_reference

pytestmark = pytest.mark.django_db


def loaded_with_queries():
    with CaptureQueriesContext(connection) as queries:
        reference = load_reference()
    return reference, len(queries)


def test_a_second_load_costs_no_query():
    first, first_queries = loaded_with_queries()
    again, again_queries = loaded_with_queries()
    assert first_queries > 0 and again_queries == 0
    assert again.area_labels == first.area_labels and set(again.topics) == set(first.topics)


def test_a_new_topic_shows_at_once():
    load_reference()
    topic = Topic.objects.create(slug="chu-de-moi", name="Chủ đề mới")
    assert topic.pk in load_reference().topics
    topic.delete()
    assert topic.pk not in load_reference().topics


def test_an_unpublished_area_leaves_and_a_published_title_shows(admin_user):
    area = AreaPage.objects.get(slug="cai-cach-thu-tuc-hanh-chinh")
    assert area.pk in load_reference().areas
    area.title = "Cải cách thủ tục (tên mới)"
    area.save_revision(user=admin_user).publish(user=admin_user)
    assert "Cải cách thủ tục (tên mới)" in load_reference().area_labels[area.pk]
    area.unpublish(user=admin_user)
    assert area.pk not in load_reference().areas
