"""with_links gives tasks the coordinating agencies and topics prefetch_related gives,
in the same order, from one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plan.content.queries import with_links
from plan.models import Agency, Task, Topic

pytestmark = pytest.mark.django_db


def links(task):
    return [(a.pk, a.code, a.name) for a in task.coordinating_agencies.all()], [
        (t.pk, t.slug, t.name) for t in task.topics.all()
    ]


def test_same_agencies_and_topics_as_prefetch_in_one_query():
    task = Task.objects.order_by("pk").first()
    task.coordinating_agencies.add(*Agency.objects.order_by("-name")[:3])  # several, to check the order
    task.topics.add(*Topic.objects.all()[:3])
    task.save()
    expected = {t.pk: links(t) for t in Task.objects.prefetch_related("coordinating_agencies", "topics")}
    assert any(agencies and topics for agencies, topics in expected.values())

    tasks = list(Task.objects.all())
    with CaptureQueriesContext(connection) as queries:
        found = with_links(tasks)
        got = {t.pk: links(t) for t in found}
    assert len(queries) == 1
    assert got == expected
    assert len(found[0].topics.all().filter(id=-1)) == 0  # filtering stays in memory


def test_no_task_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert with_links([]) == []
