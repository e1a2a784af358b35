"""The public change history of a page, a task or an indicator, read from Wagtail's
publication log and revisions, and the corrections of published figures."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from plan.content import history
from plan.content.raw_values import table
from plan.models import Agency, Indicator, ResultHistory

PUBLISH = "wagtail.publish"
LIMIT = 10


def published_contents(log_table, where, params):
    """[(published_at, content)] oldest first: the revisions that rows of the publication
    log `log_table` (Wagtail's page or model log) matching `where` published. One plain
    statement: the ORM took longer to build it than the database to run it. Revisions are
    read through .raw() so that their fields are converted as the ORM would."""
    revisions, log = table(Revision), table(log_table)
    sql = (
        f"SELECT r.id, r.created_at, r.content FROM {revisions} r WHERE r.id IN "
        f"(SELECT l.revision_id FROM {log} l WHERE l.action = %s AND l.revision_id IS NOT NULL AND {where}) "
        "ORDER BY r.created_at, r.id"
    )
    return [(revision.created_at, revision.content) for revision in Revision.objects.raw(sql, [PUBLISH, *params])]


def page_contents(page):
    return published_contents(PageLogEntry, "l.page_id = %s", [page.pk])


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
    contents = page_contents(page)
    return history.versions(contents, fields, agency_names())[:LIMIT]


def task_history(area, code):
    contents = history.task_contents(page_contents(area), code)
    return history.versions(contents, history.TASK_FIELDS, agency_names())[:LIMIT]


def indicator_history(indicator):
    content_type = ContentType.objects.get_for_model(Indicator)  # cached by Django after the first
    where = "l.content_type_id = %s AND l.object_id = %s"
    contents = published_contents(ModelLogEntry, where, [content_type.pk, str(indicator.pk)])
    return history.versions(contents, history.INDICATOR_FIELDS, agency_names())[:LIMIT]


def figure_corrections(indicator):
    """Every change of a published figure of the indicator: period, old and new value,
    when and why, newest first."""
    return (
        ResultHistory.objects.filter(result__indicator=indicator, previous_value__isnull=False)
        .select_related("result")
        .order_by("-changed_at", "-pk")
    )
