"""The public change history of a page, a task or an indicator, read from Wagtail's
publication log and revisions, and the corrections of published figures."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from plan.content import history
from plan.models import Agency, Indicator, ResultHistory

PUBLISH = "wagtail.publish"
LIMIT = 10


def published_contents(revision_ids):
    """[(published_at, content)] oldest first; `revision_ids` may be a queryset, which
    then runs inside the same statement."""
    revisions = Revision.objects.filter(pk__in=revision_ids).order_by("created_at", "pk").only("created_at", "content")
    return [(revision.created_at, revision.content) for revision in revisions]


def page_revision_ids(page):
    return PageLogEntry.objects.filter(page=page, action=PUBLISH, revision__isnull=False).values_list(
        "revision_id", flat=True
    )


class AgencyNames(dict):
    """{agency pk: name}, read from the database only if a change names an agency."""

    loaded = False

    def get(self, key, default=None):
        if not self.loaded:
            self.update(Agency.objects.values_list("pk", "name"))
            self.loaded = True
        return super().get(key, default)


def agency_names():
    return AgencyNames()


def page_history(page, fields):
    contents = published_contents(page_revision_ids(page))
    return history.versions(contents, fields, agency_names())[:LIMIT]


def task_history(area, code):
    contents = history.task_contents(published_contents(page_revision_ids(area)), code)
    return history.versions(contents, history.TASK_FIELDS, agency_names())[:LIMIT]


def indicator_history(indicator):
    revision_ids = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Indicator),
        object_id=str(indicator.pk),
        action=PUBLISH,
        revision__isnull=False,
    ).values_list("revision_id", flat=True)
    contents = published_contents(revision_ids)
    return history.versions(contents, history.INDICATOR_FIELDS, agency_names())[:LIMIT]


def figure_corrections(indicator):
    """Every change of a published figure of the indicator: period, old and new value,
    when and why, newest first."""
    return (
        ResultHistory.objects.filter(result__indicator=indicator, previous_value__isnull=False)
        .select_related("result")
        .order_by("-changed_at", "-pk")
    )
