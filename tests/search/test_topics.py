"""Browsing by topic works without typing: every task has a topic, every task page
links to its topics' pages, and each topic page lists the task."""

import pytest

from plan.models import Task

pytestmark = pytest.mark.django_db


def test_every_task_links_to_its_topics_and_back(client):
    pages = {}
    for task in Task.objects.prefetch_related("topics").select_related("area"):
        topics = list(task.topics.all())
        assert topics, f"task {task.code} has no topic"
        html = client.get(task.get_url()).content.decode()
        for topic in topics:
            assert f'href="{topic.get_absolute_url()}"' in html, (task.code, topic.slug)
            if topic.slug not in pages:
                pages[topic.slug] = client.get(topic.get_absolute_url()).content.decode()
            assert task.get_url() in pages[topic.slug], (task.code, topic.slug)
