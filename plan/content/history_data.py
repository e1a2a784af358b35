"""The public change history of a page, a task or an indicator, read from Wagtail's
publication log and revisions, and the corrections of published figures."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from plan.content import history
from plan.models import Agency, Indicator, ResultHistory

PUBLISH = "wagtail.publish"
LIMIT = 10


def published_contents(log_entries):
    """[(published_at, content)] oldest first: the revisions that the publication log
    entries `log_entries` (a queryset of Wagtail's page or model log) published."""
    published = log_entries.filter(action=PUBLISH, revision__isnull=False).values("revision_id")
    revisions = Revision.objects.filter(pk__in=published).order_by("created_at", "pk")
    return list(revisions.values_list("created_at", "content"))


def page_contents(page):
    return published_contents(PageLogEntry.objects.filter(page=page))


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
    return history.versions(page_contents(page), fields, agency_names())[:LIMIT]


def task_history(area, code):
    contents = history.task_contents(page_contents(area), code)
    return history.versions(contents, history.TASK_FIELDS, agency_names())[:LIMIT]


def indicator_history(indicator):
    content_type = ContentType.objects.get_for_model(Indicator)  # cached by Django after the first
    entries = ModelLogEntry.objects.filter(content_type=content_type, object_id=str(indicator.pk))
    return history.versions(published_contents(entries), history.INDICATOR_FIELDS, agency_names())[:LIMIT]


def figure_corrections(indicator):
    """Every change of a published figure of the indicator: period, old and new value,
    when and why, newest first."""
    return (
        ResultHistory.objects.corrections()
        .filter(result__indicator=indicator)
        .select_related("result")
        .order_by("-changed_at", "-pk")
    )
