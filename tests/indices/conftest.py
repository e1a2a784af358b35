"""The index figures of indices/data/chi-so.csv are loaded once per test module and
removed afterwards, so that the other apps' tests see the database they expect."""

import pytest

from indices.loader import load_indices
from indices.models import IndexFigure
from plan.models import LoadRecord


@pytest.fixture(scope="module")
def loaded_figures(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_indices()
    yield
    with django_db_blocker.unblock():
        IndexFigure.objects.all().delete()
        LoadRecord.objects.filter(key__startswith="indexfigure:").delete()
